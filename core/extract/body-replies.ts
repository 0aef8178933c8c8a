/**
 * Finding SMTP replies in free text: bounce bodies of Postfix, Exim, Sendmail, qmail, Exchange, Gmail...
 * and replies quoted by mail clients. Works paragraph by paragraph (lines up to a blank line), so a
 * reply wrapped over several lines is read whole.
 *
 * Formats (facts observed in the Sisimai set-of-emails corpus and in the MTAs' own messages):
 * - Postfix: `<rcpt>: host mx.example.net[192.0.2.1] said: 550 ... (in reply to RCPT TO command)`, or
 *   `refused to talk to me: 550 ...`.
 * - Exim: `SMTP error from remote mail server after RCPT TO:<rcpt>:` then `host mx [192.0.2.1]: 550 ...`.
 * - Sendmail: `... while talking to mx.example.net.:` then `<<< 550 ...` transcript lines;
 *   `(reason: 550 ...)` after the recipient.
 * - qmail: `remote host 192.0.2.1 said: 550 ...`; X2: `Remote host said[Response Message]: 554 ...`.
 * - Exchange / Office 365: `Remote Server returned '550 5.1.1 ...'`.
 * - Mail clients: `The error that the other server returned was: 550 ...`, `Réponse du serveur : 550 ...`.
 */

import type { Note } from '../types';
import { alimailTime } from './alimail-time';
import { CISCO_HINT, readCiscoEsa } from './cisco-esa';
import {
  CLIENT_MARKER,
  COPY_FOLLOWS,
  clientServer,
  findQuoteMarker,
  hostLineAbove,
  nextMarkerLine,
  quotedReplyText,
} from './client-quote';
import { REJECTED_BY_HINT, REJECTED_BY_HOST } from './communigate-rejected';
import { type DotnetStatus, dotnetStatus, isDotnetRefusal } from './dotnet-status';
import { namesSender, recipientIn, senderIn } from './envelope-address';
import { trackingStatus } from './exchange-status';
import { exchangeWrapped, HASH_LINE_HINT, readHashLines } from './exchange-wrapper';
import { gmailRejectingServer } from './gmail-server';
import { MAX_WRAP_WIDTH } from './hard-wrap';
import { HMAILSERVER_HINT, readHmailserverNotice } from './hmailserver-notice';
import { joinIonosCuts } from './ionos-cut';
import { normalizeIp } from './ip';
import { LETTRE_HINT } from './lettre-response';
import { LIBRARY_HINT, libraryErrorReplies } from './library-errors';
import { MAX_PARAGRAPH_CHARS, mayHoldReply } from './long-paragraph';
import { MSMTP_HINT, readMsmtp } from './msmtp';
import { PFLOGSUMM_TITLE, pflogsummReplies } from './pflogsumm-report';
import { beforeScissors } from './scissors';
import { SENDMAIL_HOST_LINE } from './sendmail-v5-lines';
import { hasTranscript, isTranscriptReply, isTypedSession, sessionReplies, TALKING_TO } from './smtp-session';
import { stringAround } from './string-literal';

export interface FoundReply {
  /** The reply as written (may span lines). */
  text: string;
  /** 0-based index, in the lines given, of the line where the reply starts. */
  lineIndex: number;
  remoteHost: string | null;
  remoteIp: string | null;
  /** 0-based index of the line naming the rejecting host, when seen. */
  remoteLineIndex: number | null;
  /**
   * 0-based index of the line naming the rejecting host's address, where another line than the host's
   * (a session's `Trying 192.0.2.1...` above its `Connected to mx.example.net.`).
   */
  remoteIpLineIndex?: number;
  recipient: string | null;
  /** How explicit the wording was: 1 names the host or quotes the reply, 2 is a transcript, 3 a bare code. */
  strength: 1 | 2 | 3;
  /** The envelope sender, where the text labels it beside the reply (a tracking log's `Sender :`). */
  sender?: string;
  /** When, where the text labels it beside the reply: `YYYY-MM-DDTHH:MM:SS` without a zone, and its line. */
  time?: { text: string; lineIndex: number };
  /** A pasted session's greeting that writes a date with its zone (`220 mx.example.net ESMTP ... Thu, 26 Sep 2019 10:51:20 +0000`), and its line. */
  greetedAt?: { text: string; lineIndex: number };
  /** The name the sending client gave in EHLO/HELO in a pasted session, and that line's index. */
  clientName?: { name: string; lineIndex: number };
  /** The sending client's address, as the remote's answer to EHLO gave it in a pasted session, and that line's index. */
  clientIp?: { ip: string; lineIndex: number };
  /** The basic code a client's words give for a reply it quoted without it (dotnet-status.ts). */
  statedCode?: DotnetStatus;
  /**
   * A mail client's error quotes the reply without its code (Thunderbird's `The mail server responded:
   * ...`, which it says only of a refusal): a refusal even with no code at all.
   */
  refusalWithoutCode?: true;
  /** What the text the reply was read in did to it (a report that shortened it), said beside it. */
  note?: Note;
}

/** Thunderbird's words, in English and French, before a reply it quotes without the basic code. */
const REFUSAL_WORDS = /server\s+responded|\ba\s+r[ée]pondu/i;

// Host names as Postfix writes them, underscores included (`balancer_haproxy.email.locaweb.com.br`, a
// real MX name in a crisp-oss/email-bounce-parser fixture: DNS allows them, host names do not). The
// address may be missing: a pasted bounce is often redacted (`host xxxx.laposte.net said: 554`, in
// Sisimai's rhost-franceptt-12); the name then holds a letter (qmail's `remote host 192.0.2.32 said:`
// is read by REMOTE_HOST_SAID). CommuniGate Pro writes `host pop.apollo.lv says:`.
// The address may also be a redaction's placeholder (`host mx.example.net[ip] said:`, `[x.x.x.x]`,
// `[vvv.xxx.yyy.zzz]`, `[MAILSERVER_IP]`, `[*********]`, or partly `[216.99.131.***]`): the name stands,
// no address.
const HOST_SAID =
  /\bhost\s{1,12}'?([A-Za-z0-9?*][A-Za-z0-9._?*-]{0,252})'?(?:\s{0,12}\[([0-9A-Fa-f:.]{2,45})\](?::\d{1,5})?|\[(?:[A-Za-z_]{2,30}|[A-Za-z*]{1,3}(?:\.[A-Za-z*]{1,3}){3}|[xX*#]{3,45}|\d{1,3}(?:\.(?:\d{1,3}|[xX*#]{1,3})){3}|\.{3}|…|https?:\/\/[^\]\s]{1,2000})\]|(?<=[A-Za-z][A-Za-z0-9._-]{0,252}'?))\s{1,8}(?:said|says|refused\s{1,8}to\s{1,8}talk\s{1,8}to\s{1,8}me|refused\s{1,8}to\s{1,8}start\s{1,8}TLS)\s{0,12}:\s*/i;
// (A link in the brackets: Proofpoint's URL Defense rewrote the address as one in a bounce it passed
// on, `host mx1-eu1.ppe-hosted.com[https://urldefense.proofpoint.com/v2/url?u=http-3A__185...] said:`,
// MimeKit's test data of 2022: the name is still the remote's.)
// The name may be missing: Exim writes `host [2607:f8b0:400d:c03::1a]:` for a peer without a PTR name.
// The address may be masked (`host local.com [192.x.x.x]: 550 ...`): the name is still the remote's.
const HOST_COLON =
  /\bhost\s{1,12}(?:'?([A-Za-z0-9][A-Za-z0-9._-]{0,252})'?\s{0,12})?\[(?:([0-9A-Fa-f:.]{2,45})|[A-Za-z*]{1,3}(?:\.[A-Za-z*]{1,3}){3}|\d{1,3}(?:\.(?:\d{1,3}|[xX*#]{1,3})){3}|[A-Za-z_]{2,30})\](?::\d{1,5})?\s{0,12}:\s*(?=[245]\d\d[\s-])/i;
/**
 * GoDaddy's webmail notice: `MTA p3plwbeout27-01.prod.phx3.secureserver.net received this response from
 * the destination host IP - 142.251.2.26 - 550 , 550-5.7.26 ...` (MyCaert issue 367, 2023): the remote's
 * address, then its reply after GoDaddy's copy of the code. Group 1 (a host) never takes part.
 */
const GODADDY_SAID =
  /(?:(\u0000))?\breceived this response from the destination host IP\s{0,4}-\s{0,4}([0-9A-Fa-f:.]{2,45})\s{0,4}-\s{0,4}(?:[245]\d\d\s{0,2},\s{0,4})?(?=[245]\d\d[\s-])/i;
const HOST_REASON =
  /\bhost:?\s{1,12}([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s{0,12}\(\[?([0-9A-Fa-f:.]{2,45})\]?\)\s{0,12}reason:\s*/i;
/** 1&1's and IONOS's own wording of it: `... for RCPT TO command, host: X (IP) reason: `. */
const IONOS_REASON =
  /\bcommand,\s{1,4}host:\s{1,12}[A-Za-z0-9][A-Za-z0-9.-]{0,252}\s{1,12}\([0-9A-Fa-f:.]{2,45}\)\s{1,12}reason: $/;
// Also matches JSON escaped inside JSON (an SNS notification wrapping an SES event: `\"diagnosticCode\":\"...`).
const JSON_REPLY =
  /\\?"(?:diagnosticCode|diagnostic-code|diagnostic_code|smtp_response|response|reason|Details)\\?"\s{0,2}:\s{0,2}\\?"((?:smtp;\s{0,2})?[245]\d\d[\s-][^"\\]{0,2000})\\?"/i;
const HOST_IP_COLON = /\bhost\s{1,12}(\d{1,3}(?:\.\d{1,3}){3}):\s{1,12}(?=[245]\d\d[\s-])/i;
const NAME_BRACKET_FAILED =
  /\b([A-Za-z0-9][A-Za-z0-9.-]{0,252})\[([0-9A-Fa-f:.]{2,45})\]\s{1,12}(?:failed\s{1,12}with|responded\s{1,12}with\s{1,12}failure)\s{0,12}:\s*/i;
// Exchange's `Remote Server at mx.example.net (192.0.2.1) returned '550 ...'` (also without `Remote`, as
// its German notice writes it in English: `Server at ... returned`), several listed one a line.
const REMOTE_SERVER_AT =
  /\b(?:Remote\s{1,12})?Server\s{1,12}at\s{1,12}([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s{0,12}(?:\(([0-9A-Fa-f:.]{2,45})\))?\s{0,12}returned\s{0,12}['"‘“]?/i;
const REMOTE_SERVER_AT_ALL = new RegExp(REMOTE_SERVER_AT.source, 'gi');
// Also `Remote host said[Response Message]: 554 ...` (the Japanese X2 ESP's notice, Sisimai's lhost-x2-07).
const REMOTE_HOST_SAID =
  /\bremote\s{1,12}host\s{1,12}(?:([A-Za-z0-9:.[\]-]{2,253})\s{1,12})?said(?:\[Response\s{1,4}Message\])?:\s*/i;
const QMAIL_HOST =
  /(?:^|\n)\s{0,12}([0-9A-Fa-f:.]{3,45}) (?:does not like recipient|failed after I sent the message)|Giving up on ([0-9A-Fa-f:.]{3,45})\.|Connected to ([0-9A-Fa-f:.]{3,45}) but/;
// (Its address maybe masked, `[xx.xx.xx.xx]`, `[*.*.*.*]`: the name is still the remote's.)
const HOST_MENTION = /\bhost\s{1,12}([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s{0,12}\[([0-9A-Fa-fXx*:.]{2,45})\]/i;
const HOST_MENTION_ALL = new RegExp(HOST_MENTION.source, 'gi');
// `rcpt: 550 ...`, SurfControl's `rcpt: [192.0.2.5], 550 ...`, or Sendmail's `<rcpt>... Deferred: 421 ...`
// (its transcript's line for a recipient it will try again).
const ADDRESS_COLON =
  /(?:^|\s)<?[A-Za-z0-9._%+=/'-]{1,64}@[A-Za-z0-9.-]{1,253}>?(?:\.\.\.\s{1,4}Deferred)?:\s{1,12}(?:\[([0-9A-Fa-f:.]{2,45})\],?\s{1,12})?(?=[245]\d\d[\s-])/;
// The reply may hold parentheses of its own (Microsoft's `... on our block list (S3140). ...`).
const REASON_PARENS = /\(reason:\s{0,12}([245]\d\d[\s-](?:[^()]|\([^()]{0,200}\)){0,2000})\)/gi;
/**
 * What may stand before a reply at a line's start: quote marks (`> `), then a list's bullet a web page,
 * a document or a chat kept (IONOS's help page: `  • 554 Service unavailable; Client host [...] blocked
 * using ...`), also a Markdown list's `- ` or `* ` on a line of its own, and the bullets Outlook and
 * Word leave in a copy: `·` and the Symbol font's U+F0B7 then spaces, `o` (then a tab or spaces, never one space alone: `o 550
 * is ...` is a word) and U+F0A7 for the levels below.
 */
const LINE_LEAD = String.raw`^\s{0,8}(?:>\s{0,2}){0,3}(?:[-*\u00b7\u2022\u2023\u25aa\u25e6\u25cf\u2013\uf0a7\uf0b7][ \t]{1,12}|o(?:\t|[ \t]{2,12}))?`;
// A reply alone in parentheses too: `(451 too many errors from your ip (192.0.2.7), please visit ...)`,
// as a log's status quotes it and a user pastes it on its own.
const STARTS_WITH_CODE = new RegExp(
  String.raw`${LINE_LEAD}\(?(?:smtp;\s{0,2})?#?(?:([245]\d\d)[\s-]|[245]\.\d{1,3}\.\d{1,3}\s)`,
  'i',
);
/**
 * A writer's line about replies of a code, no reply (`- 550 errors only for orange.fr and wanadoo.fr`,
 * `- 421 deferrals stopped after we lowered concurrency`, `- 550 refus uniquement sur orange.fr`, a list
 * of what was checked under a pasted notice): the code names the replies it counts. No reply starts with
 * such a word in lower case.
 */
const TALKS_OF_CODES = new RegExp(
  String.raw`${LINE_LEAD}[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3} )?(?:errors|deferrals?|bounces|rejections|refusals|responses|replies|codes|erreurs|rejets|refus|temporaires)\b`,
);
/** A quoted reply's own basic code, or the enhanced code it starts with when it has none (.NET's quotes). */
const BASIC_CODE_FIRST = /^\s{0,4}[245]\d\d[\s-]/;
const LEADING_ENHANCED = /^\s{0,4}([245]\.\d{1,3}\.\d{1,3})\b/;
const LINE_ADDRESS_COLON =
  /^\s{0,12}<?[A-Za-z0-9._%+=/'-]{1,64}@[A-Za-z0-9.-]{1,253}>?(?:\.\.\.\s{1,4}Deferred)?:\s{1,12}(?=[245]\d\d[\s-])/;
// Exim's bare address line, its `SMTP error from` line, or Postfix's next `<rcpt>: host ...` line (at the
// line start: a reply wrapped before `<rcpt>: Recipient address rejected` is indented); in a paste of
// Postfix's log fragments, the next `host X[ip] said:` (a few characters in: `QID: host`) or the next
// status fragment (`to=<...`, `relay=...`, maybe after the queue id).
const NEXT_RECIPIENT =
  /\n(?:\s{0,12}(?:\S{1,320}@\S{1,253}\s*\n|SMTP error from)|<[^\s<>]{1,320}@[^\s<>]{1,253}>(?: \(expanded from <[^<>\n]{1,320}>\))?:\s{1,4}(?:host|connect to|Host or domain)\s|[^\n]{0,40}?\bhost\s{1,12}[A-Za-z0-9][A-Za-z0-9._-]{0,252}(?:\s{0,12}\[[^\]\s]{2,45}\])?\s{1,8}(?:said|refused\s{1,8}to\s{1,8}talk\s{1,8}to\s{1,8}me)\s{0,12}:|\s{0,12}(?:[0-9A-Za-z]{5,24}:\s{1,4})?(?:to=<|relay=))/;
/**
 * A line of an SMTP transcript (`>>> RCPT To:<...>`, `<<< 550 ...`, swaks's ` -> RCPT TO:<...>` and
 * `<** 550 ...`): not part of a reply above it.
 */
const TRANSCRIPT_LINE = /^\s{0,12}(?:>>>|<<<|<-|<~?\*\*|~?->|~>)/;
/** A line holding only an address (a recipient heading its block in Exim's and Postfix's bounces). */
const BARE_ADDRESS_LINE = /^\s{0,12}<?[^\s<>@]{1,320}@[^\s<>@]{1,253}>?:?\s*$/;
const LABELLED_LINE = /(?:ERROR[_ ]CODE\s{0,2}:|ResponseCode)\s{0,2}[245]\d\d\b/;
const QMAIL_RECIPIENT = /^<[^\s<>]{1,320}@[^\s<>]{1,253}>:\s*$/;
const HOST_COLON_NAME = /\bhost:\s{0,12}([A-Za-z0-9][A-Za-z0-9.-]{0,252}\.[A-Za-z]{2,63})\s*$/im;
const REPLY_CODE_AHEAD = /^\s{0,12}['"[]?(?:smtp;\s{0,2})?[245]\d\d[\s-]/i;

export interface Paragraph {
  start: number;
  lines: string[];
  /** Offsets of the lines in the joined paragraph, filled on first use by lineOfOffset. */
  lineStarts?: number[];
}

/**
 * The paragraphs one at a time: a paste of a million one-line paragraphs then holds no million of them
 * at once (readers keep the few around the one they read).
 */
export function* eachParagraph(lines: readonly string[]): Generator<Paragraph> {
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    // A blank line: empty, or only white space (`trim` only for lines that may be all white space).
    const first = line.charCodeAt(0);
    const blank = line === '' || ((first <= 32 || first >= 0x80) && line.trim() === '');
    if (!blank) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) yield { start, lines: lines.slice(start, i) };
    start = -1;
  }
  if (start >= 0) yield { start, lines: lines.slice(start) };
}

/**
 * The line (in the lines given to findReplies) of an offset in the paragraph's joined text. The offsets
 * of the paragraph's line starts are found once, so a paragraph listing thousands of replies stays
 * linear.
 */
export function lineOfOffset(p: Paragraph, joined: string, offset: number): number {
  if (!p.lineStarts) {
    p.lineStarts = [0];
    for (let i = joined.indexOf('\n'); i >= 0; i = joined.indexOf('\n', i + 1)) p.lineStarts.push(i + 1);
  }
  const starts = p.lineStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return p.start + low;
}

function cleanIp(text: string | undefined): string | null {
  return text ? normalizeIp(text) : null;
}

/** A line naming the recipient by label (Office 365's `Recipient Address:`, `Destinataire :`). */
export const RECIPIENT_LABEL =
  /^\s{0,12}(?:Recipient(?:\s+Address)?|Adresse\s+du\s+destinataire|Destinataire)\s{0,4}:/i;
/** A line naming someone else by label: the sender, or a header whose address is not the recipient. */
const OTHER_LABEL =
  /^\s{0,12}(?:Sender(?:\s+Address)?|From|Reply-To|Return-Path|Exp[ée]diteur|Adresse\s+de\s+l.exp[ée]diteur|De|To|Cc|[ÀA])\s{0,4}:/i;

/** A line holding a label and nothing after its colon. */
const LABEL_ALONE = /^\s{0,12}[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ -]{0,40}\s{0,2}:\s*$/;

/**
 * The recipient a paragraph names in its first lines: the address of a recipient-labelled
 * line, else the first address on a line not labelled as someone else's (an Office 365 notice lists
 * `Sender Address:` before `Recipient Address:`; a bounce's own `To:` is the original sender).
 */
function paragraphRecipient(lines: readonly string[]): string | null {
  // Lines that start in the first 300 characters, each whole (an address cut at the limit would give
  // a wrong domain), up to 1,000 characters.
  let budget = 300;
  let first: string | null = null;
  let previous = '';
  for (const line of lines) {
    if (budget <= 0) break;
    const head = line.length > 1000 ? line.slice(0, 1000) : line;
    budget -= line.length + 1;
    // A label alone on the line above names the address below (a console's `Sender:` / `bounces+...@...`).
    const labelAbove = LABEL_ALONE.test(previous) ? previous : '';
    const above = previous;
    previous = head;
    if (!head.includes('@')) continue;
    if (RECIPIENT_LABEL.test(head) || RECIPIENT_LABEL.test(labelAbove)) {
      const labelled = recipientIn(head);
      if (labelled) return labelled;
    }
    if (first === null && !OTHER_LABEL.test(head) && !OTHER_LABEL.test(labelAbove)) {
      const address = recipientIn(head);
      // Also a sender's label ending the line above (Exim's `for your MAIL FROM address` / `<a@b> ...`).
      if (address && !namesSender(head, address) && !namesSender(`${above} ${head}`, address))
        first = address;
    }
  }
  return first;
}

// Cheap necessary conditions, tested once per paragraph so that most paragraphs (prose, headers, HTML)
// skip the patterns that cannot match them: every code pattern needs `[245]` and two digits (or, for a
// bare enhanced code, `[245].` and a digit); the wordings need their words (tested ignoring case, as
// the patterns do, without a lower-cased copy of the text).
const CODE_HINT = /[245](?:\d\d|\.\d)/;
const WORDS = {
  host: /host/i,
  remote: /remote/i,
  reason: /reason:/i,
  returned: /returned/i,
  failedOrResponded: /failed|responded/i,
  said: /said(?:\[Response Message\])?:/i,
  reasonParen: /\(reason:/i,
};
// `rcpt: 550 ...` needs an address's domain right before `:` and a space (a scan from each '@' only).
const ADDRESS_COLON_HINT = /@[A-Za-z0-9.-]{1,253}>?(?:\.\.\.\s{1,4}Deferred)?:\s/;

/**
 * A delivery-status field on a line of its own after the reply: the notice went on without a blank
 * line (a Postfix notice pasted with its report, Oracle Messaging Server's `Remote system:` line), or
 * the returned copy's headers, or the line announcing them (1&1's `--- The header of the original
 * message is following. ---`), or Postal's `Time:` and `Support Ref:` lines, or a Chinese notice's next
 * label (Coremail's `建议:`, its advice).
 */
const FIELD_AFTER_REPLY =
  /\n[ \t]{0,12}(?:(?:Reporting-MTA|X-Postfix-Queue-ID|X-Postfix-Sender|Arrival-Date|Final-Recipient|Original-Recipient|Action|Status|Remote-MTA|Diagnostic-Code|Last-Attempt-Date|Received-From-MTA|Remote system|Received|Return-Path|Content-Type|MIME-Version|Time|Support Ref)[ \t]{0,4}:|[\u3400-\u9fff]{2,10}[ \t]{0,2}[:：]|-{3,}[ \t]?[A-Za-z][^\n]{0,100}-{3,}[ \t]*(?:\n|$))/i;

/** A found reply (one object shape for every wording), without the fields that follow it. */
function reply(
  text: string,
  lineIndex: number,
  remoteHost: string | null,
  remoteIp: string | null,
  remoteLineIndex: number | null,
  recipient: string | null,
  strength: 1 | 2 | 3,
): FoundReply {
  const field = text.includes('\n') ? FIELD_AFTER_REPLY.exec(text) : null;
  // A writer's scissors line under the pasted notice closes it (scissors.ts).
  let own = beforeScissors(field ? text.slice(0, field.index) : text);
  const after = own.includes('\n') ? endAfterLongLine(own) : -1;
  if (after >= 0) own = own.slice(0, after);
  return { text: own, lineIndex, remoteHost, remoteIp, remoteLineIndex, recipient, strength };
}

/**
 * Where the reply ends when a line at the margin follows one longer than any wrap: a reply goes on
 * over indented lines (a notice's) or over the lines a wrap cut, never after a line nothing cut (the
 * lines a user pasted below a one-line reply: a blocklist's explanation, the next command's output).
 */
function endAfterLongLine(text: string): number {
  // A line going on with the reply's own code (`550-5.7.25 ...`: its lines joined as a wrap left them).
  const code = /^[245]\d\d[ -]/.test(text) ? text.slice(0, 3) : null;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    const next = text.charCodeAt(nl + 1);
    const goesOn = code !== null && text.startsWith(code, nl + 1);
    if (nl - start > MAX_WRAP_WIDTH && next !== 32 && next !== 9 && !Number.isNaN(next) && !goesOn) return nl;
    start = nl + 1;
  }
  return -1;
}

// What a paragraph holds, as bits (see the hints above): tested once, read by every wording below.
const HAS_CODE = 1;
const HAS_HOST = 2;
const HAS_REMOTE = 4;
const HAS_ADDRESS_COLON = 8;

function hintsOf(joined: string): number {
  const code = CODE_HINT.test(joined);
  let hints = code ? HAS_CODE : 0;
  if (WORDS.host.test(joined)) hints |= HAS_HOST;
  if (WORDS.remote.test(joined)) hints |= HAS_REMOTE;
  if (code && joined.includes('@') && ADDRESS_COLON_HINT.test(joined)) hints |= HAS_ADDRESS_COLON;
  return hints;
}

/*
 * The wordings, most explicit first. Each reader is a small function of its own (V8 optimises small
 * functions after fewer calls than one large one); each returns true when it took the paragraph.
 */

/**
 * Zoho: `rcpt Invalid Address, ERROR_CODE :550, ERROR_CODE :5.2.1 ...`, one line per recipient; its
 * newer notices write `rcpt, ERROR CODE :550 - 5.7.1 ...`, the remote's reply after the dash (a Zoho
 * notice quoted in a qemu-devel thread, 2025), kept as the remote wrote it: `550 5.7.1 ...`.
 */
function readLabelledLines(p: Paragraph, found: FoundReply[]): void {
  for (let n = 0; n < p.lines.length; n++) {
    const line = p.lines[n] as string;
    if (!LABELLED_LINE.test(line)) continue;
    let text = line
      .replace(/^\s{0,12}\S{1,320}@\S{1,253}\s{1,12}/, '')
      .replace(/^ERROR CODE\s{0,2}:\s{0,2}([245]\d\d)\s{0,2}-\s{0,2}/, '$1 ');
    // A long reply goes on over indented lines (Zoho's copy of Gmail's two-line reply), or over lines a
    // mail client wrapped, which go on with a word in lower case (`... ERROR_CODE :The email you sent` /
    // `has an invalid DKIM signature ...`).
    for (let k = n + 1; k < p.lines.length; k++) {
      const next = p.lines[k] as string;
      if (!/^(?:[ \t]|[a-z])/.test(next) || LABELLED_LINE.test(next)) break;
      text = `${text}\n${next}`;
    }
    found.push(reply(text, p.start + n, null, null, null, recipientIn(line), 1));
  }
}

/**
 * A piece of a Postfix notice pasted from the remote's name on, without `<rcpt>: host ` before it:
 * `outlook-com.olc.protection.outlook.com[104.47.40.33] said: 550 ...` at a line's start.
 */
const NAME_SAID =
  /^[ \t]{0,12}([A-Za-z0-9?*][A-Za-z0-9._?*-]{0,252})\[([0-9A-Fa-f:.]{2,45})\](?::\d{1,5})?[ \t]{1,8}(?:said|refused[ \t]{1,8}to[ \t]{1,8}talk[ \t]{1,8}to[ \t]{1,8}me)[ \t]{0,12}:\s*/m;

/**
 * Postal's technical details: `Permanent SMTP delivery error when sending to gmail-smtp-in.l.google.com
 * (108.177.15.26)` (the address maybe redacted), the reply on the next lines, then Postal's `Time:` and
 * `Support Ref:` lines.
 */
const POSTAL_ERROR =
  /\b(?:Permanent|Temporary) SMTP delivery error when sending to ([A-Za-z0-9][A-Za-z0-9.-]{0,252})(?:\s{1,4}\(([0-9A-Fa-f:.]{2,45})\)|\s{1,4}\([^()\n]{1,60}\))?[ \t]*\n\s*/i;

/**
 * Postfix's words for a relay host refusing its login, quoted outside its log line: `SASL
 * authentication failed; server smtp.gmail.com[192.0.2.7] said: 535-5.7.8 ...` (the reply maybe on the
 * next line).
 */
const SASL_SERVER_SAID =
  /\bSASL authentication failed;\s{1,4}server\s{1,4}([A-Za-z0-9][A-Za-z0-9._-]{0,252})\s{0,4}\[([0-9A-Fa-f:.]{2,45})\](?::\d{1,5})?\s{1,8}said\s{0,4}:\s*/i;

/**
 * Alibaba Mail's notice names the recipient's domain, then its MX with its address in parentheses: `the
 * mta server of 163.com — 163mx01.mxmail.netease.com(220.181.14.141) reply:550 MI:SPF ...` (`--` or `-`
 * for the dash when retyped).
 */
const ALIMAIL_REPLY =
  /\bthe mta server of\s{1,4}\S{1,253}\s{1,4}(?:—|–|--?)\s{1,4}([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s{0,2}\(([0-9A-Fa-f:.]{2,45})\)\s{0,4}reply\s{0,2}:\s{0,4}(?=[245]\d\d)/i;

/**
 * Coremail's notices (NetEase's 163.com, 126.com, and the many Chinese hosts on Coremail) give the
 * refusal in an English line under the Chinese text: `英文说明:SMTP error, RCPT TO: Host
 * example.com(192.0.2.7) RCPT TO said 550 No such user here` (`DOT: Host qq.com(...) DOT said`, the
 * reply maybe on the next line). The host is the recipient's domain, its address that of its MX.
 */
const COREMAIL_SAID =
  /\bSMTP error,\s{0,4}[A-Z][A-Z ]{1,12}:\s{1,4}Host\s{1,4}([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s{0,2}\(([0-9A-Fa-f:.]{2,45})\)\s{1,12}(?:[A-Z][A-Z ]{1,12}\s{1,4})?said:?\s{1,12}(?=[245]\d\d[\s-])/;

/**
 * Its other form, the address first and what Postal did next on the same line: `Permanent SMTP delivery
 * error when sending to 192.0.2.7:25 (mail.example.com). Recipient added to suppression list ...` (the
 * name, read ahead, in the first group as above; the address in the second).
 */
const POSTAL_ERROR_ADDRESS_FIRST =
  /\b(?:Permanent|Temporary) SMTP delivery error when sending to (?=[0-9A-Fa-f:.]{2,45}:\d{1,5}\s{1,4}\(([A-Za-z0-9][A-Za-z0-9.-]{0,252})\))([0-9A-Fa-f:.]{2,45}):\d{1,5}\s{1,4}\([^()\n]{1,253}\)[^\n]{0,300}\n\s*/i;

/** POSTAL_ERROR's line as its paragraph's last: the reply is the next paragraph. */
const POSTAL_ERROR_LAST =
  /\b(?:Permanent|Temporary) SMTP delivery error when sending to [A-Za-z0-9][A-Za-z0-9.-]{0,252}(?:\s{1,4}\([^()\n]{1,60}\))?[ \t]*$/i;

/**
 * Postfix's greeting refusal: `connect to mx2.example.net[192.0.2.116]: server refused to talk to me: 554 ...`
 * (`delivery temporarily suspended:` before it in a notice), the remote named before its reply.
 */
const CONNECT_REFUSED =
  /\bconnect\s{1,12}to\s{1,12}([A-Za-z0-9][A-Za-z0-9._-]{0,252})\[([0-9A-Fa-f:.]{2,45})\](?::\d{1,5})?:\s{0,12}(?:server\s{1,12})?refused\s{1,12}to\s{1,12}talk\s{1,12}to\s{1,12}me\s{0,12}:\s*(?=[245]\d\d[\s-])/i;

/** Postfix's `(in reply to RCPT TO command)` after a reply (maybe wrapped, its `)` maybe cut off). */
const IN_REPLY_NOTE = String.raw`\(in\s{1,12}reply\s{1,12}to\s{1,12}[A-Za-z][A-Za-z .\s-]{0,60}?command`;
const IN_REPLY_END = new RegExp(String.raw`${IN_REPLY_NOTE}\)?`, 'i');
/** The note closing its line (a double parenthesis when Postfix's status wraps it). */
const IN_REPLY_LINE_END = new RegExp(String.raw`${IN_REPLY_NOTE}\)\)?\s*$`, 'i');

/** `host X[ip] said:`, `host X [ip]: 550`, `host: X ([ip]) reason:`, `Remote Server at X returned`... */
function hostSaidMatch(joined: string, hints: number): RegExpExecArray | null {
  const host = (hints & HAS_HOST) !== 0;
  return (
    (host ? HOST_SAID.exec(joined) : null) ??
    (joined.includes('] said') || joined.includes('] refused') ? NAME_SAID.exec(joined) : null) ??
    (joined.includes('refused') ? CONNECT_REFUSED.exec(joined) : null) ??
    (host && (hints & HAS_CODE) !== 0 ? HOST_COLON.exec(joined) : null) ??
    (host && WORDS.reason.test(joined) ? HOST_REASON.exec(joined) : null) ??
    (((hints & HAS_REMOTE) !== 0 || joined.includes('Server at')) && WORDS.returned.test(joined)
      ? REMOTE_SERVER_AT.exec(joined)
      : null) ??
    (joined.includes('SMTP delivery error')
      ? (POSTAL_ERROR.exec(joined) ?? POSTAL_ERROR_ADDRESS_FIRST.exec(joined))
      : null) ??
    (joined.includes('SMTP error,') ? COREMAIL_SAID.exec(joined) : null) ??
    (joined.includes('; server ') ? SASL_SERVER_SAID.exec(joined) : null) ??
    (joined.includes('mta server of') ? ALIMAIL_REPLY.exec(joined) : null) ??
    (joined.includes('destination host IP') ? GODADDY_SAID.exec(joined) : null) ??
    (REJECTED_BY_HINT.test(joined) ? REJECTED_BY_HOST.exec(joined) : null) ??
    (joined.includes('[') &&
    WORDS.failedOrResponded.test(joined) &&
    /failed\s{1,12}with|responded\s{1,12}with/i.test(joined)
      ? NAME_BRACKET_FAILED.exec(joined)
      : null)
  );
}

/** Exim's notice names the command refused: `... after MAIL FROM:<a@example.com> SIZE=1681:`, the envelope sender. */
const AFTER_MAIL_FROM =
  /\bafter\s{1,4}(?:pipelined\s{1,4})?MAIL\s{1,4}FROM:\s{0,2}<([^<>\s]{1,320}@[^<>\s]{1,253})>/i;

/**
 * The quote that closes a reply opened by each (a word processor's curly ones: `returned ‘550 ...’.`;
 * French guillemets with the space French puts inside them: `a répondu : « 421 ... [505] »`).
 */
const CLOSING_QUOTE: Record<string, RegExp> = {
  "'": /'(?=[\s.,;]|$)/,
  '"': /"(?=[\s.,;]|$)/,
  '‘': /[’'](?=[\s,;.)]|$)/,
  '“': /[”"](?=[\s,;.)]|$)/,
  '«': /\s{0,2}»(?=[\s,;.)]|$)/,
};

/**
 * The string (string-literal.ts) of the line of joined's offset `start` that holds offset `at`, its
 * quotes as offsets: `open` in joined, `close` from `at`.
 */
function stringOfLine(joined: string, start: number, at: number): { open: number; close: number } | null {
  const lineEnd = joined.indexOf('\n', start);
  if (lineEnd >= 0 && lineEnd < at) return null;
  const lineStart = joined.lastIndexOf('\n', start - 1) + 1;
  const string = stringAround(joined.slice(lineStart, lineEnd < 0 ? undefined : lineEnd), at - lineStart);
  return string ? { open: lineStart + string.open, close: lineStart + string.close - at } : null;
}

/**
 * Exim lists several recipients in one paragraph: each `host ...: reply` runs up to the next
 * recipient's bare address line (or the next "SMTP error" line).
 */
function readHostSaid(
  p: Paragraph,
  joined: string,
  first: RegExpExecArray,
  lastRecipient: string | null,
  found: FoundReply[],
): void {
  let from = 0;
  let match: RegExpExecArray | null = first;
  while (match) {
    const at = from + match.index + match[0].length;
    const quote = /['"‘“]$/.exec(match[0])?.[0];
    // 1&1's `host: X (IP) reason: ` quotes the reply cut every 74 characters (ionos-cut.ts).
    const ionos = IONOS_REASON.test(joined.slice(Math.max(0, at - 400), at));
    let rest = ionos ? joinIonosCuts(joined.slice(at)) : joined.slice(at);
    const close = quote ? rest.search(CLOSING_QUOTE[quote] as RegExp) : -1;
    // A program's string holding the wording (a script's `reason: "host X[ip] refused to talk to me: 550
    // ... [103]",`): the reply ends at its closing quote, and only the string may name its recipient.
    const string = quote ? null : stringOfLine(joined, from + match.index, at);
    const next = quote ? -1 : string ? string.close : rest.search(NEXT_RECIPIENT);
    if (close > 0) rest = rest.slice(0, close);
    else if (next > 0) rest = rest.slice(0, next);
    // Inside a CSV field, a quote of the reply's own is doubled (RFC 4180: `said: 550 ""Unknown User""`).
    if (string) rest = rest.replaceAll('""', '"');
    // The returned copy's separator right under the reply, when a page lost the blank line before it.
    const copy = quote ? -1 : rest.search(COPY_FOLLOWS);
    if (copy > 0) rest = rest.slice(0, copy);
    // Postfix's note closes the reply: what follows is no part of it (a table's next cells, the next
    // `host ... said:` of a paste whose lines lost their recipients).
    const noteEnd = quote ? null : IN_REPLY_END.exec(rest);
    if (noteEnd) rest = rest.slice(0, noteEnd.index + noteEnd[0].length);
    // Alibaba Mail's ` at 2023-12-30 19:27:15` after the reply it quotes: its time, not the reply's words.
    const alimail = match[0].includes('mta server of') ? alimailTime(rest) : null;
    if (alimail) rest = alimail.reply;
    const above = joined.slice(Math.max(0, string?.open ?? from + match.index - 400), from + match.index);
    // (A recipient's line ends in `(expanded from` when Postfix put its long alias on the next line.)
    const before = above.split(/(?<!\(expanded from[ \t]{0,4})\n(?=\s{0,12}\S{1,320}@)/).pop();
    const said = reply(
      rest,
      lineOfOffset(p, joined, at),
      match[1] ?? null,
      cleanIp(match[2]),
      lineOfOffset(p, joined, from + match.index),
      recipientIn(before ?? '') ?? lastRecipient,
      1,
    );
    // The sender Exim's `SMTP error ... after MAIL FROM:<a@b>` names, above this reply.
    const mailFrom = AFTER_MAIL_FROM.exec(above.slice(Math.max(0, above.lastIndexOf('SMTP error'))))?.[1];
    if (mailFrom) said.sender = mailFrom;
    if (alimail) said.time = { text: alimail.time, lineIndex: lineOfOffset(p, joined, at + alimail.offset) };
    found.push(said);
    if (found.length > 10_000) break;
    if (noteEnd && (next <= 0 || noteEnd.index < next)) {
      from = at + rest.length;
      const tail = joined.slice(from);
      match = HOST_SAID.exec(tail) ?? HOST_COLON.exec(tail) ?? NAME_SAID.exec(tail);
      continue;
    }
    if (next <= 0) {
      // Exchange lists one `Server at ... returned '...'` a line: the next one after this quote.
      if (close <= 0 || !REMOTE_SERVER_AT.test(first[0])) break;
      from = at + close + 1;
      REMOTE_SERVER_AT_ALL.lastIndex = 0;
      match = REMOTE_SERVER_AT_ALL.exec(joined.slice(from));
      continue;
    }
    from = at + next;
    const tail = joined.slice(from);
    match = HOST_SAID.exec(tail) ?? HOST_COLON.exec(tail);
  }
}

/**
 * Stalwart's notice, one line per recipient: `<rcpt> (host 'mx.example.org' rejected command 'RCPT
 * TO:<rcpt>' with code 550 (5.1.1) 'The email account that you tried to reach does not exist.')`. The
 * reply is rebuilt as the server sent it: code, enhanced code, text.
 */
const REJECTED_COMMAND =
  /\(host\s{1,4}'([A-Za-z0-9][A-Za-z0-9._-]{0,252})'\s{1,4}rejected\s{1,4}command\s{1,4}'[^'\n]{0,600}'\s{1,4}with\s{1,4}code\s{1,4}([245]\d\d)(?:\s{1,4}\(([245]\.\d{1,3}\.\d{1,3})\))?\s{1,4}'([^\n]{0,2000}?)'\)/g;

function readRejectedCommand(
  p: Paragraph,
  joined: string,
  lastRecipient: string | null,
  found: FoundReply[],
): boolean {
  const before = found.length;
  for (const m of joined.matchAll(REJECTED_COMMAND)) {
    const at = m.index ?? 0;
    const lineStart = joined.lastIndexOf('\n', at) + 1;
    const text = [m[2], m[3], m[4]].filter(Boolean).join(' ');
    const line = lineOfOffset(p, joined, at);
    const recipient = recipientIn(joined.slice(lineStart, at)) ?? lastRecipient;
    found.push(reply(text, line, m[1] ?? null, null, line, recipient, 1));
  }
  return found.length > before;
}

/**
 * Exim's words with the reply right after them, no `host` line between: its log line (`H=mx.example.net
 * [192.0.2.1]: SMTP error from remote mail server after RCPT TO:<rcpt>: 451 ...`, with its TLS fields
 * before the colon since Exim 4.8x (`[192.0.2.1] X=TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256 CV=yes: SMTP
 * error ...`, as eximstats lists it; cPanel's Exim writes `CV=yes : SMTP error`), also in `-d` debug
 * output) and the same words pasted alone (`SMTP error from remote mail server after initial
 * connection: 554 ...`, `after pipelined MAIL FROM:<sender> SIZE=14506: 550 ...`), also in a notice
 * with the host on the line above. A log line's reply runs to the end of its line, a notice's to the
 * next recipient.
 */
const SMTP_ERROR_AFTER =
  /(?:\bH=([A-Za-z0-9][A-Za-z0-9._-]{0,252})\s{1,4}(?:\([^()\s]{1,255}\)\s{1,4})?\[([0-9A-Fa-f:.]{2,45})\](?::\d{1,5})?(?:\s{1,8}[A-Z]{1,3}=(?:"[^"\n]{0,300}"|[^\s"]{1,300})){0,6}\s{0,2}:\s{1,4})?SMTP error from remote (?:mail )?server after\s{1,4}(?:[A-Za-z][\w .-]{0,60}?(?::\s{0,2}<([^<>\s]{0,320})>)?(?:\s{1,4}SIZE=\d{1,12})?):\s{1,12}(?=[245]\d\d[\s-])/gi;

/** A reply's next line (`550-5.7.1 ...`, `550 5.7.1 ...`), indented or not. */
const REPLY_GOES_ON = /^[ \t]{0,12}[245]\d\d[ -]/;

/** Where a log line's reply ends: its line's end, or the last of the reply's lines a paste put under it. */
function logLineEnd(rest: string): number {
  let end = rest.indexOf('\n');
  while (end >= 0 && REPLY_GOES_ON.test(rest.slice(end + 1, end + 20))) end = rest.indexOf('\n', end + 1);
  return end;
}

function readSmtpErrorAfter(
  p: Paragraph,
  joined: string,
  lastRecipient: string | null,
  found: FoundReply[],
): boolean {
  const before = found.length;
  SMTP_ERROR_AFTER.lastIndex = 0;
  for (let m = SMTP_ERROR_AFTER.exec(joined); m; m = SMTP_ERROR_AFTER.exec(joined)) {
    const at = m.index + m[0].length;
    // A log line's reply ends with the line; a notice's runs on to the next recipient, or to the next
    // of these wordings; none is longer than a few kilobytes (each search stays within that window).
    const next = joined.indexOf('SMTP error from remote', at);
    const rest = joined.slice(at, Math.min(at + 8000, next < 0 ? joined.length : next));
    const end = m[1] ? logLineEnd(rest) : rest.search(NEXT_RECIPIENT);
    const rcpt = m[3]?.includes('@') && /RCPT/i.test(m[0]) ? m[3] : null;
    // A notice names the recipient, then the host on the line above: `host mx.example.net [192.0.2.1]`.
    const block =
      joined
        .slice(Math.max(0, m.index - 2000), m.index)
        .split(/\n(?=\s{0,12}\S{1,320}@)/)
        .pop() ?? '';
    const blockStart = m.index - block.length;
    const above = m[1] ? null : lastMatch(HOST_MENTION_ALL, block);
    const remote = m[1]
      ? { host: m[1], ip: m[2], at: m.index }
      : above
        ? { host: above[1], ip: above[2], at: blockStart + above.index }
        : null;
    found.push(
      reply(
        end < 0 ? rest : rest.slice(0, end),
        lineOfOffset(p, joined, at),
        remote?.host ?? null,
        cleanIp(remote?.ip),
        remote ? lineOfOffset(p, joined, remote.at) : null,
        rcpt ?? recipientIn(block) ?? lastRecipient,
        1,
      ),
    );
    if (found.length > 10_000) break;
  }
  return found.length > before;
}

/** The last match of a global pattern in the text, or null. */
function lastMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) last = m;
  return last;
}

/** Exchange's recipient status as Get-MessageTrackingLog prints it (exchange-status.ts). */
function readTrackingStatus(
  p: Paragraph,
  joined: string,
  lastRecipient: string | null,
  found: FoundReply[],
): boolean {
  const status = trackingStatus(joined);
  if (status === null) return false;
  if (status === 'incoming' || status === 'own') return true;
  const { reply: text, offset, remoteHost, remoteIp, remoteOffset, recipient, sender, time } = status;
  const remoteLine = remoteOffset >= 0 ? lineOfOffset(p, joined, remoteOffset) : null;
  const ip = cleanIp(remoteIp ?? undefined);
  const r = reply(
    text,
    lineOfOffset(p, joined, offset),
    remoteHost,
    ip,
    remoteLine,
    recipient ?? lastRecipient,
    1,
  );
  if (sender) r.sender = sender;
  if (time) r.time = { text: time.text, lineIndex: lineOfOffset(p, joined, time.offset) };
  found.push(r);
  return true;
}

/** A reply inside a sending library's error (library-errors.ts). */
function readLibraryError(
  p: Paragraph,
  joined: string,
  lastRecipient: string | null,
  found: FoundReply[],
): boolean {
  const replies = libraryErrorReplies(joined);
  for (const r of replies) {
    // The address smtplib names after a refused sender is that sender, not a recipient.
    const isSender = r.sender !== undefined && lastRecipient?.includes(r.sender) === true;
    const recipient = r.recipient ?? (isSender ? null : lastRecipient);
    const line = lineOfOffset(p, joined, r.offset);
    const remoteIp = r.remote?.ip ? cleanIp(r.remote.ip) : null;
    const found1 = reply(
      r.text,
      line,
      r.remote?.host ?? null,
      remoteIp,
      r.remote ? line : null,
      recipient,
      1,
    );
    // A whole quoted string is the whole reply, however long its lines (no pasted text can follow it).
    if (r.quoted) found1.text = r.text;
    if (r.sender) found1.sender = r.sender;
    found.push(found1);
  }
  return replies.length > 0;
}

/** A detail section of pflogsumm's report: one reply per line (pflogsumm-report.ts). */
function readPflogsumm(p: Paragraph, found: FoundReply[]): boolean {
  const replies = pflogsummReplies(p.lines);
  if (!replies || replies.length === 0) return false;
  for (const r of replies) {
    const f = reply(
      r.text,
      p.start + r.lineIndex,
      r.remoteHost,
      r.remoteIp,
      r.remoteLineIndex === null ? null : p.start + r.remoteLineIndex,
      null,
      1,
    );
    // The report lists refusals only: one it left without its code is one all the same.
    f.refusalWithoutCode = true;
    if (r.note) f.note = r.note;
    found.push(f);
  }
  return true;
}

/** `host 192.0.2.1: 550 ...` */
function readHostIp(
  p: Paragraph,
  joined: string,
  lastRecipient: string | null,
  found: FoundReply[],
): boolean {
  const m = HOST_IP_COLON.exec(joined);
  if (!m) return false;
  const at = m.index + m[0].length;
  const recipient = recipientIn(joined.slice(0, m.index)) ?? lastRecipient;
  found.push(
    reply(
      joined.slice(at),
      lineOfOffset(p, joined, at),
      null,
      cleanIp(m[1]),
      lineOfOffset(p, joined, m.index),
      recipient,
      1,
    ),
  );
  return true;
}

/** A reply in JSON (`"diagnosticCode": "550 ..."`). */
function readJson(p: Paragraph, joined: string, lastRecipient: string | null, found: FoundReply[]): boolean {
  const m = JSON_REPLY.exec(joined);
  if (!m?.[1]) return false;
  const at = m.index + m[0].indexOf(m[1]);
  const recipient = recipientIn(joined.slice(m.index)) ?? lastRecipient;
  found.push(reply(m[1], lineOfOffset(p, joined, at), null, null, null, recipient, 1));
  return true;
}

/**
 * Lines after a remote's reply that are the notice's own: X2's step, qmail's verdict, and its status and
 * list of the other servers it tried (`. (#5.5.0)`, `(Other MXes tried: 192.0.2.40 said 550 for RCPT TO
 * response; ...)`, as qmail-ldap's remote writes them below `remote host 192.0.2.32 said: 550 ...`).
 */
const NOTICE_AFTER_REPLY =
  /\n\s{0,12}(?:STEP:|Giving up on |I['’]m not going to try again|\.?\s{0,2}\(#[245]\.\d{1,3}\.\d{1,3}\)|\(Other MXes tried:)/;

/**
 * Yahoo's notice names the SMTP stage after the remote's reply, on its line or the next (`Remote host
 * said: 550 5.1.1 <x@example.org>... User Unknown [RCPT_TO]`, `... rejected  [MAIL_FROM]`; Sisimai's
 * lhost-yahoo-*): not part of it.
 */
const YAHOO_STAGE = /\s{1,12}\[(?:RCPT_TO|MAIL_FROM|DATA|EHLO|HELO)\]\s*$/;

/** qmail: `remote host 192.0.2.1 said: 550 ...` (the host maybe named elsewhere in the paragraph). */
function readRemoteSaid(
  p: Paragraph,
  joined: string,
  lastRecipient: string | null,
  found: FoundReply[],
): boolean {
  const m = REMOTE_HOST_SAID.exec(joined);
  if (!m) return false;
  const at = m.index + m[0].length;
  const qmail = QMAIL_HOST.exec(joined);
  const hostText = (m[1] ?? qmail?.[1] ?? qmail?.[2] ?? qmail?.[3] ?? '').replace(/^\[|\]$/g, '');
  const ip = cleanIp(hostText);
  const recipient = recipientIn(joined.slice(0, m.index)) ?? lastRecipient;
  // X2 writes the SMTP step on the line after the reply (`STEP: DATA SEND`), qmail its own verdict
  // (`Giving up on 192.0.2.135.`, `I'm not going to try again; ...`): not part of it.
  const end = NOTICE_AFTER_REPLY.exec(joined.slice(at))?.index;
  found.push(
    reply(
      joined.slice(at, end === undefined ? undefined : at + end).replace(YAHOO_STAGE, ''),
      lineOfOffset(p, joined, at),
      ip || !hostText ? null : hostText,
      ip,
      lineOfOffset(p, joined, m.index),
      recipient,
      1,
    ),
  );
  return true;
}

/** Sendmail: `... (reason: 550 ...)` after the recipient. */
function readReason(
  p: Paragraph,
  joined: string,
  lastRecipient: string | null,
  found: FoundReply[],
): boolean {
  // Sendmail lists `<rcpt>` then `(reason: ...)` for each failed recipient: one reply each, its
  // recipient named between the previous reason and this one.
  REASON_PARENS.lastIndex = 0;
  let previousEnd = 0;
  let any = false;
  for (let m = REASON_PARENS.exec(joined); m?.[1]; m = REASON_PARENS.exec(joined)) {
    const at = m.index + m[0].indexOf(m[1]);
    const recipient = recipientIn(joined.slice(previousEnd, m.index)) ?? lastRecipient;
    found.push(reply(m[1], lineOfOffset(p, joined, at), null, null, null, recipient, 1));
    previousEnd = m.index + m[0].length;
    any = true;
    if (found.length > 10_000) break;
  }
  return any;
}

/**
 * The reply in `rest`, the text after a wording: up to the quote the wording opened (`opening`), or one
 * opened right after it, else as quotedReplyText ends it.
 */
function replyAfterMarker(rest: string, opening: string | undefined): string {
  // A word processor's curly quotes (`Remote Server returned ‘550 ... AS(7555)’.`) read as straight ones,
  // and so are guillemets (a French client's or writer's `Le serveur distant a répondu : « 550 ... »`).
  const curly = opening ? undefined : /^\s*([‘“«])/.exec(rest)?.[1];
  if (curly) {
    const straight = curly === '‘' ? "'" : '"';
    const inner = rest.replace(/^\s*(?:[‘“]|«\s{0,2})/, '');
    const end = (CLOSING_QUOTE[curly] as RegExp).exec(inner);
    return quotedReplyText(
      end && end.index > 0
        ? `${inner.slice(0, end.index)}${straight}${inner.slice(end.index + end[0].length)}`
        : inner,
      straight,
    );
  }
  return quotedReplyText(rest.replace(/^\s*['"[]/, ''), opening ?? /^\s*(['"[])/.exec(rest)?.[1]);
}

/** `readQuoted` found no quoted reply: the next readers get the paragraph. */
const NOT_QUOTED = -1;

/**
 * A reply quoted after a wording (`Remote Server returned '550 ...'`, `Réponse du serveur : 550 ...`),
 * maybe in the next paragraph. Returns the index of the last paragraph read (k, or k + 1 when the
 * reply was the next one), or NOT_QUOTED.
 */
function readQuoted(
  paras: readonly Paragraph[],
  k: number,
  joined: string,
  lastRecipient: string | null,
  found: FoundReply[],
): number {
  const marker = findQuoteMarker(joined);
  if (!marker) return NOT_QUOTED;
  const p = paras[k] as Paragraph;
  const at = marker.index + marker[0].length;
  const opening = /['"[]$/.exec(marker[0])?.[0];
  let rest = joined.slice(at);
  let lineIndex = lineOfOffset(p, joined, at);
  let last = k;
  if (!REPLY_CODE_AHEAD.test(rest)) {
    const next = paras[k + 1];
    if (rest.trim() === '' && next && REPLY_CODE_AHEAD.test(next.lines.join('\n'))) {
      rest = next.lines.join('\n');
      lineIndex = next.start;
      last = k + 1;
    } else if (!/^\s*\S/.test(rest)) return k;
  }
  if (!REPLY_CODE_AHEAD.test(rest) && !CLIENT_MARKER.test(marker[0])) return last === k ? NOT_QUOTED : last;
  const quotedText = replyAfterMarker(rest, opening);
  // Exchange's own status around the remote's reply (`554 5.7.1 <host #5.7.1 smtp; 550 ...>`).
  const wrapped = exchangeWrapped(quotedText);
  const text = wrapped?.reply ?? quotedText;
  const named = clientServer(joined) ?? hostLineAbove(joined, marker.index);
  // The name before `#` may be an address (`<23.128.96.18 #5.7.1 smtp; 553 ...>`).
  const wrappedIp = wrapped?.host ? cleanIp(wrapped.host) : null;
  const fromWrapper = wrapped?.host
    ? wrappedIp
      ? { host: null, ip: wrappedIp, index: at }
      : { host: wrapped.host, index: at }
    : null;
  const server = named ?? fromWrapper;
  let serverLine = server ? lineOfOffset(p, joined, server.index) : null;
  let ip = server && 'ip' in server ? cleanIp(server.ip) : null;
  let host = server?.host ?? null;
  // Gmail's older notice names the server in the paragraph above its `The error that the other server
  // returned was:`.
  const above = server ? null : paras[k - 1];
  const gmail = above ? gmailRejectingServer(above.lines) : null;
  if (above && gmail) {
    host = gmail.host;
    ip = gmail.ip;
    serverLine = above.start + gmail.lineIndex;
  }
  const quoted = reply(text, lineIndex, host, ip, serverLine, lastRecipient, 1);
  const before = joined.slice(Math.max(0, marker.index - 80), marker.index);
  const stated = BASIC_CODE_FIRST.test(text)
    ? null
    : dotnetStatus(before, marker[0], LEADING_ENHANCED.exec(text)?.[1] ?? null);
  if (stated) quoted.statedCode = stated;
  if (
    !REPLY_CODE_AHEAD.test(rest) &&
    (REFUSAL_WORDS.test(marker[0]) || (!stated && isDotnetRefusal(before, marker[0])))
  )
    quoted.refusalWithoutCode = true;
  // The sender the words above the reply name as such (Mailgun's `Failed: sender -> recipient`).
  const sender = senderIn(joined.slice(Math.max(0, marker.index - 2000), marker.index));
  if (sender) quoted.sender = sender;
  found.push(quoted);
  if (last === k) readQuotedBelow(p, joined, at, lastRecipient, found);
  return last;
}

/**
 * Client errors pasted one under the other (`La réponse du serveur était : 421 ...` twice): each line
 * starting with a wording after the reply read at `at` gives its own reply.
 */
function readQuotedBelow(
  p: Paragraph,
  joined: string,
  at: number,
  lastRecipient: string | null,
  found: FoundReply[],
): void {
  for (let next = nextMarkerLine(joined.slice(at)); next > 0 && found.length <= 10_000; ) {
    const lineStart = at + next + 1;
    const marker = findQuoteMarker(joined.slice(lineStart));
    if (!marker) return;
    at = lineStart + marker.index + marker[0].length;
    const rest = joined.slice(at);
    if (!REPLY_CODE_AHEAD.test(rest) && !CLIENT_MARKER.test(marker[0])) return;
    const quoted = replyAfterMarker(rest, /['"[]$/.exec(marker[0])?.[0]);
    // Exchange's own status around the remote's reply, as for the first (`554 5.7.0 < #5.7.133 smtp;550 ...>`).
    const text = exchangeWrapped(quoted)?.reply ?? quoted;
    found.push(reply(text, lineOfOffset(p, joined, at), null, null, null, lastRecipient, 1));
    next = nextMarkerLine(rest);
  }
}

/** OpenSMTPD lists one `rcpt: 550 ...` line per recipient: one reply each (when more than one). */
function readAddressLines(p: Paragraph, found: FoundReply[]): boolean {
  let count = 0;
  for (const line of p.lines) if (LINE_ADDRESS_COLON.test(line)) count++;
  if (count <= 1) return false;
  for (let n = 0; n < p.lines.length; n++) {
    const line = p.lines[n] as string;
    const m = LINE_ADDRESS_COLON.exec(line);
    if (!m) continue;
    found.push(reply(line.slice(m[0].length), p.start + n, null, null, null, recipientIn(m[0]), 1));
  }
  return true;
}

/** `rcpt: 550 ...`, SurfControl's `rcpt: [192.0.2.5], 550 ...`, Sendmail's `<rcpt>... Deferred: 421 ...`. */
function readAddressColon(p: Paragraph, joined: string, found: FoundReply[]): boolean {
  const m = ADDRESS_COLON.exec(joined.slice(0, 4000));
  if (!m) return false;
  const at = m.index + m[0].length;
  const deferred = /Deferred:\s*$/.test(m[0]);
  // Sendmail writes a deferred recipient's reply on its line (its own words follow on the next ones),
  // after the transcript of the session that names the remote (`... while talking to mx.example.net.:`).
  const lineEnd = deferred ? joined.indexOf('\n', at) : -1;
  const talkingAt = deferred ? joined.lastIndexOf('while talking to', m.index) : -1;
  const talking = talkingAt >= 0 ? TALKING_TO.exec(joined.slice(talkingAt, m.index)) : null;
  const remoteLine = m[1] || talking ? lineOfOffset(p, joined, talking ? talkingAt : m.index) : null;
  found.push(
    reply(
      joined.slice(at, lineEnd < 0 ? undefined : lineEnd),
      lineOfOffset(p, joined, at),
      talking?.[1] ?? null,
      cleanIp(m[1]),
      remoteLine,
      recipientIn(m[0]),
      1,
    ),
  );
  return true;
}

/** qmail: `<rcpt>:` alone on a line, the remote or local explanation below it. */
function readQmailRecipient(p: Paragraph, found: FoundReply[]): boolean {
  const first = p.lines[0] ?? '';
  if (!QMAIL_RECIPIENT.test(first) || p.lines.length <= 1 || STARTS_WITH_CODE.test(p.lines[1] ?? ''))
    return false;
  found.push(reply(p.lines.slice(1).join('\n'), p.start + 1, null, null, null, recipientIn(first), 2));
  return true;
}

/** A line starting with a code (not a transcript line), the host maybe named on the lines before. */
/**
 * Where the reply starting at line `from` of a paragraph ends: at the next recipient's bare address line
 * (modern Exim lists `rcpt` / `host mx [ip]` / `SMTP error from ...:` / the reply, once per recipient), or
 * at a transcript line, or at the end of the paragraph.
 */
function replyEnd(lines: readonly string[], from: number): number {
  // The code of the reply's last line that started with one, when that line was final (`554 ...`, not
  // `554-`): after it, a line starting with the same code is another reply (a list, one reply a line),
  // and so is one starting with a refusal's code and its enhanced code (`554 5.7.1 ... Access denied` /
  // `450 4.7.1 Error: too much mail ...`). Sendmail's older notices give a refusal over two lines with
  // two codes (`550 example.org (smtp)... 550 Host unknown` / `554 <rcpt>... 550 Host unknown`).
  let final = finalCode(lines[from] as string);
  for (let n = from + 1; n < lines.length; n++) {
    // Postfix's note closes the reply (`... [405] (in reply to MAIL FROM command)`): the next line is
    // the writer's, not the reply's.
    if (IN_REPLY_LINE_END.test(lines[n - 1] as string)) return n;
    const line = lines[n] as string;
    if (BARE_ADDRESS_LINE.test(line) || TRANSCRIPT_LINE.test(line)) return n;
    // Sendmail 5's next destination (sendmail-v5-lines.ts).
    if (SENDMAIL_HOST_LINE.test(line)) return n;
    const code = STARTS_WITH_CODE.exec(line)?.[1];
    if (code) {
      if (code === final || (final !== null && REFUSAL_WITH_ENHANCED.test(line))) return n;
      // A final line of another code, after a final one, is another reply too (a list of refusals from
      // different servers, `550 5.7.1 ... blocked` / `554 The IP address of the sender ...`), unless it
      // is Sendmail's second line, quoting the first's reply after `...`.
      if (final !== null && finalCode(line) !== null && !line.includes('...')) return n;
      final = finalCode(line);
    }
  }
  return lines.length;
}

/** A refusal's first line with its enhanced code (`450 4.7.1 ...`). */
const REFUSAL_WITH_ENHANCED = new RegExp(String.raw`${LINE_LEAD}[45]\d\d [45]\.\d{1,3}\.\d{1,3}\s`);

/** A reply's final line: its code followed by a space (`554 ...`), where `554-` announces more. */
const FINAL_CODE_LINE = new RegExp(String.raw`${LINE_LEAD}\(?(?:smtp;\s{0,2})?([245]\d\d) `, 'i');

const finalCode = (line: string) => FINAL_CODE_LINE.exec(line)?.[1] ?? null;

const LEAD = new RegExp(LINE_LEAD);
const QUOTE_LEAD = /^\s{0,8}(?:>\s{0,2}){0,3}/;

/**
 * A multi-line reply an application printed after its own words, its next lines starting with the
 * enhanced code alone (Go's and Haskell's clients: `... but received 550 5.7.1 [IP] Our system has
 * detected that` / `5.7.1 this message does not meet ...`) or with the reply's own codes (`error: SMTP
 * code:550 msg:550-5.7.25 [IP] The IP address sending this message does not have a` / `550-5.7.25 PTR
 * record setup, ...`): the first line's part from its code, when it has the same codes as the line below,
 * else null.
 */
function replyHeadAbove(above: string, codeLine: string): string | null {
  const codes = LEADING_CODES.exec(codeLine);
  const enhanced = codes?.[2];
  if (!enhanced || above.length > MAX_HEAD_LINE) return null;
  // Each place the enhanced code stands (then a space), a code and a space or dash before it, nothing of a
  // word before that: the first such place, unless it opens the line. No pattern built per line.
  for (let at = above.indexOf(enhanced); at >= 0; at = above.indexOf(enhanced, at + 1)) {
    const start = at - 4;
    if (start < 0 || !/\s/.test(above[at + enhanced.length] ?? '')) continue;
    const code = above.slice(start, at - 1);
    if (!/^[245]\d\d[ -]$/.test(above.slice(start, at)) || (codes[1] && code !== codes[1])) continue;
    if (start > 0 && /[\w.#-]/.test(above[start - 1] ?? '')) continue;
    return start > 0 ? above.slice(start) : null;
  }
  return null;
}
/**
 * A multi-line reply whose first line lost its codes when it was copied (Gmail's `This message does not
 * have authentication information or fails to` / `550-5.7.26 pass authentication checks. ...`): the line
 * above, given the codes of the line below, when that line goes on with a lowercase word (the sentence
 * started above) and the line above stops in the middle of it (no closing `:` `.` `!` `?`) at about the
 * width the reply was wrapped to (a user's short `The bounce says` is not the reply's), else null.
 */
function lostCodesAbove(above: string, codeLine: string): string | null {
  const codes = CONTINUED_MID_SENTENCE.exec(codeLine);
  const words = above.trim();
  if (!codes || words.length > MAX_LOST_LINE || !/^[A-Za-z]/.test(words) || /[:.!?;>)\]]$/.test(words))
    return null;
  const width = codeLine.trim().length - codes[0].trim().length + 1;
  if (words.length < MIN_LOST_LINE || words.length < width * 0.6) return null;
  if (STARTS_WITH_CODE.test(above) || /\b[245]\d\d[\s-]/.test(words)) return null;
  return `${codes[1]} ${words}`;
}
/** A continuation line (`550-`, maybe an enhanced code) going on with a lowercase word. */
const CONTINUED_MID_SENTENCE = /^\s{0,4}([245]\d\d-(?:[245]\.\d{1,3}\.\d{1,3})?)\s{1,4}[a-z]/;
const MAX_LOST_LINE = 200;
const MIN_LOST_LINE = 40;
/** A line's codes: maybe a basic code, then an enhanced code. */
const LEADING_CODES = /^\s{0,4}(?:([245]\d\d)[ -])?([245]\.\d{1,3}\.\d{1,3})\s/;
const MAX_HEAD_LINE = 4000;

/**
 * The first line starting with a code, up to the next recipient's block: one reply per recipient block,
 * each with the host and recipient named above it.
 */
function readCodeLine(p: Paragraph, lastRecipient: string | null, found: FoundReply[]): void {
  let start = 0;
  while (start < p.lines.length) {
    let codeLine = -1;
    for (let n = start; n < p.lines.length; n++) {
      const line = p.lines[n] as string;
      if (STARTS_WITH_CODE.test(line) && !isTranscriptReply(line) && !TALKS_OF_CODES.test(line)) {
        codeLine = n;
        break;
      }
    }
    if (codeLine < 0) return;
    const end = replyEnd(p.lines, codeLine);
    const above = p.lines[codeLine - 1] as string;
    const first = p.lines[codeLine] as string;
    // Sendmail 5's destination line says its recipient on the line below (sendmail-v5-lines.ts); with a
    // 2xx code it is no failure (`250 example.net (smtp)... 250 Deferred`).
    const sendmailHost = SENDMAIL_HOST_LINE.test(first);
    if (sendmailHost && /^\s*2/.test(first)) {
      start = end;
      continue;
    }
    const head = codeLine > start ? (replyHeadAbove(above, first) ?? lostCodesAbove(above, first)) : null;
    const before = p.lines.slice(start, head === null ? codeLine : codeLine - 1).join('\n');
    const hostName = HOST_COLON_NAME.exec(before);
    const mention = HOST_MENTION.exec(before);
    const host = mention ?? (hostName ? { 1: hostName[1], 2: undefined, index: hostName.index } : null);
    let text = head ?? '';
    for (let n = codeLine; n < end; n++) {
      // (The bullet only on the reply's first line: on the next ones a `- ` may be the reply's own.)
      const line = (p.lines[n] as string).replace(n === codeLine ? LEAD : QUOTE_LEAD, '');
      text = n === codeLine && head === null ? line : `${text}\n${line}`;
    }
    if (text.startsWith('(') && text.trimEnd().endsWith(')')) text = text.trimEnd().slice(1, -1);
    // The host's line: the block's first line plus the line breaks before it in `before`.
    let hostLine = start;
    if (host)
      for (let i = before.indexOf('\n'); i >= 0 && i < host.index; i = before.indexOf('\n', i + 1))
        hostLine++;
    found.push(
      reply(
        text,
        p.start + codeLine - (head === null ? 0 : 1),
        host?.[1] ?? null,
        cleanIp(host?.[2]),
        host ? p.start + hostLine : null,
        (sendmailHost ? recipientIn(text) : null) ?? recipientIn(before) ?? lastRecipient,
        host ? 1 : 3,
      ),
    );
    start = end;
  }
}

/**
 * The replies of paragraph k, by the first wording that matches it. Returns the index of the last
 * paragraph read (k + 1 when a quoted reply was in the next paragraph).
 */
function readParagraph(
  paras: readonly Paragraph[],
  k: number,
  joined: string,
  lastRecipient: string | null,
  found: FoundReply[],
): number {
  const p = paras[k] as Paragraph;
  if (PFLOGSUMM_TITLE.test(p.lines[0] ?? '') && readPflogsumm(p, found)) return k;
  const hints = hintsOf(joined);
  const code = (hints & HAS_CODE) !== 0;
  if (code && LABELLED_LINE.test(joined)) {
    readLabelledLines(p, found);
    return k;
  }
  if (code && MSMTP_HINT.test(joined) && readMsmtp(p, found)) return k;
  if (code && CISCO_HINT.test(joined) && readCiscoEsa(p, found)) return k;
  if (code && HMAILSERVER_HINT.test(joined) && readHmailserverNotice(p, found)) return k;
  if (code && HASH_LINE_HINT.test(joined) && readHashLines(p, lastRecipient, found)) return k;
  if (code && (hints & HAS_HOST) !== 0 && joined.includes("' rejected command '")) {
    if (readRejectedCommand(p, joined, lastRecipient, found)) return k;
  }
  // Postal's page shows the server tried and its reply in paragraphs of their own.
  if (joined.includes('SMTP delivery error') && POSTAL_ERROR_LAST.test(joined)) {
    const next = paras[k + 1];
    if (next && REPLY_CODE_AHEAD.test(next.lines[0] ?? '')) {
      const gap = next.start - (p.start + p.lines.length);
      const merged: Paragraph = {
        start: p.start,
        lines: [...p.lines, ...Array<string>(gap).fill(''), ...next.lines],
      };
      const text = merged.lines.join('\n');
      const match = POSTAL_ERROR.exec(text);
      if (match) {
        readHostSaid(merged, text, match, lastRecipient, found);
        return k + 1;
      }
    }
  }
  const hostSaid = hostSaidMatch(joined, hints);
  if (hostSaid) {
    readHostSaid(p, joined, hostSaid, lastRecipient, found);
    return k;
  }
  if (code && (hints & HAS_HOST) !== 0 && readHostIp(p, joined, lastRecipient, found)) return k;
  if (code && joined.includes('"') && readJson(p, joined, lastRecipient, found)) return k;
  const remoteSaid = (hints & HAS_REMOTE) !== 0 && (hints & HAS_HOST) !== 0 && WORDS.said.test(joined);
  if (remoteSaid && readRemoteSaid(p, joined, lastRecipient, found)) return k;
  if (code && WORDS.reasonParen.test(joined) && readReason(p, joined, lastRecipient, found)) return k;
  if (code && (hints & HAS_REMOTE) !== 0 && readSmtpErrorAfter(p, joined, lastRecipient, found)) return k;
  if (code && joined.includes('{LED=') && readTrackingStatus(p, joined, lastRecipient, found)) return k;
  // Rust's lettre spells the code out in words: no digits to hint at it.
  const library = (code || LETTRE_HINT.test(joined)) && LIBRARY_HINT.test(joined);
  if (library && readLibraryError(p, joined, lastRecipient, found)) return k;
  const quoted = readQuoted(paras, k, joined, lastRecipient, found);
  if (quoted !== NOT_QUOTED) return quoted;
  const addressColon = (hints & HAS_ADDRESS_COLON) !== 0;
  if (addressColon && readAddressLines(p, found)) return k;
  if (addressColon && readAddressColon(p, joined, found)) return k;
  if (readQmailRecipient(p, found)) return k;
  if (code) readCodeLine(p, lastRecipient, found);
  return k;
}

/**
 * Every reply found in the lines, in order; several per text when several recipients failed. A paragraph
 * too long to be read (long-paragraph.ts) is not, the index of its first line pushed to `tooLong`.
 */
export function findReplies(lines: readonly string[], tooLong: number[] = []): FoundReply[] {
  const found: FoundReply[] = [];
  // The paragraphs as they come, the one above and the one below at hand (a quote's reply may sit in
  // the next, Gmail's server in the one above): all of them held at once cost 60 MB for a 50 MB paste.
  const paras = eachParagraph(lines);
  let above: Paragraph | undefined;
  let current = paras.next().value as Paragraph | undefined;
  let below = paras.next().value as Paragraph | undefined;
  const step = () => {
    above = current;
    current = below;
    below = paras.next().value as Paragraph | undefined;
  };
  let lastRecipient: string | null = null;
  // (One array for the three, refilled for each paragraph: the readers keep no hold on it.)
  const around: Paragraph[] = [];
  for (; current; step()) {
    const joined = current.lines.join('\n');
    if (joined.length > MAX_PARAGRAPH_CHARS) {
      if (mayHoldReply(joined)) tooLong.push(current.start);
      continue;
    }
    const addr = paragraphRecipient(current.lines);
    if (addr) lastRecipient = addr;
    around.length = 0;
    if (above) around.push(above);
    around.push(current);
    if (below) around.push(below);
    const k = above ? 1 : 0;
    // The next paragraph read as well (the reply quoted there) is not read again.
    if (readParagraph(around, k, joined, lastRecipient, found) > k) step();
  }
  // Explicit wordings first, then the remote server's lines of a transcript, then bare codes.
  const typed = isTypedSession(lines);
  const transcripts = typed || hasTranscript(lines) ? sessionReplies(lines, typed) : [];
  // A line both read (PHPMailer's `SMTP ERROR: RCPT TO command failed: 451 ...`): the explicit reading
  // comes first, with the sender of the session's `MAIL FROM` when its own words name none.
  // (And the name the client gave in its EHLO: PHPMailer's `CLIENT -> SERVER: EHLO client.example.org`.)
  if (transcripts.length > 0) {
    const sessions = new Map<number, FoundReply>();
    for (const t of transcripts) sessions.set(t.lineIndex, t);
    for (const f of found) {
      const session = sessions.get(f.lineIndex);
      if (!session) continue;
      f.sender ??= session.sender;
      f.clientName ??= session.clientName;
    }
  }
  return [...found, ...transcripts].sort((a, b) => a.strength - b.strength);
}
