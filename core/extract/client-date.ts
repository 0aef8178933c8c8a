/**
 * The date a mail client writes in the header lines of a forward, in the user's language and local
 * time rather than RFC 5322's form: Gmail `Mon, Mar 2, 2026 at 10:14 AM`, `lun. 2 mars 2026 à 10:14`,
 * Outlook's `Sent: Monday, March 2, 2026 10:14 AM`, `Envoyé : lundi 2 mars 2026 10:14`, Apple Mail's
 * `2 March 2026 at 10:14:00 CET`. Read only where such a header's date is not RFC 5322's. Most carry no
 * zone: the date comes back as `YYYY-MM-DDTHH:MM:SS` for the caller to read in the assumed zone.
 */
import { formatIso, type ParsedDate, parseDateIn } from './dates';
import { monthNumber, zoneAbbreviationOffset } from './logs/time';

// English and French month names, full or abbreviated (`févr.`, `juil.`, `Sept`).
const MONTH = String.raw`(jan(?:uary|vier|v)?|feb(?:ruary)?|f[ée]v(?:rier|r)?|mar(?:ch|s)?|apr(?:il)?|avr(?:il)?|may|mai|june?|juin|july?|juil(?:let)?|aug(?:ust)?|ao[uû]t|sept?(?:ember|embre)?|oct(?:ober|obre)?|nov(?:ember|embre)?|dec(?:ember)?|d[ée]c(?:embre)?)\.?`;
// `at` (Gmail, Apple Mail), `à` (French), a comma, or nothing between the date and the time.
const JOIN = String.raw`(?:\s{0,2},|\s{1,4}(?:at|à|a))?\s{1,4}`;
const TIME = String.raw`(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?:\s{0,2}([AaPp])\.?[Mm]\.?)?`;
// A zone after the time: `+0100`, `UTC+1`, `GMT+01:00`, or a name (`CET`).
const ZONE = String.raw`(?:\s{1,4}(?:(?:UTC|GMT)?([+-]\d{1,2}(?::?\d{2})?)|([A-Z]{3,4})\b))?`;
/** `2 mars 2026 à 10:14`, `1er mars 2026 10:14`. */
const DAY_FIRST = new RegExp(
  String.raw`(?:^|[\s,.])(\d{1,2})(?:er)?\s{1,4}${MONTH}\s{1,4}(\d{4})${JOIN}${TIME}${ZONE}`,
  'i',
);
/** `Mar 2, 2026 at 10:14 AM`, `March 2, 2026 10:14 AM`. */
const MONTH_FIRST = new RegExp(
  String.raw`(?:^|[\s,])${MONTH}\s{1,4}(\d{1,2}),?\s{1,4}(\d{4})${JOIN}${TIME}${ZONE}`,
  'i',
);

/** The offset (`Z`, `+01:00`) of `+1`, `+01:00`, `-0500` or a zone name, as logs/time.ts reads zones; null when unknown. */
function zoneOffset(numeric: string | undefined, name: string | undefined): string | null {
  if (!numeric) return name ? zoneAbbreviationOffset(name) : null;
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(numeric);
  if (!m || Number(m[2]) > 14) return null;
  return zoneAbbreviationOffset(`${m[1]}${(m[2] as string).padStart(2, '0')}${m[3] ?? '00'}`);
}

/**
 * The date of a client's forward header, as ISO with its offset when the text gives a zone, else as a
 * zone-less `YYYY-MM-DDTHH:MM:SS`; null when the text holds no such date.
 */
export function clientDate(text: string): { iso: string; hadZone: boolean } | null {
  const t = text.slice(0, 200);
  const dayFirst = DAY_FIRST.exec(t);
  const monthFirst = dayFirst ? null : MONTH_FIRST.exec(t);
  const m = dayFirst ?? monthFirst;
  if (!m) return null;
  const [day, monthName, year] = dayFirst ? [m[1], m[2], m[3]] : [m[2], m[1], m[3]];
  const month = monthNumber(monthName ?? '');
  let hour = Number(m[4]);
  const meridiem = m[7]?.toUpperCase();
  if (meridiem && (hour < 1 || hour > 12)) return null;
  if (meridiem === 'P' && hour < 12) hour += 12;
  if (meridiem === 'A' && hour === 12) hour = 0;
  const [d, y, mi, s] = [Number(day), Number(year), Number(m[5]), Number(m[6] ?? 0)];
  if (month === 0) return null;
  // The wall-clock time alone (`YYYY-MM-DDTHH:MM:SS`), then its zone when the text gives one.
  const local = formatIso(y, month, d, hour, mi, s, 0)?.slice(0, 19);
  if (!local) return null;
  const zone = zoneOffset(m[8], m[9]);
  return zone === null
    ? { iso: local, hadZone: false }
    : { iso: `${local}${zone === 'Z' ? '+00:00' : zone}`, hadZone: true };
}

/** clientDate, a zone-less date read in `assumeZone` as parseDateIn reads one (`hadZone` false). */
export function clientDateIn(text: string, assumeZone: string | undefined): ParsedDate | null {
  const found = clientDate(text);
  return found && !found.hadZone ? parseDateIn(found.iso, assumeZone) : found;
}
