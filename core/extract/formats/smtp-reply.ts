/**
 * A pasted SMTP reply, alone or quoted by a mail client ("Réponse du serveur : ...", "The error that
 * the other server returned was: ..."), with or without an ESP prefix. Several replies separated by
 * blank lines are several incidents.
 */

import type { ExtractionResult, ExtractOptions, Incident, Note } from '../../types';
import { type FoundReply, findReplies } from '../body-replies';
import { findClientHosts } from '../client-ip';
import { connectionEnds } from '../connection-ends';
import { connectionFailure, settleConnectionFailure } from '../connection-failure';
import { fillFromCsvRow } from '../csv-export-row';
import { parseDateIn } from '../dates';
import { withEmClientEnvelope } from '../em-client-recipient';
import { isContact, senderIn } from '../envelope-address';
import { withoutExpirySummary } from '../exchange-history';
import { publicClientIp } from '../found-reply';
import { withFullerOrangeText } from '../fuller-orange-reply';
import { domainOf, isHostName, isIcannName, splitLines } from '../header-block';
import { addUnique, applyReply, cite, dateFromNetEase, emptyIncident, finishIncident } from '../incident';
import { boundedReplies, tooManyReplies } from '../incident-cap';
import { isLoopbackIp } from '../ip';
import { paragraphsTooLong } from '../long-paragraph';
import { findLooseReplies } from '../loose-replies';
import { microsoftServerIn } from '../microsoft-server';
import { NOTES } from '../notes';
import { postalNoServersBelow } from '../postal-no-servers';
import { parseReply } from '../reply';
import { recipientNamedByReply } from '../reply-recipient';
import { replySenderDomain } from '../reply-sender-domain';
import { isTranscriptReply } from '../smtp-session-lines';
import type { SourceText } from '../source-text';
import { xeamsFailureSender } from '../xeams-failure-line';
import { dateFromExchange2003Recipient } from './exchange2003-recipient-date';
import {
  dateFromExchangeQueue,
  dateFromGreeting,
  dateFromReplyLine,
  dateFromWebView,
  fromRailsRequest,
  greetings,
  zoneAssumed,
} from './smtp-reply-date';
import { fillConnectionAbove, fillConnectionEnds, fillRemoteSystem } from './smtp-reply-ends';
import {
  inTextOrder,
  orangeRepliesToBound,
  withOrangeBeside,
  withoutRepeatedCauses,
  withoutRepeats,
} from './smtp-reply-repeats';

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
  const all = withEmClientEnvelope(findReplies(lines, tooLong), lines);
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
  // A paste quoted in a reply (`> ` lines) comes without its marks (paste-wrappings.ts, unquotedPaste).
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
  const orange = bounded(
    withoutRepeatedCauses(withEmClientEnvelope(orangeRepliesToBound(lines), lines), lines),
  );
  if (incidents.length === 0) {
    // No wording introduced a reply: Orange's, wherever its token sits, and replies in a sentence, in
    // quotes, after a tool's words (loose-replies.ts) on other lines (an ESP's map of domains to replies:
    // La Poste's `smtp;550 5.7.1 ...` beside Orange's).
    const byToken = incidentsOf(orange, source, options.assumeZone, false);
    // (Several on a line when one in quotes or code marks is followed by another.)
    const loose = incidentsOf(
      bounded(
        withoutRepeatedCauses(withEmClientEnvelope(findLooseReplies(lines), lines).filter(unjudged), lines),
      ),
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
    // One a wording's reader cut before its `[NNN]` (or its reason) gets the reading by token's rest.
    for (const incident of incidents) withFullerOrangeText(incident, orange);
    // Orange's replies beside those a wording introduced (a second Orange reply under a wrapped first):
    // its token proves each, and one whose reason no reply read holds would be lost.
    incidents = withOrangeBeside(incidents, orange, source, options.assumeZone);
  }
  for (const incident of incidents) {
    dateFromReplyLine(incident, source, options);
    if (!incident.occurredAt) dateFromGreeting(incident, source, options);
    // Before the repeats are merged: NetEase's time tells a reply quoted twice from two refusals.
    if (!incident.occurredAt) dateFromNetEase(incident);
    if (!incident.occurredAt) dateFromExchangeQueue(incident, source, options);
    if (!incident.occurredAt) dateFromWebView(incident, source, options);
    if (!incident.occurredAt) dateFromExchange2003Recipient(incident, source, options);
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
 * Exim's refusal of a sender it could not verify, naming it: `Verification failed for <a@x> ... Sender
 * verify failed`, or `... 550 unable to verify sender address` (a Node client's copy of it).
 */
const SENDER_VERIFY =
  /\bVerification failed for <([^<>\s]{1,320}@[^<>\s]{1,253})>[\s\S]{0,2000}?\b(?:Sender verify failed|unable to verify sender)\b/i;

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

/**
 * An incident for each refusal found (not for a 2xx or 3xx), in the order given; one per line unless
 * `perLine` is false (Orange's replies found by their tokens, several on a line, each once).
 */
export function incidentsOf(
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
    const clientIp = publicClientIp(r.clientIp);
    if (clientIp) {
      addUnique(incident.sendingIps, clientIp.ip);
      cite(incident, 'sendingIps', source.ref(clientIp.lineIndex + 1));
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
    // nullmailer's and chatmail's log name the server they connected to above their failure.
    if (!incident.remoteHost && !incident.remoteIp) fillConnectionAbove(incident, source, r.lineIndex);
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
    // (Xeams' failure log names the sender by its place on the line: xeams-failure-line.ts.)
    const sender = r.sender ?? verified ?? senderIn(ref.text) ?? xeamsFailureSender(ref.text);
    const senderDomain = sender ? domainOf(sender) : null;
    if (sender && senderDomain && isHostName(senderDomain)) {
      incident.sendingDomain = senderDomain;
      const line = source.find(sender, Math.max(1, r.lineIndex - 20));
      if (line !== null) cite(incident, 'sendingDomain', source.ref(line));
    }
    // Else the one the remote names in its reply (Gmail's `SPF [example.com] with ip: [...]`). (Read in the
    // reply unwrapped too: Gmail's `... from your SPF` / `421-4.7.28 domain [x 35]` splits the wording.)
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
    const ownRecipient = recipientNamedByReply(r.text);
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
    if (!incident.recipientDomain) fillFromPostalDetails(incident, source, r.lineIndex);
    incidents.push(incident);
  }
  return incidents;
}

/** Postal's `No SMTP servers were available for X. Tried Y` under the reply (postal-no-servers.ts). */
function fillFromPostalDetails(incident: Incident, source: SourceText, lineIndex: number): void {
  const postal = postalNoServersBelow((i) => source.line(i + 1), lineIndex, source.lineCount);
  if (!postal) return;
  const ref = source.ref(postal.lineIndex + 1);
  incident.recipientDomain = postal.domain;
  cite(incident, 'recipientDomain', ref);
  if (postal.host && !incident.remoteHost && !incident.remoteIp) {
    incident.remoteHost = postal.host;
    cite(incident, 'remoteHost', ref);
  }
}
