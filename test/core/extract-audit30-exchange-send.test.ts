/**
 * Exchange's SMTP Send protocol log, as administrators paste it: the remote's refusal is a `<` row of the
 * session, the command it answers only told by the order of the rows
 * (test/fixtures/extract/audit30mtalogs/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit30mtalogs/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('an Exchange server behind NAT refused by Orange at RCPT, at the end of DATA, then at the greeting', () => {
  it('reads each refusal with the command it answers, the MX address and the public address Orange saw', async () => {
    const { incidents } = await extract(fixture('exchange-smtpsend-orange-506-then-999.log'), options);
    expect(incidents.map((i) => [i.sources.reply?.line, i.orange?.reason])).toEqual([
      [18, 416],
      [21, 506],
      [28, 999],
    ]);
    const [rcpt, data, greeting] = incidents;
    expect(rcpt?.format).toBe('exchange');
    expect(rcpt?.occurredAt).toBe('2024-03-12T09:14:58+00:00');
    expect(rcpt?.recipientDomain).toBe('wanadoo.fr');
    expect(rcpt?.reply.enhanced).toBe('5.1.1');
    // The end of DATA answers for the recipient Orange accepted, not the one it refused.
    expect(data?.recipientDomain).toBe('orange.fr');
    expect(data?.occurredAt).toBe('2024-03-12T09:14:59+00:00');
    for (const incident of [rcpt, data]) {
      expect(incident?.sendingDomain).toBe('cabinet-lemoine.fr');
      expect(incident?.sendingHosts).toEqual(['mail.cabinet-lemoine.fr']);
      // The local endpoint 10.20.0.25 is private; Orange's EHLO reply names the address it saw.
      expect(incident?.sendingIps).toEqual(['203.0.113.25']);
      expect(incident?.remoteIp).toBe('193.252.22.65');
      expect(incident?.isOrange).toBe(true);
    }
    // Refused at the greeting: no EHLO, no sender, and only a private local endpoint in that session,
    // the same as the 506's: the suspension is that machine's, its address the one the 506 gave.
    expect(greeting?.occurredAt).toBe('2024-03-12T09:31:07+00:00');
    expect(greeting?.remoteIp).toBe('80.12.242.9');
    expect(greeting?.reply.text).toContain('please try later. OFR_999 [999]');
    expect(greeting?.trigger?.line).toBe(21);
    expect(greeting?.trigger?.reason).toBe(506);
    expect(greeting?.sendingIps).toEqual(['203.0.113.25']);
    expect(greeting?.assumptions.map((a) => a.code)).toContain('sending-ip-from-trigger');
    expect(greeting?.sendingDomain).toBeNull();
    expect(greeting?.recipientDomain).toBeNull();
  });
});

describe('the same log pasted in a question: header without its #, a blank line between the rows', () => {
  it('reads the greeting refusal with its date, the public local endpoint and the MX address', async () => {
    const { incidents } = await extract(fixture('exchange-smtpsend-qa-pasted-102.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('exchange');
    expect(incident?.occurredAt).toBe('2024-05-06T07:12:31+00:00');
    expect(incident?.sendingIps).toEqual(['198.51.100.40']);
    expect(incident?.remoteIp).toBe('80.12.242.15');
    expect(incident?.orange?.reason).toBe(102);
    expect(incident?.orange?.server).toBe('mwinf5c79');
    expect(incident?.sendingHosts).toEqual([]);
  });

  it('keeps a reply whose commas lost their quotes whole', async () => {
    const unquoted = fixture('exchange-smtpsend-orange-506-then-999.log').replace(
      /"(421 mwinf5c77[^"]*)"/,
      '$1',
    );
    const { incidents } = await extract(unquoted, options);
    expect(incidents.at(-1)?.reply.text).toBe(
      '421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]',
    );
  });
});

describe('a message tracking log, then send protocol rows whose header was lost', () => {
  it('reads the rows as the send log’s, not as tracking rows', async () => {
    const tracking = readFileSync(
      fileURLToPath(new URL('../fixtures/logs/exchange-tracking.log', import.meta.url)),
      'utf8',
    );
    const rows = fixture('exchange-smtpsend-orange-506-then-999.log')
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n');
    const { incidents } = await extract(`${tracking}${rows}`, options);
    expect(
      incidents.filter((i) => i.occurredAt?.startsWith('2024-03-12')).map((i) => i.orange?.reason),
    ).toEqual([416, 506, 999]);
  });
});
