/**
 * In which order a forward's numeric date (`04/05/2026 10:12`) writes its day and month, as told by the
 * language of the forward's labels: Thunderbird and Outlook write the date in the user's locale, so the
 * labels' language narrows the locale. Where every locale of that language writes a short numeric date
 * day first (or year first, never month first), the date reads day first. English does not settle it
 * (en-US writes `5/4/26`, en-GB `04/05/2026`), nor does a 12-hour clock (en-AU and en-IN write
 * `4/5/26, 10:12 am` too), nor Spanish (es-PA and es-PR write month first, the rest day first).
 *
 * Source: CLDR's short date patterns (`dateFormats/short` of the Gregorian calendar, CLDR 48 as ICU 78
 * gives it), for every regional locale of each language: fr `dd/MM/y` (fr-CA `y-MM-dd`, fr-CH
 * `dd.MM.yy`), de `dd.MM.yy`, it `dd/MM/yy`, pt `dd/MM/y`, nl `dd-MM-y` (nl-BE `d/MM/y`), pl `d.MM.y`,
 * cs `dd.MM.yy`, da `dd.MM.y`, nb and nn `dd.MM.y`, sv `y-MM-dd` (sv-FI `d.M.y`), fi `d.M.y`.
 */

/** The order a slashed date's day and month are read in when both are 12 or less. */
export type SlashedOrder = 'day-first' | 'unknown';

/**
 * Date labels only day-first languages write: French Outlook's `Envoyé :` (and Windows' Courrier's
 * `Envoyé le :`), German Outlook's `Gesendet:`, `Datum:` (German, Dutch, Swedish and Czech Thunderbird,
 * Swedish Apple Mail), `Data:` (Italian, Portuguese and Polish), `Dato:` (Danish, Norwegian), Polish
 * `Wysłane:`, Danish and Norwegian `Sendt:`, Swedish `Skickat:`, Finnish `Päivämäärä:`, `Päiväys:`,
 * `Lähetetty:`.
 */
const DAY_FIRST_DATE_LABEL =
  /^(?:Envoy[ée](?: le)?|Gesendet|Datum|Data|Dato|Wysłane|Sendt|Skickat|Päivämäärä|Päiväys|Lähetetty)$/i;
/**
 * French Thunderbird's and Samsung's `De :`, with the space French puts before a colon: its `Date :`
 * is French, not English (Spanish and Portuguese `De:` take no space).
 */
const FRENCH_FROM_LINE = /^\s{0,4}De[\s\u00a0\u202f]{1,2}:/;

/**
 * The order of a slashed date under the date label `dateLabel` (`Sent`, `Envoyé`, `Date`), the
 * forward's other lines `lines` telling English `Date:` from French `Date :`.
 */
export function slashedOrderOf(dateLabel: string, lines: readonly string[]): SlashedOrder {
  if (DAY_FIRST_DATE_LABEL.test(dateLabel.trim())) return 'day-first';
  if (/^Date$/i.test(dateLabel.trim()) && lines.some((l) => FRENCH_FROM_LINE.test(l))) return 'day-first';
  return 'unknown';
}
