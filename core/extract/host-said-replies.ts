/**
 * Replies a notice introduces by naming the remote host: Postfix's `host X[ip] said:`, Exim's `host X
 * [ip]:`, and the like wordings of Postal, Coremail, AliMail, Cyrus SASL, GoDaddy, IONOS, Exchange's
 * `Remote Server at X returned`, CommuniGate's `rejected command`, Lotus Domino's `Error transferring to X;`,
 * the DragonFly Mail Agent's `X [ip] did not like our RCPT TO:`, the mail server Sisimai calls X6's `SMTP
 * Server <ip> refused to accept your message (DATA), with the following error message: [554 ...]`.
 */

import { alimailTime } from './alimail-time';
import { COPY_FOLLOWS } from './client-quote';
import { REJECTED_BY_HINT, REJECTED_BY_HOST } from './communigate-rejected';
import { recipientIn } from './envelope-address';
import { type FoundReply, reply } from './found-reply';
import { joinIonosCuts } from './ionos-cut';
import { HAS_CODE, HAS_HOST, HAS_REMOTE, lineOfOffset, type Paragraph, WORDS } from './reply-paragraphs';
import { CLOSING_QUOTE, cleanIp, IN_REPLY_NOTE, NEXT_RECIPIENT, POSTAL_ERROR } from './reply-patterns';
import { hostUnlessRecipientDomain } from './resolved-domain-host';
import { stringAround } from './string-literal';

// Host names as Postfix writes them, underscores included (`balancer_haproxy.email.locaweb.com.br`, a
// real MX name in a crisp-oss/email-bounce-parser fixture: DNS allows them, host names do not). The
// address may be missing: a pasted bounce is often redacted (`host xxxx.laposte.net said: 554`, in
// Sisimai's rhost-franceptt-12); the name then holds a letter (qmail's `remote host 192.0.2.32 said:`
// is read by REMOTE_HOST_SAID). CommuniGate Pro writes `host pop.apollo.lv says:`.
// The address may also be a redaction's placeholder (`host mx.example.net[ip] said:`, `[x.x.x.x]`,
// `[vvv.xxx.yyy.zzz]`, `[MAILSERVER_IP]`, `[*********]`, or partly `[216.99.131.***]`): the name stands,
// no address.
const HOST_SAID =
  /\bhost\s{1,12}'?([A-Za-z0-9?*][A-Za-z0-9._?*-]{0,252})'?(?:\s{0,12}\[([0-9A-Fa-f:.]{2,45})\](?::\d{1,5})?|\[(?:[A-Za-z_]{2,30}|[A-Za-z*]{1,3}(?:\.[A-Za-z*]{1,3}){3}|[xX*#]{3,45}|\d{1,3}(?:\.(?:\d{1,3}|[xX*#]{1,3})){3}|\.{3}|…|https?:\/\/[^\]\s]{1,2000})\]|(?<=[A-Za-z][A-Za-z0-9._-]{0,252}'?))\s{1,16}(?:said|says|refused\s{1,16}to\s{1,16}talk\s{1,16}to\s{1,16}me|refused\s{1,16}to\s{1,16}start\s{1,16}TLS)\s{0,12}:\s*/i;

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

const NAME_BRACKET_FAILED =
  /\b([A-Za-z0-9][A-Za-z0-9.-]{0,252})\[([0-9A-Fa-f:.]{2,45})\]\s{1,12}(?:failed\s{1,12}with|responded\s{1,12}with\s{1,12}failure)\s{0,12}:\s*/i;

// Exchange's `Remote Server at mx.example.net (192.0.2.1) returned '550 ...'` (also without `Remote`, as
// its German notice writes it in English: `Server at ... returned`), several listed one a line.
const REMOTE_SERVER_AT =
  /\b(?:Remote\s{1,12})?Server\s{1,12}at\s{1,12}([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s{0,12}(?:\(([0-9A-Fa-f:.]{2,45})\))?\s{0,12}returned\s{0,12}['"‘“]?/i;

const REMOTE_SERVER_AT_ALL = new RegExp(REMOTE_SERVER_AT.source, 'gi');

/**
 * A piece of a Postfix notice pasted from the remote's name on, without `<rcpt>: host ` before it:
 * `outlook-com.olc.protection.outlook.com[104.47.40.33] said: 550 ...` at a line's start.
 */
const NAME_SAID =
  /^[ \t]{0,12}([A-Za-z0-9?*][A-Za-z0-9._?*-]{0,252})\[([0-9A-Fa-f:.]{2,45})\](?::\d{1,5})?[ \t]{1,8}(?:said|refused[ \t]{1,8}to[ \t]{1,8}talk[ \t]{1,8}to[ \t]{1,8}me)[ \t]{0,12}:\s*/m;

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

/**
 * Postfix's greeting refusal: `connect to mx2.example.net[192.0.2.116]: server refused to talk
 * to me: 554 ...` (`delivery temporarily suspended:` before it in a notice), the remote named before its
 * reply.
 */
const CONNECT_REFUSED =
  /\bconnect\s{1,12}to\s{1,12}([A-Za-z0-9][A-Za-z0-9._-]{0,252})\[([0-9A-Fa-f:.]{2,45})\](?::\d{1,5})?:\s{0,12}(?:server\s{1,12})?refused\s{1,12}to\s{1,12}talk\s{1,12}to\s{1,12}me\s{0,12}:\s*(?=[245]\d\d[\s-])/i;

/**
 * Lotus Domino's words for the next hop's refusal, in its notice's `because:` paragraph and its DSN's
 * `Diagnostic-Code: X-Notes; Error transferring to mx.example.net; SMTP Protocol Returned a Permanent
 * Error 550 5.1.1 ...` (a Domino 9.0.1 DSN in a bounce parser's test data; Mandrill's `diag` quotes it folded
 * before the `;`).
 */
const DOMINO_TRANSFER =
  /\bError transferring to\s{1,4}([A-Za-z0-9][A-Za-z0-9.-]{0,252}?)\.?\s{0,12};\s{0,12}SMTP Protocol Returned a (?:Permanent|Temporary) Error\s{1,12}(?=[245]\d\d[\s-])/i;

/**
 * The DragonFly Mail Agent's notice (dma, net.c): `gmail-smtp-in.l.google.com [74.125.203.27] did not like
 * our final DATA:` on a line of its own, the remote's reply on the lines below (`RCPT TO`, `MAIL FROM`,
 * `DATA`, `final DATA`...; Sisimai's lhost-dragonfly-*.eml). The host and address are the remote's.
 */
const DMA_DID_NOT_LIKE =
  /^[ \t]{0,12}([A-Za-z0-9][A-Za-z0-9._-]{0,252})[ \t]{1,4}\[([0-9A-Fa-f:.]{2,45})\][ \t]{1,4}did not like our [A-Za-z ]{2,20}:\s*/m;

/**
 * The notice of the mail server Sisimai calls X6 (its lhost-x6-01): `Reason: SMTP Server <192.0.2.223>
 * refused to accept your message (DATA), with the following error message: [554 5.4.6 Hop count exceeded -
 * possible mail loop]`, the remote's address in angle brackets, its reply in square ones. A refused recipient
 * is `SMTP Server <smtpd.libsisimai.org> rejected recipient <a@libsisimai.org> (Error following RCPT
 * command). It responded as follows: [550 5.1.1 User unknown]` (its lhost-x6-02, found by audit65), the
 * remote named by its host name (group 1) or its address (group 2).
 */
const X6_REFUSED =
  /\bSMTP Server\s{1,4}<(?:(?![0-9.]{1,45}>)([A-Za-z0-9][A-Za-z0-9.-]{0,252})|([0-9A-Fa-f:.]{2,45}))>\s{1,4}(?:refused to accept your message\s{0,4}\([A-Za-z ]{2,20}\),\s{0,4}with the following error message:|rejected recipient\s{1,4}<[^<>\s]{1,320}>\s{1,4}\([A-Za-z ]{2,40}\)\.\s{0,4}It responded as follows:)\s{0,4}\[(?=[245]\d\d[\s-])/i;

const IN_REPLY_END = new RegExp(String.raw`${IN_REPLY_NOTE}\)?`, 'i');

/** `host X[ip] said:`, `host X [ip]: 550`, `host: X ([ip]) reason:`, `Remote Server at X returned`... */
export function hostSaidMatch(joined: string, hints: number): RegExpExecArray | null {
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
    (joined.includes('Error transferring to') ? DOMINO_TRANSFER.exec(joined) : null) ??
    (joined.includes('did not like our') ? DMA_DID_NOT_LIKE.exec(joined) : null) ??
    (joined.includes('refused to accept your message') || joined.includes('It responded as follows')
      ? X6_REFUSED.exec(joined)
      : null) ??
    (REJECTED_BY_HINT.test(joined) ? REJECTED_BY_HOST.exec(joined) : null) ??
    (joined.includes('[') &&
    WORDS.failedOrResponded.test(joined) &&
    /failed\s{1,12}with|responded\s{1,12}with/i.test(joined)
      ? NAME_BRACKET_FAILED.exec(joined)
      : null)
  );
}

/**
 * Exim's notice names the command refused: `... after MAIL FROM:<a@example.com> SIZE=1681:`, the envelope
 * sender.
 */
const AFTER_MAIL_FROM =
  /\bafter\s{1,4}(?:pipelined\s{1,4})?MAIL\s{1,4}FROM:\s{0,2}<([^<>\s]{1,320}@[^<>\s]{1,253})>/i;

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
export function readHostSaid(
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
    // (X6's reply closes with the square bracket its match ends with.)
    const quote = /['"‘“[]$/.exec(match[0])?.[0];
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
    const recipient = recipientIn(before ?? '') ?? lastRecipient;
    const said = reply(
      rest,
      lineOfOffset(p, joined, at),
      // (Not Forward Email's `host 'orange.fr' [IP]`, the recipient's domain: resolved-domain-host.ts.)
      hostUnlessRecipientDomain(match[0], match[1] ?? null, recipient),
      cleanIp(match[2]),
      lineOfOffset(p, joined, from + match.index),
      recipient,
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
 * reply is rebuilt as the server sent it: code, enhanced code, text. A refusal outside a command (at the
 * greeting, where Orange's connection blocks come) is `rejected transaction`, and a reply without an
 * enhanced code is written `(0.0.0)` (smtp-proto's empty code, crates/smtp/src/queue/dsn.rs): no
 * enhanced code then, rather than none read at all.
 */
const REJECTED_COMMAND =
  /\(host\s{1,4}'([A-Za-z0-9][A-Za-z0-9._-]{0,252})'\s{1,4}rejected\s{1,4}(?:command\s{1,4}'[^'\n]{0,600}'|transaction)\s{1,4}with\s{1,4}code\s{1,4}([245]\d\d)(?:\s{1,4}\((?:([245]\.\d{1,3}\.\d{1,3})|0\.0\.0)\))?\s{1,4}'([^\n]{0,2000}?)'\)/g;

export function readRejectedCommand(
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
