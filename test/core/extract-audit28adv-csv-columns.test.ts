/**
 * A CSV export's named columns read against the other readers of its row
 * (test/fixtures/extract/audit28adv/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit28adv/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("a CSV export's recipient column", () => {
  it("wins over the sender's address written before it on the row", async () => {
    const { incidents } = await extract(fixture('derived-smtpeter-failures-log-orange.csv'), options);
    expect(incidents.map((i) => [i.orange?.reason, i.recipientDomain, i.sendingDomain])).toEqual([
      [102, 'wanadoo.fr', 'lettre.example.com'],
      [104, 'orange.fr', 'lettre.example.com'],
    ]);
    expect(incidents[0]?.sources.recipientDomain?.line).toBe(2);
  });

  it('give the sending and the remote address from the columns named for them', async () => {
    const { incidents } = await extract(fixture('derived-smtpeter-failures-log-orange.csv'), options);
    expect(incidents.map((i) => [i.sendingIps, i.remoteIp])).toEqual([
      [['198.51.100.23'], '193.252.22.65'],
      [['198.51.100.23'], '80.12.242.10'],
    ]);
    expect(incidents[1]?.sources.sendingIps?.line).toBe(3);
    expect(incidents[1]?.sources.remoteIp?.line).toBe(3);
  });

  it("leave an address column alone when it holds an envelope's address", async () => {
    const text =
      'date,from,to,status,reply\n2024-03-14 09:12:44,news@lettre.example.com,marie@orange.fr,deferred,"421 mwinf5c14 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_999 [999]"\n';
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.recipientDomain, i.sendingDomain, i.sendingIps, i.remoteIp])).toEqual([
      ['orange.fr', 'lettre.example.com', [], null],
    ]);
  });

  it('are read in an export separated by semicolons', async () => {
    const { incidents } = await extract(fixture('derived-semicolon-export-orange.csv'), options);
    expect(
      incidents.map((i) => [i.orange?.reason, i.occurredAt, i.recipientDomain, i.sendingDomain]),
    ).toEqual([
      [102, '2024-03-14T09:12:44+00:00', 'wanadoo.fr', 'news.example.com'],
      [104, '2024-03-14T09:13:02+00:00', 'orange.fr', 'news.example.com'],
    ]);
  });

  it('give a date written with its month named (RFC 5322)', async () => {
    const { incidents } = await extract(fixture('derived-mailgun-bounces-orange.csv'), options);
    expect(incidents.map((i) => [i.orange?.reason, i.occurredAt, i.recipientDomain])).toEqual([
      [102, '2024-03-14T09:12:44+00:00', 'wanadoo.fr'],
      [417, '2024-03-14T09:13:02+00:00', 'orange.fr'],
    ]);
    expect(incidents[0]?.sources.occurredAt?.line).toBe(2);
    expect(incidents[0]?.assumptions.map((a) => a.code)).not.toContain('date.no-zone');
  });

  it('give a date with its month named and no zone, the zone assumed and said', async () => {
    const text = fixture('derived-mailgun-bounces-orange.csv').replace(
      'Thu, 14 Mar 2024 09:12:44 UTC',
      'Thu, 14 Mar 2024 09:12:44',
    );
    const { incidents } = await extract(text, { ...options, assumeZone: 'Europe/Paris' });
    expect(incidents[0]?.occurredAt).toBe('2024-03-14T09:12:44+01:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
  });
});
