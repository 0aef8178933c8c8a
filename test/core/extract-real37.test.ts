/**
 * Log and bounce shapes published elsewhere that were not yet read right, round 37
 * (test/fixtures/extract/real37/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/real37/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-06T12:00:00Z') };

describe('Exim’s debug output naming each connection’s remote and local interface', () => {
  it('takes the remote and the sending IP from each `Connecting to HOST [IP]:25 from IP ...` line', async () => {
    const { incidents } = await extract(fixture('exim-debug-connecting-from-interface.txt'), options);
    expect(
      incidents.map((i) => [i.reply.code, i.orange?.reason, i.sendingIps, i.remoteHost, i.remoteIp]),
    ).toEqual([
      [421, 104, ['203.0.113.25'], 'smtp-in.orange.fr', '193.252.22.65'],
      [550, 506, ['203.0.113.25'], 'smtp-in.orange.fr', '80.12.24.81'],
    ]);
    // The greeting refused: no EHLO answer, the connection line alone names the local address.
    expect(incidents[0]?.sources.sendingIps?.line).toBe(5);
    expect(incidents[1]?.sources.remoteIp?.line).toBe(10);
  });
});

describe('Haraka’s logfmt output', () => {
  it('reads the lines as Haraka’s: sender, sending IP and host, remote', async () => {
    const { incidents } = await extract(fixture('haraka-logfmt-orange.log'), options);
    expect(
      incidents.map((i) => [
        i.format,
        i.occurredAt,
        i.orange?.reason,
        i.sendingIps,
        i.sendingHosts,
        i.sendingDomain,
        i.remoteHost,
        i.remoteIp,
      ]),
    ).toEqual([
      [
        'haraka',
        '2025-03-14T10:02:12+00:00',
        506,
        ['203.0.113.40'],
        [],
        'example.com',
        'smtp-in.orange.fr',
        '193.252.22.84',
      ],
      ['haraka', '2025-03-14T10:40:03+00:00', 104, [], ['mail.example.com'], null, null, null],
    ]);
    // The reply without logfmt's quotes, Orange's EHLO answer cited for the address.
    expect(incidents[0]?.reply.text).toBe('550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]');
    expect(incidents[0]?.sources.sendingIps?.line).toBe(9);
  });
});

describe('KumoMTA’s OOB records (out-of-band bounces it received)', () => {
  it('makes an incident of each, with the report’s reply and no remote', async () => {
    const { incidents } = await extract(fixture('kumomta-oob-orange-102.jsonl'), options);
    expect(
      incidents.map((i) => [
        i.format,
        i.occurredAt,
        i.reply.text,
        i.sendingDomain,
        i.recipientDomain,
        i.remoteHost,
        i.remoteIp,
      ]),
    ).toEqual([
      [
        'kumomta',
        '2026-03-03T09:56:19+00:00',
        '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=198.51.100.7 [102]',
        'news.example.com',
        'orange.fr',
        null,
        null,
      ],
      [
        'kumomta',
        '2026-03-03T09:56:21+00:00',
        '550 5.2.0 mwinf5c41 ME Mail rejete. Mail rejected. OFR_506 [506]',
        'news.example.com',
        'wanadoo.fr',
        null,
        null,
      ],
    ]);
    // The relay that sent the bounce is no remote; the Cloudmark link names the address Orange refused.
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.7']);
    expect(incidents.every((i) => i.assumptions.some((a) => a.code === 'kumomta-oob'))).toBe(true);
  });
});

describe('Exchange Online’s message trace detail from Microsoft Graph', () => {
  it('reads the Fail event’s status tags and UTC date', async () => {
    const { incidents } = await extract(fixture('graph-message-trace-detail-orange-506.json'), options);
    expect(
      incidents.map((i) => [i.occurredAt, i.reply.text, i.sendingIps, i.remoteHost, i.remoteIp]),
    ).toEqual([
      [
        '2024-03-04T09:12:02+00:00',
        '550 5.2.0 eBxYqkPsQ2 Mail rejete. Mail rejected. ofr_506 [506]',
        [],
        'smtp-in.orange.fr',
        '193.252.22.84',
      ],
    ]);
    expect(incidents[0]?.orange?.reason).toBe(506);
  });
});

describe('Postal v3’s JSON log entries (Klogger)', () => {
  it('reads them as Postal’s sender log, each session tied by its log_id', async () => {
    const { incidents } = await extract(fixture('postal-v3-klogger-json.log'), options);
    expect(
      incidents.map((i) => [
        i.format,
        i.occurredAt,
        i.orange?.reason,
        i.recipientDomain,
        i.remoteHost,
        i.remoteIp,
        i.sendingIps,
      ]),
    ).toEqual([
      [
        'postal',
        '2024-03-04T09:12:02+00:00',
        102,
        null,
        'smtp-in.orange.fr',
        '80.12.242.15',
        ['198.51.100.23'],
      ],
      ['postal', '2024-03-04T09:12:03+00:00', 506, 'orange.fr', 'smtp-in.orange.fr', '193.252.22.84', []],
    ]);
    // Without the `)` Ruby's message put after the reply's line end.
    expect(incidents[0]?.reply.text.endsWith('[102]')).toBe(true);
  });
});

describe('Haraka’s JSON output', () => {
  it('reads the lines as Haraka’s, as its default and logfmt output', async () => {
    const { incidents } = await extract(fixture('haraka-json-orange.log'), options);
    expect(
      incidents.map((i) => [
        i.format,
        i.occurredAt,
        i.orange?.reason,
        i.sendingIps,
        i.sendingHosts,
        i.sendingDomain,
        i.remoteHost,
        i.remoteIp,
      ]),
    ).toEqual([
      ['haraka', null, 506, ['203.0.113.40'], [], 'example.com', 'smtp-in.orange.fr', '193.252.22.84'],
      ['haraka', null, 104, [], ['mail.example.com'], null, null, null],
    ]);
  });
});

describe('a JSON log quoting Orange’s greeting and EHLO answer (nodemailer through winston)', () => {
  it('makes no incident of a 2xx reply that names Orange’s server only', async () => {
    const { incidents } = await extract(fixture('nodemailer-winston-transcript-orange.ndjson'), options);
    expect(incidents.map((i) => [i.reply.code, i.orange?.reason])).toEqual([
      [550, 416],
      [550, 416],
    ]);
  });
});

describe('nodemailer’s debug output through its own logger', () => {
  it('reads the S:/C: lines behind its prefix as a session, the remote from its Resolved line', async () => {
    const { incidents } = await extract(fixture('nodemailer-debug-logger-orange-416.log'), options);
    expect(
      incidents.map((i) => [
        i.orange?.reason,
        i.sendingIps,
        i.sendingHosts,
        i.sendingDomain,
        i.recipientDomain,
        i.remoteHost,
        i.remoteIp,
      ]),
    ).toEqual([
      [
        416,
        ['203.0.113.40'],
        ['app1.example.com'],
        'example.com',
        'orange.fr',
        'smtp-in.orange.fr',
        '193.252.22.84',
      ],
    ]);
    expect(incidents[0]?.sources.remoteHost?.line).toBe(3);
  });
});

describe('Exim’s debug output with +timestamp', () => {
  it('reads the session behind the time and process id', async () => {
    const { incidents } = await extract(fixture('exim-debug-timestamp-pid.txt'), options);
    expect(incidents.map((i) => [i.orange?.reason, i.sendingIps, i.remoteHost, i.remoteIp])).toEqual([
      [104, ['203.0.113.25'], 'smtp-in.orange.fr', '193.252.22.65'],
      [506, ['203.0.113.25'], 'smtp-in.orange.fr', '80.12.24.81'],
    ]);
    expect(incidents[1]?.sendingDomain).toBe('example.com');
  });
});
