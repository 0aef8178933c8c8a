/**
 * The creation date Office 365's notice gives under "Original Message Details" (`Détails du message
 * d’origine`): `Created Date: 11/28/2026 2:03:17 PM`, `Date de création : 28/11/2026 14:03:17` (also
 * `Heure de création :`).
 *
 * Exchange Online writes it in UTC, as it writes its Message Hops (`TIME (UTC)`): two real notices show it,
 * the returned message's own `Date: Sun, 21 Apr 2024 15:47:16 +0200` beside `Created Date: 4/21/2024
 * 1:47:16 PM` (test/fixtures/extract/audit14/o365-ndr-hop-count-stamp.txt), `Date: Wed, 01 Dec 2021
 * 00:03:44 -0800` beside `Created Date:12/1/2021 8:03:44 AM` (audit17/office365-ndr-message-from-sender-
 * in-reply.eml). The order of day and month is the label's language's: an AM/PM time is en-US's (month
 * first), a 24-hour one under the English label en-GB's (day first), French always the day first.
 * German writes its label `Erstellungsdatum:` and the date with dots, day first (`04.12.2026 09:14:02`, the
 * de-DE short date of CLDR), read the same way.
 */
import { wallClockText } from './dates';

const CREATED_LABEL = String.raw`(?:Date|Heure)\s+de\s+cr[ée]ation|Created\s+Date|Erstellungsdatum`;

// (A slash between the numbers, or German's dot: `\2` keeps the separator the date started with.)
const CREATED_LINE = new RegExp(
  String.raw`^\s{0,12}(?:${CREATED_LABEL})[\s\u00a0\u202f]{0,4}:\s{0,12}(\d{1,2})([\/.])(\d{1,2})\2(\d{4})\s{1,4}(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s{0,2}([AaPp])\.?[Mm]\.?)?\s*$`,
);

/** True for Office 365's `Created Date:` line: when the returned message was written, not refused. */
export function isCreationDateLine(line: string): boolean {
  return CREATED_LINE.test(line);
}

/** The UTC time a creation date line gives, as `YYYY-MM-DDTHH:MM:SSZ`, or null for another line. */
export function office365CreatedDate(line: string): string | null {
  const m = CREATED_LINE.exec(line);
  if (!m) return null;
  const [first, second, year, hour, minute] = [m[1], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const meridiem = m[8];
  const monthFirst = meridiem !== undefined;
  const day = monthFirst ? second : first;
  const month = monthFirst ? first : second;
  const wall = wallClockText(year, month, day, hour, minute, Number(m[7] ?? 0), meridiem);
  return wall ? `${wall}Z` : null;
}
