/**
 * The date a tool's log line starts with, when a reply is pasted with the line that reported it: PHPMailer's
 * debug output (`2024-11-29 09:07:25 SMTP ERROR: ...`), a framework's log (`[2024-11-29 09:07:25]
 * production.ERROR: ...`), Nagios's and a script's bracketed epoch seconds (`[1733412131]
 * SERVICE ALERT: ...`, `[1733412131.123] mail to ... failed: 550 ...`, read as logs/bracketed-epoch.ts tells
 * a time from an uptime: UTC, or no date), Python's logging (`2024-11-29 09:07:25,123 ERROR ...`), an ISO
 * stamp with its zone, or ctime's form (`Fri Nov 29 09:07:25 2024`, as msmtp's log writes it; Java's
 * `[Sun Apr 14 15:07:35 CEST 2024]` with its zone), PHP's `[15-Aug-2018 04:28:19 -0500]`, Ruby's Logger
 * (`E, [2018-07-17T09:04:04.212121 #11048]`), SmarterMail's `[2016.10.28] 09:16:28 [06435]`, or the United
 * States' `12/9/2020 9:47:12 PM`. Without a zone, the zone assumed (UTC unless told) is said in a note.
 */
import type { Note } from '../types';
import { fromUnixSeconds, parseDateIn } from './dates';
import { bracketedSecondsKind } from './logs/bracketed-epoch';
import { withoutCompose } from './logs/formats/common';
import { monthNumber } from './logs/month-names';
import { zoneAbbreviationOffset } from './logs/offset-text';
import { NOTES } from './notes';
import { twentyFourHour } from './twelve-hour-clock';

// Also behind a log level (Django's `ERROR 2018-07-29 14:54:55,237 ...`, PMail's
// `[error][2024-11-02 00:12:28]`), with slashes (Go's log package and nginx's error log:
// `2024/03/12 10:15:32 ...`), and in brackets before another bracketed field (RainLoop's and SnappyMail's
// `[2024-03-26 17:14:27.212][dba2d436] SMTP[INFO]: ...`). MDaemon's session log puts the weekday before and a
// colon after (` Tue 2022-08-09 07:47:32: <-- 450 ...`). Also logfmt's first key, as Go's logrus writes it
// (`time="2021-09-24T17:27:57Z" level=warning msg="550 ..."`).
const ISO_START =
  /^[ \t]{0,4}(?:(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL)[ \t]{1,4}|\[(?:debug|info|warn|warning|error|fatal)\]|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) |time=")?\[?(\d{4}([-/])\d{2}\2\d{2}[T ]\d{2}:\d{2}:\d{2})(?:[.,]\d{1,9})?(Z|[ ]?[+-]\d{2}:?\d{2})?(?:\][ \t[]|:?[ \t]|"[ \t])/;
// Also in brackets with a zone's abbreviation (Java's Date: `[Sun Apr 14 15:07:35 CEST 2024][ERROR]`).
const CTIME_START =
  /^[ \t]{0,4}\[?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(\d{1,2}) (\d{2}:\d{2}:\d{2})(?: ([A-Z]{2,5}))? (\d{4})(?:[ \t]|\])/;

// Day, month's name, year, as PHP logs write them: Roundcube's (`[15-Aug-2018 04:28:19 -0500]: <id> Recv:
// 550 ...`, its `d-M-Y H:i:s O`) and PHP's error log (`[15-Aug-2018 09:28:19 UTC] ...`).
const PHP_LOG_START =
  /^[ \t]{0,4}\[(\d{1,2})-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(\d{4}) (\d{2}:\d{2}:\d{2})(?: ([+-]\d{4}|UTC))?\]/;

// The United States' form with its AM/PM (Exchange Online's delivery history: `12/9/2020 9:47:12 PM - Server
// at ...`): month first. Without AM/PM the order of day and month is unknown: not read.
const US_START = /^[ \t]{0,4}(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2}) ([AP])M\b/;

// Ruby's Logger: severity's letter, then the time without a zone and the process id in brackets (Zammad's
// production.log, zammad/zammad issue 2133: `E, [2018-07-17T09:04:04.212121 #11048] ERROR -- : ...`; issue
// 4645 shows it without the space: `E, [2023-05-10T00:02:51.187998#769-112440] ERROR -- : ...`).
const RUBY_LOGGER_START = /^[ \t]{0,4}[DIWEFA], \[(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d{1,9})? ?#\d/;

// SmarterMail's delivery and SMTP logs: the date in brackets with dots, year first, then the time and the
// session's id (`[2016.10.28] 09:16:28 [06435] RSP: 250 OK ...`, a delivery log posted on pastebin).
const SMARTERMAIL_START =
  /^[ \t]{0,4}\[(\d{4})\.(\d{2})\.(\d{2})\] (\d{2}:\d{2}:\d{2})(?:\.\d{1,3})? \[\d{1,12}\] /;

/** SmarterMail's `[YYYY.MM.DD] HH:MM:SS [id] ` as `YYYY-MM-DDTHH:MM:SS`, or null. */
function smarterMailStamp(line: string): string | null {
  const m = SMARTERMAIL_START.exec(line);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}` : null;
}

// Seconds in brackets opening the line, with or without their fraction, and no host or program after them.
const BRACKETED_SECONDS_START = /^[ \t]{0,4}\[(\d{9,10})(?:\.\d{1,9})?\][ \t]/;

/** The line's bracketed epoch seconds as a UTC date; null for none, an uptime's or one past tomorrow. */
function bracketedEpochStamp(line: string, now: Date | undefined): { iso: string; assumption: null } | null {
  const m = BRACKETED_SECONDS_START.exec(line);
  if (!m) return null;
  const seconds = Number(m[1]);
  if (bracketedSecondsKind(seconds, now) !== 'epoch') return null;
  const iso = fromUnixSeconds(seconds);
  return iso ? { iso, assumption: null } : null;
}

/** `M/D/YYYY h:mm:ss AM` as `YYYY-MM-DDTHH:MM:SS`, or null. */
function usStamp(line: string): string | null {
  const m = US_START.exec(line);
  if (!m) return null;
  const hour = twentyFourHour(Number(m[4]), m[7]);
  if (hour === null) return null;
  const two = (n: string | number | undefined) => String(n).padStart(2, '0');
  return `${m[3]}-${two(m[1])}-${two(m[2])}T${two(hour)}:${m[5]}:${m[6]}`;
}

export function lineStamp(
  prefixed: string,
  assumeZone?: string,
  now?: Date,
): { iso: string; assumption: Note | null } | null {
  // Also behind `docker compose logs`' service name (`worker-1  | 2026-12-04 10:14:03.512 | ERROR ...`).
  const line = withoutCompose(prefixed);
  const epoch = bracketedEpochStamp(line, now);
  if (epoch) return epoch;
  let text: string | null = null;
  const iso = ISO_START.exec(line);
  if (iso) text = `${iso[1]?.replace(' ', 'T').replaceAll('/', '-')}${iso[3]?.trim() ?? ''}`;
  const ctime = iso ? null : CTIME_START.exec(line);
  if (ctime) {
    const month = String(monthNumber(ctime[1] ?? '')).padStart(2, '0');
    const zone = ctime[4] ? zoneAbbreviationOffset(ctime[4]) : null;
    if (ctime[4] && !zone) return null;
    text = `${ctime[5]}-${month}-${(ctime[2] ?? '').padStart(2, '0')}T${ctime[3]}${zone ?? ''}`;
  }
  const php = iso || ctime ? null : PHP_LOG_START.exec(line);
  if (php) {
    const month = String(monthNumber(php[2] ?? '')).padStart(2, '0');
    const zone = php[5] === 'UTC' ? 'Z' : (php[5] ?? '');
    text = `${php[3]}-${month}-${(php[1] ?? '').padStart(2, '0')}T${php[4]}${zone}`;
  }
  if (!iso && !ctime && !php)
    text = usStamp(line) ?? RUBY_LOGGER_START.exec(line)?.[1] ?? smarterMailStamp(line) ?? null;
  const parsed = text ? parseDateIn(text, assumeZone) : null;
  if (!parsed) return null;
  return { iso: parsed.iso, assumption: parsed.hadZone ? null : NOTES.noZone(assumeZone?.trim() || 'UTC') };
}

// Exchange's history in a locale with a 24-hour clock (`11/01/2023 04:20:14 - Remote Server at ...`, the
// United Kingdom's, France's `11/01/2023`, Germany's `11.01.2023`): day first or month first, unknown.
// Also a row copied from an ESP's dashboard in such a locale (`21/04/2021 17:16:28<TAB>Hard bounce<TAB>...`).
const NUMERIC_24H_START =
  /^[ \t]{0,4}(\d{1,2})[/.](\d{1,2})[/.](\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?= - |[ \t])/;

/**
 * The dates such a line may mean, day first and month first (one when only one is a date, none when
 * the line has no such stamp): the caller picks the one its other dates allow.
 */
export function numericStampReadings(
  line: string,
  assumeZone?: string,
): { iso: string; assumption: Note | null }[] {
  const m = NUMERIC_24H_START.exec(line);
  if (!m || Number(m[4]) > 23) return [];
  const two = (n: string | undefined) => (n ?? '').padStart(2, '0');
  const out: { iso: string; assumption: Note | null }[] = [];
  for (const [day, month] of [
    [m[1], m[2]],
    [m[2], m[1]],
  ]) {
    if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1) continue;
    const parsed = parseDateIn(`${m[3]}-${two(month)}-${two(day)}T${two(m[4])}:${m[5]}:${m[6]}`, assumeZone);
    // parseDateIn rolls no date over: the 31st of a 30-day month is no date.
    if (!parsed || Number(parsed.iso.slice(8, 10)) !== Number(day)) continue;
    if (out.some((o) => o.iso === parsed.iso)) continue;
    out.push({
      iso: parsed.iso,
      assumption: parsed.hadZone ? null : NOTES.noZone(assumeZone?.trim() || 'UTC'),
    });
  }
  return out;
}
