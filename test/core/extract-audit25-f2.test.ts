/**
 * Several incidents in one paste, each with its own fields (audit a3 of the twenty-fifth round; the
 * samples and their sources are in test/fixtures/extract/audit25/SOURCES-f2.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/audit25/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('a log line or an ESP event among words that hold another reply', () => {
  it('reads a Postfix line quoted below a UI summary and comments as the log line, with its date and host', async () => {
    const { incidents } = await extract(fixture('mailcow2532-tonline-summary-and-log.txt'), options);
    expect(incidents.map((i) => i.sources.reply?.line)).toEqual([3, 15]);
    const [summary, logged] = incidents;
    expect(logged?.format).toBe('postfix');
    expect(logged?.occurredAt).toBe('2026-04-14T19:44:46+00:00');
    expect(logged?.sendingHosts).toEqual(['mail']);
    expect([logged?.remoteHost, logged?.remoteIp]).toEqual(['mx01.t-online.de', '194.25.134.72']);
    // The summary's refusal is read alone: nothing of the log line's is lent to it.
    expect([summary?.remoteHost, summary?.remoteIp]).toEqual(['mx02.t-online.de', '194.25.134.9']);
    expect([summary?.occurredAt, summary?.sendingHosts]).toEqual([null, []]);
  });

  it("keeps a Mailgun delivery-status's code and MX host when fenced replies follow it", async () => {
    const { incidents, warnings } = await extract(
      fixture('mailgun-orange-405-plus-two-outlook.txt'),
      options,
    );
    expect(incidents).toHaveLength(3);
    const [orange, blocked, limited] = incidents;
    expect([orange?.reply.code, orange?.reply.enhanced]).toEqual([501, '5.1.0']);
    expect(orange?.remoteHost).toBe('smtp-in.orange.fr');
    expect(orange?.sources.remoteHost?.line).toBe(3);
    expect(orange?.orange?.token).toBe('OFR004_405');
    // The Outlook replies below keep their own IP and date, and lend nothing to the event.
    expect([blocked?.sendingIps, blocked?.occurredAt]).toEqual([
      ['198.61.254.59'],
      '2024-10-07T11:48:34+00:00',
    ]);
    expect([limited?.sendingIps, limited?.occurredAt]).toEqual([['69.72.42.6'], '2024-10-07T11:32:37+00:00']);
    expect(orange?.sendingIps).toEqual([]);
    expect(warnings.some((w) => w.code === 'missing.replyCode' && w.text.en.startsWith('Incident 1:'))).toBe(
      false,
    );
  });
});

describe('a log line, then a JSON diff quoting the same reply', () => {
  it('reads the log line as the log, and lends nothing of it to the diff', async () => {
    const { incidents } = await extract(fixture('activecampaign-pr60-comment.md'), options);
    expect(incidents.map((i) => i.sources.reply?.line)).toEqual([3, 14]);
    const [logged, quoted] = incidents;
    expect(logged?.format).toBe('postfix');
    expect(logged?.sendingHosts).toEqual(['server1']);
    expect(logged?.occurredAt).toBe('2021-04-21T17:16:28+02:00');
    expect(logged?.orange?.token).toBe('OFR006_102');
    // The diff names no recipient, host or date: none is taken from line 3.
    expect([quoted?.recipientDomain, quoted?.remoteHost, quoted?.occurredAt]).toEqual([null, null, null]);
    expect(Object.values(quoted?.sources ?? {}).every((ref) => ref.line === 14)).toBe(true);
  });
});

describe('two DSN blocks for one recipient, from two remotes', () => {
  it('are two incidents, each with its own remote and reply', async () => {
    const { incidents } = await extract(fixture('sisimai312-three-dsn-blocks.txt'), options);
    expect(incidents.map((i) => [i.remoteHost ?? i.remoteIp, i.reply.code, i.sources.reply?.line])).toEqual([
      ['183.81.162.32', 550, 6],
      ['subdomain.mail.protection.outlook.com', 550, 15],
      ['mta5.am0.yahoodns.net', 554, 26],
    ]);
    expect(incidents[1]?.reply.text).toMatch(
      /^550 5\.4\.1 \[email@address\.com\]: Recipient address rejected/,
    );
  });
});
