/**
 * A PowerMTA accounting file opened in a spreadsheet and saved again: `;` between fields in a French
 * locale, dates written `05/12/2026 10:04` (day or month first?). Shapes in
 * test/fixtures/extract/logs2/SOURCES.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scanLogText } from '../../../../core/extract/logs/index';
import { at, NOW } from './fixture';

const scan = (name: string) =>
  scanLogText(
    readFileSync(fileURLToPath(new URL(`../../../fixtures/extract/logs2/${name}`, import.meta.url)), 'utf8'),
    { now: NOW },
  );

describe('A PowerMTA file saved again by a spreadsheet', () => {
  it('is read with its semicolons, the dates day first as the separator shows, to the minute', () => {
    const result = scan('pmta-excel-fr-semicolon.csv');
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([3, 4]);
    expect(result.counts.delivered).toBe(1);
    const refusal = at(result, 3);
    expect(refusal).toMatchObject({
      occurredAt: '2026-12-05T10:04:00+00:00',
      sendingIps: ['203.0.113.25'],
      sendingDomain: 'example.com',
      recipientDomain: 'orange.fr',
      remoteIp: '193.252.22.65',
      orange: { token: 'OFR006_102' },
    });
    expect(refusal.assumptions.map((n) => n.code)).toContain('powermta-day-first-minutes');
    expect(at(result, 4)).toMatchObject({
      occurredAt: '2026-12-05T10:06:00+00:00',
      remoteIp: '80.12.242.10',
    });
  });

  it('reads a comma-separated file day first once a later row shows a day above 12', () => {
    const result = scan('pmta-excel-comma-day-later.csv');
    expect(at(result, 2).occurredAt).toBe('2026-12-09T08:15:02+00:00');
    expect(at(result, 2).assumptions.map((n) => n.code)).toContain('powermta-day-first');
  });

  it('leaves the date empty, with a note, when nothing in the file shows the order', () => {
    const result = scan('pmta-excel-comma-ambiguous.csv');
    const refusal = at(result, 2);
    expect(refusal.occurredAt).toBeNull();
    expect(refusal.assumptions.map((n) => n.code)).toEqual(['powermta-ambiguous-date']);
    expect(refusal).toMatchObject({ sendingIps: ['203.0.113.25'], recipientDomain: 'orange.fr' });
  });

  it('reads a month-first date when a row shows a second number above 12', () => {
    const text = [
      'type,timeLogged,orig,rcpt,dsnDiag,dsnMta,dlvSourceIp',
      'b,12/05/2026 10:04:33,news@example.com,a@orange.fr,"smtp;550 5.7.1 refused",smtp-in.orange.fr (193.252.22.65),203.0.113.25',
      'd,12/13/2026 10:05:00,news@example.com,b@example.net,"smtp;250 ok",mx.example.net (198.51.100.25),203.0.113.25',
    ].join('\n');
    expect(scanLogText(text, { now: NOW }).incidents[0]?.occurredAt).toBe('2026-12-05T10:04:33+00:00');
  });
});
