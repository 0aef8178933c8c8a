/**
 * An SMTP session as it is pasted: the transcript a bounce quotes (Sendmail's `>>> RCPT To:<...>` /
 * `<<< 550 ...`, Trend Micro's `Received >>> 550 ...`, OpenSMTPD's `mta: 0x...: <<< 554-...`), a test
 * with swaks (` -> RCPT TO:<...>` / `<** 550 ...` / `<-  250 ...`, `=== Connected to host.`), or a
 * session typed by hand in telnet or `openssl s_client` (`mail from: <...>` then `550 ...`, unprefixed).
 *
 * Each 4xx/5xx reply of the remote is a refusal, with its `550-` continuation lines; the commands before
 * it give the envelope: the sender of the last `MAIL FROM`, the recipient of the `RCPT TO` it answers,
 * and the name the client gave in `EHLO`/`HELO`. The remote is the host the session connected to
 * (swaks's and telnet's `Connected to host.`, openssl's `-connect host:port`, Sendmail's `while talking
 * to host.:`). A `503` (bad sequence of commands) after a refusal in the same session is that refusal's
 * consequence (the client went on to DATA with no recipient left), not a refusal of its own.
 */

import type { FoundReply } from './body-replies';
import { courierPeer } from './courier-peer';
import { parseDate } from './dates';
import { normalizeIp } from './ip';
import { netcatConnection } from './netcat-connection';
import { summaryRecipient } from './sendmail-summary-recipient';

/**
 * What a log writes before each line of a session: OpenSMTPD's `-dv` trace (`mta: 0xea6710: `), Haraka's
 * protocol log (`[PROTOCOL] [uuid] [outbound] `, `[queue/smtp_forward] `), Android's logcat for K-9 Mail (`D/SmtpTransport(30906):
 * SMTP `, then `<<<` or `>>>`), Roundcube's smtp_log (`[15-Aug-2018 04:28:19 -0500]: <n6lkis24> `, then
 * `Recv:` or `Send:`), PHPMailer's debug output (`2025-04-05 17:38:02 `, then `SERVER -> CLIENT:` or
 * `CLIENT -> SERVER:`; at its first level only the client's lines, and `SMTP ERROR: RCPT TO command
 * failed: 451 ...` for the server's refusal), MDaemon's session log (` Tue 2022-08-09 07:47:32: `, then
 * `<--` or `-->`); DokuWiki's SMTP plugin writes `Got:` and `Sent:` alone; Exim's debug output (`exim -d`)
 * its process id (` 308   SMTP<< 220 ...`, tianon/dockerfiles issue 96).
 */
const LOG_PREFIX = String.raw`050 |\d{1,10} {1,8}(?=SMTP[<>]{2})|(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) )?\d{4}-\d\d-\d\d \d\d:\d\d:\d\d:?\s{1,8}|(?:debug: )?mta: 0x[0-9a-f]{1,16}: |\[PROTOCOL\] \[[^\]\n]{1,80}\] \[[a-z_/]{1,40}\] |[VDIWE]\/[\w.]{1,60}\(\s{0,8}\d{1,10}\):\s{1,4}SMTP |\[[^\]\n]{1,40}\]:\s<[^>\s]{1,40}>\s|\[\d{1,12}\]\s{1,4}`;
// The server's side (MDaemon's session log: `[434849] <-- 550-5.1.1 ...`): Sendmail's `<<<`, Trend Micro's `Received >>>`, swaks's `<-`, `<**` (an error) and
// `<~`, `<~*` (the same inside TLS), RFC 5321's and protocol logs' `S:`, the email-verify tool's
// `SERVER:`, Roundcube's `Recv:` (a bounce's recipient block writes `send: RCPT TO:<...>` then
// `recv: 550 ...`, in PHP-Bounce-Handler's eml/5.1.1.eml), a Node.js client's `recv gmail.com>` (its `send gmail.com>` for the client),
// mailx's and Exim's `-v` output `SMTP<<` (`SMTP>>` for the client), ZMailer's report `->>` (`<<-` for
// the client), PHP's smtp class (Manuel Lemos's, HESK's debug output) `S ` (`C ` for the client), with
// no colon.
const SERVER_PREFIX = String.raw`^\s{0,12}(?:(?:${LOG_PREFIX})?(?:<<<|SMTP<<|->>|Received\s{1,4}>>>|<--|<~?\*{0,2}|<-|[Ss]:|S (?=[245]\d\d[ -])|SERVER:|SERVER -> CLIENT:|SMTP ERROR: [A-Z ]{2,12} command failed:|[Rr]ecv:|Got:|reply: b'|recv [^\s>]{1,253}>)|050 (?=[245]\d\d[ -]))\s{0,12}`;
const SERVER_REPLY = new RegExp(`${SERVER_PREFIX}([245]\\d\\d)([\\s-]|$)`);
const SERVER_LINE_PREFIX = new RegExp(SERVER_PREFIX);
// The client's side: Sendmail's `>>>`, swaks's `->` and `~>`, `C:`, `CLIENT:`, Roundcube's `Send:`, curl's
// `-v` output `> ` (its server lines are `< `).
const CLIENT_PREFIX = String.raw`^\s{0,12}(?:${LOG_PREFIX})?(?:>>>|SMTP>>|<<-|-->|~?->(?!>)|~>|>(?= )|C:|C (?=[A-Z])|CLIENT:|CLIENT -> SERVER:|[Ss]end:|Sent:|send: '|send [^\s>]{1,253}>)\s{0,12}`;
const CLIENT_COMMAND = new RegExp(
  `${CLIENT_PREFIX}(MAIL\\s{1,4}FROM|RCPT\\s{1,4}TO|EHLO|HELO|LHLO|DATA|QUIT|RSET)\\b:?\\s{0,4}(.*)$`,
  'i',
);
/** A client's command that sends no mail, prefixed or typed: `> VRFY b@x`, `EXPN list`, `HELP`, `NOOP`. */
const PROBE_COMMAND = new RegExp(`^(?:${CLIENT_PREFIX}|\\s{0,4})(?:VRFY|EXPN|HELP|NOOP)\\b`, 'i');
// Typed by hand: the command alone at the start of its line.
const TYPED_COMMAND =
  /^\s{0,4}(MAIL\s{1,4}FROM|RCPT\s{1,4}TO|EHLO|HELO|DATA|QUIT|RSET|EXIT)\b:?\s{0,4}(.*)$/i;
const TYPED_REPLY = /^\s{0,4}([245]\d\d)([\s-]|$)/;
/** Sendmail's transcript names the remote before its lines: `... while talking to mx.example.net.:`. */
export const TALKING_TO = /while talking to\s{1,12}([A-Za-z0-9][A-Za-z0-9.-]{0,252}?)\.?:/i;
/**
 * `sendmail -v`'s relay: `050 <rcpt@example.net>... Connecting to mx.example.net. via esmtp...`; without
 * the `050 ` where Sendmail delivered in the foreground itself (`rcpt@example.net... Connecting to ...`).
 */
const SENDMAIL_CONNECTING =
  /^\s{0,4}(?:050 )?<?([^\s<>@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])>?\.\.\. Connecting to ([A-Za-z0-9][A-Za-z0-9.-]{0,252}?)\.? via esmtp/;
/** swaks's and telnet's `Connected to host.` (swaks: `=== Connected to host.`), telnet's `Trying 192.0.2.1...`. */
const CONNECTED_TO = /^\s{0,4}(?:===\s{1,4})?Connected to\s{1,4}([A-Za-z0-9][A-Za-z0-9.-]{0,252}?)\.?\s*$/i;
const CURL_CONNECTED =
  /^\*\s{1,4}Connected to\s{1,4}([A-Za-z0-9][A-Za-z0-9.:-]{0,252}?)\.?\s{1,4}\(([0-9A-Fa-f:.]{2,45})\)\s{1,4}port\s{1,4}\d{1,5}/;
const TRYING = /^\s{0,4}(?:===\s{1,4})?Trying\s{1,4}(\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?\.{0,3}\s*$/i;
/**
 * PHP's smtp class (HESK's debug output, mike-koch/Mods-for-HESK issue 116): `Connecting to host address
 * "192.0.2.1" port 25...`, then `Connected to SMTP server "mx.example.net".`.
 */
const PHP_SMTP_CONNECTING =
  /^\s{0,4}Connecting to host address\s{1,4}"(\d{1,3}(?:\.\d{1,3}){3})"\s{1,4}port\s{1,4}\d{1,5}\.{0,3}\s*$/;
const PHP_SMTP_CONNECTED =
  /^\s{0,4}Connected to SMTP server\s{1,4}"([A-Za-z0-9][A-Za-z0-9.-]{0,252}?)\.?"\.?\s*$/;
/** MDaemon's transcript in its notices: ` Attempting SMTP connection to [192.0.2.1 : 25]`. */
const ATTEMPTING =
  /^\s{0,4}Attempting SMTP connection to\s{1,4}\[(\d{1,3}(?:\.\d{1,3}){3})\s{0,2}:\s{0,2}\d{1,5}\]\s*$/i;
/** The host on the command line: `telnet host 25`, `openssl s_client -connect host:465`, `swaks ... --server host`. */
const COMMAND_HOST =
  /(?:\btelnet|\s-connect|\s--server|\s-s)\s{1,4}([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,10})(?::\d{1,5})?(?:\s|$)/;
/** swaks's envelope on its command line: `--to rcpt@x --from sender@y` (also `-t`, `-f`), after `swaks`. */
const SWAKS_TO = /\s(?:--to|-t)\s{1,4}['"]?([^\s'",<>@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])/g;
const SWAKS_FROM = /\s(?:--from|-f)\s{1,4}['"]?([^\s'",<>@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])/g;
const SWAKS_WORD = /\bswaks\b/g;
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/g;
/** swaks's own prefixes: every line of the server's has one, so a line without is a terminal's wrap. */
const SWAKS_REPLY = /^\s{0,4}(?:<-|<~?\*\*|<~)\s/;
const NOT_A_WRAP = /^\s{0,4}(?:<|-|~|=|\*|[245]\d\d[\s-])|^\s*$/;
const ADDRESS = /<?\s{0,2}([^\s<>@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])\s{0,2}>?/;
const HOST_NAME = /^([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,10})\.?(?:\s|$)/;
/**
 * The remote's answer to EHLO names the client's address: Gmail's `250-mx.google.com at your service,
 * [192.0.2.1]`, Exim's `250-mx.example.net Hello name [192.0.2.1]`, Orange's `250-mwinf5d36 hello
 * [192.0.2.1], pleased to meet you` (no name, lower case: a telnet session to smtp.orange.fr quoted in
 * Tautulli's issue tracker).
 */
const EHLO_ANSWER_IP =
  /^250[ -]\S{1,253}\s(?:at your service,|Hello\s\S{1,253}|hello)\s\[([0-9A-Fa-f.:]{7,45})\]/;
/** The greeting's host name, when it has a dot (`220 mx.google.com ESMTP ...`; not Orange's `mwinf5d36`). */
const GREETING_HOST = /^220[ -]([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,10})\s/;
const SMTPLIB_DEBUG_REPLY = /^\s{0,12}reply: b'/;
const NO_VALID_RECIPIENTS = /\bno valid recipients\b/i;
/** A syntax error (500 to 502, with no status or a 5.5.X one): the command was not understood. */
const MISTYPED = /^50[0-2](?:[ -]5\.5\.\d{1,3})?(?:[ -]|$)(?![\s\S]*\b5\.[1-7]\.\d)/;
/** A protocol log's written line end (Haraka's `...\r\n`, async-smtp's `<CRLF>`). */
const WRITTEN_LINE_END = /(?:\\r\\n|<CRLF>)'?\s*$/;

/** A transcript's reply line (its prefix included), for readers that must not take it as their own. */
export function isTranscriptReply(line: string): boolean {
  return SERVER_REPLY.test(line);
}

/** A line with a prefixed reply: the paste holds a transcript (`<<<`, swaks's `<-`/`<**`). */
export function hasTranscript(lines: readonly string[]): boolean {
  return lines.some(isTranscriptReply);
}

/**
 * telnet's line before the server's greeting: a reply right under it is the greeting, a refusal when it
 * is a 4xx or 5xx (`421 mwinf5c77 ME Service refuse. ... OFR_999 [999]`, a session refused before any
 * command was typed).
 */
const TELNET_ESCAPE = /^\s{0,4}Escape character is '\^\]'\.\s*$/;
/** An envelope command typed at the margin (a literal in isTypedSession's loop was one object a line). */
const TYPED_ENVELOPE_COMMAND = /^\s{0,4}(?:MAIL\s{1,4}FROM|RCPT\s{1,4}TO)\s{0,4}:/i;

/**
 * A session typed by hand: a `MAIL FROM` or `RCPT TO` line at the margin answered, on the next line that
 * is not blank, by a reply; or telnet's escape line answered so by a refusal.
 */
export function isTypedSession(lines: readonly string[]): boolean {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    // (netcat's `-v` line stands where telnet's escape line does: netcat-connection.ts.)
    const afterEscape = TELNET_ESCAPE.test(line) || netcatConnection(line) !== null;
    if (!afterEscape && !TYPED_ENVELOPE_COMMAND.test(line)) continue;
    let k = i + 1;
    while (k < lines.length && (lines[k] ?? '').trim() === '') k++;
    const reply = TYPED_REPLY.exec(lines[k] ?? '');
    // (After the escape line, only a refusal: a `220` greeting starts a session as any other.)
    if (reply && (!afterEscape || reply[1]?.[0] !== '2')) return true;
  }
  return false;
}

interface Session {
  remoteHost: string | null;
  remoteIp: string | null;
  remoteLineIndex: number | null;
  /** The line naming the remote's address, where it is not the host's (telnet's `Trying 192.0.2.1...`). */
  remoteIpLineIndex: number | null;
  sender: string | null;
  recipient: string | null;
  clientName: FoundReply['clientName'] | null;
  clientIp: FoundReply['clientIp'] | null;
  greetedAt: FoundReply['greetedAt'] | null;
  /** The recipient swaks's command line names (`--to`), the session's until a `RCPT TO` says otherwise. */
  commandLineRecipient: string | null;
  /** A client command was read: a Python smtplib line (`reply: b'...'`) counts only after one. */
  commanded: boolean;
  refused: boolean;
  /** Inside DATA's content (typed sessions): its lines are the message, up to `.`. */
  inData: boolean;
  /** The last command sends no mail (`VRFY`...): the replies to it are no refusal. */
  probing: boolean;
}

const newSession = (): Session => ({
  remoteHost: null,
  remoteIp: null,
  remoteLineIndex: null,
  remoteIpLineIndex: null,
  sender: null,
  recipient: null,
  clientName: null,
  clientIp: null,
  greetedAt: null,
  commandLineRecipient: null,
  commanded: false,
  refused: false,
  inData: false,
  probing: false,
});

/** Reads a client command into the session. */
function command(session: Session, verb: string, rest: string, i: number): void {
  const name = verb.toUpperCase().replace(/\s+/g, ' ');
  if (name === 'MAIL FROM') {
    session.sender = ADDRESS.exec(rest)?.[1] ?? null;
    // A refusal of MAIL FROM is of the message swaks was told to send to its `--to`.
    session.recipient = session.commandLineRecipient;
  } else if (name === 'RCPT TO') session.recipient = ADDRESS.exec(rest)?.[1] ?? null;
  else if (name === 'EHLO' || name === 'HELO' || name === 'LHLO') {
    const host = HOST_NAME.exec(rest.trim())?.[1];
    session.clientName = host && !normalizeIp(host) ? { name: host.toLowerCase(), lineIndex: i } : null;
  }
}

/**
 * The address of a swaks option (SWAKS_TO, SWAKS_FROM) on the line, the first after a `swaks` with no
 * line end between them: what `\bswaks\b.*?` followed by the option would match, in one pass. That
 * expression was tried again from every `swaks` to the line's end: a line of 10,000 of them (a shell
 * history pasted as one line) took seconds, quadratic time.
 */
function swaksAddress(line: string, option: RegExp): string | null {
  if (!line.includes('swaks')) return null;
  let found: RegExpExecArray | null = null; // the option's first match at or after the last word's end
  SWAKS_WORD.lastIndex = 0;
  for (let word = SWAKS_WORD.exec(line); word !== null; word = SWAKS_WORD.exec(line)) {
    const from = SWAKS_WORD.lastIndex;
    if (found === null || found.index < from) {
      option.lastIndex = from;
      found = option.exec(line);
      if (found === null) break;
    }
    LINE_TERMINATOR.lastIndex = from;
    const end = LINE_TERMINATOR.exec(line)?.index ?? line.length;
    // `.*?` crosses no line end; the option's leading blank may be the line end itself.
    if (found.index <= end) return found[1] ?? null;
    SWAKS_WORD.lastIndex = end + 1;
  }
  return null;
}

/** Where the remote is named: the command line, telnet's and swaks's connection lines, Sendmail's words. */
function remote(session: Session, line: string, i: number): boolean {
  const to = swaksAddress(line, SWAKS_TO);
  const from = swaksAddress(line, SWAKS_FROM);
  if (to) {
    session.recipient = to;
    session.commandLineRecipient = to;
  }
  if (from) session.sender = from;
  const relaying = SENDMAIL_CONNECTING.exec(line);
  if (relaying?.[2]) {
    Object.assign(session, newSession(), {
      recipient: relaying[1] ?? null,
      remoteHost: relaying[2],
      remoteLineIndex: i,
    });
    return true;
  }
  // curl's `-v`: `* Connected to mx.example.net (192.0.2.1) port 25`, the server and its address.
  const curl = CURL_CONNECTED.exec(line);
  const netcat = curl ? null : netcatConnection(line);
  if (netcat) {
    session.remoteHost = netcat.host;
    session.remoteIp = netcat.ip;
    session.remoteLineIndex = i;
    session.remoteIpLineIndex = i;
    session.refused = false;
    return true;
  }
  if (curl?.[1]) {
    session.remoteHost = normalizeIp(curl[1]) ? null : curl[1];
    session.remoteIp = curl[2] ? normalizeIp(curl[2]) : null;
    session.remoteLineIndex = i;
    session.remoteIpLineIndex = i;
    session.refused = false;
    return true;
  }
  const talking =
    TALKING_TO.exec(line) ??
    CONNECTED_TO.exec(line) ??
    PHP_SMTP_CONNECTED.exec(line) ??
    COMMAND_HOST.exec(line);
  if (talking?.[1] && !normalizeIp(talking[1])) {
    session.remoteHost = talking[1];
    session.remoteLineIndex = i;
    session.refused = false;
    return true;
  }
  if (to || from) return true;
  const trying = TRYING.exec(line) ?? ATTEMPTING.exec(line) ?? PHP_SMTP_CONNECTING.exec(line);
  if (trying?.[1]) {
    session.remoteIp = trying[1];
    session.remoteLineIndex = i;
    session.remoteIpLineIndex = i;
    return true;
  }
  return false;
}

/** A server line's text, without its prefix and a protocol log's written line end. */
const serverText = (line: string) =>
  line.replace(SERVER_LINE_PREFIX, '').replace(WRITTEN_LINE_END, '').trim();

/** A 2xx line: the greeting may name the remote, the EHLO answer the client's address. */
function greeted(session: Session, text: string, i: number): void {
  const greeting = session.remoteHost ? null : GREETING_HOST.exec(text)?.[1];
  if (greeting) {
    session.remoteHost = greeting;
    session.remoteLineIndex = i;
  }
  const client = EHLO_ANSWER_IP.exec(text)?.[1];
  if (client) session.clientIp = { ip: client, lineIndex: i };
  // The date a greeting writes (`220 mx.example.net ESMTP Exim 4.91 #1 Wed, 26 Aug 2020 06:05:14 -0500`,
  // `220 ... ready at Thu, 26 Sep 2019 10:51:20 +0000`), with its zone.
  if (text.startsWith('220') && parseDate(text)?.hadZone) session.greetedAt = { text, lineIndex: i };
}

/** A refusal of the session, ranked as a transcript's (FoundReply.strength 2), with what the session told. */
function sessionReply(session: Session, text: string, lineIndex: number): FoundReply {
  const reply: FoundReply = {
    text,
    lineIndex,
    remoteHost: session.remoteHost,
    remoteIp: session.remoteIp,
    remoteLineIndex: session.remoteLineIndex,
    recipient: session.recipient,
    strength: 2,
  };
  if (
    session.remoteIp &&
    session.remoteIpLineIndex !== null &&
    session.remoteIpLineIndex !== session.remoteLineIndex
  )
    reply.remoteIpLineIndex = session.remoteIpLineIndex;
  if (session.sender) reply.sender = session.sender;
  if (session.clientName) reply.clientName = session.clientName;
  if (session.clientIp) reply.clientIp = session.clientIp;
  if (session.greetedAt) reply.greetedAt = session.greetedAt;
  return reply;
}

/** OpenSMTPD's trace names each session's state machine (`mta: 0xea6710: `): another one is another session. */
const TRACE_ID = /\bmta: (0x[0-9a-f]{1,16}): /;

function sameTrace(a: string, b: string): boolean {
  return TRACE_ID.exec(a)?.[1] === TRACE_ID.exec(b)?.[1];
}

/**
 * The refusals of the session(s) in the lines: prefixed transcripts always, lines typed by hand only
 * when `typed` (isTypedSession said so).
 */
export function sessionReplies(lines: readonly string[], typed: boolean): FoundReply[] {
  const found: FoundReply[] = [];
  const session = newSession();
  const replyLine = typed ? TYPED_REPLY : SERVER_REPLY;
  // A refusal of the greeting, before the client said its name: a client that goes on with `EHLO` anyway
  // (OpenSMTPD's `mta: 0x...: >>> EHLO leki.example.net` after a `554-` banner) names itself after it.
  let refusedBeforeName: FoundReply | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (session.inData) {
      if (line.trim() === '.') session.inData = false;
      continue;
    }
    // Courier's `<rcpt>:` then its indented `host [ip]:` start the next recipient's session (courier-peer.ts).
    const courier = courierPeer(lines, i);
    if (courier) {
      Object.assign(session, newSession(), {
        recipient: courier.recipient,
        remoteHost: courier.host,
        remoteIp: normalizeIp(courier.ip),
        remoteLineIndex: i,
      });
      refusedBeforeName = null;
      continue;
    }
    if (remote(session, line, i)) {
      refusedBeforeName = null;
      continue;
    }
    const client = CLIENT_COMMAND.exec(line) ?? (typed ? TYPED_COMMAND.exec(line) : null);
    if (client?.[1]) {
      session.commanded = true;
      session.probing = false;
      command(session, client[1], (client[2] ?? '').replace(WRITTEN_LINE_END, ''), i);
      if (
        refusedBeforeName &&
        session.clientName &&
        /^(?:EHLO|HELO)$/i.test(client[1]) &&
        sameTrace(lines[refusedBeforeName.lineIndex] ?? '', line)
      )
        refusedBeforeName.clientName = session.clientName;
      refusedBeforeName = null;
      continue;
    }
    // A command that sends no mail (`VRFY`, `EXPN`, `HELP`, `NOOP`): its answer refuses nothing.
    if (PROBE_COMMAND.test(line)) {
      session.probing = true;
      continue;
    }
    const m = replyLine.exec(line) ?? SERVER_REPLY.exec(line);
    if (!m) continue;
    if (typed && m[1] === '354') session.inData = true;
    if (m[1]?.[0] === '2' || m[1]?.[0] === '3') {
      greeted(session, line.replace(SERVER_LINE_PREFIX, ''), i);
      continue;
    }
    if (session.probing) continue;
    // A syntax error answering a command mistyped by hand (`Mail` for `MAIL FROM:`: `501 5.5.4 Unrecognized
    // parameter`) is the typist's, no refusal of the mail.
    if (typed && MISTYPED.test(serverText(line))) continue;
    // After a refusal, DATA's answer that no recipient is left (`503 5.5.1 Need RCPT`, Postfix's `554 5.5.1
    // Error: no valid recipients`, which Sendmail's pipelining puts in its transcript) is its consequence.
    // A refusal in smtplib's debug lines before any command is the end of a reply cut by the paste: its
    // library error (`data: (550, b'...')`) has it whole.
    if (!session.commanded && SMTPLIB_DEBUG_REPLY.test(line)) continue;
    const isConsequence = session.refused && (m[1] === '503' || NO_VALID_RECIPIENTS.test(line));
    session.refused = true;
    const parts = [serverText(line)];
    let j = i;
    const isReply = (l: string) => replyLine.test(l) || SERVER_REPLY.test(l);
    for (;;) {
      const next = lines[j + 1];
      if (next === undefined) break;
      // `550-` lines up to the final `550 `; after a swaks line, the lines its terminal wrapped.
      if (m[2] === '-' && isReply(next)) parts.push(serverText(next));
      else if (SWAKS_REPLY.test(lines[j] ?? '') && !NOT_A_WRAP.test(next)) parts.push(next.trim());
      else break;
      j++;
      if (/^\d{3} /.test(parts[parts.length - 1] ?? '')) break;
    }
    if (!isConsequence) {
      const reply = sessionReply(session, parts.join('\n'), i);
      // No RCPT TO answered: the recipient Sendmail's summary line below names (sendmail-summary-recipient.ts).
      reply.recipient ??= summaryRecipient(lines, j, session.sender);
      found.push(reply);
      refusedBeforeName = session.commanded ? null : reply;
    }
    i = j;
  }
  return found;
}
