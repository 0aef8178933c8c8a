/**
 * An Orange refusal forwarded inline by Outlook in Swedish or Danish (`Från:`/`Skickat:`/`Till:`/`Ämne:`,
 * `Fra:`/`Sendt:`/`Til:`/`Emne:`, under Outlook's rule), the forwarding message's own Date a day later
 * (test/fixtures/extract/loose31/SOURCES.md): the notice's date is its sent line's.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract, extractBytes } from '../../core/extract';

const path = (name: string) => fileURLToPath(new URL(`../fixtures/extract/loose31/${name}`, import.meta.url));
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('a notice forwarded by Outlook in a Nordic language', () => {
  it.each([
    ['outlook-sv-forward-orange-103.eml', 'Skickat: den 4 december 2026 10:12'],
    ['outlook-da-forward-orange-103.eml', 'Sendt: 4. december 2026 10:12'],
  ])('%s is dated by its sent line, in the forwarding message’s zone', async (name, line) => {
    const { incidents } = await extractBytes(new Uint8Array(readFileSync(path(name))), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBe('2026-12-04T10:12:00+01:00');
    expect(incident?.sources.occurredAt?.text).toBe(line);
    expect(incident?.assumptions.map((a) => a.code)).toContain('date.forwarded-notice');
    expect(incident?.sendingIps).toEqual(['198.51.100.23']);
    expect(incident?.sendingHosts).toEqual(['mta2.lettres-ventes.example']);
    expect(incident?.orange?.reason).toBe(103);
  });

  it('its body pasted alone: the sent line’s date, said to have no zone', async () => {
    const { incidents } = await extract(
      readFileSync(path('outlook-da-forward-body-pasted.txt'), 'utf8'),
      options,
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2026-12-04T10:12:00+00:00');
    expect(incidents[0]?.sources.occurredAt?.text).toBe('Sendt: 4. december 2026 10:12');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
    expect(incidents[0]?.orange?.token).toBe('OFR006_103');
  });
});
