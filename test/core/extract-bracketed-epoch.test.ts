/**
 * Seconds in brackets before a syslog line (test/fixtures/extract/bracketed-epoch/SOURCES.md): since the
 * host booted in `journalctl -o short-monotonic` (`[ 8812.713201]`), since the epoch where a syslog
 * template writes `${UNIXTIME}` so (`[1764770532]`). The second was left undated, or not read at all
 * without a fraction; 31 years of uptime do not exist, so a count from 2001 on is an epoch time (UTC).
 */
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../core/extract';
import { bracketedSecondsKind } from '../../core/extract/logs/bracketed-epoch';
import { parseSyslog } from '../../core/extract/logs/syslog';
import { resolveStamp } from '../../core/extract/logs/time';
import { fixtureBytes } from './extract/fixtures';

const now = new Date('2026-12-05T12:00:00Z');
const read = (line: string) => {
  const parsed = parseSyslog(line);
  const { iso, assumption } = resolveStamp(parsed?.stamp ?? null, { now });
  return { program: parsed?.program, iso, note: assumption?.code ?? null };
};
const LINE = ' mail postfix/smtp[2231]: 4bX9Qm2kLpz3xYw: to=<jean.dupont@orange.fr>, status=bounced';

describe('seconds in brackets before a syslog line', () => {
  it('reads a Postfix log written by a syslog-ng UNIXTIME template dated, in UTC', async () => {
    const { incidents } = await extractBytes(fixtureBytes('bracketed-epoch/syslog-ng-unixtime-postfix.log'), {
      now,
    });
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('postfix');
    expect(incident?.occurredAt).toBe('2025-12-03T14:02:12+00:00');
    expect(incident?.sources.occurredAt?.line).toBe(6);
    expect(incident?.assumptions.map((a) => a.code)).not.toContain('log-monotonic-time');
    expect(incident?.orange?.token).toBe('OFR006_102');
  });

  it('keeps the seconds since boot undated, and reads the epoch’s with or without a fraction', () => {
    expect(read(`[  123.456789]${LINE}`)).toEqual({
      program: 'postfix/smtp',
      iso: null,
      note: 'log-monotonic-time',
    });
    expect(read(`[ 8812.713201]${LINE}`).note).toBe('log-monotonic-time');
    expect(read(`[1733412131]${LINE}`)).toEqual({
      program: 'postfix/smtp',
      iso: '2024-12-05T15:22:11Z',
      note: null,
    });
    expect(read(`[1733412131.123]${LINE}`).iso).toBe('2024-12-05T15:22:11Z');
  });

  it('leaves a count past tomorrow undated, and says nothing of a boot', () => {
    expect(read(`[4102444800]${LINE}`)).toEqual({ program: 'postfix/smtp', iso: null, note: null });
    expect(bracketedSecondsKind(now.getTime() / 1000 + 3600, now)).toBe('epoch');
    expect(bracketedSecondsKind(978_307_199.5, now)).toBe('boot');
    expect(bracketedSecondsKind(978_307_200, now)).toBe('epoch');
  });
});
