/**
 * MTA log lines of refusals as published, round 35 (test/fixtures/extract/audit35logs/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit35logs/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('Postfix status lines whose reason lost its peer (`host said:`)', () => {
  it('reads the reply as the remote’s, the remote from relay=, and links the 999 to the 104', async () => {
    const { incidents } = await extract(fixture('postfix-peer-cut-from-reason.log'), options);
    expect(
      incidents.map((i) => [i.orange?.reason, i.reply.code, i.remoteHost, i.remoteIp, i.recipientDomain]),
    ).toEqual([
      [104, 421, 'smtp-in.orange.fr', '193.252.22.84', 'orange.fr'],
      [999, 421, 'smtp-in.orange.fr', '80.12.242.9', 'wanadoo.fr'],
    ]);
    expect(incidents[0]?.reply.text).toBe(
      '421 mwinf5c27 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]',
    );
    expect(incidents.map((i) => [i.occurredAt, i.sendingDomain, i.sendingHosts])).toEqual([
      ['2026-06-14T18:08:39-03:00', 'example.com', ['mx3']],
      ['2026-06-14T18:09:04-03:00', 'example.com', ['mx3']],
    ]);
    expect(incidents[1]?.trigger?.line).toBe(2);
    expect(incidents.every((i) => i.sendingIps.length === 0)).toBe(true);
  });
});

describe('a telnet session to Orange refused after DATA', () => {
  it('takes the sending IP from Orange’s EHLO answer (`250-mwinf5c27 hello [IP], pleased to meet you`)', async () => {
    const { incidents } = await extract(fixture('telnet-orange-506-ehlo-names-client.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.orange?.reason).toBe(506);
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.7']);
    expect(incidents[0]?.sources.sendingIps?.line).toBe(7);
    expect([incidents[0]?.remoteHost, incidents[0]?.sendingDomain, incidents[0]?.recipientDomain]).toEqual([
      'smtp-in.orange.fr',
      'example.com',
      'orange.fr',
    ]);
  });
});

describe('Exim’s debug output of a delivery refused by Orange (`exim -d -M id`)', () => {
  it('gives the refusal the client address Orange’s EHLO answer named and the EHLO name', async () => {
    const { incidents } = await extract(fixture('exim-debug-session-orange-104.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect([incident?.orange?.reason, incident?.remoteHost, incident?.remoteIp]).toEqual([
      104,
      'smtp-in.orange.fr',
      '193.252.22.84',
    ]);
    expect(incident?.sendingIps).toEqual(['203.0.113.7']);
    expect(incident?.sources.sendingIps?.line).toBe(7);
    expect(incident?.sendingHosts).toEqual(['mail.example.com']);
    expect(incident?.sendingDomain).toBe('example.com');
  });
});

describe('Postfix and Sendmail lines with Solaris’s `[ID n mail.info]` tag', () => {
  it('reads them as the MTAs’ lines: sender, host, remote, and the 999 linked to the 102', async () => {
    const { incidents } = await extract(fixture('solaris-syslog-msgid-tags.log'), options);
    expect(
      incidents.map((i) => [i.format, i.orange?.reason, i.sendingDomain, i.sendingHosts, i.remoteIp]),
    ).toEqual([
      ['postfix', 102, 'example.com', ['mail.example.com'], '193.252.22.84'],
      ['postfix', 999, 'example.com', ['mail.example.com'], '80.12.242.9'],
      ['postfix', 505, 'example.com', ['mail.example.com'], '80.12.242.9'],
      ['sendmail', 104, 'example.org', ['relay2.example.org'], '193.252.22.84'],
    ]);
    expect(incidents[1]?.trigger?.line).toBe(3);
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.7']);
    // The refusal at one MX before the message was sent through the next: its recipient is the one the
    // `status=sent` line names, behind its tag too.
    expect(incidents[2]?.recipientDomain).toBe('wanadoo.fr');
    expect(incidents[2]?.sources.recipientDomain?.line).toBe(8);
    expect(incidents[3]?.occurredAt).toBe('2026-10-20T21:40:12+02:00');
  });
});

describe('one delivery run refused by two of Orange’s newer servers, each with its session id', () => {
  it('is one incident, the status line’s, linked to the Abusix refusal before it', async () => {
    const { incidents } = await extract(fixture('postfix-opmta-run-session-ids.log'), options);
    expect(incidents.map((i) => [i.orange?.reason, i.remoteIp, i.orange?.server])).toEqual([
      [100, '193.252.22.84', 'opmta1mti07aub'],
      [999, '193.252.22.84', 'opmta1mti11aub'],
    ]);
    expect(incidents[1]?.sources.reply?.line).toBe(5);
    expect(incidents[1]?.trigger?.line).toBe(2);
    expect(incidents.map((i) => i.sendingIps)).toEqual([['203.0.113.7'], ['203.0.113.7']]);
  });
});

describe('Sendmail lines grepped over the live log and the rotated one (newest file first)', () => {
  it('gives the retry’s refusal the sender of the `from=` line below it', async () => {
    const { incidents } = await extract(fixture('sendmail-grep-rotated-newest-first.log'), options);
    expect(incidents.map((i) => [i.orange?.reason, i.sendingDomain, i.recipientDomain])).toEqual([
      [104, 'example.org', 'orange.fr'],
      [104, 'example.org', 'orange.fr'],
    ]);
    expect(incidents[0]?.sources.sendingDomain?.line).toBe(3);
    // The Message-ID Sendmail made (UTC) beside its line's stamp gives the host's offset, file names
    // before the lines or not.
    expect(incidents.map((i) => i.occurredAt)).toEqual([
      '2026-10-22T10:40:12+02:00',
      '2026-10-20T19:40:12+02:00',
    ]);
  });
});
