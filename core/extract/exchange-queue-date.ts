/**
 * The date of Exchange's last attempt, as its queue shows it beside the error: Queue Viewer's and
 * Get-Queue's compact form (`{LED=451 4.4.0 ...};{MSG=};{FQDN=...};{IP=...};{LRT=15/07/2025 09:21:04}`),
 * Get-Queue's list (`LastRetryTime : 2019/11/4 13:31:03`) and the `LRI-` prefix some versions write.
 * The server writes it in its own locale and zone: year first, day first or month first. A 12-hour
 * clock is the United States' month first; otherwise a day or a month above 12 settles the order, and
 * a date that reads both ways is left alone (the zone is always assumed and said).
 */
import { formatIso } from './dates';
import { twentyFourHour } from './twelve-hour-clock';

const QUEUE_DATE =
  /(?:\{LRT=|\bLastRetryTime[ \t]{0,40}:[ \t]{0,4}|\bLRI-)(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4}) (\d{1,2}):(\d{2}):(\d{2})(?: ?([AP])M\b)?/;

/**
 * The queue's last retry as written (`12/03/2025 19:50:43`) when it reads both day first and month first,
 * so that exchangeQueueDate left it alone; else null.
 */
export function ambiguousQueueDate(line: string): string | null {
  const m = QUEUE_DATE.exec(line);
  if (!m || exchangeQueueDate(line) !== null) return null;
  const [first, , second, third] = m.slice(1) as [string, string, string, string];
  const a = Number(first);
  const b = Number(second);
  const plausible = third.length === 4 && first.length <= 2 && a >= 1 && a <= 12 && b >= 1 && b <= 12;
  return plausible ? m[0].replace(/^\{LRT=|^LastRetryTime[ \t]*:[ \t]*|^LRI-/, '') : null;
}

/** The wall-clock time of the queue's last retry (`YYYY-MM-DDTHH:MM:SS`) in `line`, or null. */
export function exchangeQueueDate(line: string): string | null {
  const m = QUEUE_DATE.exec(line);
  if (!m) return null;
  const [first, , second, third, h, mi, s, meridiem] = m.slice(1) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  let year: number;
  let month: number;
  let day: number;
  if (first.length === 4) [year, month, day] = [Number(first), Number(second), Number(third)];
  else {
    if (third.length !== 4 || first.length > 2) return null;
    year = Number(third);
    const [a, b] = [Number(first), Number(second)];
    const dayFirst = meridiem ? false : a > 12 ? true : b > 12 ? false : null;
    if (dayFirst === null) return null;
    [day, month] = dayFirst ? [a, b] : [b, a];
  }
  const hour = twentyFourHour(Number(h), meridiem);
  if (hour === null || month < 1 || month > 12) return null;
  // formatIso rolls no date over: the 31st of a 30-day month is no date.
  return formatIso(year, month, day, hour, Number(mi), Number(s), 0)?.slice(0, 19) ?? null;
}
