/**
 * Replies introduced by a notice's or a log line's own words: Exim's `SMTP error from remote mail
 * server after`, Exchange's tracking status, programming libraries' errors, `host IP:`, JSON fields,
 * `remote host said:`, Sendmail's `(reason: ...)`.
 */

import { appriseEnvelope } from './apprise-envelope';
import { HOST_MENTION } from './code-line-replies';
import { recipientIn } from './envelope-address';
import { trackingStatus } from './exchange-status';
import { type FoundReply, reply } from './found-reply';
import { libraryErrorReplies } from './library-errors';
import { lineOfOffset, type Paragraph } from './reply-paragraphs';
import { cleanIp, NEXT_RECIPIENT } from './reply-patterns';

// Also matches JSON escaped inside JSON (an SNS notification wrapping an SES event:
// `\"diagnosticCode\":\"...`).
const JSON_REPLY =
  /\\?"(?:diagnosticCode|diagnostic-code|diagnostic_code|smtp_response|response|reason|Details)\\?"\s{0,2}:\s{0,2}\\?"((?:smtp;\s{0,2})?[245]\d\d[\s-][^"\\]{0,2000})\\?"/i;

const HOST_IP_COLON = /\bhost\s{1,12}(\d{1,3}(?:\.\d{1,3}){3}):\s{1,12}(?=[245]\d\d[\s-])/i;

// Also `Remote host said[Response Message]: 554 ...` (the Japanese X2 ESP's notice, Sisimai's lhost-x2-07).
const REMOTE_HOST_SAID =
  /\bremote\s{1,12}host\s{1,12}(?:([A-Za-z0-9:.[\]-]{2,253})\s{1,12})?said(?:\[Response\s{1,4}Message\])?:\s*/i;

const QMAIL_HOST =
  /(?:^|\n)\s{0,12}([0-9A-Fa-f:.]{3,45}) (?:does not like recipient|failed after I sent the message)|Giving up on ([0-9A-Fa-f:.]{3,45})\.|Connected to ([0-9A-Fa-f:.]{3,45}) but/;

const HOST_MENTION_ALL = new RegExp(HOST_MENTION.source, 'gi');

// The reply may hold parentheses of its own (Microsoft's `... on our block list (S3140). ...`).
const REASON_PARENS = /\(reason:\s{0,12}([245]\d\d[\s-](?:[^()]|\([^()]{0,200}\)){0,2000})\)/gi;

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

export function readSmtpErrorAfter(
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
export function readTrackingStatus(
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
export function readLibraryError(
  p: Paragraph,
  joined: string,
  lastRecipient: string | null,
  found: FoundReply[],
): boolean {
  const replies = libraryErrorReplies(joined);
  // Asked once: a paragraph of thousands of refused recipients would search itself once for each.
  const mayBeApprise = replies.length > 0 && joined.includes('mail ');
  for (const r of replies) {
    // The address smtplib names after a refused sender is that sender, not a recipient.
    const isSender = r.sender !== undefined && lastRecipient?.includes(r.sender) === true;
    const line = lineOfOffset(p, joined, r.offset);
    // Apprise's log names the envelope above its error (apprise-envelope.ts).
    const apprise = mayBeApprise ? appriseEnvelope(p.lines, line - p.start) : null;
    const recipient = r.recipient ?? apprise?.recipient ?? (isSender ? null : lastRecipient);
    // The server Apprise connected to, when the error names none (apprise-envelope.ts).
    const delivery = r.remote ? null : (apprise?.delivery ?? null);
    const remoteIp = r.remote?.ip ? cleanIp(r.remote.ip) : cleanIp(delivery?.ip ?? undefined);
    const found1 = reply(
      r.text,
      line,
      r.remote?.host ?? delivery?.host ?? null,
      remoteIp,
      r.remote ? line : delivery ? p.start + delivery.lineIndex : null,
      recipient,
      1,
    );
    // A whole quoted string is the whole reply, however long its lines (no pasted text can follow it).
    if (r.quoted) found1.text = r.text;
    const sender = r.sender ?? apprise?.sender;
    if (sender) found1.sender = sender;
    found.push(found1);
  }
  return replies.length > 0;
}

/** `host 192.0.2.1: 550 ...` */
export function readHostIp(
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
export function readJson(
  p: Paragraph,
  joined: string,
  lastRecipient: string | null,
  found: FoundReply[],
): boolean {
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
export function readRemoteSaid(
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
  // The line naming the host: qmail's own line above the reply (`192.0.2.1 failed after I sent the
  // message.`), where the reply's words name none.
  const hostAt = !m[1] && qmail ? qmail.index + (qmail[0].startsWith('\n') ? 1 : 0) : m.index;
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
      lineOfOffset(p, joined, hostAt),
      recipient,
      1,
    ),
  );
  return true;
}

/** Sendmail: `... (reason: 550 ...)` after the recipient. */
export function readReason(
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
