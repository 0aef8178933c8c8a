/**
 * An Orange refusal forwarded inline by Gmail or Apple Mail in Polish, Danish, Norwegian, Swedish or
 * Finnish, the forwarding message's own Date a day later (test/fixtures/extract/loose32/SOURCES.md):
 * the notice is dated by the forward's date line, Gmail's with CLDR's abbreviated months, Apple Mail's
 * under its translated separator and labels.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../core/extract';

const path = (name: string) => fileURLToPath(new URL(`../fixtures/extract/loose32/${name}`, import.meta.url));
const read = (name: string) =>
  extractBytes(new Uint8Array(readFileSync(path(name))), { now: new Date('2026-12-05T12:00:00Z') });

describe('a notice forwarded by Gmail or Apple Mail in Polish or a Nordic language', () => {
  it.each([
    [
      'gmail-da-forward-abbreviated-month.eml',
      'Date: fre. 4. dec. 2026 kl. 10.12',
      '2026-12-04T10:12:00+01:00',
      '198.51.100.32',
    ],
    [
      'gmail-nb-forward-abbreviated-month.eml',
      'Date: fre. 4. des. 2026 kl. 10:12',
      '2026-12-04T10:12:00+01:00',
      '198.51.100.33',
    ],
    [
      'gmail-sv-forward-abbreviated-month.eml',
      'Date: fre 4 dec. 2026 kl 10:12',
      '2026-12-04T10:12:00+01:00',
      '198.51.100.34',
    ],
    [
      'gmail-fi-forward-abbreviated-month.eml',
      'Date: pe 4. jouluk. 2026 klo 10.12',
      '2026-12-04T10:12:00+01:00',
      '198.51.100.35',
    ],
    [
      'gmail-sv-old-vidarebefordrat-meddelande.eml',
      'Datum: 4 december 2026 10:12',
      '2026-12-04T10:12:00+01:00',
      '198.51.100.36',
    ],
    [
      'apple-mail-pl-poczatek-przekazywanej.eml',
      '> Data: 4 grudnia 2026 o 10:12:03 CET',
      '2026-12-04T10:12:03+01:00',
      '198.51.100.41',
    ],
    [
      'apple-mail-da-start-paa-videresendt-besked.eml',
      'Dato: 4. december 2026 kl. 10.12.03 CET',
      '2026-12-04T10:12:03+01:00',
      '198.51.100.42',
    ],
    [
      'apple-mail-nb-videresendt-melding.eml',
      'Dato: 4. desember 2026 kl. 10:12:03 CET',
      '2026-12-04T10:12:03+01:00',
      '198.51.100.43',
    ],
    [
      'apple-mail-sv-vidarebefordrat-mejl.eml',
      '> Datum: 4 december 2026 10:12:03 CET',
      '2026-12-04T10:12:03+01:00',
      '198.51.100.44',
    ],
    [
      'apple-mail-fi-valitetty-viesti-alkaa.eml',
      '> Päivämäärä: 4. joulukuuta 2026 klo 10.12.03 UTC+1',
      '2026-12-04T10:12:03+01:00',
      '198.51.100.45',
    ],
  ])('%s is dated by its forward’s date line, not by the forward', async (name, line, iso, ip) => {
    const { incidents } = await read(name);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBe(iso);
    expect(incident?.sources.occurredAt?.text).toBe(line);
    expect(incident?.assumptions.map((a) => a.code)).toContain('date.forwarded-notice');
    // The rest is the notice's: the sending side named by Orange's reply, never the forward's.
    expect(incident?.sendingIps).toEqual([ip]);
    expect(incident?.sendingHosts).toEqual([expect.stringMatching(/^mta1\./)]);
    expect(incident?.orange?.reason).toBe(103);
  });
});
