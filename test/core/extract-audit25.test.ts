/**
 * Twenty-fifth round of real input (test/fixtures/extract/audit25/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit25/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('forwards in other languages', () => {
  it("dates a notice by Portuguese Outlook's `Enviada em:` line, in the assumed zone", async () => {
    const { incidents } = await extract(fixture('outlook-pt-forward-ofr505.txt'), {
      ...options,
      assumeZone: 'Europe/Lisbon',
    });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2011-04-25T10:53:00+01:00');
    expect(incidents[0]?.sources.occurredAt?.text).toContain('Enviada em:');
    expect(incidents[0]?.assumptions[0]?.text.en).toContain('Europe/Lisbon was assumed');
    expect(incidents[0]?.orange?.token).toBe('OFR005_505');
  });
});

describe('rows copied from a dashboard in a day-first locale', () => {
  it('dates each row by its own stamp when only one reading of it is a date', async () => {
    const { incidents } = await extract(fixture('derived-dashboard-rows-fr-dates.tsv.txt'), options);
    expect(incidents.map((i) => i.occurredAt)).toEqual([
      '2021-04-21T17:16:28+00:00',
      '2021-04-21T17:20:02+00:00',
    ]);
    expect(incidents.map((i) => i.orange?.reason)).toEqual([102, 104]);
    expect(incidents[0]?.assumptions[0]?.text.en).toContain('UTC was assumed');
  });

  it('leaves the date empty when the day and the month could be either', async () => {
    const text = fixture('derived-dashboard-rows-fr-dates.tsv.txt').replaceAll('21/04/2021', '03/04/2021');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.occurredAt)).toEqual([null, null]);
  });
});
