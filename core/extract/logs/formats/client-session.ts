/**
 * An outgoing SMTP session as a protocol log writes it, one row per command sent and per reply received
 * (Exchange's SMTP Send protocol log, IIS's SMTP service log): a row says nothing of the command a reply
 * answers. Commands are answered in the order they were sent (pipelining included), so the session
 * keeps the commands still waiting for their reply; a reply with none waiting is the greeting, and the
 * reply after `354` answers the end of the message, which no row logs.
 */
import { isHostName } from '../../header-block';
import type { RawRejection, ScanContext } from '../model';
import { detach, type Found, type LogRecord, refOf } from '../model';
import type { RawStamp } from '../time';
import { baseRejection, startsWithReplyCode } from './common';

interface Pending {
  verb: string;
  recipient: string | null;
}

export interface ClientSession {
  /** The sending address the log gives for the session (a private one names no sender: incident.ts). */
  local: string | null;
  /** The sending machine as the log names it (RawRejection.loggedBy). */
  machine: string | null;
  remote: string | null;
  /** The remote's name, when the log gives it apart from its address (nodemailer's `Resolved HOST as IP`). */
  remoteHost: string | null;
  helo: Found<string> | null;
  /** The client's address as the remote's EHLO reply names it (`hello [192.0.2.7]`). */
  seenAs: Found<string> | null;
  sender: Found<string> | null;
  /** RCPT TO addresses the remote accepted: a refusal of the message's data is theirs. */
  accepted: Found<string>[];
  pending: Pending[];
}

export function newClientSession(): ClientSession {
  return {
    local: null,
    machine: null,
    remote: null,
    remoteHost: null,
    helo: null,
    seenAs: null,
    sender: null,
    accepted: [],
    pending: [],
  };
}

/** A remote's EHLO reply naming the client's address: `hello [192.0.2.7]`, `Hello name [192.0.2.7]`. */
const SEEN_AS = /\bhello\b[^[\n]{0,255}\[(\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]{2,39})\]/i;
const ADDRESS = /^(?:MAIL FROM|RCPT TO):\s?<([^<>\s]{0,320})>/i;

/** A command sent (`EHLO name`, `MAIL FROM:<a>`, `RCPT TO:<b>`, `DATA`...): it waits for its reply. */
export function commandSent(session: ClientSession, command: string, record: LogRecord): void {
  const verb = /^[A-Za-z]{2,10}/.exec(command)?.[0]?.toUpperCase() ?? '';
  if (!verb) return;
  const address = ADDRESS.exec(command)?.[1] ?? null;
  if (verb === 'EHLO' || verb === 'HELO') {
    // A bare machine name (IIS's default EHLO is often the NetBIOS name) names no host to report.
    const name = command.slice(5).trim();
    session.helo = isHostName(name) ? { value: detach(name.toLowerCase()), ref: refOf(record) } : null;
  }
  if (verb === 'MAIL') {
    session.sender = address === null ? null : { value: detach(address), ref: refOf(record) };
    session.accepted = [];
  }
  session.pending.push({ verb, recipient: verb === 'RCPT' && address ? detach(address) : null });
  // A session that lost its replies (an excerpt) must not grow without end.
  if (session.pending.length > 64) session.pending.shift();
}

/**
 * The next session between the same two machines: what the last one said of its message is no longer true.
 */
function startAnew(session: ClientSession): void {
  Object.assign(session, newClientSession(), {
    local: session.local,
    machine: session.machine,
    remote: session.remote,
    remoteHost: session.remoteHost,
  });
}

/**
 * A reply received: the answer to the oldest command waiting, or the greeting when none is. A 4xx or 5xx
 * reply is emitted as a rejection: of a RCPT TO, for its recipient; of the message's data, for each
 * recipient accepted; else (the greeting, EHLO, MAIL FROM) for no recipient.
 */
export function replyReceived(
  session: ClientSession,
  reply: string,
  record: LogRecord,
  stamp: RawStamp | null,
  format: RawRejection['format'],
  ctx: ScanContext,
): void {
  // A log without session ids (IIS's) shows the next session's greeting after a QUIT or a command left
  // unanswered: a 220 that answers no STARTTLS, or a refusal where QUIT's 221 was due, starts anew.
  const head = session.pending[0]?.verb;
  const greeting =
    (reply.startsWith('220') && head !== undefined && head !== 'STARTTLS') ||
    (head === 'QUIT' && !reply.startsWith('2'));
  if (greeting) startAnew(session);
  const command = session.pending.shift() ?? null;
  if (command?.verb === 'QUIT') startAnew(session);
  if (reply.startsWith('354')) session.pending.unshift({ verb: 'DOT', recipient: null });
  if (!startsWithReplyCode(reply)) return;
  const ref = refOf(record);
  const verb = command?.verb;
  if (!/^[45]/.test(reply)) {
    if (verb === 'EHLO' || verb === 'HELO') {
      const ip = SEEN_AS.exec(reply)?.[1];
      if (ip) session.seenAs = { value: detach(ip), ref };
    }
    if (verb === 'RCPT' && command?.recipient) session.accepted.push({ value: command.recipient, ref });
    if ((verb === 'DOT' || verb === 'BDAT') && reply.startsWith('250')) ctx.count('delivered');
    return;
  }
  const dataRefused = verb === 'DATA' || verb === 'DOT' || verb === 'BDAT';
  const recipients: (string | null)[] =
    verb === 'RCPT'
      ? [command?.recipient ?? null]
      : dataRefused && session.accepted.length > 0
        ? session.accepted.map((r) => r.value)
        : [null];
  for (const recipient of recipients) {
    const rejection = baseRejection(format, ref, stamp, reply);
    rejection.recipient = recipient;
    rejection.remoteIp = session.remote;
    rejection.remoteHost = session.remoteHost;
    if (session.local) rejection.sendingIps.push({ value: session.local, ref });
    if (session.seenAs) rejection.sendingIps.push(session.seenAs);
    if (session.helo) rejection.sendingHost = { ...session.helo, origin: 'helo' };
    if (session.machine) rejection.loggedBy = session.machine;
    // The greeting's refusal comes before MAIL FROM: no sender of this session.
    rejection.sender = command === null ? null : session.sender;
    ctx.emit(rejection);
  }
}
