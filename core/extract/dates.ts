/**
 * Dates as ISO 8601 with the offset they were written with (`2019-12-16T22:00:18+01:00`).
 * RFC 5322 dates (`Mon, 16 Dec 2019 22:00:18 +0100 (CET)`), ISO strings and Unix timestamps.
 */
import { twentyFourHour } from './twelve-hour-clock';
import { zoneOffsetForWallTime } from './zone-offset';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Obsolete zone names of RFC 5322 section 4.3 (plus a few common ones), in minutes east of UTC. */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  CET: 60,
  CEST: 120,
  JST: 540,
};

// A comment may stand before the zone (`00:19:00 (EDT) -0400`, RFC 3798's example): CFWS is allowed there.
const RFC5322 =
  /(?:^|[\s,])(\d{1,2})\s{1,4}([A-Za-z]{3})[a-z]{0,6}\.?\s{1,4}(\d{2,4})\s{1,4}(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s{1,4}(?:\([^()]{0,40}\)\s{1,4})?([+-]\d{4}|(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?\b|[A-Za-z]{1,5}))?/;
/**
 * C's asctime, as some mail systems write a Date (`Tue Nov 24 10:12:44 2026`, no zone), and date(1)'s
 * output with the zone before the year (`Tue Nov 24 10:12:44 CET 2026`).
 */
const ASCTIME =
  /^(?:[A-Za-z]{3},?\s{1,4})?([A-Za-z]{3})\s{1,4}(\d{1,2})\s{1,4}(\d{1,2}):(\d{2}):(\d{2})(?:\s{1,4}([A-Za-z]{1,5}|[+-]\d{4}))?\s{1,4}(\d{4})\b(?:\s{1,4}([+-]\d{4}))?/;
/**
 * An ISO 8601 date, also with a space for `T` and its zone written as a name (`2026-11-20 08:38:27.481000
 * UTC`, as BigQuery and Ruby print a time in UTC).
 */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s?(Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?![+\w-]))?/;

function pad(n: number, size = 2): string {
  return String(Math.abs(n)).padStart(size, '0');
}

/**
 * A wall-clock time without a zone as `YYYY-MM-DDTHH:MM:SS`, for parseDateIn to read in the assumed zone;
 * the hour on a 12-hour clock when `meridiem` (`A`/`P`, any case) is given; null when out of range.
 */
export function wallClockText(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  meridiem?: string,
): string | null {
  const h = twentyFourHour(hour, meridiem);
  if (h === null || month < 1 || month > 12 || day < 1 || day > 31 || h > 23 || minute > 59 || second > 59)
    return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(h)}:${pad(minute)}:${pad(second)}`;
}

/** Formats a wall-clock time written at `offsetMinutes` east of UTC. */
export function formatIso(
  year: number,
  month: number,
  day: number,
  h: number,
  m: number,
  s: number,
  offsetMinutes: number,
): string | null {
  const check = new Date(Date.UTC(year, month - 1, day, h, m, s));
  if (Number.isNaN(check.getTime()) || check.getUTCDate() !== day || h > 23 || m > 59 || s > 60) return null;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const off = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(h)}:${pad(m)}:${pad(Math.min(s, 59))}${off}`;
}

function parseOffset(zone: string | undefined): number | null {
  if (!zone) return null;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  // Apple Mail's `UTC+1`, `GMT+01:00` (its French forward header: `14 novembre 2015 15:14:53 UTC+1`).
  const named = /^(?:UTC|GMT)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (named) {
    const minutes = Number(named[2]) * 60 + Number(named[3] ?? 0);
    if (minutes > 14 * 60) return null;
    return named[1] === '-' ? -minutes : minutes;
  }
  return ZONES[zone.toUpperCase()] ?? null;
}

export interface ParsedDate {
  iso: string;
  /** False when the text had no zone and UTC was assumed. */
  hadZone: boolean;
}

/**
 * The wall-clock time of `wall` (an ISO date, its zone set aside) in the zone of `zoned`, when `wall` is
 * from `minSeconds` to `maxSeconds` after `zoned` by their clocks: a zone-less stamp written by the same
 * clock as a zoned one close to it (a notice's asctime Date and its own Received stamp, a log's
 * zone-less stamp and its request's `Started ... +0200`). Null otherwise.
 */
export function inZoneOfNear(
  wall: string,
  zoned: string,
  minSeconds: number,
  maxSeconds: number,
): { iso: string; offset: string } | null {
  const clock = wall.slice(0, 19);
  const gap = (Date.parse(`${clock}Z`) - Date.parse(`${zoned.slice(0, 19)}Z`)) / 1000;
  const offset = /(?:[+-]\d{2}:\d{2}|Z)$/.exec(zoned)?.[0];
  return offset && gap >= minSeconds && gap <= maxSeconds ? { iso: `${clock}${offset}`, offset } : null;
}

/** Reads an RFC 5322 or ISO 8601 date anywhere in `text`; null when there is none or it is invalid. */
export function parseDate(text: string): ParsedDate | null {
  const t = text.trim().slice(0, 200);
  const iso = ISO.exec(t);
  if (iso) {
    const offset = parseOffset(iso[7]);
    const out = formatIso(
      Number(iso[1]),
      Number(iso[2]),
      Number(iso[3]),
      Number(iso[4]),
      Number(iso[5]),
      Number(iso[6] ?? 0),
      offset ?? 0,
    );
    return out ? { iso: out, hadZone: offset !== null } : null;
  }
  const m = RFC5322.exec(t);
  if (!m) return asctime(t);
  const month = MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1;
  if (month === 0) return null;
  let year = Number(m[3]);
  if (year < 50) year += 2000;
  else if (year < 1000) year += 1900;
  const offset = parseOffset(m[7]);
  const out = formatIso(
    year,
    month,
    Number(m[1]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6] ?? 0),
    offset ?? 0,
  );
  return out ? { iso: out, hadZone: offset !== null } : null;
}

function asctime(t: string): ParsedDate | null {
  const m = ASCTIME.exec(t);
  const month = MONTHS.indexOf((m?.[1] ?? '').toLowerCase()) + 1;
  if (!m || month === 0) return null;
  const zone = m[6] ?? m[8];
  const offset = parseOffset(zone);
  // A zone name the table does not know gives no date rather than a wrong one.
  if (zone && offset === null) return null;
  const out = formatIso(
    Number(m[7]),
    month,
    Number(m[2]),
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    offset ?? 0,
  );
  return out ? { iso: out, hadZone: offset !== null } : null;
}

/**
 * `parseDate`, reading a date written without a zone in `assumeZone` (IANA name or `+HH:MM`; UTC
 * when absent or unknown). `hadZone` stays false: the caller says the zone was assumed.
 */
export function parseDateIn(text: string, assumeZone: string | undefined): ParsedDate | null {
  const parsed = parseDate(text);
  if (!parsed || parsed.hadZone || !assumeZone) return parsed;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(parsed.iso);
  if (!m) return parsed;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const offset = zoneOffsetForWallTime(assumeZone, Date.UTC(y, mo - 1, d, h, mi, s));
  const iso = offset === null ? null : formatIso(y, mo, d, h, mi, s, offset);
  return iso ? { iso, hadZone: false } : parsed;
}

/** A Unix timestamp (seconds, maybe fractional) as ISO in UTC. */
export function fromUnixSeconds(seconds: number): string | null {
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 1e11) return null;
  const d = new Date(Math.floor(seconds) * 1000);
  return formatIso(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    0,
  );
}
