/**
 * Exchange 2003's (and Exchange 5.5's) notice as Outlook shows it lists each recipient with the time its
 * delivery failed: `The following recipient(s) could not be reached:`, then `jean@example.fr on 12/17/2026
 * 10:14 AM` (Microsoft's TechNet page on NDRs, "Example 1": `Recipient Email Address on MM/DD/YYYY Time`;
 * Sisimai's lhost-exchange2003-04: `kijitora@example.com on 4/29/01 11:34:45 PM`; Exchange 5.5's IMS:
 * `… on Thu, 29 Apr 2010 00:00:00 -0000`), then the reason and the server's reply below it. Pasted without
 * the notice's headers, that time dates the refusal. It is written in the server's locale and zone: a day
 * or a month above 12 settles the order, and a date that reads both ways is left alone, with a note. A
 * 12-hour clock does not settle it: Australia's and India's English locales write the day first with AM/PM.
 * Outlook in German writes the line `jean@example.fr am 07.12.2026 10:14` under `Folgende Empfänger konnten
 * nicht erreicht werden:` (Microsoft's KB Q229148 shows that notice: `Eppelmann, Uwe am 21.08.98 16:32`): a
 * dotted date is German's (CLDR's `dd.MM.yy`), always the day first. Outlook in French, Spanish, Italian,
 * Portuguese and Dutch joins them with its own word (`jean@example.fr le 04/12/2026 10:14`, `el`, `il`,
 * `em`, `op 4-12-2026 10:14`): those languages write the day first (CLDR's short dates `dd/MM/y`, Dutch
 * `d-M-y`), so the word settles the order a date reading both ways leaves open.
 */
import type { ExtractOptions, Incident } from '../../types';
import { formatIso, parseDateIn } from '../dates';
import { cite } from '../incident';
import { NOTES } from '../notes';
import type { SourceText } from '../source-text';
import { twentyFourHour } from '../twelve-hour-clock';

/** How far above its reply the recipient's line may be (its reason's lines between). */
const MAX_LINES_ABOVE = 6;

const RECIPIENT_ON = /^\s{0,12}\S{1,64}@[A-Za-z0-9.-]{1,253}\s+(on|am|le|el|il|em|op)\s+(\S.{8,60}?)\s*$/;

/** The words of languages that write the day first (all but English's `on`). */
const DAY_FIRST_WORD = /^(?:am|le|el|il|em|op)$/;

/**
 * A day-first date, with slashes or Dutch hyphens, and its 24-hour time: `04/12/2026 10:14`, `4-12-2026 10:14`.
 */
const DAY_FIRST =
  /^(?<d>\d{1,2})(?<sep>[/-])(?<m>\d{1,2})\k<sep>(?<y>\d{2}|\d{4})\s{1,2}(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?$/;

/** The wall time (`YYYY-MM-DDTHH:MM:SS`) of a date `pattern` reads day first (groups d, m, y, h, mi, s), or null. */
function dayFirstWallTime(pattern: RegExp, written: string): string | null {
  const g = pattern.exec(written)?.groups;
  if (!g) return null;
  const [day, month, y, hour, minute, second] = [g.d, g.m, g.y, g.h, g.mi, g.s ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12) return null;
  const year = y < 100 ? 2000 + y : y;
  return formatIso(year, month, day, hour, minute, second, 0)?.slice(0, 19) ?? null;
}

const NUMERIC =
  /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\s{1,2}(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s{0,2}([AaPp])\.?[Mm]\.?)?$/;

/** German's dotted date, day first, and its 24-hour time: `07.12.2026 10:14`, `21.08.98 16:32:05`. */
const DOTTED =
  /^(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{2}|\d{4})\s{1,2}(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?$/;

/** The wall time of a numeric date (`YYYY-MM-DDTHH:MM:SS`), 'ambiguous' when it reads both ways, or null. */
function numericWallTime(written: string): string | 'ambiguous' | null {
  const m = NUMERIC.exec(written);
  if (!m) return null;
  const [a, b, y, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const meridiem = m[7]?.toUpperCase();
  const monthFirst = a > 12 ? false : b > 12 ? true : null;
  if (monthFirst === null) return 'ambiguous';
  const [month, day] = monthFirst ? [a, b] : [b, a];
  const hour = twentyFourHour(h, meridiem);
  const year = y < 100 ? 2000 + y : y;
  if (hour === null || month < 1 || month > 12) return null;
  return formatIso(year, month, day, hour, mi, Number(m[6] ?? 0), 0)?.slice(0, 19) ?? null;
}

/** With no other date, the time Exchange 2003's recipient line above the reply gives. */
export function dateFromExchange2003Recipient(
  incident: Incident,
  source: SourceText,
  options: ExtractOptions,
): void {
  const reply = incident.sources.reply?.line;
  if (!reply) return;
  for (let line = reply; line >= 1 && line >= reply - MAX_LINES_ABOVE; line--) {
    const text = source.line(line);
    if (line < reply && text.trim() === '') return;
    const on = RECIPIENT_ON.exec(text);
    const written = on?.[2];
    if (!written) continue;
    const dayFirst = DAY_FIRST_WORD.test(on?.[1] ?? '') ? dayFirstWallTime(DAY_FIRST, written) : null;
    const wall = dayFirstWallTime(DOTTED, written) ?? dayFirst ?? numericWallTime(written);
    if (wall === 'ambiguous') {
      incident.assumptions.push(NOTES.ambiguousRecipientLineDate(written));
      return;
    }
    const parsed = parseDateIn(wall ?? written, options.assumeZone);
    if (!parsed) return;
    incident.occurredAt = parsed.iso;
    cite(incident, 'occurredAt', source.ref(line));
    if (!parsed.hadZone) incident.assumptions.push(NOTES.noZone(options.assumeZone?.trim() || 'UTC'));
    return;
  }
}
