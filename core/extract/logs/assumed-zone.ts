/**
 * Log stamps without a zone (and classic syslog's, without a year either), completed from the assumed
 * zone and "now" (TimeOptions), with the note that says so.
 */
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

// "Now" in the assumed offset, as MMDDHH:MM:SS, recomputed only when now or the offset changes.
let nowFor = '';
let nowYear = 0;
let nowKey = '';

/**
 * With a fixed offset (UTC by default) the year is chosen by comparing month, day and time with "now" in
 * that offset, as strings, without building dates: this runs for every incident of a large log.
 */
function fixedOffsetYear(
  stamp: { month: number; day: number; time: string },
  offset: number,
  nowMs: number,
): number {
  const key = `${Math.floor(nowMs / 1000)}/${offset}`;
  if (key !== nowFor) {
    const now = new Date(nowMs + offset * 60000);
    nowFor = key;
    nowYear = now.getUTCFullYear();
    nowKey = `${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}${now.toISOString().slice(11, 19)}`;
  }
  let year = `${pad(stamp.month)}${pad(stamp.day)}${stamp.time}` > nowKey ? nowYear - 1 : nowYear;
  if (stamp.month === 2 && stamp.day === 29) {
    while (wallTimeMs(year, 2, 29, stamp.time) === null && year > nowYear - 9) year--;
  }
  return year;
}

export function resolveSyslog(
  stamp: { month: number; day: number; time: string },
  opts: TimeOptions,
): ResolvedStamp {
  const zone = opts.assumeZone?.trim() || 'UTC';
  const nowMs = (opts.now ?? new Date()).getTime();
  const fixed = parseOffset(zone);
  if (fixed !== null && /^\d{2}:\d{2}:\d{2}$/.test(stamp.time)) {
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
