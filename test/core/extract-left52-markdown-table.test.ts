/**
 * A Markdown table a person wrote to list refusals, one row each (test/fixtures/extract/left52/SOURCES.md):
 * each row is a refusal dated by its own `Date` cell, the same reply on two rows two refusals.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/left52/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe('a Markdown table of refusals', () => {
  it('gives one incident per row, dated by its Date cell, the line cited', async () => {
    const text = fixture('markdown-table-dated-refusals.md');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.occurredAt, i.orange?.reason, i.sources.occurredAt?.line])).toEqual([
      ['2026-12-03T09:14:07+00:00', 999, 8],
      ['2026-12-03T11:20:40+00:00', 999, 9],
      ['2026-12-04T10:02:11+00:00', 104, 10],
    ]);
    // The cell names no zone: the assumed one, said.
    for (const incident of incidents)
      expect(incident.assumptions.map((a) => a.code)).toContain('date.no-zone');
    // A column named `IP` alone does not say whose address it is: not taken for the sending IP.
    expect(incidents.map((i) => i.sendingIps)).toEqual([[], [], []]);
  });

  it('reads the rows with the dates in the zone set in the settings', async () => {
    const { incidents } = await extract(fixture('markdown-table-dated-refusals.md'), {
      ...options,
      assumeZone: 'Europe/Paris',
    });
    expect(incidents.map((i) => i.occurredAt)).toEqual([
      '2026-12-03T09:14:07+01:00',
      '2026-12-03T11:20:40+01:00',
      '2026-12-04T10:02:11+01:00',
    ]);
  });

  it('reads no date from a table whose header names no date column', async () => {
    const text = fixture('markdown-table-dated-refusals.md').replace('| Date ', '| When ');
    const { incidents } = await extract(text, options);
    expect(incidents.every((i) => i.occurredAt === null)).toBe(true);
  });
});
