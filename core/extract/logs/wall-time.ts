/** Wall times (a date and time read in some zone) as milliseconds, and written back with an offset. */
import { formatOffset, pad } from './offset-text';

/**
 * The wall time as milliseconds of a UTC date with that wall time, or null for a date that does not
 * exist.
 */
export function wallTimeMs(year: number, month: number, day: number, time: string): number | null {
  const [h, mi, s] = time.split(':').map(Number);
  if (h === undefined || mi === undefined) return null;
  const ms = Date.UTC(year, month - 1, day, h, mi, s ?? 0);
  const d = new Date(ms);
  // Rejects 31 Feb and friends (Date.UTC would roll them over).
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? ms : null;
}

/** The wall time `localMs` (see wallTimeMs) as ISO 8601 with the offset `offset` minutes. */
export function isoAt(localMs: number, offset: number): string {
  const d = new Date(localMs);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date}T${time}${formatOffset(offset)}`;
}
