/**
 * PowerMTA, KumoMTA, qmail and Haraka log lines of refusals as published, round 36
 * (test/fixtures/extract/audit36logs/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit36logs/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-06T12:00:00Z') };

describe('a PowerMTA bounce file whose last column, dsnDiag, is unquoted', () => {
  it('reads every column, the reply whole, and says nothing of a misaligned row', async () => {
    const { incidents, warnings } = await extract(fixture('powermta-bounce-file-diag-last.csv'), options);
    expect(
      incidents.map((i) => [i.occurredAt, i.sendingIps, i.remoteHost, i.remoteIp, i.orange?.token]),
    ).toEqual([
      ['2016-08-01T14:06:01-04:00', ['192.0.2.47'], 'smtp-in.orange.fr', '193.252.22.65', 'OFR006_102'],
      ['2016-08-01T14:50:01-04:00', ['192.0.2.48'], 'smtp-in.orange.fr', '80.12.24.81', 'OFR004_104'],
    ]);
    expect(incidents[1]?.reply.text).toBe(
      '421 mwinf5c27 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]',
    );
    // srcMta is the client that handed the message to PowerMTA, not the sending host.
    expect(incidents.map((i) => [i.sendingDomain, i.sendingHosts])).toEqual([
      ['news.example.com', []],
      ['news.example.com', []],
    ]);
    expect(incidents.every((i) => i.assumptions.some((a) => a.code === 'powermta-queue-time'))).toBe(true);
    expect(warnings.map((w) => w.code)).not.toContain('powermta-misaligned-row');
  });
});

describe('two PowerMTA accounting files run together, a reply with an unquoted comma', () => {
  it('reads each file by its own header and the columns after the reply from the row’s end', async () => {
    const { incidents, warnings } = await extract(fixture('powermta-two-headers-unquoted-diag.csv'), options);
    expect(
      incidents.map((i) => [
        i.occurredAt,
        i.sendingIps,
        i.remoteHost,
        i.remoteIp,
        i.reply.code,
        i.orange?.token,
        i.sources.reply?.line,
      ]),
    ).toEqual([
      [
        '2025-06-02T08:00:03+02:00',
        ['203.0.113.21'],
        'smtp-in.orange.fr',
        '193.252.22.84',
        421,
        'OFR005_104',
        3,
      ],
      [
        '2025-06-03T11:12:13+02:00',
        ['203.0.113.22'],
        'smtp-in.orange.fr',
        '80.12.24.81',
        421,
        'OFR004_999',
        5,
      ],
    ]);
    expect(incidents[1]?.reply.text).toBe(
      '421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_999 [999]',
    );
    expect(warnings.map((w) => w.code)).toContain('powermta-realigned-row');
  });
});

describe('KumoMTA records sent through a proxy', () => {
  it('takes the public source address for the sending IP, never the private one, nor the MX', async () => {
    const { incidents } = await extract(fixture('kumomta-source-address-proxy.jsonl'), options);
    expect(
      incidents.map((i) => [
        i.occurredAt,
        i.sendingIps,
        i.sendingDomain,
        i.remoteHost,
        i.remoteIp,
        i.orange?.reason,
      ]),
    ).toEqual([
      [
        '2024-09-27T09:56:51+00:00',
        ['198.51.100.17'],
        'mail.example.com',
        'smtp-in.orange.fr',
        '193.252.22.84',
        104,
      ],
      ['2024-09-27T09:56:52+00:00', [], 'mail.example.com', 'smtp-in.orange.fr', '80.12.24.82', 999],
    ]);
  });
});

describe('qmail-send through splogger, refused by Orange at the greeting then at RCPT', () => {
  it('dates each refusal by splogger’s epoch and reads the remote from qmail-remote’s words', async () => {
    const { incidents } = await extract(fixture('qmail-splogger-orange-greeting-and-rcpt.log'), options);
    expect(
      incidents.map((i) => [
        i.occurredAt,
        i.sendingHosts,
        i.sendingIps,
        i.sendingDomain,
        i.remoteIp,
        i.reply.code,
        i.reply.enhanced,
        i.orange?.token,
      ]),
    ).toEqual([
      ['2024-03-03T09:15:03+00:00', ['mx1'], [], 'example.com', '193.252.22.65', 421, null, 'OFR004_999'],
      ['2024-03-03T09:16:11+00:00', ['mx1'], [], 'example.com', '80.12.24.81', 550, '5.1.1', 'OFR_416'],
    ]);
  });
});

describe('Haraka at PROTOCOL level, refused by Orange after DATA', () => {
  it('takes the sending IP from Orange’s EHLO answer (`S: 250-mwinf5c27 hello [IP]`)', async () => {
    const { incidents } = await extract(fixture('haraka-protocol-orange-ehlo-names-client.log'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.sendingIps).toEqual(['203.0.113.40']);
    expect(incident?.sources.sendingIps?.line).toBe(9);
    expect([
      incident?.occurredAt,
      incident?.sendingDomain,
      incident?.remoteHost,
      incident?.remoteIp,
      incident?.reply.text,
      incident?.orange?.reason,
    ]).toEqual([
      '2025-03-14T10:02:12+00:00',
      'example.com',
      'smtp-in.orange.fr',
      '193.252.22.84',
      '550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]',
      506,
    ]);
  });
});
