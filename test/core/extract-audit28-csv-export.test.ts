/**
 * A CSV export whose header names its columns: each row's date, recipient and sender domain are read
 * from them (test/fixtures/extract/audit28/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit28/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };
const EXPORT = 'derived-copernica-errors-log-orange.csv';

describe("a CSV export's rows", () => {
  it('read the date, recipient and sender domain of each row from the named columns', async () => {
    const { incidents } = await extract(fixture(EXPORT), options);
    expect(
      incidents.map((i) => [
        i.orange?.reason,
        i.occurredAt,
        i.recipientDomain,
        i.sendingDomain,
        i.sendingIps,
      ]),
    ).toEqual([
      [102, '2024-03-14T09:12:44+00:00', 'wanadoo.fr', 'news.example.com', ['198.51.100.23']],
      [417, '2024-03-14T09:13:02+00:00', 'orange.fr', 'news.example.com', []],
    ]);
    expect(incidents[0]?.sources.occurredAt?.line).toBe(2);
    expect(incidents[1]?.sources.recipientDomain?.line).toBe(3);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
  });

  it('reads the date in the zone asked for', async () => {
    const { incidents } = await extract(fixture(EXPORT), { ...options, assumeZone: 'Europe/Paris' });
    expect(incidents[0]?.occurredAt).toBe('2024-03-14T09:12:44+01:00');
  });

  it('leaves a date that may be read either way empty', async () => {
    const text = fixture(EXPORT).replace('2024-03-14 09:12:44', '03/04/2024 09:12:44');
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.occurredAt).toBeNull();
  });

  it('reads nothing from columns when the first line is no header', async () => {
    const rows = fixture(EXPORT).split('\n').slice(1).join('\n');
    const { incidents } = await extract(rows, options);
    expect(incidents.map((i) => i.sendingDomain)).toEqual([null, null]);
  });
});
