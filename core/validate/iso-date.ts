/**
 * Reading an ISO 8601 timestamp as written, keeping its wall-clock time and its offset apart, so that
 * the ticket shows the time the log showed (never converted to the machine's zone).
 */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC, or null when the text carries no zone. */
  offsetMinutes: number | null;
  /** The instant, when the offset is known. */
  instant: Date | null;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseOffset(zone: string | undefined): number | null {
  if (!zone) return null;
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 18 || minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes);
}

/** The parts of an ISO timestamp, or null when it is not one (or names an impossible date). */
export function parseWallClock(iso: string): WallClock | null {
  const m = ISO.exec(iso.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] ? Number(m[6]) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const offsetMinutes = parseOffset(m[7]);
  if (Number.isNaN(offsetMinutes)) return null;
  const instant =
    offsetMinutes === null
      ? null
      : new Date(Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59)) - offsetMinutes * 60_000);
  return { year, month, day, hour, minute, second, offsetMinutes, instant };
}

/** `+01:00`, `-05:30`, `+00:00`. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}
