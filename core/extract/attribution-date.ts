/**
 * The date of a reply's attribution line above a quoted notice, when the quoted message is a mail
 * system's (`MAILER-DAEMON`, `postmaster`, "Mail Delivery System"): the notice was written then, the
 * failure moments before. Only forms that say which number is the month:
 * - Outlook for Mac, en-US: `On 6/20/23, 11:47 PM, "Mail Delivery System" <MAILER-DAEMON@...> wrote:`
 *   (with AM/PM: month first);
 * - Gmail: `On Tue, Jun 20, 2023 at 11:47 PM Mail Delivery System <...> wrote:`, in French `Le mar.
 *   20 juin 2023 à 23:47, Mail Delivery System <...> a écrit :`;
 * - Apple Mail: `On Jun 20, 2023, at 23:47, Mail Delivery System <...> wrote:`;
 * - Thunderbird: `Le 15/10/2021 à 14:42, ... a écrit :` (French: day first), and in English with a
 *   24-hour clock `On 23/11/2017 22:30, ... wrote:` only when a number above 12 tells the day; with an
 *   ISO date, `... wrote on 2016-10-12 at 16:39:`.
 * - Gmail in British English: `On Mon, 2 Dec 2024 at 10:12, Mail Delivery System <...> wrote:`.
 * - Roundcube in French, with an ISO date: `Le 2025-12-03 14:02, Mail Delivery System a écrit :`.
 * None writes a zone: the date comes back as `YYYY-MM-DDTHH:MM:SS` for the caller's assumed zone.
 * Gmail and Apple Mail have put a narrow no-break space (U+202F) before `AM`/`PM` since 2023 (a netdev
 * archive's forward of 2023: `3:53=E2=80=AFAM`), and Gmail wraps a long attribution line in two
 * (`On Tue, Jul 30, 2019 at 2:09 PM Mail Delivery Subsystem` / `<mailer-daemon@googlemail.com> wrote:`,
 * LKML 2019): both are read (wrappedAttributionDate).
 */
import { wallClockText } from './dates';
import { monthNumber } from './logs/month-names';
import { includesAfter } from './rare-search';

/** The quoted message's author is a mail system. */
const MAIL_SYSTEM = /MAILER[- ]DAEMON|\bpostmaster@|Mail Delivery (?:System|Subsystem)|Microsoft Outlook/i;

const US_NUMERIC =
  /^\s{0,12}On (\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),? (\d{1,2}):(\d{2})(?::\d{2})? ?([AaPp])\.?[Mm]\.?,? [^\n]{1,300}wrote:\s*$/;
// (Mutt's default `date_format`, `%a, %b %d, %Y at %I:%M:%S%p %Z`, writes the seconds and a zone: `On Wed,
// Jun 11, 2025 at 09:40:12AM +0200, Jean Martin wrote:`, as mailing lists' archives show it.)
const GMAIL_EN =
  /^\s{0,12}On (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([A-Z][a-z]{2}) (\d{1,2}), (\d{4}) at (\d{1,2}):(\d{2})(?::\d{2})? ?([AP]M)?,? [^\n]{1,300}wrote:\s*$/;
const APPLE =
  /^\s{0,12}On ([A-Z][a-z]{2}) (\d{1,2}), (\d{4}),? at (\d{1,2}):(\d{2})(?: ?([AP]M))?,? [^\n]{1,300}wrote:\s*$/;
const GMAIL_EN_GB =
  /^\s{0,12}On (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) at (\d{1,2}):(\d{2}),? [^\n]{1,300}wrote:\s*$/;
const GMAIL_FR =
  /^\s{0,12}Le (?:[a-z]{3,4}\.? )?(\d{1,2}) ([a-zéû]{3,9}\.?) (\d{4}) à (\d{1,2})[:h](\d{2}),? [^\n]{1,300}a écrit\s?:\s*$/i;

/**
 * Evolution: `On Wed, 2025-06-11 at 09:40 +0200, Jean Martin wrote:` (its default, `${AbbrevWeekdayName},
 * ${Year}-${Month}-${Day} at ${24Hours}:${Minutes} ${TimeZone}`). KMail, the weekday and month written in
 * full with the seconds and the zone: `On Wednesday, 11 June 2025 09:40:12 CEST Jean Martin wrote:`,
 * `On Wednesday, June 11, 2025 9:40:12 AM CEST ...`, in French `Le mercredi 11 juin 2025, 09:40:12 CEST
 * Jean Martin a écrit :` (as mailing lists' archives show them).
 */
const EVOLUTION =
  /^\s{0,12}On (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{4})-(\d{2})-(\d{2}) at (\d{1,2}):(\d{2})\b[^\n]{1,300}wrote:\s*$/;
const KMAIL_DAY_FIRST =
  /^\s{0,12}On (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\d{1,2}) ([A-Z][a-z]{2,8}) (\d{4}),? (\d{1,2}):(\d{2})(?::\d{2})?(?: ?([AP]M))? [^\n]{1,300}wrote:\s*$/;
const KMAIL_MONTH_FIRST =
  /^\s{0,12}On (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, ([A-Z][a-z]{2,8}) (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2})(?::\d{2})?(?: ?([AP]M))? [^\n]{1,300}wrote:\s*$/;
const KMAIL_FR =
  /^\s{0,12}Le (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) (\d{1,2}) ([a-zéû]{3,9}) (\d{4}),? (\d{1,2})[:h](\d{2})(?::\d{2})? [^\n]{1,300}a écrit\s?:\s*$/i;

/**
 * Thunderbird in French: `Le 15/10/2021 à 14:42, Mail Delivery System a écrit :` (French puts the day
 * first); Outlook for Mac in French writes no `à`: `Le 28/10/2021 12:46, « John Doe » <...> a écrit :`
 * (crisp-oss/email-forward-parser's outlook_2019_fr_body.txt).
 */
const FR_NUMERIC =
  /^\s{0,12}Le (\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?: à)? (\d{1,2})[:h](\d{2}),? [^\n]{1,300}a écrit\s?:\s*$/i;
/**
 * Thunderbird in English with a 24-hour clock: `On 23/11/2017 22:30, Mail Delivery Subsystem wrote:`.
 * The locale decides which number is the month: read only when one of them cannot be (above 12).
 */
const EN_NUMERIC_24H =
  /^\s{0,12}On (\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),? (\d{1,2}):(\d{2}),? [^\n]{1,300}wrote:\s*$/;

/**
 * Thunderbird with an ISO date (its `date_format` set so, or a locale that writes it): `Mailer Daemon
 * wrote on 2016-10-12 at 16:39:` (a resent patch on vger's linux-media, 2016), `On 2016-10-12 16:39,
 * Mailer Daemon wrote:`. The year first says which number is the month.
 */
const ISO_WROTE_ON = /^\s{0,12}[^\n]{1,300} wrote on (\d{4})-(\d{2})-(\d{2}),? at (\d{1,2}):(\d{2}):\s*$/;
const ISO_ON = /^\s{0,12}On (\d{4})-(\d{2})-(\d{2}),? (\d{1,2}):(\d{2}),? [^\n]{1,300}wrote:\s*$/;
/**
 * Roundcube, the webmail of most French hosts, in French: `Le 2025-12-03 14:02, Mail Delivery System a
 * écrit :` (its reply intro with its default long date, `Y-m-d H:i`, as in English `On 2018-07-19
 * 19:07, ... wrote:`).
 */
const ISO_LE = /^\s{0,12}Le (\d{4})-(\d{2})-(\d{2}),? (\d{1,2}):(\d{2}),? [^\n]{1,300}a écrit\s?:\s*$/i;

/** Two-digit years are this century's (`6/20/23`). */
function localStamp(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  meridiem?: string,
) {
  return wallClockText(year < 100 ? 2000 + year : year, month, day, hour, minute, 0, meridiem);
}

/** localStamp of a date whose parts were matched as text, its month by name (`Jun`, `décembre`). */
function namedMonthStamp(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  meridiem?: string,
) {
  return localStamp(
    Number(year),
    monthNumber(month ?? ''),
    Number(day),
    Number(hour),
    Number(minute),
    meridiem,
  );
}

/**
 * A line that may be an attribution line (`... wrote:`, `... a écrit :`): a cheap test before the patterns.
 */
export function looksLikeAttribution(line: string): boolean {
  return line.length <= 400 && holdsAttributionWords(line);
}

/** The words of an attribution line somewhere in `text` (`... wrote:`, `... wrote on ...`, `... a écrit`). */
export function holdsAttributionWords(text: string): boolean {
  // (Searched from their rarer words, then the space before them: rare-search.ts.)
  return (
    includesAfter(text, ' ', 'wrote:') ||
    includesAfter(text, ' ', 'wrote on ') ||
    includesAfter(text, ' a ', 'écrit')
  );
}

/** Gmail's and Apple Mail's spaces inside the line (no-break, narrow no-break) as plain ones. */
const ODD_SPACES = /[\u00a0\u202f]/g;

/** The attribution line's date as `YYYY-MM-DDTHH:MM:SS` (no zone), or null. */
export function attributionDate(text: string): string | null {
  return MAIL_SYSTEM.test(text) ? anyAttributionDate(text) : null;
}

/**
 * The date of an attribution line whoever wrote the quoted message (a person quoting a log in a
 * reply), as `YYYY-MM-DDTHH:MM:SS` (no zone), or null.
 */
export function anyAttributionDate(text: string): string | null {
  if (!looksLikeAttribution(text)) return null;
  const line = text.replace(ODD_SPACES, ' ');
  const us = US_NUMERIC.exec(line);
  if (us) return localStamp(Number(us[3]), Number(us[1]), Number(us[2]), Number(us[4]), Number(us[5]), us[6]);
  const en = GMAIL_EN.exec(line) ?? APPLE.exec(line);
  if (en) {
    return localStamp(
      Number(en[3]),
      monthNumber(en[1] ?? ''),
      Number(en[2]),
      Number(en[4]),
      Number(en[5]),
      en[6],
    );
  }
  const gb = GMAIL_EN_GB.exec(line);
  if (gb)
    return localStamp(Number(gb[3]), monthNumber(gb[2] ?? ''), Number(gb[1]), Number(gb[4]), Number(gb[5]));
  const fr = GMAIL_FR.exec(line);
  if (fr)
    return localStamp(Number(fr[3]), monthNumber(fr[2] ?? ''), Number(fr[1]), Number(fr[4]), Number(fr[5]));
  const evolution = EVOLUTION.exec(line);
  if (evolution) {
    const [year, month, day, hour, minute] = evolution.slice(1, 6).map(Number) as number[];
    return localStamp(year ?? 0, month ?? 0, day ?? 0, hour ?? 0, minute ?? 0);
  }
  const dayFirst = KMAIL_DAY_FIRST.exec(line) ?? KMAIL_FR.exec(line);
  if (dayFirst) {
    const [day, name, year, hour, minute, meridiem] = dayFirst.slice(1, 7);
    return namedMonthStamp(year, name, day, hour, minute, meridiem);
  }
  const monthFirst = KMAIL_MONTH_FIRST.exec(line);
  if (monthFirst) {
    const [name, day, year, hour, minute, meridiem] = monthFirst.slice(1, 7);
    return namedMonthStamp(year, name, day, hour, minute, meridiem);
  }
  const frNumeric = FR_NUMERIC.exec(line);
  if (frNumeric) {
    const [day, month, year, hour, minute] = frNumeric.slice(1, 6).map(Number) as number[];
    return localStamp(year ?? 0, month ?? 0, day ?? 0, hour ?? 0, minute ?? 0);
  }
  const iso = ISO_WROTE_ON.exec(line) ?? ISO_ON.exec(line) ?? ISO_LE.exec(line);
  if (iso) {
    const [year, month, day, hour, minute] = iso.slice(1, 6).map(Number) as number[];
    return localStamp(year ?? 0, month ?? 0, day ?? 0, hour ?? 0, minute ?? 0);
  }
  const numeric = EN_NUMERIC_24H.exec(line);
  if (!numeric) return null;
  const [first, second, year, hour, minute] = numeric.slice(1, 6).map(Number) as number[];
  if ((first ?? 0) > 12 && (second ?? 0) <= 12)
    return localStamp(year ?? 0, second ?? 0, first ?? 0, hour ?? 0, minute ?? 0);
  if ((second ?? 0) > 12 && (first ?? 0) <= 12)
    return localStamp(year ?? 0, first ?? 0, second ?? 0, hour ?? 0, minute ?? 0);
  return null;
}

/**
 * The date of an attribution line a mail client wrapped in two: `first` (`On ..., Mail Delivery
 * Subsystem`) and `second`, which ends it (`<mailer-daemon@googlemail.com> wrote:`). Null unless
 * `first` has no attribution words of its own and `second` has them.
 */
export function wrappedAttributionDate(first: string, second: string): string | null {
  if (first.length > 300 || holdsAttributionWords(first) || !holdsAttributionWords(second)) return null;
  const head = first.trimEnd();
  const tail = second.trim();
  // A break inside the address's brackets (`System <` / `MAILER-DAEMON@...> a écrit :`) joins without a
  // space.
  return attributionDate(head.endsWith('<') ? `${head}${tail}` : `${head} ${tail}`);
}
