/**
 * MailerQ's result JSON: one incident per refused attempt of its `results`, the attempt's own `from`,
 * `to`, `mta`, `time`, `code` and `description` (test/fixtures/extract/audit27/SOURCES-smalllogs.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit27/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("MailerQ's result JSON", () => {
  it('gives each refused attempt with its code, time, sending IP and Orange MX', async () => {
    const { incidents } = await extract(fixture('derived-mailerq-failures-orange.json'), options);
    expect(incidents).toHaveLength(2);
    const [deferred, refused] = incidents;
    expect(deferred?.reply.code).toBe(421);
    // MailerQ's generic 4.0.0 is no enhanced code Orange wrote.
    expect(deferred?.reply.enhanced).toBeNull();
    expect(deferred?.orange?.token).toBe('OFR004_104');
    expect(deferred?.occurredAt).toBe('2024-05-13T08:41:02+00:00');
    expect(deferred?.assumptions.map((a) => a.code)).toContain('date.no-zone');
    expect(deferred?.sendingIps).toEqual(['203.0.113.7']);
    expect(deferred?.sources.sendingIps?.line).toBe(10);
    expect(deferred?.remoteIp).toBe('193.252.22.65');
    expect(deferred?.remoteHost).toBe('smtp-in.orange.fr');
    expect(deferred?.sendingDomain).toBe('news.example.com');
    expect(deferred?.recipientDomain).toBe('orange.fr');
    expect(refused?.reply.code).toBe(550);
    expect(refused?.reply.enhanced).toBe('5.7.1');
    expect(refused?.orange).toEqual({ token: 'OFR006_102', reason: 102, server: 'mwinf5c27' });
    expect(refused?.remoteIp).toBe('80.12.242.15');
    expect(refused?.sources.remoteIp?.line).toBe(23);
    expect(refused?.occurredAt).toBe('2024-05-13T09:12:47+00:00');
  });

  it("reads the documentation's example: the refused attempt only, never the accepted one", async () => {
    const { incidents } = await extract(fixture('mailerq-results-doc-example.json'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.text).toBe('451 Please come back later');
    expect(incident?.reply.enhanced).toBeNull();
    expect(incident?.remoteHost).toBe('mta1.example.com');
    expect(incident?.remoteIp).toBe('10.11.12.13');
    expect(incident?.occurredAt).toBe('2016-02-04T13:45:15+00:00');
  });

  it('gives no incident for an attempt without a code (a timeout)', async () => {
    const json = JSON.stringify({
      envelope: 'a@example.com',
      recipient: 'b@orange.fr',
      results: [{ state: 'connect', result: 'timeout', time: '2024-05-13 08:41:02', to: '193.252.22.65' }],
    });
    const { incidents } = await extract(json, options);
    expect(incidents).toEqual([]);
  });

  it('reads one attempt copied alone, by its remote MTA', async () => {
    const attempt = JSON.parse(fixture('derived-mailerq-failures-orange.json')).results[1];
    const { incidents } = await extract(JSON.stringify(attempt, null, 4), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.remoteIp).toBe('80.12.242.15');
    expect(incidents[0]?.occurredAt).toBe('2024-05-13T09:12:47+00:00');
  });

  it("takes no other JSON's `state` and `result` for MailerQ's: a webhook's HTTP attempts are no refusals", async () => {
    const { incidents } = await extract(fixture('derived-webhook-attempts-not-mailerq.json'), options);
    expect(incidents).toEqual([]);
  });
});
