/**
 * A forward's date in numbers with slashes (`04/05/2026 10:12`), as Thunderbird and Outlook write it in
 * their user's locale: read day first under the labels of a language that always writes day first,
 * left empty with a note under English labels when both numbers are 12 or less (en-US writes month
 * first, en-GB day first), read as written when a number above 12 settles it
 * (test/fixtures/extract/forward-blocks/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract, extractBytes } from '../../core/extract';
import { forwardBlockAt } from '../../core/extract/forward-block';
import { slashedOrderOf } from '../../core/extract/forward-date-order';

const path = (name: string) =>
  fileURLToPath(new URL(`../fixtures/extract/forward-blocks/${name}`, import.meta.url));
const read = (name: string) =>
  extractBytes(new Uint8Array(readFileSync(path(name))), { now: new Date('2026-12-05T12:00:00Z') });

describe('a forwarded notice dated in numbers only', () => {
  it.each([
    ['thunderbird-en-gb-slashed-date.eml', '04/05/2026'],
    ['outlook-en-sent-slashed-am.eml', '04/05/2026'],
  ])('%s: English labels leave the order unknown, the date empty with a note', async (name, written) => {
    const { incidents, warnings } = await read(name);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBeNull();
    const ambiguous = incident?.assumptions.find((a) => a.code === 'date.ambiguous');
    expect(ambiguous?.text.en).toContain(`"${written}"`);
    expect(ambiguous?.text.en).toContain('month/day');
    // The forwarding message's own Date (the next morning) is not taken instead.
    expect(incident?.assumptions.map((a) => a.code)).not.toContain('date.forwarded-notice-undated');
    expect(warnings.map((w) => w.code)).toContain('missing.occurredAt');
    expect(incident?.sendingIps).toEqual(['198.51.100.23']);
    expect(incident?.orange?.reason).toBe(103);
  });

  it.each([
    ['thunderbird-fr-slashed-date.eml', '2026-05-04T10:12:00+02:00', 'Date : \t04/05/2026 10:12'],
    ['outlook-en-sent-day-above-12.eml', '2026-05-13T10:12:00+01:00', 'Sent: 13/05/2026 10:12'],
  ])('%s: a French label or a day above 12 settles the order', async (name, date, line) => {
    const { incidents } = await read(name);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe(date);
    expect(incidents[0]?.sources.occurredAt?.text).toBe(line);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.forwarded-notice');
  });
});

describe('slashedOrderOf', () => {
  it.each([
    ['Envoyé', []],
    ['Gesendet', []],
    ['Datum', []],
    ['Data', []],
    ['Dato', []],
    ['Skickat', []],
    ['Päiväys', []],
    ['Date', ['De : Mail Delivery System <MAILER-DAEMON@mx.example>']],
  ])('%s is a day-first language’s label', (label, lines) => {
    expect(slashedOrderOf(label, lines)).toBe('day-first');
  });
  it.each([
    ['Date', ['From: Mail Delivery System <MAILER-DAEMON@mx.example>']],
    // Spanish and Portuguese write `De:` with no space: Spanish is month first in Panama and Puerto Rico.
    ['Date', ['De: Mail Delivery System <MAILER-DAEMON@mx.example>']],
    ['Sent', []],
  ])('%s does not settle the order', (label, lines) => {
    expect(slashedOrderOf(label, lines)).toBe('unknown');
  });
});

describe('German Outlook’s forward lines', () => {
  const system = (line: string) => /mailer-daemon|mail delivery/i.test(line);
  it('reads `Gesendet:` under `Von:`', () => {
    const lines = [
      '',
      'Von: Mail Delivery System <MAILER-DAEMON@mx.example>',
      'Gesendet: Montag, 4. Mai 2026 10:12',
      'An: jonas.becker@laden-becker.example',
      'Betreff: Undelivered Mail Returned to Sender',
    ];
    expect(forwardBlockAt(lines, 1, system)?.date?.text).toBe('2026-05-04T10:12:00');
  });
});

describe('a notice pasted with the header lines its mail client showed above it', () => {
  const pasted = (name: string) =>
    extract(readFileSync(path(name), 'utf8'), { now: new Date('2026-12-05T12:00:00Z') });
  it('reads French `Envoyé : 04/05/2026 10:12` day first', async () => {
    const { incidents } = await pasted('outlook-fr-pasted-header-slashed.txt');
    expect(incidents[0]?.occurredAt).toBe('2026-05-04T10:12:00+00:00');
    expect(incidents[0]?.sources.occurredAt?.text).toBe('Envoyé : 04/05/2026 10:12');
  });
  it('leaves English `Sent: 04/05/2026 10:12` undated with a note', async () => {
    const { incidents } = await pasted('outlook-en-pasted-header-slashed.txt');
    expect(incidents[0]?.occurredAt).toBeNull();
    const ambiguous = incidents[0]?.assumptions.find((a) => a.code === 'date.ambiguous');
    expect(ambiguous?.text.en).toContain('"04/05/2026"');
    expect(ambiguous?.text.en).not.toContain('forwarding');
  });
});
