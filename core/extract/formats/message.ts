/**
 * Whole bounce messages (RFC 3464 multipart/report and the non-standard bounces of Postfix, Exim,
 * Sendmail, qmail, Exchange, Gmail, 1&1...), decoded with postal-mime. One incident per failed
 * recipient of the delivery-status part, or per reply found in the body when there is none.
 */

import type { ExtractionResult, ExtractOptions, FieldName, Incident, InputFormat, Note } from '../../types';
import { apparentRecipient } from '../apparently-to';
import { attributionDate, wrappedAttributionDate } from '../attribution-date';
import { isAutoReply } from '../auto-reply';
import { type FoundReply, findReplies } from '../body-replies';
import { clientDateIn } from '../client-date';
import { findClientHosts } from '../client-ip';
import { connectionFailure, noReplyWords, settleConnectionFailure } from '../connection-failure';
import { parseDate, parseDateIn } from '../dates';
import { decodeReadParts } from '../decode-parts';
import { isDelayedAction, isDelaySubject } from '../delay-notice';
import {
  type DeliveryStatus,
  isDeliveryStatusBlock,
  looksLikeDeliveryStatusLines,
  parseDeliveryStatusLines,
  withFirstBlock,
} from '../delivery-status';
import { findEmbeddedOrangeReplies, orangeRepliesBeside } from '../embedded-orange';
import { isExpirySummary } from '../exchange-history';
import { forwardBlockAt } from '../forward-block';
import { FORWARD_MARKER, forwardedNoticeDate } from '../forward-header-date';
import { isForwardSubject } from '../forward-subject';
import { NOTICE_SENDER } from '../forwarded';
import { fullerReply, startsWithWhole } from '../fuller-reply';
import { gmailRejectingServer } from '../gmail-server';
import { googleGroupsRefusal } from '../google-groups';
import {
  addressKey,
  domainOf,
  type Field,
  fieldValue,
  isHostName,
  isIcannName,
  stripType,
} from '../header-block';
import { isHotmailComplaint } from '../hotmail-complaint';
import { htmlText } from '../html-source';
import { addUnique, applyReply, cite, emptyIncident, finishIncident } from '../incident';
import { normalizeIp } from '../ip';
import { isKddiNotice } from '../kddi-notice';
import { lineStamp, numericStampReadings } from '../line-stamp';
import { paragraphsTooLong } from '../long-paragraph';
import { unquoteLines } from '../mail-quote';
import { messageDetails } from '../message-details';
import { REMOTE_MTA_TCP } from '../messaging-server';
import { microsoftServerIn } from '../microsoft-server';
import { NOTES } from '../notes';
import { isCreationDateLine, noticeTextDate } from '../notice-date';
import { noticeRecipient } from '../notice-recipient';
import { ownHopZonedDate } from '../own-hop-zone';
import { needsDecoding, type PlainPart, type SplitMessage, splitPlainMessage } from '../plain-mime';
import { postfixNoticeOwnWords, postfixOwnWords } from '../postfix-own-words';
import { recoded8bitPart } from '../recode-8bit';
import { dropRemoteNetworkIps } from '../remote-network-ip';
import { parseReply } from '../reply';
import { severalReportedDomains } from '../reported-recipients';
import {
  headersOfReturnedLines,
  inlineReturnedHeaders,
  type ReturnedHeaders,
  readReturnedHeaders,
} from '../returned-headers';
import { type AnnouncedSizeLimit, announcedSizeLimit, settleSizeLimit } from '../size-limit';
import type { SourceText } from '../source-text';
import { withoutUnresolvedRemote } from '../unresolved-remote';
import { jsonBodyEvents } from './json-body';
import { type ConnectionIp, fillSender, GENERATING_SERVER, type RefOf } from './message-sender';

const DSN_TYPES = new Set([
  'message/delivery-status',
  'message/global-delivery-status',
  'text/delivery-status',
  // ARF abuse reports (RFC 5965): Arrival-Date, Source-IP, Reported-Domain, read like DSN fields.
  'message/feedback-report',
]);
const RETURNED_TYPES = new Set([
  'message/rfc822',
  'text/rfc822-headers',
  'message/rfc822-headers',
  'message/global',
  'message/global-headers',
  'message/partial',
]);
const QUOTED_DSN = /^>[ \t]?(?:Final-Recipient|Remote-MTA|Diagnostic-Code|Reporting-MTA):/im;

/** The part of the pasted text holding this message: lines [from, to] (1-based, inclusive). */
export interface MessageSpan {
  source: SourceText;
  from: number;
  to: number;
}

interface Decoded {
  top: Field[];
  /** The readable parts' lines, one blank line between parts (never split twice). */
  bodyLines: string[];
  dsn: DeliveryStatus;
  returned: Field[];
  decodeNote: Note | null;
}

function isReadPart(type: string): boolean {
  return DSN_TYPES.has(type) || RETURNED_TYPES.has(type) || type.startsWith('text/');
}

/** The lines of a part as text would split them (an empty part is one empty line). */
function linesOf(part: PlainPart): string[] {
  return part.lines.length === 0 ? [''] : part.lines;
}

/** `lines.join('\n').slice(0, size)`, joining only the lines it needs. */
function headOf(lines: readonly string[], size: number): string {
  let length = -1;
  let count = 0;
  while (count < lines.length && length < size) length += (lines[count++] as string).length + 1;
  return lines.slice(0, count).join('\n').slice(0, size);
}

/** Bounce parts read without postal-mime (see plain-mime.ts), same result shape. */
function decodePlain(top: Field[], parts: readonly PlainPart[]): Decoded {
  const dsn: DeliveryStatus = { perMessage: [], recipients: [] };
  let returned: Field[] = [];
  const bodyLines: string[] = [];
  let bodies = 0;
  for (const part of parts) {
    if (DSN_TYPES.has(part.type)) {
      const parsed = parseDeliveryStatusLines(linesOf(part));
      appendAll(dsn.perMessage, parsed.perMessage);
      appendAll(dsn.recipients, parsed.recipients);
    } else if (RETURNED_TYPES.has(part.type)) {
      if (returned.length === 0) returned = headersOfReturnedLines(linesOf(part));
    } else if (part.type.startsWith('text/') || part.type === 'message/partial') {
      // Joined with a blank line between parts, as `bodies.join('\n\n')` would be once split again.
      if (bodies++ > 0) bodyLines.push('');
      const lines =
        part.type === 'text/html' ? htmlText(part.lines.join('\n')).text.split('\n') : linesOf(part);
      for (const line of lines) bodyLines.push(line);
    }
  }
  if (bodies === 0) bodyLines.push('');
  if (dsn.recipients.length === 0 && looksLikeDeliveryStatusLines(bodyLines)) {
    const parsed = parseDeliveryStatusLines(bodyLines);
    appendAll(dsn.perMessage, parsed.perMessage);
    appendAll(dsn.recipients, parsed.recipients);
  }
  // A delivery-status part pasted alone: its first block was read as the header.
  if (isDeliveryStatusBlock(top))
    return { top, bodyLines, dsn: withFirstBlock(dsn, top), returned, decodeNote: null };
  return { top, bodyLines, dsn, returned, decodeNote: null };
}

const DIAGNOSTIC_LINE = /^diagnostic-code:/i;

/**
 * True for an HTML part that only repeats what the message says elsewhere: a text/plain part of the
 * same multipart/alternative (RFC 2046: the same content), or a delivery-status part giving the
 * remote server's reply (Diagnostic-Code). Such parts are not decoded (postal-mime costs about 4 ms
 * on the 60 kB HTML notices of AOL); an HTML-only bounce is still read.
 */
function isRepeatedHtml(part: PlainPart, parts: readonly PlainPart[]): boolean {
  if (part.type !== 'text/html') return false;
  for (const p of parts) {
    if (p.type === 'text/plain' && p.alternative !== undefined && p.alternative === part.alternative)
      return true;
    if (DSN_TYPES.has(p.type) && p.lines.some((l) => DIAGNOSTIC_LINE.test(l))) return true;
  }
  return false;
}

/** The message without its repeated HTML parts (the very same object when it has none). */
function withoutRepeatedHtml(message: SplitMessage): SplitMessage {
  let kept: PlainPart[] | null = null;
  for (let i = 0; i < message.parts.length; i++) {
    const part = message.parts[i] as PlainPart;
    if (!isRepeatedHtml(part, message.parts)) kept?.push(part);
    else kept ??= message.parts.slice(0, i);
  }
  return kept ? { ...message, parts: kept } : message;
}

/** The message's readable content; synchronous when no part needs postal-mime (most bounces). */
function decode(message: SplitMessage): Decoded | Promise<Decoded> {
  const html = withoutRepeatedHtml(message);
  const plain = { ...html, parts: html.parts.map(recoded8bitPart) };
  if (!needsDecoding(plain, isReadPart)) return decodePlain(plain.top, plain.parts);
  return decodeEncoded(plain);
}

async function decodeEncoded(plain: SplitMessage): Promise<Decoded> {
  const empty: DeliveryStatus = { perMessage: [], recipients: [] };
  try {
    const decoded = await decodeReadParts(plain, isReadPart);
    return decodePlain(decoded.top, decoded.parts);
  } catch (error) {
    const rest = plain.lines.slice(plain.bodyStart);
    const bodyLines = rest.length === 0 ? [''] : rest;
    const detail = error instanceof Error ? error.message.slice(0, 120) : 'MIME';
    return {
      top: plain.top,
      bodyLines,
      dsn: looksLikeDeliveryStatusLines(bodyLines) ? parseDeliveryStatusLines(bodyLines) : empty,
      returned: [],
      decodeNote: NOTES.mimeError(detail),
    };
  }
}

/** The one address of an address field (`Name <a@b>` or `a@b`), or null when it holds several or none. */
function soleAddress(value: string): string | null {
  const found = value.match(/[^\s<>,;"]{1,64}@[A-Za-z0-9.-]{1,253}/g);
  return found?.length === 1 ? (found[0] as string) : null;
}

/** An address as compared (header-block.ts), null for none. */
function keyOf(address: string | null): string | null {
  return address ? addressKey(address) : null;
}

function sameAddress(a: string | null, b: string | null): boolean {
  return !!a && !!b && addressKey(a) === addressKey(b);
}

/**
 * The plans of one reply text, indexed so that a paste of thousands of recipients is read in linear
 * time: the first, the first without a recipient, the first of each recipient (each with its rank).
 */
interface SameText {
  first: Plan;
  unnamed: { plan: Plan; rank: number } | null;
  byRecipient: Map<string, { plan: Plan; rank: number }>;
  size: number;
}

/**
 * The earlier plan a reply repeats: any one when the reply names no recipient, else the first that
 * names none or names the same.
 */
function sameRefusal(group: SameText, recipient: string | null): Plan | undefined {
  const key = keyOf(recipient);
  if (key === null) return group.first;
  const named = group.byRecipient.get(key);
  const unnamed = group.unnamed;
  if (!named || !unnamed) return (named ?? unnamed)?.plan;
  return unnamed.rank < named.rank ? unnamed.plan : named.plan;
}

/** Adds a plan of that reply text to its group. */
function addSameText(group: SameText, plan: Plan, recipient: string | null): void {
  const key = keyOf(recipient);
  const entry = { plan, rank: group.size++ };
  if (key === null) group.unnamed ??= entry;
  else if (!group.byRecipient.has(key)) group.byRecipient.set(key, entry);
}

/** Words only Exchange's notices write: its generating server in its languages, its `#...##` status lines. */
const EXCHANGE_NOTICE = new RegExp(
  String.raw`^${GENERATING_SERVER}|#SMTP#|\bRESOLVER\.[A-Z]{2,4}\.[A-Za-z]{2,40}\b`,
  'im',
);

function guessFormat(top: Field[], bodyLines: readonly string[], dsn: DeliveryStatus): InputFormat {
  const all = `${fieldValue(top, 'x-mailer')?.value ?? ''} ${headOf(bodyLines, 3000)}`;
  // Exchange's own words first: its notice returns the message's headers, whose Received lines may
  // name another MTA (`(Postfix) with SMTP id ...`).
  if (EXCHANGE_NOTICE.test(all)) return 'exchange';
  if (/qmail-send|qmail/i.test(all)) return 'qmail';
  if (/This is the mail system at host|postfix/i.test(all)) return 'postfix';
  if (/Exim|SMTP error from remote mail server/i.test(all)) return 'exim';
  if (/Transcript of session follows|while talking to/i.test(all)) return 'sendmail';
  if (
    /Microsoft|Exchange|Office 365|Diagnostic information for administrators|Diagnostic pour les administrateurs|DSN (?:generated by|g[ée]n[ée]r[ée] par)/i.test(
      all,
    )
  )
    return 'exchange';
  return dsn.recipients.length > 0 ? 'dsn' : 'unknown';
}

const BOUNCE_HINT =
  /undeliver|undelivered|delivery (?:status|failure|has failed)|returned mail|failure notice|mail delivery|could not be delivered|non remis|non distribu|mailer-daemon|postmaster/i;

const QUOTED_DSN_AT = /(?:Final-Recipient|Remote-MTA|Diagnostic-Code|Reporting-MTA):/iy;

/**
 * `QUOTED_DSN.test(lines.join('\n'))` without joining: only lines starting with `>` are tested (and
 * whole, for the expression's `^`, those holding U+2028 or U+2029).
 */
function quotesDeliveryStatus(lines: readonly string[]): boolean {
  for (const line of lines) {
    if (line.charCodeAt(0) === 62) {
      const next = line.length > 1 ? line.charCodeAt(1) : 0;
      // `[ \t]?`: after a space or tab the field must follow it (no field name starts with one).
      QUOTED_DSN_AT.lastIndex = next === 32 || next === 9 ? 2 : 1;
      if (QUOTED_DSN_AT.test(line)) return true;
    }
    if ((line.includes('\u2028') || line.includes('\u2029')) && QUOTED_DSN.test(line)) return true;
  }
  return false;
}

/** True when both hold the same lines (most often the very same strings). */
function sameLines(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What the extraction reads in a decoded message. */
interface Content {
  top: Field[];
  /** The lines replies were looked for in (unquoted, or the raw body, when that is what held them). */
  bodyLines: string[];
  dsn: DeliveryStatus;
  replies: FoundReply[];
  /** The first lines of the body's paragraphs too long to be read for replies (long-paragraph.ts). */
  tooLong: string[];
}

/** Replies and DSN fields of the decoded message: also in a quoted DSN, or in the raw body. */
function readContent(plain: SplitMessage, decoded: Decoded): Content {
  let bodyLines = decoded.bodyLines;
  let dsn = decoded.dsn;
  if (dsn.recipients.length === 0 && quotesDeliveryStatus(bodyLines)) {
    // A bounce forwarded as a quote (`> Remote-MTA: ...`): read it without the quote marks.
    bodyLines = unquoteLines(bodyLines);
    if (looksLikeDeliveryStatusLines(bodyLines)) dsn = parseDeliveryStatusLines(bodyLines);
  }
  let tooLong: number[] = [];
  let replies = findReplies(bodyLines, tooLong);
  if (replies.length === 0 && dsn.recipients.length === 0) {
    // A broken MIME structure (a redacted boundary) hides the parts: read the raw body instead. When
    // the body read is the raw body (a one-part message), reading it again would find the same.
    const rawBody = plain.lines.slice(plain.bodyStart);
    if (!sameLines(rawBody, bodyLines)) {
      const rawTooLong: number[] = [];
      const rawReplies = findReplies(rawBody, rawTooLong);
      const rawDsn = looksLikeDeliveryStatusLines(rawBody);
      if (rawReplies.length > 0 || rawDsn) {
        bodyLines = rawBody;
        replies = rawReplies;
        tooLong = rawTooLong;
        if (rawDsn) dsn = parseDeliveryStatusLines(rawBody);
      }
    }
  }
  // No wording the readers know introduced a reply (a notice in Korean: `서버 응답 : 550 ... OFR004_104
  // [104]`): Orange's, wherever its token sits (embedded-orange.ts).
  // Nor Orange's beside replies another wording introduced (orangeRepliesBeside).
  if (replies.length === 0) replies = findEmbeddedOrangeReplies(bodyLines);
  else {
    const beside = orangeRepliesBeside(replies, bodyLines);
    if (beside.length > 0) replies = [...replies, ...beside].sort((a, b) => a.lineIndex - b.lineIndex);
  }
  return { top: decoded.top, bodyLines, dsn, replies, tooLong: tooLong.map((k) => bodyLines[k] ?? '') };
}

/** How many values of a message are searched for through its text before whole lines are looked up. */
const MAX_SEARCHED_VALUES = 64;

/** `target.push(...items)` without spreading: a DSN of 150,000 fields would overflow the call stack. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Points each value at its line in the pasted text (see `cite`). */
class Citations {
  // Several fields often come from one line (a Diagnostic-Code, a Received): search each text once.
  private readonly lines = new Map<string, number | null>();
  private encodedPart: number | null = null;
  private readonly noted = new Set<FieldName>();

  constructor(
    private readonly span: MessageSpan,
    private readonly warnings: Note[],
  ) {}

  /**
   * A value read from a base64 part is not in the original text: point at the start of the encoded
   * part holding it (the delivery-status part, else the first encoded part) and say so. Looked up
   * only when a value is missing from the text (three searches of the whole message otherwise).
   */
  private encodedPartLine(): number {
    const { source, from, to } = this.span;
    this.encodedPart ??=
      source.find('message/delivery-status', from, to, true) ??
      source.find('Content-Transfer-Encoding: base64', from, to, true) ??
      source.find('Content-Transfer-Encoding: quoted-printable', from, to, true) ??
      from;
    return this.encodedPart;
  }

  /** Cites the first line holding `needle` as the source of `field` (unless it has one already). */
  cite(incident: Incident, field: FieldName, needle: string | null | undefined, wholeLine = false): void {
    if (!needle || incident.sources[field]) return;
    const { source, from, to } = this.span;
    const own = wholeLine ? source.lineEqualTo(needle.trim(), from, to) : null;
    if (own !== null) {
      cite(incident, field, source.ref(own));
      return;
    }
    let line = this.lines.get(needle);
    if (line === undefined) {
      // Past a few dozen values (a bounce listing thousands of recipients), a value that is a whole line
      // or an address is looked up in an index rather than searched for through the text each time.
      const indexed =
        this.lines.size >= MAX_SEARCHED_VALUES
          ? (source.lineEqualTo(needle, from, to) ?? source.lineWithAddress(needle, from, to))
          : null;
      line = indexed ?? source.find(needle, from, to, true);
      this.lines.set(needle, line);
    }
    if (line !== null) {
      cite(incident, field, source.ref(line));
      return;
    }
    cite(incident, field, source.ref(this.encodedPartLine()));
    if (!this.noted.has(field)) {
      this.noted.add(field);
      this.warnings.push(NOTES.decodedPart(field, this.encodedPartLine()));
    }
  }
}

/** Gmail's rejecting server of each body, looked for once per message (not once per recipient). */
const gmailServers = new WeakMap<readonly string[], ReturnType<typeof gmailRejectingServer>>();

interface Plan {
  dsn: Field[] | null;
  body: FoundReply | null;
}

/**
 * What makes two sightings of a reply the same: its first line, spaces collapsed and a continuation
 * mark (`550-5.1.1`) read as the last line's (`550 5.1.1`). Sendmail's `(reason: ...)` line keeps only
 * the first line of a multi-line reply its transcript gives whole.
 */
const ARROW_BEFORE_REPLY = /\s->\s{1,2}(?=[245]\d\d[ -])/;

function replyKey(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  // Exchange's words or own status around the remote's reply (`550 5.1.351 Remote server returned ...
  // -> 550 Unknown user x` in its diagnostic, `unknown recipient or mailbox unavailable -> 550 ...` in its
  // first lines): the same refusal, keyed by the reply after the arrow.
  const arrow = ARROW_BEFORE_REPLY.exec(line);
  const first = arrow ? line.slice(arrow.index + arrow[0].length) : line;
  return first
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^([245]\d\d)-/, '$1 ')
    .slice(0, 300);
}

/**
 * A recipient the DSN reports as delivered (RFC 3464 actions `delivered`, `relayed`, `expanded`, with a
 * 2.X.X status): a return receipt or a relay notice, not a refusal.
 */
function isDelivered(fields: readonly Field[]): boolean {
  const action = fieldValue(fields, 'action')?.value.trim().toLowerCase() ?? '';
  if (!/^(?:delivered|relayed|expanded)\b/.test(action)) return false;
  const status = fieldValue(fields, 'status')?.value.trim() ?? '';
  if (/^2\.\d{1,3}\.\d{1,3}/.test(status)) return true;
  // Exchange's delivery receipts write `Action: delivered` with `Status: 5.4.0` (and `X-Supplementary-Info:
  // < #2.0.0>`): the action says what happened, unless a server's refusal is quoted beside it.
  const diagnostic = fieldValue(fields, 'diagnostic-code')?.value ?? '';
  return !/\b[45]\d\d\b/.test(diagnostic);
}

/** True when the DSN lists recipients and reports each one as delivered. */
function onlyDelivered(content: Content): boolean {
  return content.dsn.recipients.length > 0 && content.dsn.recipients.every(isDelivered);
}

/** A challenge-response service's own diagnostic type, no SMTP server's. */
const CHALLENGE_NOTICE = /^\s{0,8}x-boxbe-notice\s{0,8};/i;

/**
 * Boxbe's challenge-response notice (`Diagnostic-Code: X-Boxbe-Notice; Sender not pre-approved`), sent
 * alike when a message is waitlisted and when its sender is confirmed as a guest: a delivery report
 * with `Action: failed`, yet no refusal by any mail server, and its words are Boxbe's, no SMTP reply.
 */
function isChallengeNotice(content: Content): boolean {
  const { recipients } = content.dsn;
  const challenge = (f: readonly Field[]) =>
    CHALLENGE_NOTICE.test(fieldValue(f, 'diagnostic-code')?.value ?? '');
  return recipients.length > 0 && recipients.every(challenge);
}

/**
 * The note for a report that tells of no refusal, or null: Postfix's report of an incoming session's
 * errors, a read receipt (RFC 8098's `Disposition:
 * ...; displayed`, its recipient's client saying what became of a delivered message), or a DMARC
 * failure report (RFC 6591's `Feedback-Type: auth-failure`, about authentication, holding no reply).
 */
function reportOfNoRefusal(content: Content): Note | null {
  // Postfix's report to its postmaster of an incoming session that failed (its notify_classes): the
  // transcript's `Out:` lines are this server's own replies.
  if (/^\s*Postfix SMTP server: errors from\b/i.test(fieldValue(content.top, 'subject')?.value ?? ''))
    return NOTES.postfixServerErrors();
  if (content.replies.length > 0) return null;
  const { perMessage, recipients } = content.dsn;
  const disposition = [perMessage, ...recipients].some((f) => fieldValue(f, 'disposition') !== null);
  if (disposition && !recipients.some((f) => fieldValue(f, 'action') !== null)) return NOTES.readReceipt();
  const feedback = fieldValue(perMessage, 'feedback-type')?.value.trim().toLowerCase();
  if (feedback === 'auth-failure')
    return NOTES.authFailureReport(fieldValue(perMessage, 'delivery-result')?.value.trim() ?? null);
  return null;
}

/**
 * What makes two recipient blocks of a DSN the same report: its recipient, status and diagnostic, spaces
 * collapsed; null for a block that names no recipient. The fields of one delivery seen twice come from a
 * text copy of the delivery-status part beside the part itself: ZMailer's report quotes it in its text
 * part (`Following is a copy of MESSAGE/DELIVERY-STATUS format section below.`), and a report pasted
 * from a mail client's "show original" or forwarded inline keeps both.
 */
function repeatKey(fields: readonly Field[], rcpt: string): string | null {
  const key = keyOf(rcpt);
  if (key === null) return null;
  const value = (name: string) => (fieldValue(fields, name)?.value ?? '').replace(/\s+/g, ' ').trim();
  // The remote, and the reply a report gives in `X-Supplementary-Info` instead of a Diagnostic-Code, tell
  // two deliveries to one recipient apart (sisimai/p5-sisimai issue 312: `Remote-MTA: dns; 183.81.162.32`
  // then `Remote-MTA: dns; subdomain.mail.protection.outlook.com`, each with its own reply).
  return `${key}\n${value('status')}\n${value('diagnostic-code')}\n${value('remote-mta')}\n${value('x-supplementary-info')}`;
}

/** One incident per DSN recipient (with its reply in the body), else per distinct reply, else one. */
function plansOf(content: Content): Plan[] {
  const { dsn, replies } = content;
  const plans: Plan[] = [];
  if (dsn.recipients.length > 0) {
    const rcpts = dsn.recipients.map((fields) =>
      stripType(fieldValue(fields, 'final-recipient')?.value ?? ''),
    );
    // A body reply written for another recipient of this DSN is never this one's: a Postfix bounce
    // lists `<a@x>: host ... said: 550 ...` for a refused recipient and only `<b@y>: connect to ...:
    // Connection timed out` (no reply) for another, whose incident took the first one's reply, remote
    // host and the sending IP it names.
    // (Sets and maps of the addresses: a DSN may list thousands of recipients.)
    const dsnRecipients = new Set(rcpts.map((x) => keyOf(x)));
    const othersReply = (r: FoundReply, own: string) =>
      r.recipient !== null && !sameAddress(r.recipient, own) && dsnRecipients.has(keyOf(r.recipient));
    const replyOf = new Map<string, FoundReply>();
    for (const r of replies) {
      const key = keyOf(r.recipient);
      if (key && !replyOf.has(key)) replyOf.set(key, r);
    }
    const seen = new Set<string>();
    for (let i = 0; i < dsn.recipients.length; i++) {
      const fields = dsn.recipients[i] as Field[];
      if (isDelivered(fields)) continue;
      const rcpt = rcpts[i] as string;
      const repeat = repeatKey(fields, rcpt);
      if (repeat !== null) {
        if (seen.has(repeat)) continue;
        seen.add(repeat);
      }
      const usable = (r: FoundReply | undefined) => (r && !othersReply(r, rcpt) ? r : null);
      const match = replyOf.get(keyOf(rcpt) ?? '') ?? usable(replies[i]) ?? usable(replies[0]) ?? null;
      plans.push({ dsn: fields, body: match });
    }
  } else if (replies.length > 0) {
    const byText = new Map<string, SameText>();
    // A bare code line (strength 3) is an incident only when nothing more explicit was found: Sendmail
    // repeats each recipient's reply in a summary line (`550 5.1.1 <rcpt>... User unknown`).
    const explicit = replies.some((r) => r.strength < 3);
    for (const r of replies) {
      if (explicit && r.strength === 3) continue;
      const key = replyKey(r.text);
      const sameText = byText.get(key);
      // The same words for another named recipient are another refusal (MailEnable lists each
      // `Recipient: [SMTP:x]` with its `Reason:`); for the same or an unnamed one, the same refusal.
      const same = sameText ? sameRefusal(sameText, r.recipient) : undefined;
      if (same?.body) {
        // The same reply seen again, in Sendmail's transcript (`... while talking to mx:` / `<<< 550`):
        // it names the host the first sighting (`(reason: 550 ...)`) did not, and holds the whole
        // reply where the reason line keeps only its first line.
        if (!same.body.remoteHost && r.remoteHost) {
          same.body = { ...same.body, remoteHost: r.remoteHost, remoteLineIndex: r.remoteLineIndex };
        }
        if (r.text.length > same.body.text.length) same.body = { ...same.body, text: r.text };
        if (!same.body.recipient && r.recipient) same.body = { ...same.body, recipient: r.recipient };
        continue;
      }
      const plan: Plan = { dsn: null, body: r };
      const group = sameText ?? { first: plan, unnamed: null, byRecipient: new Map(), size: 0 };
      if (!sameText) byText.set(key, group);
      addSameText(group, plan, r.recipient);
      plans.push(plan);
    }
  } else {
    plans.push({ dsn: null, body: null });
  }
  return plans;
}

// Beyond forwarded.ts's NOTICE_SENDER: Exchange's system mailbox, `Delivery Subsystem`, `Mail System`.
const OTHER_SYSTEM_FROM = /delivery (?:status|subsystem)|mail system|microsoftexchange[0-9a-f]{0,40}@/i;

/**
 * The message's From names a mail system (`MAILER-DAEMON@`, `Mail Delivery System`), not a person; nor
 * a postmaster forwarding a notice (`Subject: TR: ...`, forward-subject.ts): its Date and To are the forward's.
 */
function fromMailSystem(top: readonly Field[]): boolean {
  const from = fieldValue(top, 'from')?.value;
  if (from === undefined || !(NOTICE_SENDER.test(from) || OTHER_SYSTEM_FROM.test(from))) return false;
  return !isForwardSubject(fieldValue(top, 'subject')?.value ?? '');
}

/**
 * A person's answer (`Re:`, `AW:`, `RE :`) that quotes a refusal's lines in its text (a kernel list's
 * post of 2024: `Laurentiu's address bounces:` then `Diagnostic-Code: smtp; 550 5.4.1 ...`): its Date is
 * when the person wrote, after the refusal. A mail system's notice never answers.
 */
const REPLY_SUBJECT = /^\s{0,4}(?:Re|AW|SV|Ref|Réf)\s?:/i;
// Apache James's notices answer (`From: post_master@vtext.example.com`, `Subject: Re:Test message`):
// a role account's answer is a system's.
const ROLE_SENDER = /(?:^|[<\s"])(?:post_?master|mailer-?daemon|mail-?daemon|bounces?|no-?reply|root)@/i;

function isPersonsReply(top: readonly Field[]): boolean {
  const from = fieldValue(top, 'from')?.value ?? '';
  return (
    !fromMailSystem(top) &&
    !ROLE_SENDER.test(from) &&
    REPLY_SUBJECT.test(fieldValue(top, 'subject')?.value ?? '')
  );
}

function looksLikeBounce(content: Content): boolean {
  if (content.dsn.recipients.length > 0 || content.replies.length > 0) return true;
  if (fieldValue(content.dsn.perMessage, 'feedback-type') !== null) return true;
  const subject = fieldValue(content.top, 'subject')?.value ?? '';
  const fromTop = fieldValue(content.top, 'from')?.value ?? '';
  // KDDI's notice says it in its text only (kddi-notice.ts).
  return BOUNCE_HINT.test(`${subject} ${fromTop}`) || isKddiNotice(content.bodyLines);
}

export async function extractMessage(
  raw: string,
  span: MessageSpan,
  options: ExtractOptions,
): Promise<ExtractionResult> {
  const plain = splitPlainMessage(raw);
  const pending = decode(plain);
  const decoded = pending instanceof Promise ? await pending : pending;
  return incidentsOf(plain, decoded, span, options);
}

function incidentsOf(
  plain: SplitMessage,
  decoded: Decoded,
  span: MessageSpan,
  options: ExtractOptions,
): ExtractionResult {
  const warnings: Note[] = decoded.decodeNote ? [decoded.decodeNote] : [];
  const content = readContent(plain, decoded);
  if (content.tooLong.length > 0) warnings.push(paragraphsTooLong(content.tooLong));
  const { bodyLines, replies } = content;
  const firstReplyLine = replies[0]?.lineIndex ?? 0;
  const returned = readReturnedHeaders(
    decoded.returned.length > 0 ? decoded.returned : inlineReturnedHeaders(bodyLines, firstReplyLine + 1),
  );
  // An ESP event mailed as JSON (SES through SNS) says more than the mail around it.
  const events = replies.length <= 1 ? jsonBodyEvents(bodyLines, span.source) : null;
  if (events) return { incidents: events.incidents, warnings: warnings.concat(events.warnings) };
  const format = guessFormat(decoded.top, decoded.bodyLines, content.dsn);
  if (!looksLikeBounce(content)) {
    if (isAutoReply(content.top)) warnings.push(NOTES.autoReply());
    else if (isHotmailComplaint(content.top, decoded.returned)) warnings.push(NOTES.hotmailComplaint());
    return { incidents: [], warnings };
  }
  if (onlyDelivered(content)) return { incidents: [], warnings: warnings.concat(NOTES.deliveredReport()) };
  const noRefusal = reportOfNoRefusal(content);
  if (noRefusal) return { incidents: [], warnings: warnings.concat(noRefusal) };
  if (isChallengeNotice(content)) warnings.push(NOTES.challengeNotice());
  if (fieldValue(content.dsn.perMessage, 'feedback-type') !== null && content.replies.length === 0)
    warnings.push(NOTES.abuseReport());
  const citations = new Citations(span, warnings);
  const refOf: RefOf = (incident, field, needle, wholeLine) =>
    citations.cite(incident, field, needle, wholeLine);
  const returnedDate = fieldValue(returned.fields, 'date');
  let incidents: Incident[] = [];
  let noReply: string | null = null;
  let sizeLimit: AnnouncedSizeLimit | null = null;
  let ownWords: string | null = null;
  let ownWhere: 'x-postfix' | 'notice' | undefined;
  const delaySubject =
    content.dsn.recipients.length === 0 && isDelaySubject(fieldValue(content.top, 'subject')?.value);
  /** Incidents read from Exchange Online's closing `Message expired` history line (exchange-history.ts). */
  const summaries = new Set<Incident>();
  /** Postfix's own reason in its notice's list of recipients, looked for once ('' when none). */
  let noticeOwnWords: string | undefined;
  for (const plan of plansOf(content)) {
    const incident = emptyIncident(format);
    fillReply(incident, plan, content.replies, bodyLines, refOf);
    const connection = fillRemote(incident, plan.dsn, plan.body, bodyLines, refOf);
    dropRemoteNetworkIps(incident);
    if (isExpirySummary(incident)) summaries.add(incident);
    // Still an incident (its date, hosts and addresses stand), with a note that no server replied; the
    // MTA's own words go into the note, not into the reply a ticket would quote as Orange's.
    const failure = connectionFailure(incident.reply.code, incident.reply.text);
    if (failure && settleConnectionFailure(incident, failure)) {
      noReply ??= failure.words;
      const unresolved = withoutUnresolvedRemote(incident, failure.words);
      if (unresolved) incident.assumptions.push(unresolved);
    }
    // Postfix would not send a message larger than the remote announced it takes: no reply either.
    const tooBig = !failure && incident.reply.code === null ? announcedSizeLimit(incident.reply.text) : null;
    if (tooBig) {
      settleSizeLimit(incident, tooBig);
      sizeLimit ??= tooBig;
    }
    fillRecipient(
      incident,
      plan.dsn ?? reportedRecipient(content.dsn.perMessage),
      plan.body,
      returned,
      fieldValue(content.top, 'x-failed-recipients'),
      bodyLines,
      refOf,
    );
    // A report listing recipients of several domains says not which one complained (reported-recipients.ts).
    const reportedDomains = plan.dsn ? null : severalReportedDomains(content.dsn.perMessage);
    if (reportedDomains) {
      incident.recipientDomain = null;
      delete incident.sources.recipientDomain;
      incident.assumptions.push(NOTES.severalReportedRecipients(reportedDomains));
    }
    fillDate(incident, plan.dsn, content, returnedDate, bodyLines, options, refOf);
    // Rather the date the reply's own line starts with (Exchange's history: `7/7/2026 3:48:53 PM - Server
    // at ...`, the time of that very attempt).
    if (plan.body) dateFromReplyLine(incident, bodyLines, plan.body.lineIndex, options, refOf);
    fillSender(incident, content, returned, bodyLines, refOf, connection);
    // Else the sender of the session transcript the notice quotes (MDaemon's `--> MAIL From:<a@x>`).
    if (!incident.sendingDomain && plan.body?.sender)
      senderOfSession(incident, plan.body.sender, bodyLines, refOf);
    // Else the name the sending server gave in the transcript (MDaemon's ` EHLO mail.example.com`).
    const client = plan.body?.clientName;
    if (incident.sendingHosts.length === 0 && client && isHostName(client.name) && isIcannName(client.name)) {
      incident.sendingHosts.push(client.name.toLowerCase());
      refOf(incident, 'sendingHosts', bodyLines[client.lineIndex]);
    }
    // Postfix's own reason (`X-Postfix; Spam message rejected`), where no hop shows the message came to
    // it from another host: the sending server's own decision (a filter refusing what was submitted
    // locally), no incident. (Else it may be the receiver's, failing a mailbox it accepted mail for.)
    const diagnostic = plan.dsn ? fieldValue(plan.dsn, 'diagnostic-code') : null;
    let own: string | null = null;
    if (!failure && !tooBig && diagnostic) own = postfixOwnWords(diagnostic.value);
    else if (!failure && plan.dsn && !incident.reply.text && format === 'postfix') {
      // No Diagnostic-Code (the paste cut before it): the reason the notice lists for the recipient.
      noticeOwnWords ??= postfixNoticeOwnWords(bodyLines.slice(0, 5000).join('\n')) ?? '';
      own = noticeOwnWords;
    }
    if (own && incident.sendingIps.length === 0) {
      ownWords ??= own;
      ownWhere ??= diagnostic ? 'x-postfix' : 'notice';
      continue;
    }
    if (delaySubject || isDelayedAction(plan.dsn)) incident.assumptions.push(NOTES.delayNotice());
    incidents.push(incident);
  }
  // A notice whose words say no server was reached, read as no reply at all (Gmail's delay notice: `The
  // recipient server did not accept our requests to connect. ... [192.0.2.1 (1): Connection timed out]`).
  // The closing line sums up the attempts above it: one failed message.
  if (summaries.size > 0 && summaries.size < incidents.length)
    incidents = incidents.filter((incident) => !summaries.has(incident));
  const replyless = incidents.length > 0 && incidents.every((i) => i.reply.text === '');
  if (!noReply && replyless) noReply = noReplyWords(bodyLines.slice(0, 2000).join('\n'));
  // (Not when the attempt it was said of was summed up by another that quotes a reply: Exchange's `400
  // 4.4.7 Message delayed` above the remote's `451 4.7.3 ...`, in a Microsoft Q&A post of 2020.)
  if (noReply && (incidents.length === 0 || incidents.some((i) => i.reply.text === '')))
    warnings.push(NOTES.noServerReply(noReply));
  else noReply = null;
  if (sizeLimit) warnings.push(NOTES.sizeLimitAnnounced(sizeLimit));
  // Google Groups' refusal of a post: the group's words, and no reply to ask for.
  const groupWords = !noReply && replyless ? googleGroupsRefusal(bodyLines) : null;
  if (groupWords) warnings.push(NOTES.groupRefusal(groupWords));
  if (ownWords) warnings.push(NOTES.senderOwnDiagnostic(ownWords, ownWhere));
  for (let i = 0; i < incidents.length; i++) {
    // An incident without a reply, where no server replied: no reply to fill in.
    const incident = incidents[i] as Incident;
    const noReplyToAsk =
      (noReply !== null || groupWords !== null || sizeLimit !== null) && incident.reply.text === '';
    for (const w of finishIncident(incident, i + 1, noReplyToAsk)) warnings.push(w);
  }
  return { incidents, warnings };
}

function senderOfSession(
  incident: Incident,
  sender: string,
  bodyLines: readonly string[],
  refOf: RefOf,
): void {
  const domain = domainOf(sender);
  if (!domain || !isHostName(domain)) return;
  incident.sendingDomain = domain.toLowerCase();
  refOf(incident, 'sendingDomain', bodyLines.find((l) => l.includes(sender)) ?? null);
}

/** A line ending in `Server at mx.example.net`, its `(ip) returned '...'` wrapped onto the next. */
const SERVER_AT_END = /\bServer at \S{1,253}\s*$/;
/** A line that is an RFC 5322 date and nothing else, its zone written. */
const BARE_DATE_LINE =
  /^\s{0,8}(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}\s*$/;

/** The date a reply's line starts with (line-stamp.ts): when that reply was given. */
function dateFromReplyLine(
  incident: Incident,
  bodyLines: readonly string[],
  index: number,
  options: ExtractOptions,
  refOf: RefOf,
): void {
  const stampOf = (l: string | undefined) =>
    l ? lineStamp(l.replace(/^\s{0,4}(?:>\s?){1,4}/, ''), options.assumeZone) : null;
  let line = bodyLines[index];
  let stamp = stampOf(line);
  // A history line wrapped before the reply (`4/11/2016 4:58:21 PM - Remote Server at mx.example.net` /
  // `(192.0.2.1) returned '441 ...'`): its date is on the line above.
  if (!stamp && index > 0 && SERVER_AT_END.test(bodyLines[index - 1] ?? '')) {
    line = bodyLines[index - 1];
    stamp = stampOf(line);
  }
  // A transcript's attempt dated on a line of its own just above (SurfControl's `Thu, 20 Apr 2008 23:34:45
  // +0900` / `Failed to send to identified host,` / `rcpt: [IP], 554 ...`).
  for (let above = index - 1; !stamp && above >= Math.max(0, index - 2); above--) {
    if (!BARE_DATE_LINE.test(bodyLines[above] ?? '')) continue;
    line = bodyLines[above];
    const bare = parseDate((line ?? '').trim());
    stamp = bare ? { iso: bare.iso, assumption: null } : null;
  }
  // The message's own dates bound the attempts: a history date before them, or weeks after, is one
  // misread (`3/09/2016` is the 3rd of September where the locale writes the day first).
  const known = incident.occurredAt ? Date.parse(incident.occurredAt) : null;
  const allowed = (iso: string) => {
    const at = Date.parse(iso);
    return known === null || (at >= known - DAY_MS && at <= known + 60 * DAY_MS);
  };
  if (!stamp && line) {
    // A 24-hour stamp of unknown order (`11/01/2023 04:20:14 - Remote Server at ...`): the reading the
    // message's dates allow, or the only one that is a date.
    const readings = numericStampReadings(line, options.assumeZone).filter((r) => allowed(r.iso));
    if (readings.length === 1) stamp = readings[0] ?? null;
  }
  if (!stamp || !line || !allowed(stamp.iso)) return;
  if (known !== null) {
    delete incident.sources.occurredAt;
    incident.assumptions = incident.assumptions.filter((a) => !REPLACED_DATE_NOTES.has(a.code));
  }
  incident.occurredAt = stamp.iso;
  refOf(incident, 'occurredAt', line, true);
  if (stamp.assumption) incident.assumptions.push(stamp.assumption);
}

const DAY_MS = 86_400_000;

/**
 * The notes fillDate gives about where the date came from: stale once the reply's own attempt line
 * dates it (a SurfControl transcript's `Wed, 16 Aug 2006 05:01:24 -0500` over a copy dated in `UT`
 * must not still say the date is the returned message's).
 */
const REPLACED_DATE_NOTES = new Set([
  'date.no-zone',
  'date.zone-of-own-hop',
  'date.returned-message',
  'date.quoting-message',
  'date.quoted-notice',
  'date.forwarded-notice',
  'date.queued-until-bounce',
  'date.from-microsoft-reply',
]);

const X_UNIX = /^\s{0,8}x-unix\s{0,8};/i;

/**
 * Exchange 2003-2010 (and Hotmail) write the remote's reply in `X-Supplementary-Info` instead of a
 * Diagnostic-Code: `<mx.example.net #5.1.1 smtp;550-5.1.1 The email account ...>`, `< #5.5.0 smtp;550
 * Requested action not taken ...>`. The reply after `smtp;` is read as the Diagnostic-Code would be.
 */
const SUPPLEMENTARY_REPLY =
  /^<\s{0,4}(?:[A-Za-z0-9][A-Za-z0-9.-]{0,252}\s{1,4})?#[245]\.\d{1,3}\.\d{1,3}\s{1,4}(smtp;\s{0,4}[245]\d\d[\s-][\s\S]{0,4000}?)>?\s*$/i;

function supplementaryInfo(dsn: readonly Field[]): Field | null {
  const field = fieldValue(dsn, 'x-supplementary-info');
  const reply = field ? SUPPLEMENTARY_REPLY.exec(field.value)?.[1] : undefined;
  return field && reply ? { ...field, value: reply } : null;
}
/** A reply's first line that announces more lines (`550-5.1.1 ...`). */
const ANNOUNCES_MORE = /^\s{0,8}[245]\d\d-/;

function fillReply(
  incident: Incident,
  { dsn, body }: Plan,
  replies: readonly FoundReply[],
  bodyLines: string[],
  refOf: RefOf,
): void {
  const diag = dsn ? (fieldValue(dsn, 'diagnostic-code') ?? supplementaryInfo(dsn)) : null;
  // `X-Unix; 255` is the exit status of a local program Sendmail piped the message to (RFC 3464's
  // diagnostic-type names the kind of code), not an SMTP reply: 255 is no reply code.
  const diagText = diag ? stripType(diag.value) : '';
  const fromDiag = diag && !X_UNIX.test(diag.value) ? parseReply(diagText) : null;
  // The body's reply counts only when the Diagnostic-Code has no code: parsed only then.
  const fromBody = body && fromDiag?.reply.code == null ? parseReply(body.text) : null;
  let chosen = fromDiag?.reply.code != null || !fromBody?.reply.code ? (fromDiag ?? fromBody) : fromBody;
  const rcpt = dsn ? stripType(fieldValue(dsn, 'final-recipient')?.value ?? '') : (body?.recipient ?? '');
  // Sendmail cuts a multi-line reply to its first line (`550-5.1.1 ... Please try`) in the
  // Diagnostic-Code; its transcript (`<<< 550-...` to `<<< 550 ...`) has it whole.
  // A Diagnostic-Code whose folded lines lost their indent when pasted is cut after its first line,
  // while the notice's text (`host X said: ...`) has the reply whole: the longer one that starts with
  // all of it.
  const fuller = chosen === fromDiag && diagText !== '' ? fullerReply(diagText, replies, rcpt || null) : null;
  const whole =
    fuller &&
    (ANNOUNCES_MORE.test(diagText) ||
      (diag !== null && lostIndent(bodyLines, diag.firstLine) && startsWithWhole(fuller.text, diagText)))
      ? fuller
      : null;
  const wholeReply = whole ? parseReply(whole.text) : null;
  if (whole && wholeReply?.reply.code === fromDiag?.reply.code) chosen = wholeReply;
  if (chosen) {
    applyReply(incident, chosen);
    if (chosen === wholeReply && whole) refOf(incident, 'reply', bodyLines[whole.lineIndex]);
    else if (chosen === fromDiag && diag) refOf(incident, 'reply', diag.firstLine);
    else if (body) refOf(incident, 'reply', bodyLines[body.lineIndex]);
    for (const ip of chosen.linkIps) addUnique(incident.sendingIps, ip);
    if (chosen.linkIps.length > 0) incident.sources.sendingIps = incident.sources.reply;
    if (chosen.orange) incident.sources.orange = incident.sources.reply;
    const text =
      chosen === wholeReply && whole
        ? whole.text
        : chosen === fromDiag && diag
          ? diagText
          : (body?.text ?? '');
    // The client's name, where the reply writes it beside the client's address.
    for (const host of findClientHosts(text)) {
      addUnique(incident.sendingHosts, host);
      incident.sources.sendingHosts ??= incident.sources.reply;
    }
    if (chosen.linkIps.length === 0) {
      const fuller = fullerReply(text, replies, rcpt || null);
      for (const ip of fuller ? parseReply(fuller.text).linkIps : []) {
        addUnique(incident.sendingIps, ip);
        refOf(incident, 'sendingIps', bodyLines[fuller?.lineIndex ?? 0]);
      }
      for (const host of fuller ? findClientHosts(fuller.text) : []) {
        addUnique(incident.sendingHosts, host);
        refOf(incident, 'sendingHosts', bodyLines[fuller?.lineIndex ?? 0]);
      }
    }
  }
  const status = dsn ? fieldValue(dsn, 'status') : null;
  const statusCode = /^([245])\.\d{1,3}\.\d{1,3}/.exec(status?.value ?? '')?.[0] ?? null;
  // The DSN's Status: counts only when it agrees with the reply's class: Postfix writes 4.0.0 for a
  // 550 greeting refusal, a code the remote server never sent (../shared/notes/orange.md, Postfix trap).
  // Nor, for Orange's reply, the bare class (X.0.0, "undefined status") that Postfix writes for a reply
  // without an enhanced code: Orange's connection-level refusals carry none (`421 ... OFR_999 [999]`,
  // ../shared/notes/orange.md), and a ticket must quote what Orange said.
  const bareClass = statusCode !== null && /^\d\.0\.0$/.test(statusCode) && incident.orange !== null;
  if (!incident.reply.enhanced && statusCode && !bareClass) {
    const code = incident.reply.code;
    if (code === null || String(code)[0] === statusCode[0]) incident.reply.enhanced = statusCode;
  }
}

/** The address in a Remote-MTA's comment right after its host name, as `(IP)` or `(IP, ...)`. */
const REMOTE_MTA_COMMENT_IP = /^\S{1,253}\s{1,4}\(([0-9A-Fa-f:.]{2,45})[,)]/;
/** ZMailer's `Remote-MTA: dns; mx.example.sk (192.0.2.18|25|198.51.100.167|35055)`: remote, port, local, port. */
const ZMAILER_ENDS = /\(([0-9A-Fa-f:.]{2,45})\|\d{1,5}\|([0-9A-Fa-f:.]{2,45})\|\d{1,5}\)/;

/** ZMailer's two ends in the order of REMOTE_MTA_TCP's groups (local address, then remote), or null. */
function zmailerEnds(value: string): [string, string, string] | null {
  const m = ZMAILER_ENDS.exec(value);
  return m ? [m[0], m[2] ?? '', m[1] ?? ''] : null;
}

function fillRemote(
  incident: Incident,
  dsn: Field[] | null,
  body: FoundReply | null,
  bodyLines: string[],
  refOf: RefOf,
): ConnectionIp | null {
  // A destination that did not resolve (`Status: 5.1.2`, no reply): the Remote-MTA field names the
  // domain looked up (`dns; vgr.kernel.org`), no server that refused.
  const unresolved = incident.reply.code === null && /^[45]\.1\.2$/.test(incident.reply.enhanced ?? '');
  const remoteMta = dsn && !unresolved ? fieldValue(dsn, 'remote-mta') : null;
  if (remoteMta) {
    const value = stripType(remoteMta.value).split(/\s/)[0] ?? '';
    const bracket = /\[([0-9A-Fa-f:.]{2,45})\]/.exec(value);
    // A port after the name (`example-com.mail.eo.outlook.com:25`) is no part of it.
    const host = value
      .replace(/\s{0,4}\[.*$/, '')
      .replace(/^([^:]*[A-Za-z])\.?:\d{1,5}$/, '$1')
      .replace(/\.$/, '');
    const ip = normalizeIp(bracket?.[1] ?? host);
    if (ip) {
      incident.remoteIp = ip;
      refOf(incident, 'remoteIp', remoteMta.firstLine);
    } else if (isHostName(host)) {
      incident.remoteHost = host.toLowerCase();
      refOf(incident, 'remoteHost', remoteMta.firstLine);
      // Gmail adds the address in a comment: `smtp-in.orange.fr. (80.12.242.9, the server for the
      // domain wanadoo.fr.)`; others write `mx.example.jp (192.0.2.135)`.
      const commentIp = normalizeIp(REMOTE_MTA_COMMENT_IP.exec(stripType(remoteMta.value))?.[1] ?? '');
      if (commentIp) {
        incident.remoteIp = commentIp;
        refOf(incident, 'remoteIp', remoteMta.firstLine);
      }
    }
  }
  const tcp = remoteMta ? (REMOTE_MTA_TCP.exec(remoteMta.value) ?? zmailerEnds(remoteMta.value)) : null;
  const localIp = normalizeIp(tcp?.[1] ?? '');
  // Its local address is the sending IP, unless the bounce came from the receiving side (fillSender).
  const connection = remoteMta && localIp ? { ip: localIp, line: remoteMta.firstLine } : null;
  const tcpRemoteIp = normalizeIp(tcp?.[2] ?? '');
  if (remoteMta && tcpRemoteIp && !incident.remoteIp) {
    incident.remoteIp = tcpRemoteIp;
    refOf(incident, 'remoteIp', remoteMta.firstLine);
  }
  if (!incident.remoteHost && !incident.remoteIp) {
    // Gmail: "... rejected by the server for the recipient domain example.jp by mx.example.jp. [192.0.2.1]."
    let gmail = gmailServers.get(bodyLines);
    if (gmail === undefined) {
      gmail = gmailRejectingServer(bodyLines);
      gmailServers.set(bodyLines, gmail);
    }
    // (Its words come before the reply they introduce: not for a reply above them, another notice's
    // pasted before Gmail's, as in minsk-hackerspace/hackerspace.by issue 76.)
    if (gmail && (!body || body.lineIndex > gmail.lineIndex)) {
      incident.remoteHost = gmail.host;
      refOf(incident, 'remoteHost', bodyLines[gmail.lineIndex]);
      if (gmail.ip) {
        incident.remoteIp = gmail.ip;
        refOf(incident, 'remoteIp', bodyLines[gmail.lineIndex]);
      }
    }
  }
  if (body) {
    const line = body.remoteLineIndex !== null ? bodyLines[body.remoteLineIndex] : null;
    const sameHost = !incident.remoteHost || incident.remoteHost === body.remoteHost?.toLowerCase();
    // A remote's DNS name may hold underscores (`balancer_haproxy.email.locaweb.com.br`).
    const remoteName = body.remoteHost?.replace(/\.$/, '') ?? '';
    if (!incident.remoteHost && remoteName && isHostName(remoteName.replace(/_/g, '-'))) {
      incident.remoteHost = remoteName.toLowerCase();
      refOf(incident, 'remoteHost', line);
    }
    if (!incident.remoteIp && body.remoteIp && sameHost) {
      incident.remoteIp = body.remoteIp;
      refOf(incident, 'remoteIp', line);
    }
  }
  return connection;
}

/**
 * An abuse report's (ARF, RFC 5965) `Original-Rcpt-To:`, the envelope recipient of the reported message,
 * as the fields fillRecipient reads: whom the complaint came from, where the returned copy's To may name
 * another (a list, a blind copy). Only in a report (Feedback-Type): a DSN has its own recipient fields.
 * A report may list several (Return Path's lists seven): only when they all name one domain.
 */
function reportedRecipient(perMessage: Field[]): Field[] | null {
  if (fieldValue(perMessage, 'feedback-type') === null) return null;
  const rcpts = perMessage.filter((f) => f.name === 'original-rcpt-to');
  const domains = new Set(rcpts.map((f) => domainOf(stripType(f.value))?.toLowerCase() ?? ''));
  const first = rcpts[0];
  return first && domains.size === 1 && !domains.has('') ? [first] : null;
}

/** An address with a local part: a DSN's `Final-Recipient: rfc822; @mx.example.org` names no one. */
const FULL_ADDRESS = /^<?[^\s<>@]{1,64}@[^\s<>@]{1,253}>?$/;

/**
 * Recipient domain: the DSN's recipient fields, then the recipient the bounce text names (unless
 * Exim's X-Failed-Recipients header lists others: the text's address is then the sender's, quoted in a
 * reply), then Exim's header itself, then Apache James's `RCPT TO:` line, then the recipient the notice
 * lists, then the returned message's To, then Yahoo's X-Apparently-To in it.
 */
function fillRecipient(
  incident: Incident,
  dsn: Field[] | null,
  body: FoundReply | null,
  returned: ReturnedHeaders,
  failed: Field | null,
  bodyLines: readonly string[],
  refOf: RefOf,
): void {
  const candidates: (Field | null)[] = dsn
    ? [
        fieldValue(dsn, 'final-recipient'),
        fieldValue(dsn, 'original-recipient'),
        fieldValue(dsn, 'original-rcpt-to'),
      ]
    : [];
  // A final recipient under an internal domain (`user@mailcluster.local`, after the remote's own alias
  // expansion) is not the address the sender wrote: the original recipient is, when the DSN gives it.
  // So is one under a bare host name (`userx@sims-ms-daemon`, Sun's messaging server; Mailman's dsn_01),
  // kept only when the DSN gives no other.
  let internal: { domain: string; field: Field } | null = null;
  for (const c of candidates) {
    const address = c ? stripType(c.value) : '';
    const domain = FULL_ADDRESS.test(address) ? domainOf(address) : null;
    if (!c || !domain) continue;
    if (!domain.includes('.') || !isIcannName(domain)) {
      internal ??= { domain, field: c };
      continue;
    }
    incident.recipientDomain = domain;
    refOf(incident, 'recipientDomain', c.firstLine);
    return;
  }
  if (internal) {
    incident.recipientDomain = internal.domain;
    refOf(incident, 'recipientDomain', internal.field.firstLine);
    return;
  }
  const listed = failed ? failed.value.split(/[\s,]+/).filter((a) => domainOf(a) !== null) : [];
  const named = body?.recipient ?? null;
  const fromBody = named ? domainOf(named) : null;
  if (
    fromBody &&
    named &&
    (listed.length === 0 || listed.some((a) => a.toLowerCase() === named.toLowerCase()))
  ) {
    incident.recipientDomain = fromBody;
    refOf(incident, 'recipientDomain', named);
    return;
  }
  const first = listed[0];
  if (failed && first) {
    incident.recipientDomain = domainOf(first);
    refOf(incident, 'recipientDomain', failed.firstLine);
    return;
  }
  // No reply named the recipient: the notice's own list of failed recipients comes before the returned
  // message's To, which is whom the sender wrote to, not necessarily the address that failed.
  const detailed = named === null ? (messageDetails(bodyLines)?.recipient ?? null) : null;
  if (detailed) {
    incident.recipientDomain = detailed.domain;
    refOf(incident, 'recipientDomain', detailed.line);
    return;
  }
  const listedInNotice = named === null ? noticeRecipient(bodyLines) : null;
  if (listedInNotice) {
    incident.recipientDomain = listedInNotice.domain;
    refOf(incident, 'recipientDomain', bodyLines[listedInNotice.lineIndex]);
    return;
  }
  // A copy addressed to its own sender went to its real recipients in blind copy: its To is not one.
  const toSelf =
    !!returned.to &&
    !!returned.from &&
    sameAddress(soleAddress(returned.to.value), soleAddress(returned.from.value));
  const to = returned.to && !toSelf ? domainOf(returned.to.value) : null;
  if (to && returned.to) {
    incident.recipientDomain = to;
    refOf(incident, 'recipientDomain', returned.to.firstLine);
    return;
  }
  // Else the envelope recipient Yahoo wrote into the copy it took in (apparently-to.ts).
  const apparent = apparentRecipient(returned.fields);
  if (apparent) {
    incident.recipientDomain = apparent.domain;
    refOf(incident, 'recipientDomain', apparent.field.firstLine);
  }
}

/** A field, or a MIME boundary: the line after a field that is no part of it. */
const NOT_CONTINUED = /^(?:[A-Za-z][A-Za-z0-9_-]{0,76}:|--|\s*$)/;

/**
 * True when the line after the field's first line in the body goes on with its value without the
 * indent that folds it (`Diagnostic-Code: smtp; 550 ... Client host` / `[192.0.2.1] blocked using ...`).
 */
function lostIndent(bodyLines: readonly string[], firstLine: string): boolean {
  const at = bodyLines.indexOf(firstLine);
  const next = at >= 0 ? bodyLines[at + 1] : undefined;
  return next !== undefined && !/^[ \t]/.test(next) && !NOT_CONTINUED.test(next);
}

/**
 * Longer than this between a message's arrival and its bounce, it waited in the queue (a refusal at the
 * end of DATA 27 minutes after arrival, in BounceParser's spam-rejection25 sample, came at the bounce).
 */
const QUEUED_FOR_MS = 10 * 60 * 1000;

/**
 * The bounce's own Date (`bounceDate`, the mail system's), when it is more than QUEUED_FOR_MS (and less
 * than a queue's longest life) after the arrival `arrivalIso`; else null.
 */
function bounceDateAfterQueue(
  arrivalIso: string,
  bounceDate: Field | null | undefined,
  options: ExtractOptions,
): string | null {
  const parsed = bounceDate ? parseDateIn(bounceDate.value, options.assumeZone) : null;
  if (!parsed?.hadZone) return null;
  const waited = Date.parse(parsed.iso) - Date.parse(arrivalIso);
  return waited > QUEUED_FOR_MS && waited < 10 * 24 * 3600 * 1000 ? parsed.iso : null;
}

function fillDate(
  incident: Incident,
  dsn: Field[] | null,
  decoded: Pick<Content, 'top' | 'dsn'>,
  returnedDate: Field | null,
  bodyLines: readonly string[],
  options: ExtractOptions,
  refOf: RefOf,
): void {
  const stamp = microsoftStamp(dsn, incident);
  // A zone-less Date its own header's Received stamps at the same time, a few seconds later at most
  // (own-hop-zone.ts): a program wrote it as it sent the notice (WebShield's `From: Webshield SMTP V4.5 MR3 Mail Service`).
  const ownHop = ownHopZonedDate(decoded.top);
  // KDDI's notice comes from a `no-reply@` address, but a mail system wrote it (kddi-notice.ts).
  const systemNotice = fromMailSystem(decoded.top) || isKddiNotice(bodyLines);
  const quoted = systemNotice ? null : quotedNoticeDate(bodyLines, fieldValue(decoded.top, 'date'));
  const undatedForward = quoted?.name === FORWARD_UNDATED;
  // A person's forward (`TR:`, `Fwd:`) whose notice gave no date of its own: its Date is the forward's.
  const forwardDate =
    !undatedForward &&
    quoted === null &&
    !systemNotice &&
    isForwardSubject(fieldValue(decoded.top, 'subject')?.value ?? '');
  const ownDateUnused = undatedForward || forwardDate;
  const candidates = [
    dsn ? fieldValue(dsn, 'last-attempt-date') : null,
    fieldValue(decoded.dsn.perMessage, 'arrival-date'),
    fieldValue(decoded.dsn.perMessage, 'received-date'),
    // The bounce's own Date, when its From is the mail system's: written by the server that gave up,
    // right after the last refusal, by a server's clock. The returned message's Date is only when its
    // writer's client composed it (its clock may be off, the message may have waited in a queue).
    systemNotice || ownHop ? fieldValue(decoded.top, 'date') : null,
    // The time a Microsoft 365 server wrote in its reply (`[DU2PEPF00028D13... 2024-04-21T13:47:53.142Z
    // 08DC...]`): the refusal's own, where the returned message's Date is only when it was written.
    stamp,
    // A person's message quoting the notice under its attribution line (`On 23/11/2017 22:30, Mail
    // Delivery Subsystem wrote:`): when the notice came, rather than when the person answered it.
    quoted,
    // Else (a forward's header, no From) the returned message's Date: when it was sent, i.e. when a
    // connection-time refusal happened. (Sisimai uses it before the bounce's Date.)
    returnedDate,
    // The message's own Date, unless it forwards the notice: it is then when the notice was passed on.
    ownDateUnused ? null : fieldValue(decoded.top, 'date'),
    // A notice forwarded by Outlook, read from the forward's header lines: its `Sent:` date.
    ownDateUnused ? null : fieldValue(decoded.top, 'sent'),
  ];
  const topDate = candidates.length - 2;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    // The notice's own header lines may be a mail client's forward (client-date.ts).
    const parsed = !c
      ? null
      : i < topDate
        ? parseDateIn(c.value, options.assumeZone)
        : (parseDateIn(c.value, options.assumeZone) ?? clientDateIn(c.value, options.assumeZone));
    if (!c || !parsed) continue;
    if (ownHop && c === ownHop.date) {
      incident.occurredAt = ownHop.iso;
      refOf(incident, 'occurredAt', c.firstLine);
      incident.assumptions.push(NOTES.zoneOfOwnHop(ownHop.offset));
      return;
    }
    if (!parsed.hadZone) {
      // The same wall-clock time written with its zone by another header (a SurfControl bounce's own
      // Date for the returned message's zone-less one) tells the zone: no need to assume one.
      const zoned = sameTimeWithZone(parsed.iso, candidates.slice(i + 1));
      if (zoned) {
        incident.occurredAt = zoned.iso;
        refOf(incident, 'occurredAt', zoned.field.firstLine);
        return;
      }
    }
    incident.occurredAt = parsed.iso;
    refOf(incident, 'occurredAt', c.firstLine);
    // A message that waited in the queue (deferred, then bounced when it expired): the Arrival-Date
    // stays the date (Sisimai's and the convention: the first refusal came on arrival), and a
    // note gives the bounce's own Date, right after the last attempt, whose reply the bounce quotes.
    const bounced =
      (i === 1 || i === 2) && parsed.hadZone
        ? bounceDateAfterQueue(parsed.iso, candidates[3], options)
        : null;
    if (bounced) incident.assumptions.push(NOTES.queuedUntilBounce(bounced));
    if (!parsed.hadZone) incident.assumptions.push(NOTES.noZone(options.assumeZone ?? 'UTC'));
    if (stamp && c === stamp) incident.assumptions.push(NOTES.dateFromMicrosoftReply(stamp.server));
    if (c === returnedDate) incident.assumptions.push(NOTES.dateOfReturnedMessage());
    if (i === topDate && isPersonsReply(decoded.top)) incident.assumptions.push(NOTES.dateOfQuotingMessage());
    if (c.name === QUOTE_ATTRIBUTION) incident.assumptions.push(NOTES.dateOfQuotedNotice(parsed.hadZone));
    const forwardedZone = FORWARDED_ZONES[c.name as keyof typeof FORWARDED_ZONES];
    if (forwardedZone) incident.assumptions.push(NOTES.dateOfForwardedNotice(forwardedZone));
    return;
  }
  // A notice pasted without its headers: the date its text gives (Office 365's has no zone).
  let created = noticeDates.get(bodyLines);
  if (created === undefined) {
    created = noticeTextDate(bodyLines);
    noticeDates.set(bodyLines, created);
  }
  const parsed = created ? parseDateIn(created.text, options.assumeZone) : null;
  if (undatedForward && !(created && parsed)) incident.assumptions.push(NOTES.forwardedNoticeUndated());
  if (forwardDate && !(created && parsed)) incident.assumptions.push(NOTES.forwardOwnDateUnused());
  if (created && parsed) {
    incident.occurredAt = parsed.iso;
    refOf(incident, 'occurredAt', created.line);
    if (!parsed.hadZone) incident.assumptions.push(NOTES.noZone(options.assumeZone ?? 'UTC'));
    // Office 365's `Created Date` is the returned message's (when it was written), not the refusal's.
    if (isCreationDateLine(created.line)) incident.assumptions.push(NOTES.dateOfReturnedMessage());
    // Exim's delay warning gives only when the message was written: the refusals came hours later.
    if (EXIM_MESSAGE_DATE.test(created.line) && bodyLines.some((l) => EXIM_DELAYED.test(l)))
      incident.assumptions.push(NOTES.dateOfWriting());
  }
}

const QUOTE_ATTRIBUTION = 'x-quote-attribution';
/** A forwarded notice whose forward lines give no date that reads (quotedNoticeDate). */
const FORWARD_UNDATED = 'x-forwarded-undated';

/** How the date of a forward's header lines got its zone (NOTES.dateOfForwardedNotice), as a field name. */
const FORWARDED_ZONES = {
  'x-forwarded-own-zone': 'own',
  'x-forwarded-message-zone': 'message',
  'x-forwarded-utc-message': 'utc-message',
  'x-forwarded-no-zone': 'none',
} as const;

/** Outlook's separators above a forward's header lines (its rule of underscores, `-----Original Message-----`). */
const OUTLOOK_MARKER = /^\s{0,4}(?:_{20,}|-{3,}\s?(?:Original Message|Message d'origine)\s?-{3,})\s*$/i;

/** An offset of UTC itself (`+00:00`, `Z`). */
const UTC_OFFSET = /^(?:[+-]00:00|Z)$/;

/**
 * The date of the attribution line above a mail system's notice quoted in the body (attribution-date.ts),
 * or of the header lines of a notice forwarded inline (forward-header-date.ts), as a date field: in the
 * zone of the quoting message's Date when it has one (the same mail client wrote both, in its own time),
 * else zone-less. Null when there is none. Outlook's forward under a Date in UTC stays zone-less:
 * Microsoft 365 writes every Date in UTC, whatever the writer's zone, where its `Sent:` (or `Date:`, as
 * some of its versions label it) is the writer's local time.
 */
function quotedNoticeDate(bodyLines: readonly string[], top: Field | null): Field | null {
  const last = Math.min(bodyLines.length, 2000);
  for (let i = 0; i < last; i++) {
    const line = bodyLines[i] as string;
    if (line.length > 400) continue;
    const attributed = attributionDate(line) ?? wrappedAttributionDate(line, bodyLines[i + 1] ?? '');
    const marked =
      attributed || !FORWARD_MARKER.test(line)
        ? null
        : forwardedNoticeDate(bodyLines.slice(i + 1, i + 8), isSystemFromLine);
    // Header lines of other clients' forwards (forward-block.ts); undated, they still say the
    // forwarding message's Date is not the notice's.
    const block = attributed || marked ? null : forwardBlockAt(bodyLines, i, isSystemFromLine);
    if (block && !block.date) return { name: FORWARD_UNDATED, value: '', firstLine: block.line };
    const forwarded = marked ?? block?.date ?? null;
    const text = attributed ?? forwarded?.text;
    if (!text) continue;
    if (forwarded?.hadZone) return { name: 'x-forwarded-own-zone', value: text, firstLine: forwarded.line };
    const zone = top ? parseDate(top.value) : null;
    const offset = zone?.hadZone ? /(?:[+-]\d{2}:\d{2}|Z)$/.exec(zone.iso)?.[0] : undefined;
    if (!forwarded) return { name: QUOTE_ATTRIBUTION, value: `${text}${offset ?? ''}`, firstLine: line };
    const outlook = forwarded.outlook || OUTLOOK_MARKER.test(line);
    if (outlook && offset && UTC_OFFSET.test(offset))
      return { name: 'x-forwarded-utc-message', value: text, firstLine: forwarded.line };
    const name = offset ? 'x-forwarded-message-zone' : 'x-forwarded-no-zone';
    return { name, value: `${text}${offset ?? ''}`, firstLine: forwarded.line };
  }
  return null;
}

/** A forward's From line naming a mail system (`De : Mail Delivery System <MAILER-DAEMON@...>`). */
function isSystemFromLine(line: string): boolean {
  return NOTICE_SENDER.test(line) || OTHER_SYSTEM_FROM.test(line);
}

/**
 * The stamp of a Microsoft 365 server in the recipient's Diagnostic-Code, else in the reply the notice's
 * text gave (Office 365's `Error: 554 5.4.14 ... [DU2PEPF00028D13... 2024-04-21T13:47:53.142Z ...]`
 * under Error Details), as a date field, or null.
 */
function microsoftStamp(dsn: Field[] | null, incident: Incident): (Field & { server: string }) | null {
  const diagnostic = dsn ? fieldValue(dsn, 'diagnostic-code') : null;
  const fromField = diagnostic ? microsoftServerIn(diagnostic.value) : null;
  const fromReply = fromField?.stamp ? null : microsoftServerIn(incident.reply.text);
  const server = fromField?.stamp ? fromField : fromReply;
  const line = fromField?.stamp ? diagnostic?.firstLine : incident.sources.reply?.text;
  if (!server?.stamp || line === undefined) return null;
  return { name: 'x-microsoft-stamp', value: server.stamp, firstLine: line, server: server.name };
}

const EXIM_MESSAGE_DATE = /^\s{0,12}The date of the message is:/;
const EXIM_DELAYED = /\bhas not yet been delivered\b|^Warning: message \S{1,40} delayed\b/;

/** Per message (its body lines), as every recipient's incident asks again. */
const noticeDates = new WeakMap<readonly string[], ReturnType<typeof noticeTextDate>>();

/** The first field whose date has a zone and the same wall-clock time (to the minute) as `iso`. */
function sameTimeWithZone(
  iso: string,
  fields: readonly (Field | null)[],
): { iso: string; field: Field } | null {
  const minute = iso.slice(0, 16);
  for (const field of fields) {
    const parsed = field ? parseDate(field.value) : null;
    if (field && parsed?.hadZone && parsed.iso.slice(0, 16) === minute) return { iso: parsed.iso, field };
  }
  return null;
}
