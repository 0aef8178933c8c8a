/**
 * Log stamps without a zone (and classic syslog's, without a year either), completed from the assumed
 * zone and "now" (TimeOptions), with the note that says so.
 */

import type { Note } from '../../types';
import { zoneOffsetForWallTime } from '../zone-offset';
import { withClockChange, yearZoneNote, zoneNote } from './assumed-zone-notes';
import { formatOffset, pad, parseOffset } from './offset-text';
import type { ResolvedStamp, TimeOptions } from './time';
import { isoAt, wallTimeMs } from './wall-time';

/**
 * How far ahead of "now" in the assumed zone a yearless line may be and still be this year's: the
 * widest gap between time zones (UTC+14 against UTC). A Paris log read as UTC shows its last hour or two
 * ahead of UTC's now; without this margin they went back a year.
 */
const ZONE_MARGIN_MS = 14 * 3_600_000;

// "Now" in the assumed offset, as MMDDHH:MM:SS, recomputed only when now (to the second) or the offset
// changes.
let nowSecond = Number.NaN;
let nowOffset = Number.NaN;
let nowYear = 0;
let nowKey = '';

/** Sets nowKey and nowYear for `offset` and `nowMs`. */
function setNow(offset: number, nowMs: number): void {
  const second = Math.floor(nowMs / 1000);
  if (second === nowSecond && offset === nowOffset) return;
  const now = new Date(nowMs + offset * 60000);
  nowSecond = second;
  nowOffset = offset;
  nowYear = now.getUTCFullYear();
  nowKey = `${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}${now.toISOString().slice(11, 19)}`;
}

/**
 * With a fixed offset (UTC by default) the year is chosen by comparing month, day and time with "now" in
 * that offset, as strings, without building dates: this runs for every incident of a large log.
 */
function fixedOffsetYear(
  stamp: { month: number; day: number; time: string },
  offset: number,
  nowMs: number,
): number {
  setNow(offset, nowMs);
  let year = `${pad(stamp.month)}${pad(stamp.day)}${stamp.time}` > nowKey ? nowYear - 1 : nowYear;
  if (stamp.month === 2 && stamp.day === 29) {
    while (wallTimeMs(year, 2, 29, stamp.time) === null && year > nowYear - 9) year--;
  }
  return year;
}

/**
 * A day resolved with a fixed offset, as the ISO text before and after the time and the note: the same
 * for every time of that day, unless its year depends on the time (see dayOf). A log's refusals are
 * seldom in the same second (the cache by second of time.ts), mostly on the same day as the one before:
 * measured on 20,000 stamps a second or more apart, resolveStamp takes half the time it took.
 */
interface FixedDay {
  month: number;
  day: number;
  zone: string;
  /** The "now" (setNow) it was resolved with. */
  nowSecond: number;
  offset: number;
  head: string;
  tail: string;
  note: Note;
}
let lastDay: FixedDay | null = null;

/**
 * The stamp's day resolved with a fixed offset, or null when its year depends on the time: on the day
 * of "now" in that offset (the time is compared with now's), and on 29 February (a time no date accepts
 * goes back through the years).
 */
function dayOf(
  stamp: { month: number; day: number; time: string },
  offset: number,
  zone: string,
  nowMs: number,
): FixedDay | null {
  setNow(offset, nowMs);
  const known = lastDay;
  if (
    known !== null &&
    known.month === stamp.month &&
    known.day === stamp.day &&
    known.zone === zone &&
    known.nowSecond === nowSecond &&
    known.offset === offset
  )
    return known;
  const date = `${pad(stamp.month)}${pad(stamp.day)}`;
  // Month and day decide the comparison with now's MMDDHH:MM:SS when they differ from now's.
  if (date.slice(0, 4) === nowKey.slice(0, 4) || (stamp.month === 2 && stamp.day === 29)) return null;
  const year = fixedOffsetYear(stamp, offset, nowMs);
  lastDay = {
    month: stamp.month,
    day: stamp.day,
    zone,
    nowSecond,
    offset,
    head: `${year}-${pad(stamp.month)}-${pad(stamp.day)}T`,
    tail: formatOffset(offset),
    note: yearZoneNote(year, zone),
  };
  return lastDay;
}

export function resolveSyslog(
  stamp: { month: number; day: number; time: string },
  opts: TimeOptions,
): ResolvedStamp {
  const zone = opts.assumeZone?.trim() || 'UTC';
  const nowMs = (opts.now ?? new Date()).getTime();
  const fixed = parseOffset(zone);
  if (fixed !== null && /^\d{2}:\d{2}:\d{2}$/.test(stamp.time)) {
    const day = dayOf(stamp, fixed, zone, nowMs + ZONE_MARGIN_MS);
    if (day) return { iso: `${day.head}${stamp.time}${day.tail}`, assumption: day.note };
    const year = fixedOffsetYear(stamp, fixed, nowMs + ZONE_MARGIN_MS);
    const iso = `${year}-${pad(stamp.month)}-${pad(stamp.day)}T${stamp.time}${formatOffset(fixed)}`;
    return { iso, assumption: yearZoneNote(year, zone) };
  }
  const startYear = new Date(nowMs).getUTCFullYear() + 1;
  // The most recent year that does not put the line after the present in any zone (8 years back covers
  // 29 February).
  for (let year = startYear; year > startYear - 9; year--) {
    const local = wallTimeMs(year, stamp.month, stamp.day, stamp.time);
    if (local === null) continue;
    const offset = zoneOffsetForWallTime(zone, local);
    if (offset === null) return { iso: null, assumption: null };
    if (local - offset * 60000 > nowMs + ZONE_MARGIN_MS) continue;
    return {
      iso: isoAt(local, offset),
      assumption: withClockChange(yearZoneNote(year, zone), zone, local, offset),
    };
  }
  return { iso: null, assumption: null };
}

export function resolveLocal(stamp: { date: string; time: string }, opts: TimeOptions): ResolvedStamp {
  const zone = opts.assumeZone?.trim() || 'UTC';
  const [y, mo, d] = stamp.date.split('-').map(Number);
  if (y === undefined || mo === undefined || d === undefined) return { iso: null, assumption: null };
  const local = wallTimeMs(y, mo, d, stamp.time);
  if (local === null) return { iso: null, assumption: null };
  const offset = zoneOffsetForWallTime(zone, local);
  if (offset === null) return { iso: null, assumption: null };
  return { iso: isoAt(local, offset), assumption: withClockChange(zoneNote(zone), zone, local, offset) };
}
