/**
 * The offset of a time zone (IANA name, `UTC`, or a fixed `+HH:MM`) at a wall-clock time, in minutes
 * east of UTC, with the runtime's Intl time-zone data. Used for dates written without a zone, read in
 * the zone the user chose (ExtractOptions.assumeZone).
 */

const FIXED = /^(?:UTC|GMT|Z)?\s{0,2}([+-])(\d{1,2}):?(\d{2})$/i;
const formatters = new Map<string, Intl.DateTimeFormat | null>();
const daysWithChange = new Map<string, boolean>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null;
    }
    if (formatters.size >= 64) formatters.clear();
    formatters.set(zone, f);
  }
  return f;
}

/** Offset of `zone` at the instant `utcMs`, or null for an unknown zone. */
function offsetAt(formatter: Intl.DateTimeFormat, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter.formatToParts(new Date(utcMs))) parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/**
 * Minutes east of UTC in `zone` at the wall-clock time `wallMs` (that time read as if it were UTC), or
 * null when the zone is unknown. A time that happened twice (the clocks went back) is read at the offset
 * after the change, one that never happened (they went forward) at the summer offset; the note on the
 * date says so (wallTimeAmbiguity).
 */
export function zoneOffsetForWallTime(zone: string, wallMs: number): number | null {
  const z = zone.trim();
  if (/^(?:UTC|GMT|Z)$/i.test(z)) return 0;
  const fixed = FIXED.exec(z);
  if (fixed) {
    // Offsets in use run from -12:00 to +14:00; `+25:00` would write an invalid date.
    if (Number(fixed[2]) > 14 || Number(fixed[3]) > 59) return null;
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3]);
    return fixed[1] === '-' ? -minutes : minutes;
  }
  const formatter = formatterFor(z);
  if (!formatter) return null;
  // The offset at the instant the wall time would be in UTC, then at the instant it really is.
  const first = offsetAt(formatter, wallMs);
  const second = offsetAt(formatter, wallMs - first * 60000);
  if (first === second) return first;
  // The first guess read the time at an instant past a change: east of UTC, the hour before the clocks
  // go forward (01:30 in Paris on the last Sunday of March) is read at the offset after it, +02:00. The
  // offset in force at the time is the one that gives that time back.
  if (offsetAt(formatter, wallMs - second * 60000) === second) return second;
  return Math.max(first, second);
}

/**
 * Whether a wall-clock time is ambiguous in `zone`: `overlap` when it happened twice (the clocks went
 * back: 02:30 on the last Sunday of October in Paris), `gap` when it never happened (they went forward),
 * null otherwise or for a fixed offset, with the offsets before and after the change (minutes east of
 * UTC). The offsets 12 hours before and after tell a change apart.
 */
export function wallTimeAmbiguity(
  zone: string,
  wallMs: number,
): { kind: 'overlap' | 'gap'; before: number; after: number } | null {
  const z = zone.trim();
  if (/^(?:UTC|GMT|Z)$/i.test(z) || FIXED.test(z)) return null;
  const formatter = formatterFor(z);
  if (!formatter) return null;
  // Most days see no change: known per zone and day, a log's many stamps cost one look each day.
  const day = `${z}/${Math.floor(wallMs / 86_400_000)}`;
  let changes = daysWithChange.get(day);
  if (changes === undefined) {
    const start = Math.floor(wallMs / 86_400_000) * 86_400_000;
    changes = offsetAt(formatter, start - 14 * 3_600_000) !== offsetAt(formatter, start + 38 * 3_600_000);
    if (daysWithChange.size >= 4096) daysWithChange.clear();
    daysWithChange.set(day, changes);
  }
  if (!changes) return null;
  const before = offsetAt(formatter, wallMs - 12 * 3_600_000);
  const after = offsetAt(formatter, wallMs + 12 * 3_600_000);
  if (before === after) return null;
  const beforeValid = offsetAt(formatter, wallMs - before * 60000) === before;
  const afterValid = offsetAt(formatter, wallMs - after * 60000) === after;
  if (beforeValid && afterValid) return { kind: 'overlap', before, after };
  return !beforeValid && !afterValid ? { kind: 'gap', before, after } : null;
}
