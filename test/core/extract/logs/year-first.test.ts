/**
 * Syslog lines whose stamp carries the year before the month (`2024 Dec 31 23:59:41 relay2 postfix/smtp
 * [..]: ...`, sources in test/fixtures/extract/logsmisc/SOURCES.md): the year written on the line is
 * the one used, and only the zone is assumed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scanLogText } from '../../../../core/extract/logs/index';
import { at, NOW } from './fixture';

const text = readFileSync(
  fileURLToPath(new URL('../../../fixtures/extract/logsmisc/postfix-year-first.log', import.meta.url)),
  'utf8',
);

describe('a syslog stamp with the year before the month', () => {
  const result = scanLogText(text, { now: NOW });

  it('dates each line in its own year, across the new year, and says only the zone was assumed', () => {
    expect(at(result, 2).occurredAt).toBe('2024-12-31T23:59:41+00:00');
    expect(at(result, 5).occurredAt).toBe('2025-01-01T00:00:04+00:00');
    for (const incident of result.incidents) {
      const codes = incident.assumptions.map((a) => a.code);
      expect(codes).toContain('assumed-zone');
      expect(codes).not.toContain('assumed-year-and-zone');
    }
  });

  it('reads the rest of the line as the classic one: host, sender, the 999 linked to its trigger', () => {
    expect(at(result, 2)).toMatchObject({ sendingHosts: ['relay2'], sendingDomain: 'shop.example.org' });
    expect(at(result, 5).sendingDomain).toBe('news.example.com');
    expect(at(result, 5).trigger).toMatchObject({ line: 2, token: 'OFR_506' });
  });

  it('applies the zone assumed in the options', () => {
    const paris = scanLogText(text, { now: NOW, assumeZone: 'Europe/Paris' });
    expect(at(paris, 5).occurredAt).toBe('2025-01-01T00:00:04+01:00');
  });

  it('still takes a number followed by a tab or two spaces for a line number', () => {
    const line =
      'Mar 16 04:10:01 mta1 postfix/smtp[5080]: BF4A5B6C7D: to=<paul.durand@orange.fr>, relay=none, delay=0.5, delays=0.1/0/0.4/0, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c18 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_999 [999])';
    for (const numbered of [`2024\t${line}`, `2024  ${line}`]) {
      const [incident] = scanLogText(numbered, { now: NOW }).incidents;
      expect(incident?.occurredAt).toBe('2026-03-16T04:10:01+00:00');
      expect(incident?.assumptions.map((a) => a.code)).toContain('assumed-year-and-zone');
    }
  });
});
