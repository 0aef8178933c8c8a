/**
 * An Orange refusal forwarded inline by Outlook in Polish, Danish, Norwegian or Finnish, the forwarding
 * message's own Date a day later (test/fixtures/extract/months31/SOURCES.md): the notice's date is its
 * sent line's, whose month Outlook writes in the language's own words and case.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract, extractBytes } from '../../core/extract';

const path = (name: string) =>
  fileURLToPath(new URL(`../fixtures/extract/months31/${name}`, import.meta.url));
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('a notice forwarded by Outlook with its month in Polish, Danish, Norwegian or Finnish', () => {
  it.each([
    [
      'outlook-pl-forward-orange-102.eml',
      'Wysłane: czwartek, 4 grudnia 2026 10:12',
      '2026-12-04T10:12:00+01:00',
      '203.0.113.45',
    ],
    [
      'outlook-da-forward-orange-102.eml',
      'Sendt: torsdag den 5. marts 2026 10:12',
      '2026-03-05T10:12:00+01:00',
      '203.0.113.46',
    ],
    [
      'outlook-nb-forward-orange-102.eml',
      'Sendt: torsdag 4. desember 2026 10:12',
      '2026-12-04T10:12:00+01:00',
      '203.0.113.47',
    ],
    [
      'outlook-fi-forward-orange-102.eml',
      'Lähetetty: torstai 4. joulukuuta 2026 10.12',
      '2026-12-04T10:12:00+01:00',
      '203.0.113.48',
    ],
  ])('%s is dated by its sent line, in the forwarding message’s zone', async (name, line, iso, ip) => {
    const { incidents } = await extractBytes(new Uint8Array(readFileSync(path(name))), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBe(iso);
    expect(incident?.sources.occurredAt?.text).toBe(line);
    expect(incident?.assumptions.map((a) => a.code)).toContain('date.forwarded-notice');
    expect(incident?.sendingIps).toEqual([ip]);
    expect(incident?.orange?.reason).toBe(102);
  });

  it('the Finnish body pasted alone, `klo` before a dotted time: that date, said to have no zone', async () => {
    const { incidents } = await extract(
      readFileSync(path('outlook-fi-forward-body-pasted-klo.txt'), 'utf8'),
      options,
    );
    expect(incidents).toHaveLength(1);
    // 10.12 is the time, not the 10th of December.
    expect(incidents[0]?.occurredAt).toBe('2026-12-04T10:12:00+00:00');
    expect(incidents[0]?.sources.occurredAt?.text).toBe('Lähetetty: 4. joulukuuta 2026 klo 10.12');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
    expect(incidents[0]?.orange?.token).toBe('OFR006_102');
  });
});
