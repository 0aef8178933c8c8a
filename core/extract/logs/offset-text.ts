/**
 * Offsets and zones as log lines write them (`+0200`, `+02:00`, `Z`, `CEST`), read to minutes east of
 * UTC and written back as `+HH:MM`.
 */
import { zoneOffsetForWallTime } from '../zone-offset';

/** `n` as a whole number of `width` digits at least, without its sign. */
export function pad(n: number, width = 2): string {
  return String(Math.trunc(Math.abs(n))).padStart(width, '0');
}

/** Minutes east of UTC as `+HH:MM` (`+00:00` for UTC). */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return '+00:00';
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.abs(minutes) / 60)}:${pad(Math.abs(minutes) % 60)}`;
}

const offsets = new Map<string, number | null>();

/** `+0200` / `+02:00` / `Z` → minutes east of UTC; null when not an offset (remembered per text). */
export function parseOffset(text: string): number | null {
  let offset = offsets.get(text);
  if (offset === undefined) {
    offset = readOffset(text);
    if (offsets.size >= 256) offsets.clear();
    offsets.set(text, offset);
  }
  return offset;
}

function readOffset(text: string): number | null {
  if (/^z$/i.test(text) || /^utc$/i.test(text) || text === 'GMT') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  // Offsets in use run from -12:00 to +14:00; `+25:00` would write an invalid date.
  if (!m || Number(m[2]) > 14 || Number(m[3]) > 59) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

// Zone abbreviations that name one offset only (CST, IST, AST... are ambiguous and left out).
const ABBREVIATIONS: Record<string, string> = {
  UTC: 'Z',
  GMT: 'Z',
  WET: '+00:00',
  WEST: '+01:00',
  BST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  MET: '+01:00',
  MEST: '+02:00',
  // German for CET and CEST, as Apple Mail writes them in a German forward's date (`... um 15:14:53 MEZ`).
  MEZ: '+01:00',
  MESZ: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  EST: '-05:00',
  EDT: '-04:00',
  MDT: '-06:00',
  MST: '-07:00',
  PDT: '-07:00',
  PST: '-08:00',
  JST: '+09:00',
};

/**
 * The offset (`Z`, `+02:00`) of a zone written as systemd and date(1) write it: an unambiguous
 * abbreviation (`CEST`) or a numeric offset (`+0200`); null when it cannot be told.
 */
export function zoneAbbreviationOffset(zone: string): string | null {
  const known = ABBREVIATIONS[zone.toUpperCase()];
  if (known !== undefined) return known;
  const offset = parseOffset(zone);
  return offset === null ? null : formatOffset(offset);
}

const ISO_WITH_ZONE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,]\d{1,9})?\s?(Z|[+-]\d{2}:?\d{2})$/i;

/** Normalises an ISO stamp that has an offset: seconds precision, `+HH:MM` offset, `Z` kept as `Z`. */
export function normalizeIso(text: string): string | null {
  const m = ISO_WITH_ZONE.exec(text.trim());
  if (!m) return null;
  const zone = m[3] ?? '';
  if (/^z$/i.test(zone)) return `${m[1]}T${m[2]}Z`;
  const offset = parseOffset(zone);
  return offset === null ? null : `${m[1]}T${m[2]}${formatOffset(offset)}`;
}

/** True when `zone` is usable as options.assumeZone (IANA name, `UTC`, or `+HH:MM`). */
export function isValidZone(zone: string): boolean {
  return parseOffset(zone) !== null || zoneOffsetForWallTime(zone, 0) !== null;
}
