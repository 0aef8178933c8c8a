/**
 * A pasted SMTP reply, alone or quoted by a mail client ("Réponse du serveur : ...", "The error that
 * the other server returned was: ..."), with or without an ESP prefix. Several replies separated by
 * blank lines are several incidents.
 */
import type { ExtractionResult, ExtractOptions, Incident, Note, SourceRef } from '../../types';
import { type FoundReply, findReplies } from '../body-replies';
import { findClientHosts } from '../client-ip';
import { type ConnectionEnds, connectionEnds } from '../connection-ends';
import { connectionFailure, settleConnectionFailure } from '../connection-failure';
import { fillFromCsvRow } from '../csv-export-row';
import { inZoneOfNear, parseDate, parseDateIn } from '../dates';
import { findEmbeddedOrangeReplies, orangeReason } from '../embedded-orange';
import { isContact, senderIn } from '../envelope-address';
import { withoutExpirySummary } from '../exchange-history';
import { ambiguousQueueDate, exchangeQueueDate } from '../exchange-queue-date';
import { withFullerOrangeText } from '../fuller-orange-reply';
import { domainOf, isHostName, isIcannName, splitLines } from '../header-block';
import { addUnique, applyReply, cite, dateFromNetEase, emptyIncident, finishIncident } from '../incident';
import { boundedReplies, tooManyReplies } from '../incident-cap';
import { isLoopbackIp, isNonPublicIp, normalizeIp } from '../ip';
import { lineStamp, numericStampReadings } from '../line-stamp';
import { parseSyslog } from '../logs/syslog';
import { resolveStamp } from '../logs/time';
import { paragraphsTooLong } from '../long-paragraph';
import { findLooseReplies } from '../loose-replies';
import { remoteSystem } from '../messaging-server';
import { microsoftServerIn } from '../microsoft-server';
import { NOTES } from '../notes';
import { railsRequestOf } from '../rails-request';
import { parseReply } from '../reply';
import { replySenderDomain } from '../reply-sender-domain';
import { isTranscriptReply } from '../smtp-session';
import type { SourceText } from '../source-text';
import { STACK_FRAME } from '../stack-frame';

/**
 * The replies the wordings read (findReplies) that make incidents, in the order of the text, bounded
 * (boundedReplies). A function of its own so that all the replies found (655,000 for a 50 MB paste of
 * one refusal, 56 MB) are let go before Orange's are searched for: its caller's frame held them on.
 */
function chosenReplies(
  lines: readonly string[],
  tooLong: number[],
  unjudged: (r: FoundReply) => boolean,
): { replies: FoundReply[]; cutAt: number | null } {
  const all = findReplies(lines, tooLong);
  // A bare code line counts beside more explicit replies only when its codes are not theirs (a sendmail
  // summary line repeats the transcript's reply; a list of refusals, one of them a client's error quoted,
  // lists others), and never beside a pasted session (its other lines answer other commands).
  // Incidents follow the order of the text.
  const explicit = all.filter((r) => r.strength < 3);
  const bare = all.filter((r) => r.strength === 3 && unjudged(r));
  const chosen =
    explicit.length === 0
      ? bare
      : explicit.some((r) => r.strength === 2)
        ? explicit
        : [...explicit, ...bare.filter((r) => !repeatsOneOf(r, explicit))];
  return boundedReplies(
    withoutRepeatedCauses(
      chosen.sort((a, b) => a.lineIndex - b.lineIndex),
      lines,
    ),
  );
}

/** `lines`: the source's text split (splitLines), when the caller has it already. */
export function extractSmtpReplies(
  source: SourceText,
  options: ExtractOptions = {},
  lines: readonly string[] = splitLines(source.text),
): ExtractionResult {
  // A paste quoted in a reply (`> ` lines) comes without its marks (extract's unquotedPaste).
  const tooLong: number[] = [];
  // A bare code read from words no wording introduced may be a web server's status (`resulted in a \`400
  // Bad Request\` response`, nginx's `502 Bad Gateway` page): no SMTP reply.
  // Nor a transcript's server line: the session's reader judged it (a 503 after a refusal, the answer
  // to `VRFY`) and gave what is a refusal.
  const unjudged = (r: FoundReply) =>
    !isHttpStatusLine(r.text) && !isTranscriptReply(lines[r.lineIndex] ?? '');
  // Beyond thousands of replies, the rest of the text is left unread, and the warning says so.
  const cuts: (number | null)[] = [];
  const bounded = <T extends { lineIndex: number }>(replies: T[]): T[] => {
    const { replies: kept, cutAt } = boundedReplies(replies);
    cuts.push(cutAt);
    return kept;
  };
  const chosen = chosenReplies(lines, tooLong, unjudged);
  cuts.push(chosen.cutAt);
  const found = chosen.replies;
  let incidents = incidentsOf(found, source, options.assumeZone);
  const orange = bounded(withoutRepeatedCauses(findEmbeddedOrangeReplies(lines), lines));
  if (incidents.length === 0) {
    // No wording introduced a reply: Orange's, wherever its token sits, and replies in a sentence, in
    // quotes, after a tool's words (loose-replies.ts) on other lines (an ESP's map of domains to replies:
    // La Poste's `smtp;550 5.7.1 ...` beside Orange's).
    const byToken = incidentsOf(orange, source, options.assumeZone, false);
    // (Several on a line when one in quotes or code marks is followed by another.)
    const loose = incidentsOf(
      bounded(withoutRepeatedCauses(findLooseReplies(lines).filter(unjudged), lines)),
      source,
      options.assumeZone,
      false,
    );
    // On an Orange reply's line, a reply it does not hold is another (``Orange `501 OFR_515` + Yahoo
    // `554 5.7.9` ...``); one it holds is a piece of it.
    const holds = (i: Incident) =>
      byToken.some(
        (o) => o.sources.reply?.line === i.sources.reply?.line && o.reply.text.includes(i.reply.text),
      );
    const orangeLines = new Set(byToken.map((i) => i.sources.reply?.line));
    const others = loose.filter(
      (i) => i.orange === null && (!orangeLines.has(i.sources.reply?.line) || !holds(i)),
    );
    incidents = byToken.length === 0 ? loose : inTextOrder([...byToken, ...others]);
  } else {
    // Orange's replies beside those a wording introduced (a second Orange reply under a wrapped first):
    // its token proves each, and one whose reason no reply read holds would be lost.
    incidents = withOrangeBeside(incidents, orange, source, options.assumeZone);
    // And one a wording's reader cut before its `[NNN]` gets the reading by token's rest.
    for (const incident of incidents) withFullerOrangeText(incident, orange);
  }
  for (const incident of incidents) {
    dateFromReplyLine(incident, source, options);
    if (!incident.occurredAt) dateFromGreeting(incident, source, options);
    // Before the repeats are merged: NetEase's time tells a reply quoted twice from two refusals.
    if (!incident.occurredAt) dateFromNetEase(incident);
    if (!incident.occurredAt) dateFromExchangeQueue(incident, source, options);
    // A CSV export's row: the columns its header names (csv-export-row.ts).
    fillFromCsvRow(incident, source, options);
    if (!incident.occurredAt || !incident.recipientDomain || zoneAssumed(incident))
      fromRailsRequest(incident, source);
  }
  const warnings: Note[] = [];
  if (tooLong.length > 0) warnings.push(paragraphsTooLong(tooLong.map((k) => lines[k] ?? '')));
  incidents = withoutExpirySummary(withoutRepeats(incidents));
  const cutAt = Math.min(...cuts.map((line) => line ?? Number.POSITIVE_INFINITY));
  if (Number.isFinite(cutAt)) {
    // (Those on the line of the first reply left out were read: a one-line paste holds them all.)
    incidents = incidents.filter((i) => (i.sources.reply?.line ?? 0) <= cutAt + 1);
    warnings.push(tooManyReplies(incidents.length));
  }
  // An MTA's words for a reply from this machine's own service (`host 127.0.0.1[127.0.0.1] said: 451 Local
  // error`, a content filter's) give no remote's refusal, as in a log (logs/local-peer.ts); a session a
  // user ran against a server on this machine (swaks to 127.0.0.1) stays: it was asked for.
  const isLocalService = (incident: Incident) =>
    isLoopbackIp(incident.remoteIp) && MTA_SAID.test(incident.sources.remoteIp?.text ?? '');
  const local = incidents.find(isLocalService);
  if (local?.remoteIp) {
    incidents = incidents.filter((incident) => !isLocalService(incident));
    warnings.push(NOTES.localServiceReply(local.remoteIp));
  }
  // Exchange's own code for a server it could not reach (`450 4.4.317 Cannot connect to remote server`,
  // a message trace's line): no reply to quote, as in a bounce (message.ts).
  const unreached = new Set<Incident>();
  for (const incident of incidents) {
    const failure = connectionFailure(incident.reply.code, incident.reply.text);
    if (!failure || !settleConnectionFailure(incident, failure)) continue;
    unreached.add(incident);
    if (!warnings.some((w) => w.code === 'input.no-server-reply'))
      warnings.push(NOTES.noServerReply(failure.words));
  }
  incidents.forEach((incident, i) => {
    warnings.push(...finishIncident(incident, i + 1, unreached.has(incident)));
  });
  return { incidents, warnings };
}

/**
 * An HTTP status line with its standard reason phrase and nothing more (nginx's or an SDK's), which no
 * SMTP server writes: `400 Bad Request`, `421 Misdirected Request`, `502 Bad Gateway`, maybe with the
 * web server's signature after it. `500 Internal Server Error` stays out of the list: an SMTP server
 * quoted by a notice may say just that.
 */
const HTTP_STATUS_LINE =
  /^(?:400 Bad Request|401 Unauthorized|403 Forbidden|404 Not Found|405 Method Not Allowed|408 Request Time-?out|413 (?:Payload|Request Entity) Too Large|421 Misdirected Request|429 Too Many Requests|502 Bad Gateway|503 Service (?:Temporarily )?Unavailable|504 Gateway Time-?out)\b[\s.]*(?:(?:nginx|Apache|openresty|cloudflare|Microsoft-IIS)\b[^\n]{0,80})?$/i;

/** A reply naming an address right after its codes (`550 5.1.1 <b@y>: ...`), and the words after it. */
const RCPT_REPLY =
  /^\s{0,4}[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}\s{1,4})?<([^<>\s@]{1,64}@[A-Za-z0-9.-]{1,253})>:?([^\n]{0,60})/;
/** Words saying the address is the sender's (`Sender address rejected`, Exim's `sender verify failed`). */
const SENDER_AFTER = /\bsender\b|\bfrom\b|exp[ée]diteur/i;

/** An MTA's words for its next hop's reply: Postfix's `host X[IP] said:`, `refused to talk to me:`. */
const MTA_SAID = /\]\s{0,4}(?:said|refused to talk to me)\s{0,4}:/;

const CODES_AT_START = /^\s*(?:([245]\d\d)[ -])?\s*([245]\.\d{1,3}\.\d{1,3})?/;

/** A bare reply with the code (basic or enhanced) of an explicit one, or with none: a line repeating it. */
function repeatsOneOf(bare: FoundReply, explicit: readonly FoundReply[]): boolean {
  const [, code, enhanced] = CODES_AT_START.exec(bare.text) ?? [];
  return explicit.some((e) => {
    const [, c, x] = CODES_AT_START.exec(e.text) ?? [];
    return (
      (code !== undefined && c === code) ||
      (enhanced !== undefined && x === enhanced) ||
      (code === undefined && enhanced === undefined)
    );
  });
}

/**
 * HTTP's `429 Too Many Requests` (RFC 6585), whatever follows it: no SMTP server answers 429, and an
 * API client prints its reason after it (`429 Too Many Requests - Maximum sending rate exceeded.` below
 * an SES event, derived-20 of adversarial check b1, round 25).
 */
const HTTP_RATE_LIMIT = /^429 Too Many Requests\b/i;

function isHttpStatusLine(text: string): boolean {
  const trimmed = text.trim();
  return HTTP_STATUS_LINE.test(trimmed) || HTTP_RATE_LIMIT.test(trimmed);
}

/**
 * An exception chain's words (also behind a log line's prefix): Java's `Caused by:`, JavaMail's `nested
 * exception is:`, Python's traceback (an application logs the exception, then the traceback ends with it).
 */
const EXCEPTION_CHAIN = /\b(?:Caused by:|nested exception is\b|Traceback \(most recent call last\))/;

/** `incidents` and those of Orange's `replies` whose reason none of them has (orangeReason), in the order of the text. */
function withOrangeBeside(
  incidents: Incident[],
  replies: readonly FoundReply[],
  source: SourceText,
  assumeZone: string | undefined,
): Incident[] {
  if (incidents.length === 0 || replies.length === 0) return incidents;
  const reasons = new Set(incidents.map((i) => orangeReason(i.orange)));
  const beside = incidentsOf(replies, source, assumeZone, false).filter(
    (i) => !reasons.has(orangeReason(i.orange)),
  );
  return beside.length === 0 ? incidents : inTextOrder([...incidents, ...beside]);
}

function inTextOrder(incidents: Incident[]): Incident[] {
  const line = (i: Incident) => i.sources.reply?.line ?? 0;
  return incidents.sort((a, b) => line(a) - line(b));
}

/**
 * A stack trace repeats each cause at every level of its exception chain (`SendFailedException`, then
 * `Caused by: SMTPAddressFailedException: 454 ...`, and JavaMail's `nested exception is:` in each): in a
 * paste that holds such a chain, the same reply again for the same recipient is the same failure, read
 * once. So is one on the line a stack trace starts with (`EmailError: Failed to send email. Reason: ...`
 * then `    at ...`), which repeats the message its application's log wrote above it (Ghost's `MESSAGE:
 * ...`, TryGhost/Ghost issue 12819).
 */
function withoutRepeatedCauses(found: FoundReply[], lines: readonly string[]): FoundReply[] {
  if (found.length < 2) return found;
  const chain = lines.some((line) => EXCEPTION_CHAIN.test(line));
  const headsStack = (reply: FoundReply) => STACK_FRAME.test((lines[reply.lineIndex + 1] ?? '').trim());
  if (!chain && !found.some(headsStack)) return found;
  // Each reply's line, by recipient and text: the last copy kept.
  const seen = new Map<string, number>();
  return found.filter((reply) => {
    const key = `${reply.recipient ?? ''} ${reply.text.replace(/\s+/g, ' ').trim()}`;
    const before = seen.get(key);
    seen.set(key, reply.lineIndex);
    if (before === undefined) return true;
    if (chain) return false;
    // The copy on a stack trace's first line repeats the message logged right above it; after another
    // stack trace, it is another failure alike (the same refusal for the next message an hour later).
    return !headsStack(reply) || framesBetween(lines, before, reply.lineIndex);
  });
}

/**
 * True when a stack frame lies on a line strictly between `from` and `to`, and no caret line: Node.js
 * printing an uncaught error again as it stops (`/srv/app/mailer.js:41`, `    throw err;`, `    ^`, then
 * the error and its stack once more) after the application logged it with its stack.
 */
function framesBetween(lines: readonly string[], from: number, to: number): boolean {
  let frames = false;
  for (let i = from + 1; i < to; i++) {
    const line = (lines[i] ?? '').trim();
    if (/^\^+$/.test(line)) return false;
    frames ||= STACK_FRAME.test(line);
  }
  return frames;
}

/**
 * The same refusal logged twice by one tool in the same minute (Delta Chat's `SMTP failed to send:
 * Permanent(Response { ... message: ["5.7.1 ..."] })`, then `Msg#41 failed: Permanent SMTP error: 5.7.1
 * ...`): one incident. Refusals at other times, or of other recipients, or undated, stay apart.
 */
const TRANSACTION_ID = /\s[0-9a-z-]{6,40}\.\d{1,4} - gsmtp\s*$/;

function withoutRepeats(incidents: Incident[]): Incident[] {
  if (incidents.length < 2) return incidents;
  const seen = new Map<string, Incident[]>();
  /** Undated refusals by their key, and the line each was last read from. */
  const undated = new Map<string, SourceRef>();
  /** Undated refusals by their text alone: the line each was last read from, and its incident. */
  const undatedText = new Map<string, { ref: SourceRef; incident: Incident }>();
  return incidents.filter((i) => {
    // Undated, two equal refusals may be two attempts: both stay, unless read from two different
    // lines that follow each other (a webmail's log writes the reply, then the exception quoting it:
    // RainLoop's `SMTP[DATA]: < 554 ...` then `SMTP[ERROR]: ...NegativeResponseException: Failed to
    // add recipient "x": 554 ...`).
    const text = i.reply.text.replace(/\s+/g, ' ').trim();
    if (!i.occurredAt) {
      const ref = i.sources.reply;
      if (!ref) return true;
      const key = [text, i.recipientDomain].join('\u0000');
      const before = undated.get(key);
      const beforeText = undatedText.get(text);
      undated.set(key, ref);
      undatedText.set(text, { ref, incident: i });
      // Gmail's reply ends with the id of its one transaction (`... 5b1f17b1804b1-4201735bc59si1024.216 -
      // gsmtp`): the same reply twice is one refusal quoted twice, wherever the copies are.
      if (before && TRANSACTION_ID.test(text)) return false;
      // A debug log that prints the reply it got, then what the library made of it a line or two below
      // (Python's smtplib: `reply: b'550 ...'`, `reply: retcode (550); Msg: ...`, `data: (550, b'...')`;
      // mox's `queue deliverhost result`, then `permanent failure delivering from queue ... recipient=`),
      // one of the copies naming no recipient: one refusal, with the recipient the other names.
      const first = beforeText?.incident;
      if (first && ref.text !== beforeText.ref.text && (!i.recipientDomain || !first.recipientDomain)) {
        const gap = ref.line - beforeText.ref.line;
        if (gap >= 1 && gap <= 3) {
          if (!first.recipientDomain && i.recipientDomain) {
            first.recipientDomain = i.recipientDomain;
            const rcptRef = i.sources.recipientDomain;
            if (rcptRef) cite(first, 'recipientDomain', rcptRef);
          }
          // The copy read stays the one kept.
          undatedText.set(text, { ref, incident: first });
          return false;
        }
      }
      return !before || ref.line - before.line !== 1 || ref.text === before.text;
    }
    const key = [text, i.reply.code, i.occurredAt.slice(0, 16)].join('\u0000');
    const kept = seen.get(key) ?? [];
    // The same refusal read twice (PHPMailer's `SERVER -> CLIENT: 554 ...` in its session, then `SMTP
    // ERROR: RCPT TO command failed: 554 ...` or `DATA END command failed: 554 ...`, which names no
    // recipient): one incident, with what either reading found.
    // The last few kept only: a paste of thousands of equal refusals from as many servers stays linear.
    const same = kept.slice(-8).find((k) => SIDE_FIELDS.every((f) => !k[f] || !i[f] || k[f] === i[f]));
    if (same) {
      for (const f of SIDE_FIELDS) {
        if (same[f] || !i[f]) continue;
        same[f] = i[f];
        const ref = i.sources[f];
        if (ref) cite(same, f, ref);
      }
      return false;
    }
    seen.set(key, [...kept, i]);
    return true;
  });
}

/** Fields two readings of one refusal may each have found, or not. */
const SIDE_FIELDS = ['sendingDomain', 'recipientDomain', 'remoteHost', 'remoteIp'] as const;

/** Lines under a reply its notice's `Remote system:` line may be on. */
const REMOTE_SYSTEM_LINES = 4;

/**
 * The `Remote system: dns;mx.example.jp (TCP|local|port|remote|port)` line under a reply (messaging-
 * server.ts), or `Message rejected by: host`, within its block: the rejecting host and address, and the
 * local address the remote saw.
 */
function fillRemoteSystem(incident: Incident, source: SourceText, lineIndex: number): void {
  let blank = false;
  for (let line = lineIndex + 1; line <= lineIndex + REMOTE_SYSTEM_LINES && line < source.lineCount; line++) {
    const ref = source.ref(line + 1);
    // One blank line may set the label apart from the reply, right after it; else it ends the block.
    if (ref.text.trim() === '') {
      if (blank) return;
      blank = true;
      continue;
    }
    const found = remoteSystem(ref.text);
    if (!found) {
      if (blank) return;
      continue;
    }
    if (found.host) {
      incident.remoteHost = found.host;
      cite(incident, 'remoteHost', ref);
    }
    if (found.remoteIp) {
      incident.remoteIp = found.remoteIp;
      cite(incident, 'remoteIp', ref);
    }
    if (found.localIp && !isNonPublicIp(found.localIp)) {
      addUnique(incident.sendingIps, found.localIp);
      cite(incident, 'sendingIps', ref);
    }
    return;
  }
}

/**
 * Exim's refusal of a sender it could not verify, naming it: `Verification failed for <a@x> ... Sender
 * verify failed`, or `... 550 unable to verify sender address` (a Node client's copy of it).
 */
const SENDER_VERIFY =
  /\bVerification failed for <([^<>\s]{1,320}@[^<>\s]{1,253})>[\s\S]{0,2000}?\b(?:Sender verify failed|unable to verify sender)\b/i;

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
const greetings = new WeakMap<Incident, NonNullable<FoundReply['greetedAt']>>();

/** With no other date, the one the session's greeting wrote, moments before the refusal. */
function dateFromGreeting(incident: Incident, source: SourceText, options: ExtractOptions): void {
  const greeted = greetings.get(incident);
  const parsed = greeted ? parseDateIn(greeted.text, options.assumeZone) : null;
  if (!greeted || !parsed) return;
  incident.occurredAt = parsed.iso;
  cite(incident, 'occurredAt', source.ref(greeted.lineIndex + 1));
  incident.assumptions.push(NOTES.dateFromGreeting());
}

/** Lines under a queue's error that may still be its entry (Get-Queue's list: `LastRetryTime` comes after). */
const MAX_QUEUE_LINES = 20;

/** With no other date, the last retry Exchange's queue shows beside the error (exchange-queue-date.ts). */
function dateFromExchangeQueue(incident: Incident, source: SourceText, options: ExtractOptions): void {
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

const zoneAssumed = (incident: Incident) => incident.assumptions.some((a) => a.code === 'date.no-zone');

/** How long after its `Started` line a request may log its refusal (Net::SMTP's timeouts are a minute). */
const REQUEST_SECONDS = 600;

/**
 * The date of the Rails request a Net::SMTP refusal was logged in, and the recipient domain ActionMailer
 * sent to in it (rails-request.ts), where nothing else gave them. Where the refusal's own stamp has no
 * zone (Ruby Logger's `F, [2023-05-10T00:02:51.943301 #4120] FATAL -- :` in a production.log), the
 * request's `Started ... at 2023-05-10 00:02:51 +0200` a moment before gives it: one process, one clock.
 */
function fromRailsRequest(incident: Incident, source: SourceText): void {
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

function dateFromReplyLine(incident: Incident, source: SourceText, options: ExtractOptions): void {
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
    const own = lineStamp(ref.text, options.assumeZone);
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

/** A 4.X.X or 5.X.X enhanced code: a reply that kept only it (Thunderbird drops the basic code) refused. */
const isFailureStatus = (enhanced: string | null) => enhanced !== null && /^[45]\./.test(enhanced);

/**
 * Whether a reply on r's line was already taken: one incident per line, unless each names its own
 * recipient (Python's `SMTPRecipientsRefused: {'a@x': (550, ...), 'b@y': (550, ...)}` refuses two on one
 * line). Records r's recipient for the line when it was not.
 */
function seenOnLine(perLine: Map<number, Set<string>>, r: FoundReply): boolean {
  const recipients = perLine.get(r.lineIndex);
  const recipient = r.recipient ?? '';
  if (recipients && (recipient === '' || recipients.has('') || recipients.has(recipient))) return true;
  if (recipients) recipients.add(recipient);
  else perLine.set(r.lineIndex, new Set([recipient]));
  return false;
}

/** The ends of the connection PowerMTA names on the reply's line, where nothing else gave them. */
function fillConnectionEnds(incident: Incident, ends: ConnectionEnds, ref: SourceRef): void {
  if (!incident.remoteHost && ends.remoteHost && isHostName(ends.remoteHost)) {
    incident.remoteHost = ends.remoteHost;
    cite(incident, 'remoteHost', ref);
  }
  if (!incident.remoteIp && ends.remoteIp) {
    incident.remoteIp = ends.remoteIp;
    cite(incident, 'remoteIp', ref);
  }
  if (ends.sendingIp && !isNonPublicIp(ends.sendingIp) && ends.sendingIp !== incident.remoteIp) {
    addUnique(incident.sendingIps, ends.sendingIp);
    cite(incident, 'sendingIps', ref);
  }
  if (ends.sendingHost && isHostName(ends.sendingHost)) {
    addUnique(incident.sendingHosts, ends.sendingHost);
    cite(incident, 'sendingHosts', ref);
  }
}

/**
 * An incident for each refusal found (not for a 2xx or 3xx), in the order given; one per line unless
 * `perLine` is false (Orange's replies found by their tokens, several on a line, each once).
 */
function incidentsOf(
  found: readonly FoundReply[],
  source: SourceText,
  assumeZone: string | undefined,
  perLine = true,
): Incident[] {
  const incidents: Incident[] = [];
  const seen = new Set<string>();
  /** Per line read, the recipients its incidents name ('' for none). */
  const perLineRecipients = new Map<number, Set<string>>();
  for (const r of found) {
    const parsed = parseReply(r.text);
    const code = parsed.reply.code ?? r.statedCode?.code ?? null;
    // A 2xx or 3xx is no refusal, even from Orange (a pasted session: `220 mwinf5d36 ME ESMTP server
    // ready`, `221 2.0.0 mwinf5d36 ME closing connection`); a reply without a code counts only when
    // Orange's wording or token says it is one
    // (or a mail client's error quoting a refusal without its code).
    const refusal =
      parsed.isOrangeReply ||
      isFailureStatus(parsed.reply.enhanced) ||
      (r.refusalWithoutCode === true && parsed.reply.enhanced === null && /\p{L}{3}/u.test(r.text));
    if (code !== null ? code < 400 : !refusal) continue;
    const key = `${r.lineIndex} ${r.text}`;
    if (perLine ? seenOnLine(perLineRecipients, r) : seen.has(key)) continue;
    if (!perLine) seen.add(key);
    const incident = emptyIncident('smtp-reply');
    if (r.greetedAt) greetings.set(incident, r.greetedAt);
    applyReply(incident, parsed);
    // .NET quotes the reply without its code and says it in its own words (dotnet-status.ts).
    if (parsed.reply.code === null && r.statedCode) {
      incident.reply.code = r.statedCode.code;
      incident.assumptions.push(NOTES.codeFromDotnet(r.statedCode.code, r.statedCode.words));
    }
    // What the text did to the reply (a report that shortened it, pflogsumm-report.ts).
    if (r.note) incident.assumptions.push(r.note);
    const ref = source.ref(r.lineIndex + 1);
    cite(incident, 'reply', ref);
    if (parsed.orange) cite(incident, 'orange', ref);
    // A pasted session's client address, as the remote's answer to EHLO gave it.
    const clientIp = r.clientIp ? normalizeIp(r.clientIp.ip) : null;
    if (clientIp && r.clientIp && !isNonPublicIp(clientIp)) {
      addUnique(incident.sendingIps, clientIp);
      cite(incident, 'sendingIps', source.ref(r.clientIp.lineIndex + 1));
    }
    for (const ip of parsed.linkIps) addUnique(incident.sendingIps, ip);
    if (parsed.linkIps.length > 0) cite(incident, 'sendingIps', ref);
    // The client's name, where the reply writes it beside the client's address (also across the lines
    // of a multi-line reply, read joined).
    for (const host of [...findClientHosts(r.text), ...findClientHosts(parsed.reply.text)]) {
      addUnique(incident.sendingHosts, host);
      cite(incident, 'sendingHosts', ref);
    }
    // A pasted session's EHLO name, when a public one (not a laptop's `name.local`).
    if (r.clientName && isHostName(r.clientName.name) && isIcannName(r.clientName.name)) {
      addUnique(incident.sendingHosts, r.clientName.name);
      cite(incident, 'sendingHosts', source.ref(r.clientName.lineIndex + 1));
    }
    const remoteRef = r.remoteLineIndex !== null ? source.ref(r.remoteLineIndex + 1) : ref;
    if (r.remoteHost && isHostName(r.remoteHost.replace(/\.$/, ''))) {
      incident.remoteHost = r.remoteHost.replace(/\.$/, '').toLowerCase();
      cite(incident, 'remoteHost', remoteRef);
    }
    if (r.remoteIp) {
      incident.remoteIp = r.remoteIp;
      cite(
        incident,
        'remoteIp',
        r.remoteIpLineIndex !== undefined ? source.ref(r.remoteIpLineIndex + 1) : remoteRef,
      );
    }
    // PowerMTA names both ends after the reply (connection-ends.ts): the remote's, and the sender's.
    const ends = connectionEnds(ref.text);
    if (ends) fillConnectionEnds(incident, ends, ref);
    // Oracle's Messaging Server (iCloud's too) names the server and the connection under the reply.
    if (!incident.remoteHost && !incident.remoteIp) fillRemoteSystem(incident, source, r.lineIndex);
    // Microsoft names the server that refused at the end of its reply (`... AS(201806281)
    // [PR2FRA01FT009.eop-fra01.prod.protection.outlook.com]`): the rejecting host when nothing else is.
    // Not a mailbox server of Exchange Online's (`[BM1PR01MB1076.INDPRD01.PROD.OUTLOOK.COM]`), which
    // refuses the sender's own mail when Microsoft blocks its tenant (5.7.708, 5.7.501).
    const microsoft = microsoftServerIn(r.text);
    if (microsoft?.frontend && !incident.remoteHost) {
      incident.remoteHost = microsoft.name.toLowerCase();
      cite(incident, 'remoteHost', ref);
    }
    const refusedAt = microsoft?.stamp ? parseDateIn(microsoft.stamp, assumeZone) : null;
    if (microsoft && refusedAt && !r.time) {
      incident.occurredAt = refusedAt.iso;
      cite(incident, 'occurredAt', ref);
      incident.assumptions.push(NOTES.dateFromMicrosoftReply(microsoft.name));
    }
    // The sender the reply's own line labels as such (Cisco's `From: <a@x> To: <b@y> ... ('550', [...])`),
    // or the one the remote failed to verify (Exim's `550-Verification failed for <a@x> ... 550 Sender
    // verify failed`): that address is no recipient.
    const verified = SENDER_VERIFY.exec(r.text)?.[1];
    const sender = r.sender ?? verified ?? senderIn(ref.text);
    const senderDomain = sender ? domainOf(sender) : null;
    if (sender && senderDomain && isHostName(senderDomain)) {
      incident.sendingDomain = senderDomain;
      const line = source.find(sender, Math.max(1, r.lineIndex - 20));
      if (line !== null) cite(incident, 'sendingDomain', source.ref(line));
    }
    // Else the one the remote names in its reply (Gmail's `SPF [example.com] with ip: [...]`).
    // (Read in the reply unwrapped too: Gmail's `... from your SPF` / `421-4.7.28 domain [x 35]` splits the wording.)
    const named = incident.sendingDomain
      ? null
      : (replySenderDomain(r.text) ?? replySenderDomain(incident.reply.text));
    if (named) {
      incident.sendingDomain = named;
      cite(incident, 'sendingDomain', ref);
    }
    const time = r.time ? parseDateIn(r.time.text, assumeZone) : null;
    if (time && r.time) {
      incident.occurredAt = time.iso;
      cite(incident, 'occurredAt', source.ref(r.time.lineIndex + 1));
      if (!time.hadZone) incident.assumptions.push(NOTES.noZone(assumeZone?.trim() || 'UTC'));
    }
    // The recipient a RCPT reply names at its start (`550 5.1.1 <b@y>: Recipient address rejected`) is
    // this reply's, over one the paragraph named for all its replies (two replies one under the other).
    const rcptNamed = RCPT_REPLY.exec(r.text);
    const ownRecipient = rcptNamed?.[1] && !SENDER_AFTER.test(rcptNamed[2] ?? '') ? rcptNamed[1] : null;
    const recipient = ownRecipient ?? r.recipient;
    const rcptDomain =
      recipient && recipient !== verified && !isContact(r.text, recipient) ? domainOf(recipient) : null;
    // A domain has a dot: `Job@mailers` (a Rails job name), `root@ip-172-26-7-166` (a shell prompt) do not.
    if (rcptDomain && recipient && isHostName(rcptDomain)) {
      incident.recipientDomain = rcptDomain;
      const near = Math.max(1, r.lineIndex - 20);
      const line =
        recipient === ownRecipient
          ? r.lineIndex + 1
          : (source.find(recipient, near) ?? source.find(recipient, 1, near));
      if (line !== null) cite(incident, 'recipientDomain', source.ref(line));
    }
    incidents.push(incident);
  }
  return incidents;
}
