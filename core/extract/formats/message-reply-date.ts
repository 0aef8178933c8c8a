/**
 * The date an incident's reply line starts with (an Exchange history line, a transcript's dated
 * attempt): when that very attempt was refused, within the bounds the message's own dates set.
 */

import type { ExtractOptions, Incident } from '../../types';
import { inZoneOfNear, parseDate } from '../dates';
import { lineStamp, numericStampReadings } from '../line-stamp';
import { NOTES } from '../notes';
import { recordLineAbove } from './application-log-record';
import type { RefOf } from './message-sender';

/** A line ending in `Server at mx.example.net`, its `(ip) returned '...'` wrapped onto the next. */
const SERVER_AT_END = /\bServer at \S{1,253}\s*$/;

/** A line that is an RFC 5322 date and nothing else, its zone written. */
const BARE_DATE_LINE =
  /^\s{0,8}(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}\s*$/;

/** The date a reply's line starts with (line-stamp.ts): when that reply was given. */
export function dateFromReplyLine(
  incident: Incident,
  bodyLines: readonly string[],
  index: number,
  options: ExtractOptions,
  refOf: RefOf,
  noticeDate: string | null,
): void {
  let line = bodyLines[index];
  let stamp = stampOf(line, options);
  // A history line wrapped before the reply (`4/11/2016 4:58:21 PM - Remote Server at mx.example.net` /
  // `(192.0.2.1) returned '441 ...'`): its date is on the line above.
  if (!stamp && index > 0 && SERVER_AT_END.test(bodyLines[index - 1] ?? '')) {
    line = bodyLines[index - 1];
    stamp = stampOf(line, options);
  }
  // A transcript's attempt dated on a line of its own just above (SurfControl's `Thu, 20 Apr 2008 23:34:45
  // +0900` / `Failed to send to identified host,` / `rcpt: [IP], 554 ...`).
  for (let above = index - 1; !stamp && above >= Math.max(0, index - 2); above--) {
    if (!BARE_DATE_LINE.test(bodyLines[above] ?? '')) continue;
    line = bodyLines[above];
    const bare = parseDate((line ?? '').trim());
    stamp = bare ? { iso: bare.iso, assumption: null } : null;
  }
  // An application's log record quoting the reply under its stamped first line (Odoo's `2015-04-07
  // 12:38:48,674 5156 ERROR db ...: Mail delivery failed via SMTP server '...'.` above its
  // `SMTPRecipientsRefused: {...}`, application-log-record.ts).
  if (!stamp) {
    const record = recordLineAbove(bodyLines, index, (l) => stampOf(l, options));
    if (record) ({ line, stamp } = record);
  }
  // The message's own dates bound the attempts: a history date before them, or weeks after, is one
  // misread (`3/09/2016` is the 3rd of September where the locale writes the day first).
  const known = incident.occurredAt ? Date.parse(incident.occurredAt) : null;
  if (!stamp && line) {
    // A 24-hour stamp of unknown order (`11/01/2023 04:20:14 - Remote Server at ...`): the reading the
    // message's dates allow, or the only one that is a date.
    const readings = numericStampReadings(line, options.assumeZone).filter((r) => allowed(r.iso, known));
    if (readings.length === 1) stamp = readings[0] ?? null;
  }
  if (!stamp || !line) return;
  // A zone-less time at the clock time of the notice's own Date: the notice written as that last attempt
  // failed, by the same clock (Exchange Online's `5/25/2018 8:21:10 AM - Server at …` in a notice dated
  // `Fri, 25 May 2018 08:21:10 +0000`, Sisimai's lhost-office365-06): the Date's zone, not the assumed one.
  const same =
    stamp.assumption?.code === 'date.no-zone' && noticeDate
      ? inZoneOfNear(stamp.iso, noticeDate, -BEFORE_NOTICE_SECONDS, AFTER_NOTICE_SECONDS)
      : null;
  if (same) stamp = { iso: same.iso, assumption: NOTES.zoneOfNoticeDate(same.offset) };
  if (!allowed(stamp.iso, known)) return;
  if (known !== null) {
    delete incident.sources.occurredAt;
    incident.assumptions = incident.assumptions.filter((a) => !REPLACED_DATE_NOTES.has(a.code));
  }
  incident.occurredAt = stamp.iso;
  refOf(incident, 'occurredAt', line, true);
  if (stamp.assumption) incident.assumptions.push(stamp.assumption);
}

const DAY_MS = 86_400_000;

/** The notice's own Date (its field's value) as an ISO date when it carries its zone, else null. */
export function zonedNoticeDate(value: string | undefined): string | null {
  const parsed = value ? parseDate(value) : null;
  return parsed?.hadZone ? parsed.iso : null;
}

/**
 * The stamp a line starts with, its quote marks aside. (Functions of the module, not closures made on each
 * call: this runs for every reply.)
 */
function stampOf(line: string | undefined, options: ExtractOptions): ReturnType<typeof lineStamp> {
  return line ? lineStamp(line.replace(/^\s{0,4}(?:>\s?){1,4}/, ''), options.assumeZone, options.now) : null;
}

/**
 * How many seconds before the notice's Date the attempt it reports may have failed (the notice written
 * then, its Date the same second or a little later), and after it (two clocks of one host a second apart).
 */
const BEFORE_NOTICE_SECONDS = 60;
const AFTER_NOTICE_SECONDS = 2;

/** Whether `iso` falls within a day before and 60 days after the message's own date `known` (any, without one). */
function allowed(iso: string, known: number | null): boolean {
  const at = Date.parse(iso);
  return known === null || (at >= known - DAY_MS && at <= known + 60 * DAY_MS);
}

/**
 * The notes fillDate gives about where the date came from: stale once the reply's own attempt line
 * dates it (a SurfControl transcript's `Wed, 16 Aug 2006 05:01:24 -0500` over a copy dated in `UT`
 * must not still say the date is the returned message's).
 */
const REPLACED_DATE_NOTES = new Set([
  'date.no-zone',
  'date.zone-of-own-hop',
  'date.returned-message',
  'date.returned-hop',
  'date.notice-before-message',
  'date.quoting-message',
  'date.quoted-notice',
  'date.forwarded-notice',
  'date.queued-until-bounce',
  'date.queued-until-notice-no-reply',
  'date.from-microsoft-reply',
]);
