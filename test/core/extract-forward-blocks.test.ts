/**
 * Notices a customer forwarded inline with a mail client whose forward header lines have no separator
 * forward-header-date.ts knows, or a date it did not read (test/fixtures/extract/forward-blocks/SOURCES.md):
 * the date is the notice's, never the forwarding message's own Date (a day later, 5 December 09:31).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../core/extract';
import { forwardBlockAt } from '../../core/extract/forward-block';

const path = (name: string) =>
  fileURLToPath(new URL(`../fixtures/extract/forward-blocks/${name}`, import.meta.url));
const read = (name: string) =>
  extractBytes(new Uint8Array(readFileSync(path(name))), { now: new Date('2026-12-05T12:00:00Z') });

describe('a notice forwarded under header lines of other clients is dated by those lines', () => {
  it.each([
    ['orange-webmail-quoted-message-du.eml', '2026-12-04T10:12:00+00:00', '> Message du 04/12/26 10:12'],
    [
      'free-zimbra-mail-transfere.eml',
      '2026-12-04T10:12:03+01:00',
      'Envoyé: Vendredi 4 Décembre 2026 10:12:03',
    ],
    [
      'outlook-mac-fr-no-separator.eml',
      '2026-12-04T10:12:00+01:00',
      'Date : vendredi 4 décembre 2026 à 10:12',
    ],
    [
      'outlook-fr-mailto-no-separator.eml',
      '2026-12-04T10:12:00+01:00',
      'Envoyé : vendredi 4 décembre 2026 10:12',
    ],
    [
      'windows-courrier-envoye-le.eml',
      '2026-12-04T10:12:00+01:00',
      'Envoyé le :vendredi 4 décembre 2026 10:12',
    ],
    [
      'proton-forwarded-ordinal-date.eml',
      '2026-12-04T10:12:00+00:00',
      'Date: On Friday, December 4th, 2026 at 10:12 AM',
    ],
    ['gmail-de-forward-von.eml', '2026-12-04T10:12:00+01:00', 'Date: Fr., 4. Dez. 2026 um 10:12 Uhr'],
    ['gmail-pl-forward-od.eml', '2026-12-04T10:12:00+01:00', 'Date: pt., 4 gru 2026 o 10:12'],
    ['gmail-cs-forward-od.eml', '2026-12-04T10:12:00+01:00', 'Date: pá 4. 12. 2026 v 10:12'],
  ])('%s', async (name, date, line) => {
    const { incidents } = await read(name);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    if (!incident) return;
    expect(incident.occurredAt).toBe(date);
    expect(incident.sources.occurredAt?.text).toBe(line);
    expect(incident.assumptions.map((a) => a.code)).toContain('date.forwarded-notice');
    // The rest is the notice's: the sending side named by Orange's reply, never the forward's.
    expect(incident.sendingIps).toEqual(['198.51.100.23']);
    expect(incident.sendingHosts).toEqual(['mta2.lettres-ventes.example']);
    expect(incident.orange?.reason).toBe(103);
  });

  it('the Orange webmail forward: neither Orange relay nor the customer’s own address is a sender', async () => {
    const [incident] = (await read('orange-webmail-quoted-message-du.eml')).incidents;
    expect(incident?.sendingIps).not.toContain('80.12.242.131');
    expect(incident?.sendingIps).not.toContain('192.0.2.60');
    expect(incident?.sendingDomain).not.toBe('wanadoo.fr');
    // Quoted, the lines are read apart from the message: no zone to take, and a note says UTC was assumed.
    expect(incident?.assumptions.map((a) => a.code)).toContain('date.no-zone');
  });
});

describe('a notice Thunderbird forwarded inline in Polish, Danish, Norwegian, Swedish or Finnish', () => {
  it.each([
    ['thunderbird-pl-forward.eml', 'Data:'],
    ['thunderbird-da-forward.eml', 'Date:'],
    ['thunderbird-no-forward.eml', 'Dato:'],
    ['thunderbird-sv-forward.eml', 'Datum:'],
    ['thunderbird-fi-forward.eml', 'Päiväys:'],
  ])('%s is dated by its translated header table, with its zone', async (name, label) => {
    const { incidents } = await read(name);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2026-12-04T10:12:03+01:00');
    expect(incidents[0]?.sources.occurredAt?.text).toBe(`${label} \tFri, 4 Dec 2026 10:12:03 +0100 (CET)`);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.forwarded-notice');
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.23']);
  });
});

describe('a forwarded notice whose forward lines give no date that reads', () => {
  // Gmail's Czech forward, its date line changed to shapes whose order is not known: the spaced dots
  // without Czech's `v` before the time, and slashes with a two-digit year.
  const cs = readFileSync(path('gmail-cs-forward-od.eml'), 'utf8');
  it.each(['4. 12. 2026 10:12', '5/3/26 10:12'])(
    '%s is left undated with a note, not dated by the forward',
    async (date) => {
      const text = cs.replace(/^Date: pá .*$/m, `Date: ${date}`);
      const { incidents, warnings } = await extractBytes(new Uint8Array(Buffer.from(text, 'utf8')), {
        now: new Date('2026-12-05T12:00:00Z'),
      });
      expect(incidents).toHaveLength(1);
      expect(incidents[0]?.occurredAt).toBeNull();
      expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.forwarded-notice-undated');
      expect(warnings.map((w) => w.code)).toContain('missing.occurredAt');
      expect(incidents[0]?.sendingIps).toEqual(['198.51.100.23']);
    },
  );
});

describe('forwardBlockAt', () => {
  const system = (line: string) => /mailer-daemon|mail delivery/i.test(line);
  it('takes no person’s header lines for a notice’s', () => {
    const lines = [
      '',
      'De : Jean Martin <jean@example.fr>',
      'Envoyé : vendredi 4 décembre 2026 10:12',
      'Objet : devis',
    ];
    expect(forwardBlockAt(lines, 1, system)).toBeNull();
  });
  it('wants a date and a subject line under a From line with no separator', () => {
    const lines = ['', 'From: Mail Delivery System <MAILER-DAEMON@mx.example>', 'said the log.'];
    expect(forwardBlockAt(lines, 1, system)).toBeNull();
  });
  it('reads the Orange webmail line in the day-month-year order it writes', () => {
    const lines = ['> Message du 03/11/26 08:05', '> De : "Mail Delivery System" <MAILER-DAEMON@mx.example>'];
    expect(forwardBlockAt(lines, 0, system)?.date?.text).toBe('2026-11-03T08:05:00');
  });
});
