/**
 * What a pasted SMTP session has told so far (smtp-session.ts): the remote it connected to (named by
 * the command line, telnet's, swaks's, curl's or netcat's connection lines, Sendmail's words), the
 * envelope of its commands, the client's name and address, the greeting's date.
 */

import type { FoundReply } from './body-replies';
import { parseDate } from './dates';
import { normalizeIp } from './ip';
import { netcatConnection } from './netcat-connection';
import { serverSessionLine } from './server-log-sessions';

/** Sendmail's transcript names the remote before its lines: `... while talking to mx.example.net.:`. */
export const TALKING_TO = /while talking to\s{1,12}([A-Za-z0-9][A-Za-z0-9.-]{0,252}?)\.?:/i;
/**
 * `sendmail -v`'s relay: `050 <rcpt@example.net>... Connecting to mx.example.net. via esmtp...`; without
 * the `050 ` where Sendmail delivered in the foreground itself (`rcpt@example.net... Connecting to ...`).
 */
const SENDMAIL_CONNECTING =
  /^\s{0,4}(?:050 )?<?([^\s<>@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])>?\.\.\. Connecting to ([A-Za-z0-9][A-Za-z0-9.-]{0,252}?)\.? via esmtp/;
/**
 * swaks's and telnet's `Connected to host.` (swaks: `=== Connected to host.`), telnet's
 * `Trying 192.0.2.1...`.
 */
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
/**
 * The host on the command line: `telnet host 25`, `openssl s_client -connect host:465`,
 * `swaks ... --server host`.
 */
const COMMAND_HOST =
  /(?:\btelnet|\s-connect|\s--server|\s-s)\s{1,4}([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,10})(?::\d{1,5})?(?:\s|$)/;
/**
 * Exim's debug output (`exim -d`) names the recipient each delivery is for on its transport's line, Debian's
 * `debug_print = "T: remote_smtp for $local_part@$domain"` (` 308 T: remote_smtp for a@example.net`, behind
 * the process id and, with `+timestamp`, the time): the session that follows is that recipient's, its refusal
 * of MAIL FROM included.
 */
const EXIM_TRANSPORT =
  /^\s{0,12}(?:\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?\s{1,4})?(?:\d{1,7}\s{1,4})?T:\s{1,4}[A-Za-z0-9_-]{1,64}\s{1,4}for\s{1,4}<?([^\s<>@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])>?\s*$/;
/**
 * Exim's debug output (`exim -d+transport`) as its smtp transport opens each connection: `Connecting to
 * smtp-in.orange.fr [193.252.22.65]:25 from 203.0.113.25 ...  connected` (smtp_out.c; behind the process
 * id, and the time with `+timestamp`). It names the remote and its address, and, when the transport is
 * told its `interface`, the local address the connection leaves from: the sending IP.
 */
const EXIM_CONNECTING =
  /^\s{0,12}(?:\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?\s{1,4})?(?:\d{1,7}\s{1,4})?Connecting to ([A-Za-z0-9][A-Za-z0-9.:-]{0,252}?)\.? \[([0-9A-Fa-f.:]{2,45})\]:\d{1,5}(?: from \[?([0-9A-Fa-f.:]{2,45})\]?)?\s{0,4}\.\.\./;
/**
 * nodemailer's logger names the remote of each connection (nodemailer issue 1099): `[...] DEBUG [sid]
 * Resolved smtp-in.orange.fr as 193.252.22.84 [cache miss]`, then `[...] INFO  [sid] Connection
 * established to 193.252.22.84:25`.
 */
const NODEMAILER_RESOLVED =
  /\] Resolved ([A-Za-z0-9][A-Za-z0-9.-]{0,252}) as ([0-9A-Fa-f.:]{2,45})(?: \[cache (?:hit|miss)\])?\s*$/;
const NODEMAILER_CONNECTED = /\] Connection established to ([0-9A-Fa-f.:]{2,45}):\d{1,5}\s*$/;
/** swaks's envelope on its command line: `--to rcpt@x --from sender@y` (also `-t`, `-f`), after `swaks`. */
const SWAKS_TO = /\s(?:--to|-t)\s{1,4}['"]?([^\s'",<>@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])/g;
const SWAKS_FROM = /\s(?:--from|-f)\s{1,4}['"]?([^\s'",<>@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])/g;
const SWAKS_WORD = /\bswaks\b/g;
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/g;
const ADDRESS = /<?\s{0,2}([^\s<>@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])\s{0,2}>?/;
export const HOST_NAME = /^([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,10})\.?(?:\s|$)/;
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

export interface Session {
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
  /**
   * The recipient swaks's command line names (`--to`), or Exim's debug output its transport's line, the
   * session's until a `RCPT TO` says otherwise.
   */
  commandLineRecipient: string | null;
  /** A client command was read: a Python smtplib line (`reply: b'...'`) counts only after one. */
  commanded: boolean;
  refused: boolean;
  /** Inside DATA's content (typed sessions): its lines are the message, up to `.`. */
  inData: boolean;
  /** The last command sends no mail (`VRFY`...): the replies to it are no refusal. */
  probing: boolean;
}

export const newSession = (): Session => ({
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
export function command(session: Session, verb: string, rest: string, i: number): void {
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
export function remote(session: Session, line: string, i: number): boolean {
  if (serverSessionLine(session, line, i, newSession)) return true;
  const to = swaksAddress(line, SWAKS_TO);
  const from = swaksAddress(line, SWAKS_FROM);
  if (to) {
    session.recipient = to;
    session.commandLineRecipient = to;
  }
  if (from) session.sender = from;
  const transport = EXIM_TRANSPORT.exec(line)?.[1];
  if (transport) {
    Object.assign(session, newSession(), { recipient: transport, commandLineRecipient: transport });
    return true;
  }
  const resolved = NODEMAILER_RESOLVED.exec(line);
  if (resolved?.[2]) {
    Object.assign(session, newSession(), {
      remoteHost: normalizeIp(resolved[1] ?? '') ? null : (resolved[1] ?? null),
      remoteIp: normalizeIp(resolved[2]),
      remoteLineIndex: i,
    });
    return true;
  }
  const established = NODEMAILER_CONNECTED.exec(line);
  if (established?.[1]) {
    const ip = normalizeIp(established[1]);
    // The address resolved just before, or another one: the host's name stays only with its own address.
    if (ip !== session.remoteIp) Object.assign(session, newSession(), { remoteIp: ip, remoteLineIndex: i });
    else if (session.remoteHost) session.remoteIpLineIndex = i;
    return true;
  }
  const exim = EXIM_CONNECTING.exec(line);
  if (exim?.[2]) {
    const host = exim[1] && !normalizeIp(exim[1]) ? exim[1] : null;
    const from = exim[3] ? normalizeIp(exim[3]) : null;
    // A new connection of the same delivery: the recipient its transport's line named stays.
    Object.assign(session, newSession(), {
      recipient: session.commandLineRecipient,
      commandLineRecipient: session.commandLineRecipient,
      remoteHost: host,
      remoteIp: normalizeIp(exim[2]),
      remoteLineIndex: i,
      remoteIpLineIndex: i,
      clientIp: from ? { ip: from, lineIndex: i } : null,
    });
    return true;
  }
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

/** A 2xx line: the greeting may name the remote, the EHLO answer the client's address. */
export function greeted(session: Session, text: string, i: number): void {
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
export function sessionReply(session: Session, text: string, lineIndex: number): FoundReply {
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
