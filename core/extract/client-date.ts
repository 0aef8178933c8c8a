/**
 * The date a mail client writes in the header lines of a forward, in the user's language and local
 * time rather than RFC 5322's form: Gmail `Mon, Mar 2, 2026 at 10:14 AM`, `lun. 2 mars 2026 à 10:14`,
 * Outlook's `Sent: Monday, March 2, 2026 10:14 AM`, `Envoyé : lundi 2 mars 2026 10:14`, Apple Mail's
 * `2 March 2026 at 10:14:00 CET`, Thunderbird's numbers (`03.05.2020 23:07`, `03/05/2020 23:07`);
 * Polish, Danish, Norwegian, Swedish and Finnish Outlook's (`czwartek, 4 grudnia 2026 10:12`, `torsdag
 * den 4. december 2026 10:12`, `torstai 4. joulukuuta 2026 10.12`), their Gmail's (`pt., 4 gru 2026 o
 * 10:12`, `fre. 4. dec. 2026 kl. 10.12`, `pe 4. jouluk. 2026 klo 10.12`) and Apple Mail's (`4 grudnia
 * 2026 o 10:12:03 CET`, `4. december 2026 kl. 10.12.03 CET`); Gmail's Czech numbers (`pá 4. 12. 2026 v
 * 10:12`). Read only where such a header's
 * date is not RFC 5322's. Most carry no zone: the date comes back as `YYYY-MM-DDTHH:MM:SS` for the
 * caller to read in the assumed zone.
 */
import { CZECH_NUMERIC_DATE } from './czech-numeric-date';
import { formatIso, type ParsedDate, parseDateIn } from './dates';
import type { SlashedOrder } from './forward-date-order';
import { monthNumber } from './logs/month-names';
import { zoneAbbreviationOffset } from './logs/offset-text';
import { NORDIC_POLISH_MONTH, nordicPolishMonthNumber } from './nordic-polish-months';
import { twentyFourHour } from './twelve-hour-clock';

// English and French month names, full or abbreviated (`févr.`, `juil.`, `Sept`), and German, Spanish,
// Italian, Dutch and Portuguese ones (`März`, `marzo`, `maggio`, `mei`, `março`) as those languages' clients
// write them, also as Gmail abbreviates them (`lug`, `ago`, `set`, `ott`, `ene`); first, Polish, Danish,
// Norwegian, Swedish and Finnish full names (nordic-polish-months.ts), so that `augusti` or `marts` is not
// cut short at `august` or `mar`.
const MONTH = String.raw`(${NORDIC_POLISH_MONTH}|jan(?:uary|vier|v|uar|uari|eiro)?|feb(?:ruary|ruar|ruari|rero|braio)?|f[ée]v(?:rier|r|ereiro)?|m(?:ar(?:ch|s|zo|ço)?|är(?:z)?|aart)|apr(?:il|ile)?|avr(?:il)?|abr(?:il)?|may(?:o)?|mai(?:o)?|mag(?:gio)?|mei|june?|juni[o]?|juin|junho|july?|juli[o]?|juil(?:let)?|julho|giu(?:gno)?|lug(?:lio)?|aug(?:ust|ustus)?|ao[uû]t|ago(?:sto)?|sept?(?:ember|embre|tiembre)?|set(?:tembre|iembre|embro)?|out(?:ubro)?|oct(?:ober|obre|ubre)?|okt(?:ober)?|ott(?:obre)?|nov(?:ember|embre|iembre|embro)?|dec(?:ember)?|d[ée]c(?:embre)?|dez(?:ember|embro)?|dic(?:iembre|embre)?|ene(?:ro)?|gen(?:naio)?)\.?`;
// `at` (Gmail, Apple Mail), `à` (French), `um` (German), `a las` (Spanish), `alle` or Gmail's `alle ore`
// (Italian), `om` (Dutch), `às` (Portuguese), `klo` (Finnish), `o` (Polish), `kl.` (Danish, Norwegian), `kl`
// (Swedish), a comma, or nothing between the date and the time.
const JOIN = String.raw`(?:\s{0,2},|\s{1,4}(?:at|à|às|a|um|a las|alle\s{1,2}ore|alle|om|klo|o|kl\.?))?\s{1,4}`;
// `10:12`, French `10h12`, Finnish `10.12`; a dotted time followed by more digits (`10.12.2026`) is a
// date, not a time.
const TIME = String.raw`(\d{1,2})[:h.](\d{2})(?:[:.](\d{2}))?(?!\.?\d)(?:\s{0,2}([AaPp])\.?[Mm]\.?)?`;
// A zone after the time: `+0100`, `UTC+1`, `GMT+01:00`, or a name (`CET`).
const ZONE = String.raw`(?:\s{1,4}(?:(?:UTC|GMT)?([+-]\d{1,2}(?::?\d{2})?)|([A-Z]{3,4})\b))?`;
/** `2 mars 2026 à 10:14`, `1er mars 2026 10:14`, `5. März 2024 10:12`, `5 de marzo de 2024 10:12`. */
const DAY_FIRST = new RegExp(
  String.raw`(?:^|[\s,.])(\d{1,2})(?:er|\.)?\s{1,4}(?:de\s{1,2})?${MONTH}\s{1,4}(?:de\s{1,2})?(\d{4})${JOIN}${TIME}${ZONE}`,
  'i',
);
/** `Mar 2, 2026 at 10:14 AM`, `March 2, 2026 10:14 AM`. */
const MONTH_FIRST = new RegExp(
  String.raw`(?:^|[\s,])${MONTH}\s{1,4}(\d{1,2}),?\s{1,4}(\d{4})${JOIN}${TIME}${ZONE}`,
  'i',
);

/**
 * The offset (`Z`, `+01:00`) of `+1`, `+01:00`, `-0500` or a zone name, as logs/time.ts reads zones; null
 * when unknown.
 */
function zoneOffset(numeric: string | undefined, name: string | undefined): string | null {
  if (!numeric) return name ? zoneAbbreviationOffset(name) : null;
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(numeric);
  if (!m || Number(m[2]) > 14) return null;
  return zoneAbbreviationOffset(`${m[1]}${(m[2] as string).padStart(2, '0')}${m[3] ?? '00'}`);
}

/**
 * `03.05.2020 23:07` (German and Swiss clients), `03/05/2020 23:07` (French and British ones), `5/3/2020,
 * 11:07 PM` (American ones): numbers only, the order told by the separator, a number above 12 or the
 * forward's language (numericParts).
 */
const NUMERIC = new RegExp(
  String.raw`(?:^|[\s,])(\d{1,2})([./])(\d{1,2})\2(\d{4}),?${JOIN}${TIME}${ZONE}`,
  'i',
);

/** Gmail's Czech `pá 4. 12. 2026 v 10:12` (czech-numeric-date.ts): day first, known by its shape. */
const CZECH = new RegExp(`${CZECH_NUMERIC_DATE}${TIME}${ZONE}`, 'i');

interface DateParts {
  day: number;
  month: number;
  year: number;
  /**
   * The match, and where its time's groups start (hour, minute, second, meridiem, zone offset, zone name).
   */
  m: RegExpExecArray;
  at: number;
}

/**
 * Day and month of a numeric date. Dots are always day first (every locale that writes them does). A
 * number above 12 settles the order; else slashes are read day first only when `slashed` says so (the
 * forward's labels are in a day-first language, forward-date-order.ts): a 12-hour clock does not say the
 * client is American (en-AU and en-IN write `4/5/26, 10:12 am`).
 */
function numericParts(m: RegExpExecArray, slashed: SlashedOrder): DateParts | null {
  const [a, b] = [Number(m[1]), Number(m[3])];
  const settled = a > 12 || b > 12 || m[2] === '.' || slashed === 'day-first';
  if (!settled) return null;
  const dayFirst = a > 12 || (b <= 12 && (m[2] === '.' || slashed === 'day-first'));
  const [day, month] = dayFirst ? [a, b] : [b, a];
  if (month < 1 || month > 12 || (m[2] === '.' && !dayFirst)) return null;
  return { day, month, year: Number(m[4]), m, at: 5 };
}

/**
 * The numeric date of `text` as written (`04/05/2026`) when its slashes read day first as well as month
 * first (both numbers 12 or less) and `slashed` does not settle it; else null.
 */
export function unsettledSlashedDate(text: string, slashed: SlashedOrder = 'unknown'): string | null {
  const t = text.slice(0, 200);
  if (slashed === 'day-first' || DAY_FIRST.test(t) || MONTH_FIRST.test(t) || CZECH.test(t)) return null;
  const found = NUMERIC.exec(t);
  const m = found?.[2] === '/' ? found : null;
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[3])];
  return a >= 1 && a <= 12 && b >= 1 && b <= 12 ? `${m[1]}/${m[3]}/${m[4]}` : null;
}

/**
 * 1-12 for a month name MONTH matched, or 0; a full Nordic or Polish name first (`marraskuuta` is November).
 */
function monthOf(name: string): number {
  return nordicPolishMonthNumber(name) || monthNumber(name);
}

/** The date's parts in whichever form the text writes it, or null. */
function dateParts(t: string, slashed: SlashedOrder): DateParts | null {
  const dayFirst = DAY_FIRST.exec(t);
  if (dayFirst) {
    const [, day, month, year] = dayFirst;
    return { day: Number(day), month: monthOf(month ?? ''), year: Number(year), m: dayFirst, at: 4 };
  }
  const monthFirst = MONTH_FIRST.exec(t);
  if (monthFirst) {
    const [, month, day, year] = monthFirst;
    return { day: Number(day), month: monthOf(month ?? ''), year: Number(year), m: monthFirst, at: 4 };
  }
  const czech = CZECH.exec(t);
  if (czech) {
    const [, day, month, year] = czech;
    const monthIndex = Number(month);
    if (monthIndex < 1 || monthIndex > 12) return null;
    return { day: Number(day), month: monthIndex, year: Number(year), m: czech, at: 4 };
  }
  const numeric = NUMERIC.exec(t);
  return numeric ? numericParts(numeric, slashed) : null;
}

/**
 * The date of a client's forward header, as ISO with its offset when the text gives a zone, else as a
 * zone-less `YYYY-MM-DDTHH:MM:SS`; null when the text holds no such date, or a slashed one whose order
 * of day and month `slashed` does not settle (unsettledSlashedDate).
 */
export function clientDate(
  text: string,
  slashed: SlashedOrder = 'unknown',
): { iso: string; hadZone: boolean } | null {
  const parts = dateParts(text.slice(0, 200), slashed);
  if (!parts || parts.month === 0) return null;
  const { m, at } = parts;
  const hour = twentyFourHour(Number(m[at]), m[at + 3]);
  if (hour === null) return null;
  // The wall-clock time alone (`YYYY-MM-DDTHH:MM:SS`), then its zone when the text gives one.
  const local = formatIso(
    parts.year,
    parts.month,
    parts.day,
    hour,
    Number(m[at + 1]),
    Number(m[at + 2] ?? 0),
    0,
  )?.slice(0, 19);
  if (!local) return null;
  const zone = zoneOffset(m[at + 4], m[at + 5]);
  return zone === null
    ? { iso: local, hadZone: false }
    : { iso: `${local}${zone === 'Z' ? '+00:00' : zone}`, hadZone: true };
}

/** clientDate, a zone-less date read in `assumeZone` as parseDateIn reads one (`hadZone` false). */
export function clientDateIn(text: string, assumeZone: string | undefined): ParsedDate | null {
  const found = clientDate(text);
  return found && !found.hadZone ? parseDateIn(found.iso, assumeZone) : found;
}
