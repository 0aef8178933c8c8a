/**
 * The date of a pasted reply's incident: the stamp its own line starts with (a log's, an application's,
 * syslog's without year or zone, said), else the session greeting's date, Exchange's queue retry time,
 * or the Rails request that wrote it.
 */

import type { ExtractOptions, Incident, Note } from '../../types';
import type { FoundReply } from '../body-replies';
import { inZoneOfNear, parseDate, parseDateIn } from '../dates';
import { ambiguousQueueDate, exchangeQueueDate } from '../exchange-queue-date';
import { isHostName } from '../header-block';
import { cite } from '../incident';
import { lineStamp, numericStampReadings } from '../line-stamp';
import { parseSyslog } from '../logs/syslog';
import { resolveStamp } from '../logs/time';
import { NOTES } from '../notes';
import { webViewDate } from '../notice-date';
import { railsRequestOf } from '../rails-request';
import type { SourceText } from '../source-text';

/** Lines above a reply that may still belong to its log record (a stack trace under its stamped line). */
const MAX_RECORD_LINES = 30;

/**
 * The date of the tool's log record that quotes the reply: the stamp its own line starts with, else the
 * one of the nearest line above it that starts with one (a stack trace's first line:
 * `[Sun Apr 14 15:07:35 CEST 2024][ERROR] ...`, then the exception's lines), within the same block.
 */
function onlyReading(line: string, assumeZone: string | undefined) {
  const readings = numericStampReadings(line, assumeZone);
  return readings.length === 1 ? (readings[0] ?? null) : null;
}

/** The greeting of the session each incident's reply was read in, when it gave a date (smtp-session.ts). */
export const greetings = new WeakMap<Incident, NonNullable<FoundReply['greetedAt']>>();

/** With no other date, the one the session's greeting wrote, moments before the refusal. */
export function dateFromGreeting(incident: Incident, source: SourceText, options: ExtractOptions): void {
  const greeted = greetings.get(incident);
  const parsed = greeted ? parseDateIn(greeted.text, options.assumeZone) : null;
  if (!greeted || !parsed) return;
  incident.occurredAt = parsed.iso;
  cite(incident, 'occurredAt', source.ref(greeted.lineIndex + 1));
  incident.assumptions.push(NOTES.dateFromGreeting());
}

/**
 * Lines under a queue's error that may still be its entry (Get-Queue's list: `LastRetryTime` comes after).
 */
const MAX_QUEUE_LINES = 20;

/** With no other date, the last retry Exchange's queue shows beside the error (exchange-queue-date.ts). */
export function dateFromExchangeQueue(incident: Incident, source: SourceText, options: ExtractOptions): void {
  const reply = incident.sources.reply;
  if (!reply) return;
  for (let line = reply.line; line < reply.line + MAX_QUEUE_LINES; line++) {
    const ref = line === reply.line ? reply : source.ref(line);
    if (ref.text.trim() === '') return;
    const wall = exchangeQueueDate(ref.text);
    const parsed = wall ? parseDateIn(wall, options.assumeZone) : null;
    if (!parsed) {
      const written = ambiguousQueueDate(ref.text);
      if (written === null) continue;
      incident.assumptions.push(NOTES.ambiguousLastRetry(written));
      return;
    }
    incident.occurredAt = parsed.iso;
    cite(incident, 'occurredAt', ref);
    incident.assumptions.push(NOTES.dateOfLastRetry());
    if (!parsed.hadZone) incident.assumptions.push(NOTES.noZone(options.assumeZone?.trim() || 'UTC'));
    return;
  }
}

const RECORD_LABEL = /^([A-Z][A-Za-z]{1,20}:) /;

/**
 * A JSON log record's own time, on the line that quotes the reply (Monolog's `{"message":"... 550 5.7.1
 * Relaying denied ...","level_name":"ERROR","datetime":"2025-09-20T18:47:46.850091+00:00"}`).
 */
const JSON_RECORD_TIME =
  /"(?:@timestamp|datetime|timestamp|time)"\s{0,2}:\s{0,2}"(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d[^"]{0,24})"/;

/**
 * The date of an application's line written through syslog (`Mär 23 18:03:33 host java[31768]: ...
 * SMTPAddressFailedException: 504 ...`): no year, no zone, both assumed as for a log, and said.
 */
function syslogStamp(text: string, options: ExtractOptions): { iso: string; assumption: Note | null } | null {
  const syslog = /^[A-Za-z\u00e4\u00e9\u00fb]{3,5}\.? {1,2}\d/.test(text) ? parseSyslog(text) : null;
  if (syslog?.stamp.kind !== 'syslog') return null;
  const resolved = resolveStamp(syslog.stamp, { now: options.now, assumeZone: options.assumeZone });
  return resolved.iso ? { iso: resolved.iso, assumption: resolved.assumption } : null;
}

export const zoneAssumed = (incident: Incident) =>
  incident.assumptions.some((a) => a.code === 'date.no-zone');

/** How long after its `Started` line a request may log its refusal (Net::SMTP's timeouts are a minute). */
const REQUEST_SECONDS = 600;

/**
 * The date of the Rails request a Net::SMTP refusal was logged in, and the recipient domain ActionMailer
 * sent to in it (rails-request.ts), where nothing else gave them. Where the refusal's own stamp has no
 * zone (Ruby Logger's `F, [2023-05-10T00:02:51.943301 #4120] FATAL -- :` in a production.log), the
 * request's `Started ... at 2023-05-10 00:02:51 +0200` a moment before gives it: one process, one clock.
 */
export function fromRailsRequest(incident: Incident, source: SourceText): void {
  const line = incident.sources.reply?.line;
  const request = line ? railsRequestOf(source, line) : null;
  if (!request) return;
  const started = parseDate(request.started.time);
  if (started?.hadZone && !incident.occurredAt) {
    incident.occurredAt = started.iso;
    cite(incident, 'occurredAt', request.started.ref);
  } else if (started?.hadZone && incident.occurredAt && zoneAssumed(incident)) {
    const zoned = inZoneOfNear(incident.occurredAt, started.iso, 0, REQUEST_SECONDS);
    if (zoned) {
      incident.occurredAt = zoned.iso;
      incident.assumptions = incident.assumptions.filter((a) => a.code !== 'date.no-zone');
      incident.assumptions.push(NOTES.zoneOfRequest(zoned.offset));
    }
  }
  const sent = request.recipientDomain;
  if (!incident.recipientDomain && sent && isHostName(sent.domain)) {
    incident.recipientDomain = sent.domain;
    cite(incident, 'recipientDomain', sent.ref);
  }
}

export function dateFromReplyLine(incident: Incident, source: SourceText, options: ExtractOptions): void {
  const reply = incident.sources.reply;
  if (!reply) return;
  // A reply line that starts with a log's label (Cisco's `Info: Bounced: ...` with its stamp cut off) is a
  // record of its own: a line above with its stamp and the same label is another message's record.
  const label = RECORD_LABEL.exec(reply.text)?.[1];
  for (let line = reply.line; line >= 1 && line > reply.line - MAX_RECORD_LINES; line--) {
    const ref = line === reply.line ? reply : source.ref(line);
    if (ref.text.trim() === '') return;
    if (label && line < reply.line && ref.text.includes(` ${label} `)) return;
    // Else an Exchange history line's 24-hour stamp when only one reading of it is a date (`25/03/2023`).
    // A stamp both readings of which are dates (`05/04/2021 09:02:11`, a dashboard's row) is the line's
    // own, undecided: the line above is another record's (the row above, another refusal's).
    const own = lineStamp(ref.text, options.assumeZone, options.now);
    if (!own && numericStampReadings(ref.text, options.assumeZone).length > 1) return;
    const stamp = own ?? onlyReading(ref.text, options.assumeZone) ?? syslogStamp(ref.text, options);
    if (!stamp) {
      const recordTime = line === reply.line ? JSON_RECORD_TIME.exec(source.line(line))?.[1] : undefined;
      const parsed = recordTime ? parseDateIn(recordTime, options.assumeZone) : null;
      if (!parsed) continue;
      incident.occurredAt = parsed.iso;
      incident.sources.occurredAt = ref;
      if (!parsed.hadZone) incident.assumptions.push(NOTES.noZone(options.assumeZone?.trim() || 'UTC'));
      return;
    }
    incident.occurredAt = stamp.iso;
    incident.sources.occurredAt = ref;
    if (stamp.assumption) incident.assumptions.push(stamp.assumption);
    return;
  }
}

/** How far down a paste Gmail's web view may start: its sender line is near the top (notice-date.ts). */
const WEB_VIEW_LINES = 60;

/**
 * With no other date, the date of Gmail's web view the reply was copied from with (its sender line, its
 * date in the reader's local time, `to me`), above the reply: Gmail's own notice copied without its
 * delivery status, read as a reply. The view writes no zone: the assumed one, said.
 */
export function dateFromWebView(incident: Incident, source: SourceText, options: ExtractOptions): void {
  const reply = incident.sources.reply?.line;
  if (!reply) return;
  const lines: string[] = [];
  for (let n = 1; n <= Math.min(reply - 1, WEB_VIEW_LINES, source.lineCount); n++) lines.push(source.line(n));
  const viewed = webViewDate(lines, lines.length);
  const parsed = viewed ? parseDateIn(viewed.text, options.assumeZone) : null;
  if (!viewed || !parsed) return;
  incident.occurredAt = parsed.iso;
  cite(incident, 'occurredAt', source.ref(viewed.index + 1));
  if (!parsed.hadZone) incident.assumptions.push(NOTES.noZone(options.assumeZone?.trim() || 'UTC'));
}
