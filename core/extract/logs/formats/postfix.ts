/**
 * Postfix (smtp/lmtp delivery agents, qmgr). Facts from Postfix's logging (postfix-grok-patterns and
 * logwatch test data, ../shared/corpus/logs/postfix-*.log):
 * - `QID: from=<sender>, size=N, nrcpt=N (queue active)` (qmgr) gives the envelope sender of a queue id;
 * - `QID: to=<rcpt>, relay=host[ip]:port, ..., dsn=X.Y.Z, status=deferred|bounced|... (text)`, where the
 *   text is `host X[ip] said: REPLY (in reply to CMD command)`, `host X[ip] refused to talk to me: REPLY`,
 *   a bare reply, or a local reason (DNS, timeout) that is no rejection;
 * - per-attempt lines `QID: host X[ip] said: ...` / `refused to talk to me: ...` that the status line of
 *   the same queue id usually repeats;
 * - `dsn=4.0.0` for a 550 greeting refusal: the basic code is taken from the reply, never from dsn=.
 * Postfix does not log the source address of its connections: the sending IP comes only from the reply.
 */

import type { Note, SourceRef } from '../../../types';
import { NOTES } from '../../notes';
import { announcedSizeLimit } from '../../size-limit';
import { cutStatusNote } from '../cut-reply';
import { isLocalPeer } from '../local-peer';
import type { FormatReader, LogRecord, ScanContext, UnqueuedRelease } from '../model';
import { refOf, rememberSender, UNQUEUED } from '../model';
import type { SyslogLine } from '../syslog';
import {
  angleField,
  baseRejection,
  COMPOSE_PREFIX,
  dropUnbalancedParen,
  hostAndIp,
  instanceOf,
  startsWithReplyCode,
  syslogHost,
} from './common';
import { readChatLine, seenAsBy } from './postfix-chat';

const QUEUE_ID = /^([0-9A-Za-z]{5,24}): /;
// The address may have been removed from a pasted log (`host XXXX said:`, `host mx.example.net said:`), or
// the name's first label (`host [redacted]-br.mail.protection.outlook.com[207.46.163.74] said:`). A post
// wrapped between the name and its `[ip]` leaves a space there once the lines are joined. A relay host
// refusing Postfix's login: `SASL authentication failed; server smtp.gmail.com[IP] said: 535-...`. A poster
// may have written words in place of the address (`smtp.sendgrid.net[ip address]`).
const ATTEMPT =
  /^(?:host|SASL authentication failed; server) ((?:\[[A-Za-z_-]{1,20}\])?[^[\s]{1,255}(?: ?\[[^\]\n]{1,64}\])?)(?::\d{1,5})? (said|refused to talk to me): /;
const CONNECT_REFUSED =
  /^connect to ([^[\s]{1,255} ?\[[^\]\n]{1,64}\])(?::\d{1,5})?: (?:server )?refused to talk to me: /;
/**
 * Postfix's words when a remote it must reach over TLS answers STARTTLS with an error (smtp_proto.c):
 * `TLS is required, but host smtp-in.orange.fr[193.252.22.65] refused to start TLS: 454 4.7.0 ...`. The
 * reply after them is the remote's.
 */
const STARTTLS_REFUSED =
  /^TLS is required, but host ([^[\s]{1,255} ?\[[^\]\n]{1,64}\])(?::\d{1,5})? refused to start TLS: /;
const STATUS = /status=([A-Za-z-]{1,40})/;
/** Postfix's words before a reply whose peer a poster cut out entirely: `host said: `. */
const UNNAMED_PEER = /^host (?:said|refused to talk to me): /;
/**
 * Postfix's program and pid opening a line pasted without the syslog stamp and host, maybe behind
 * `docker compose logs`' service name (`smtp_1       | postfix/lmtp[44]: ...`).
 */
// (Also behind the host when only the stamp was cut: `vps postfix/smtp[5327]: ...`.)
const BARE_PROGRAM = new RegExp(
  `^(?:${COMPOSE_PREFIX.source.slice(1)})?(?:([A-Za-z0-9][A-Za-z0-9_.-]{0,252}) )?(postfix[\\w.-]{0,30}\\/[\\w./-]{1,60})\\[\\d{1,10}\\]: `,
);

/** The text after Postfix's program and pid opening a line (BARE_PROGRAM), or '' when none does. */
function afterBareProgram(text: string): string {
  const bare = text.includes('postfix') ? BARE_PROGRAM.exec(text) : null;
  return bare ? text.slice(bare[0].length) : '';
}

/**
 * The sending host: the syslog host field, or the host a line names before Postfix's program when only
 * its stamp was cut (BARE_PROGRAM's first group).
 */
function sendingHostOf(syslog: SyslogLine | null, bare: RegExpExecArray | null, ref: SourceRef) {
  const host = bare?.[1];
  if (syslog || !host || host === 'localhost') return syslogHost(syslog, ref);
  return { value: host, ref, origin: 'syslog-host' as const, instance: instanceOf(bare?.[2] ?? '') };
}

/**
 * The remote peer (`name[ip]`) and its reply in a Postfix reason (`host X[ip] said: REPLY (in reply to
 * ...)`, `host X[ip] refused to talk to me: REPLY`), or null: the reason is local (DNS, timeout...) or a
 * bare reply. Shared with the queue listing (mailq), whose reasons are written the same way.
 */
export function remoteReplyOf(reason: string): { peer: string; reply: string } | null {
  const said = saidIn(reason);
  return said && { peer: said.peer.replace(' [', '['), reply: said.reply };
}

/**
 * Postfix before 2.3 ended its greeting refusal with the port it had connected to: `connect to
 * smtp-in.orange.fr[193.252.22.65]: server refused to talk to me: 421 ... [104]   (port 25)`. Those
 * words are Postfix's, not the remote's reply.
 */
const PORT_NOTE = /\s{1,8}\(port \d{1,5}\)$/;

/** The peer as written and its reply, in an attempt line or a status line's reason (remoteReplyOf). */
function saidIn(text: string): { peer: string; reply: string } | null {
  const attempt = ATTEMPT.exec(text);
  if (attempt) return { peer: attempt[1] ?? '', reply: text.slice(attempt[0].length) };
  const tls = STARTTLS_REFUSED.exec(text);
  if (tls) return { peer: tls[1] ?? '', reply: text.slice(tls[0].length) };
  const connect = CONNECT_REFUSED.exec(text);
  if (!connect) return null;
  return { peer: connect[1] ?? '', reply: text.slice(connect[0].length).replace(PORT_NOTE, '') };
}

/** Postfix marks: its syslog names are `postfix/smtp`, `postfix-out/qmgr`, `postfix/10025/smtpd`... */
function isPostfixProgram(program: string): boolean {
  return program.startsWith('postfix') || /\/(?:smtp|lmtp|qmgr|error|bounce)$/.test(program);
}

const SENDER_LINE = /^[0-9A-Za-z]{5,24}: from=</;

const BARE_MARKERS =
  /^(?:[0-9A-Za-z]{5,24}: (?:to=<|from=<|host |reject: )|NOQUEUE: |connect to \S{1,300}: (?:server )?refused)/;

function readStatus(
  message: string,
  qid: string,
  record: LogRecord,
  syslog: SyslogLine | null,
  program: string | null,
  ctx: ScanContext,
  bare: RegExpExecArray | null = null,
) {
  const statusMatch = STATUS.exec(message);
  if (!statusMatch) return;
  const status = statusMatch[1] ?? '';
  if (status === 'sent' || status === 'deliverable') {
    ctx.count('delivered');
    // Delivered through another MX: the refusals logged before it by earlier attempts were for its
    // recipient (held until a status line names it), and are incidents of their own.
    const to = angleField(message, 'to');
    const ref = refOf(record);
    ctx.release(`postfix:${qid}`, to, ref, processOf(syslog));
    releaseUnqueued(to, ref, syslog, ctx, { senderKey: qid });
    return;
  }
  if (status === 'expired') return;
  const open = message.indexOf(' (', statusMatch.index);
  let text = open < 0 ? '' : statusReason(message, open + 1);
  text = text.replace(/^delivery temporarily suspended: /, '');
  let remote: { host: string | null; ip: string | null } = { host: null, ip: null };
  let reply: string | null = null;
  const said = remoteReplyOf(text);
  let peer = '';
  if (said) {
    peer = said.peer;
    remote = hostAndIp(peer);
    reply = said.reply;
    // The address removed from the reason only (`host mx.example said:`): relay= may still give it.
    if (remote.ip === null && remote.host !== null) {
      const relay = hostAndIp(/relay=([^,\s]{1,400})/.exec(message)?.[1] ?? '');
      if (relay.host === remote.host) remote = relay;
    }
  } else {
    // The whole peer removed from the reason before posting (`status=deferred (host said: 421 ...)`):
    // the reply is still the remote's, and relay= names it.
    const unnamed = UNNAMED_PEER.exec(text);
    const rest = unnamed ? text.slice(unnamed[0].length) : text;
    if (startsWithReplyCode(rest)) {
      reply = rest;
      peer = /relay=([^,\s]{1,400})/.exec(message)?.[1] ?? '';
      if (peer) remote = hostAndIp(peer);
    }
  }
  // A reply from a content filter or LMTP server of this machine, or from the mail store Postfix's
  // LMTP client delivers to (`postfix/lmtp`, Dovecot or Cyrus, often in a container at a private
  // address), is the site's own refusal, not a remote's.
  const ref = refOf(record);
  if (reply === null || isLocalPeer(peer, remote.ip) || isLmtpClient(program)) {
    ctx.count('failure-without-reply');
    if (reply !== null) ctx.warnOnce(OWN_REFUSAL);
    // Postfix's own refusal to send more than the remote's SIZE allows (`message size N exceeds size
    // limit L of server smtp-in.orange.fr[IP]`): said as the notice of a bounce with those words says it.
    const tooBig = reply === null && text.startsWith('message size ') ? announcedSizeLimit(text) : null;
    if (tooBig) ctx.warnOnce(NOTES.sizeLimitAnnounced(tooBig));
    // The attempts logged before it (`host X refused to talk to me: 554 ...`) were for its recipient.
    const to = angleField(message, 'to');
    ctx.release(`postfix:${qid}`, to, ref, processOf(syslog));
    releaseUnqueued(to, ref, syslog, ctx, { senderKey: qid });
    return;
  }
  const rejection = baseRejection('postfix', ref, syslog?.stamp ?? null, reply);
  if (syslog?.stampNote) rejection.stampNote = syslog.stampNote;
  // A line cut where it was pasted, before its status's `)`: the reply may lack its end.
  const cut = cutStatusNote(message, reply);
  if (cut) rejection.replyNote = cut;
  rejection.recipient = angleField(message, 'to');
  rejection.sender = ctx.senders.get(qid) ?? null;
  rejection.senderKey = qid;
  rejection.remoteHost = remote.host;
  rejection.remoteIp = remote.ip;
  rejection.sendingHost = sendingHostOf(syslog, bare, ref);
  rejection.queueKey = `postfix:${qid}`;
  rejection.process = processOf(syslog);
  const seenAs = seenAsBy(ctx, rejection.process, remote.ip);
  if (seenAs) rejection.sendingIps.push(seenAs);
  releaseUnqueued(rejection.recipient, ref, syslog, ctx, { senderKey: qid, status: rejection });
  ctx.emit(rejection);
}

/**
 * Postfix before 2.3 logged a refusal at the greeting without queue id, one line per MX tried
 * (`connect to smtp-in.orange.fr[IP]: server refused to talk to me: 421 ... (port 25)`), then the status
 * line of the message repeating the last one: its delivery agent process (`postfix/smtp[13076]`) does one
 * delivery at a time, so those lines are held by process (model.ts, UNQUEUED) and released by its next
 * status line, which names their recipient and sender, and is the incident of the refusal it repeats.
 */
function releaseUnqueued(
  recipient: string | null,
  ref: SourceRef,
  syslog: SyslogLine | null,
  ctx: ScanContext,
  release: UnqueuedRelease,
) {
  const process = processOf(syslog);
  if (process) ctx.release(UNQUEUED, recipient, ref, process, release);
}

/**
 * The process that wrote a syslog line (`postfix/smtp[5058]`), when it names its pid: the attempts of one
 * delivery and the status lines that end it come from one delivery agent process.
 */
function processOf(syslog: SyslogLine | null): string | undefined {
  return syslog?.pid ? `${syslog.program}[${syslog.pid}]` : undefined;
}

/** Said when a reply came from this machine's own filter or mail store: no incident, and why. */
const OWN_REFUSAL: Note = {
  code: 'input.postfix-own-refusal',
  text: {
    fr: 'Une réponse d’erreur de ce journal vient d’un service de ce serveur lui-même (filtre de contenu comme amavis sur 127.0.0.1, ou remise LMTP à la boîte aux lettres) et non d’un serveur distant\u00a0: ce n’est pas un refus à signaler à Orange.',
    en: 'An error reply in this log comes from a service of this server itself (a content filter such as amavis on 127.0.0.1, or LMTP delivery to the mailbox), not from a remote server: it is no refusal to report to Orange.',
  },
};

/** Postfix's LMTP client (`postfix/lmtp`, `postfix-in/lmtp`): final delivery to a mail store. */
function isLmtpClient(program: string | null): boolean {
  return program?.endsWith('/lmtp') === true;
}

function readAttempt(
  message: string,
  qid: string | null,
  record: LogRecord,
  syslog: SyslogLine | null,
  program: string | null,
  ctx: ScanContext,
  bare: RegExpExecArray | null = null,
): boolean {
  const said = saidIn(message);
  if (!said) return false;
  const remote = hostAndIp(said.peer);
  if (isLocalPeer(said.peer, remote.ip) || isLmtpClient(program)) {
    ctx.count('failure-without-reply');
    return true;
  }
  const ref = refOf(record);
  const rejection = baseRejection('postfix', ref, syslog?.stamp ?? null, said.reply);
  if (syslog?.stampNote) rejection.stampNote = syslog.stampNote;
  rejection.remoteHost = remote.host;
  rejection.remoteIp = remote.ip;
  rejection.sendingHost = sendingHostOf(syslog, bare, ref);
  const process = processOf(syslog);
  const seenAs = seenAsBy(ctx, process, remote.ip);
  if (seenAs) rejection.sendingIps.push(seenAs);
  if (qid) {
    rejection.sender = ctx.senders.get(qid) ?? null;
    rejection.senderKey = qid;
    ctx.hold({ ...rejection, queueKey: `postfix:${qid}`, process });
  } else if (process) {
    ctx.hold({ ...rejection, queueKey: UNQUEUED, process });
  } else {
    ctx.emit(rejection);
  }
  return true;
}

/**
 * The status's reason, from its `(` at `open`: up to the `)` that closes it when words follow that one
 * (the line quoted in a sentence: `...[104])\` which is odd`); else without the parenthesis that closes
 * the status, when it is there: a line a post cut short (`... (S3115)` at its end, the status's own `)`
 * lost) keeps its reply's last one.
 */
function statusReason(message: string, open: number): string {
  let depth = 0;
  let closed = -1;
  // From parenthesis to parenthesis (a reply has a few), not character by character.
  let nextOpen = message.indexOf('(', open);
  let nextClose = message.indexOf(')', open);
  while (nextOpen >= 0 || nextClose >= 0) {
    if (nextOpen >= 0 && (nextClose < 0 || nextOpen < nextClose)) {
      depth++;
      nextOpen = message.indexOf('(', nextOpen + 1);
    } else {
      if (--depth === 0) closed = nextClose;
      nextClose = message.indexOf(')', nextClose + 1);
    }
  }
  if (closed > 0) {
    if (message.slice(closed + 1).trim() !== '') return message.slice(open + 1, closed);
    // The parenthesis opened at `open` closes the line, balanced: what dropUnbalancedParen would give,
    // without counting the reply's parentheses a second time (every status line comes here).
    if (depth === 0) return message.slice(open + 1, closed).trimEnd();
  }
  return dropUnbalancedParen(message.slice(open + 1));
}

export const postfixReader: FormatReader = {
  format: 'postfix',
  claimsSyslog: (syslog) => isPostfixProgram(syslog.program),
  // A sender line behind Postfix's program too: Mailu's no-timestamp syslog template writes
  // `postfix/qmgr[11964]: 4JfcC62DS0z1c1C: from=<...>` (Mailu issue #128), the line the status lines
  // below it need. (Attempt lines so written stay unread: without a stamp, the status line that repeats
  // one for another MX of the same run could not be told from a retry.)
  claimsBare: (text) =>
    BARE_MARKERS.test(text) ||
    (text.includes('status=') && text.includes('to=<')) ||
    SENDER_LINE.test(afterBareProgram(text)),
  read(record, syslog, ctx) {
    // A line pasted without its stamp and host may keep Postfix's program (`postfix/lmtp[44]: 1E2949A:
    // to=<...>, ... status=deferred (host imap[192.168.144.6] said: 451 ...)`): it still tells LMTP.
    const bare = syslog ? null : BARE_PROGRAM.exec(record.text);
    const message = syslog ? syslog.message : bare ? record.text.slice(bare[0].length) : record.text;
    const program = syslog?.program ?? bare?.[2] ?? null;
    const q = QUEUE_ID.exec(message);
    const qid = q?.[1] ?? null;
    const body = q ? message.slice(q[0].length) : message;
    if (
      body.startsWith('reject: ') ||
      body.startsWith('milter-reject: ') ||
      message.startsWith('NOQUEUE: reject')
    ) {
      ctx.count('inbound-rejection');
      return;
    }
    if (qid && body.startsWith('from=<')) {
      const sender = angleField(body, 'from');
      if (sender !== null) rememberSender(ctx, qid, sender, record);
      return;
    }
    if (qid && body.startsWith('to=<')) {
      readStatus(body, qid, record, syslog, program, ctx, bare);
      return;
    }
    // The conversation a debug peer's delivery shows (postfix-chat.ts): its EHLO reply names the client.
    if (!qid && (body.startsWith('< ') || body.startsWith('> '))) {
      if (readChatLine(body, processOf(syslog), record, ctx)) return;
    }
    readAttempt(body, qid, record, syslog, program, ctx, bare);
  },
};
