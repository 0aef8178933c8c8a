/**
 * resolveStamp keeps the classic syslog stamps it resolved by second of the year (time.ts, bySecond):
 * the answer must be the one a fresh resolution gives, whatever stamps, zones and "now"s came before.
 */
import { resolveStamp } from '../../../../core/extract/logs/time';

const stamp = (month: number, day: number, time: string) => ({ kind: 'syslog' as const, month, day, time });

describe('resolveStamp by second', () => {
  it('gives each second, zone and now its own answer', () => {
    const late = new Date('2026-11-29T12:00:00Z');
    const early = new Date('2026-03-01T12:00:00Z');
    // `Nov 29 12:30:00` is this year's seen late in November, last year's seen in March.
    expect(resolveStamp(stamp(11, 29, '12:30:00'), { now: late }).iso).toBe('2026-11-29T12:30:00+00:00');
    expect(resolveStamp(stamp(11, 29, '12:30:00'), { now: early }).iso).toBe('2025-11-29T12:30:00+00:00');
    expect(resolveStamp(stamp(11, 29, '12:30:00'), { now: late }).iso).toBe('2026-11-29T12:30:00+00:00');
    expect(resolveStamp(stamp(11, 29, '12:30:00'), { now: late, assumeZone: '+02:00' }).iso).toBe(
      '2026-11-29T12:30:00+02:00',
    );
    // One second, one day, one month apart: other answers.
    expect(resolveStamp(stamp(11, 29, '12:30:01'), { now: late }).iso).toBe('2026-11-29T12:30:01+00:00');
    expect(resolveStamp(stamp(11, 28, '12:30:00'), { now: late }).iso).toBe('2026-11-28T12:30:00+00:00');
    expect(resolveStamp(stamp(1, 29, '12:30:00'), { now: late }).iso).toBe('2026-01-29T12:30:00+00:00');
  });

  it('resolves a time with fractions of a second by its own now and zone, not a cached answer', () => {
    const late = new Date('2026-11-29T12:00:00Z');
    const early = new Date('2026-03-01T12:00:00Z');
    const fraction = stamp(11, 29, '10:00:00.123456');
    // (Not by second: the whole-second stamp resolved first must not answer for it.)
    expect(resolveStamp(stamp(11, 29, '10:00:00'), { now: late }).iso).toBe('2026-11-29T10:00:00+00:00');
    expect(resolveStamp(fraction, { now: late }).iso).toBe('2026-11-29T10:00:00+00:00');
    expect(resolveStamp(fraction, { now: early }).iso).toBe('2025-11-29T10:00:00+00:00');
    expect(resolveStamp(fraction, { now: late, assumeZone: '+02:00' }).iso).toBe('2026-11-29T10:00:00+02:00');
  });

  it('gives the times of one day their own year on the day of now (assumed-zone.ts, dayOf)', () => {
    // Now, 14 hours ahead (the widest gap between zones): 30 November, 02:00 in UTC.
    const now = new Date('2026-11-29T12:00:00Z');
    // Other days: one year for the whole day, whatever the time.
    expect(resolveStamp(stamp(11, 28, '01:00:00'), { now }).iso).toBe('2026-11-28T01:00:00+00:00');
    expect(resolveStamp(stamp(11, 28, '23:00:00'), { now }).iso).toBe('2026-11-28T23:00:00+00:00');
    // That day: this year's before now, last year's after it, in either order.
    expect(resolveStamp(stamp(11, 30, '01:00:00'), { now }).iso).toBe('2026-11-30T01:00:00+00:00');
    expect(resolveStamp(stamp(11, 30, '03:00:00'), { now }).iso).toBe('2025-11-30T03:00:00+00:00');
    expect(resolveStamp(stamp(11, 30, '01:00:01'), { now }).iso).toBe('2026-11-30T01:00:01+00:00');
    // The day after now's: last year's, also after the day of now.
    expect(resolveStamp(stamp(12, 1, '00:00:00'), { now }).iso).toBe('2025-12-01T00:00:00+00:00');
    expect(resolveStamp(stamp(12, 1, '00:00:01'), { now, assumeZone: '+01:00' }).iso).toBe(
      '2025-12-01T00:00:01+01:00',
    );
  });
});
