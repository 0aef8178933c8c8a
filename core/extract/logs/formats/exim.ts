/**
 * Exim main log. Facts from Exim's specification, chapter "Log files" (../shared/corpus/logs/exim-1.log)
 * and its test suite logs (exim-2.log, exim-3.log):
 * - `DATE TIME [+ZONE] ID <= sender ... H=host [ip] ...` message arrival (sender = envelope sender);
 * - `ID ** rcpt [<orig>] [F=<sender>] R=router T=transport H=host [ip] [I=[ip]:port] : SMTP error from
 *   remote mail server after CMD: REPLY` permanent failure, `ID == rcpt R= T= defer (n) H=host [ip]: ...`
 *   deferral; older releases write `SMTP error from remote mailer after ...: host X [ip]: REPLY`;
 * - `ID H=host [ip]: SMTP error ...` per-attempt lines repeated by the `==`/`**` line that follows (the
 *   host may be missing: `ID SMTP error from remote mail server after ...: REPLY`);
 * - the error names the command it answered; `after MAIL FROM:<sender> SIZE=n` echoes the envelope sender;
 * - `I=[ip]:port` on a delivery line is the local interface used (log_selector +outgoing_interface):
 *   the sending IP. `H=` is the remote host, never the sender.
 * - The timestamp has no zone unless log_timezone is set (then `+0100` follows the time).
 */
import type { FormatReader, LogRecord, ScanContext } from '../model';
import { refOf, rememberSender } from '../model';
import type { SyslogLine } from '../syslog';
import type { RawStamp } from '../time';
import { baseRejection, dropUnbalancedParen, syslogHost } from './common';
import { readCalloutRefusal } from './exim-callout';

const STAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.\d{3})?(?: ([+-]\d{4}))?(?: \[\d{1,10}\])? /;
const MESSAGE_ID = /^([0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}) /;
const REMOTE_H = /(?:^|\s)H=(\S{1,255}) \[([^\]\s]{1,64})\]/;
const OLD_HOST = /host (\S{1,255}) \[([^\]\s]{1,64})\]: /;
const LOCAL_I = /\sI=\[([^\]\s]{1,64})\]/;
// F= (log_selector +sender_on_delivery), or P= (+return_path_on_delivery: the return path, the envelope
// sender the remote was given).
const SENDER_F = /\s[FP]=<([^>\s]{0,512})>/;
/** The command Exim echoes when the reply came after it: `after [pipelined] MAIL FROM:<sender> SIZE=n`. */
const MAIL_FROM_ECHO = /\safter (?:pipelined )?MAIL FROM:<([^>\s]{0,512})>/;

const ATTEMPT_WITHOUT_HOST = /^(?:\[\]: )?SMTP error from remote mail(?:er| server) after /;

/** The reply after `SMTP error from remote mail server after ...:` (the first `: NNN` that follows). */
function replyAfterError(text: string): string | null {
  const at = text.search(/SMTP error from remote mail(?:er| server)/);
  let from = at < 0 ? text.indexOf('response was: ') : at;
  if (from < 0) return null;
  for (let i = text.indexOf(': ', from); i >= 0 && i < text.length; i = text.indexOf(': ', i + 2)) {
    if (/^[245]\d\d(?:[ -]|$)/.test(text.slice(i + 2, i + 6))) return text.slice(i + 2);
    from = i;
  }
  return null;
}

function stampOf(m: RegExpExecArray): RawStamp {
  const [, date = '', time = '', zone] = m;
  if (zone) return { kind: 'iso', text: `${date}T${time}${zone}` };
  return { kind: 'local', date, time };
}

const RCPT_TO_ECHO = /\bafter (?:pipelined )?RCPT TO:<([^\s<>@]{1,64}@[^\s<>@]{1,255})>/i;

function readDelivery(
  rest: string,
  id: string,
  flag: string,
  stamp: RawStamp | null,
  record: LogRecord,
  syslog: SyslogLine | null,
  ctx: ScanContext,
) {
  const reply = replyAfterError(rest);
  if (reply === null) {
    ctx.count('failure-without-reply');
    return;
  }
  const ref = refOf(record);
  const rejection = baseRejection('exim', ref, stamp, dropUnbalancedParen(reply));
  const remote = REMOTE_H.exec(rest) ?? OLD_HOST.exec(rest);
  if (remote) {
    const host = remote[1]?.replace(/^\(|\)$/g, '') ?? null;
    rejection.remoteHost = host === remote[2] ? null : host;
    rejection.remoteIp = remote[2] ?? null;
  }
  const local = LOCAL_I.exec(rest)?.[1];
  if (local) rejection.sendingIps.push({ value: local, ref });
  rejection.sendingHost = syslogHost(syslog, ref);
  // F= (log_selector +sender_on_delivery), else the <= line of the message, else the envelope sender
  // Exim echoes in `after MAIL FROM:<...>` (the <= line may be in an earlier log than the one pasted).
  const f = SENDER_F.exec(rest) ?? (ctx.senders.get(id) ? null : MAIL_FROM_ECHO.exec(rest));
  rejection.sender = f ? { value: f[1] ?? '', ref } : (ctx.senders.get(id) ?? null);
  // Its `<=` line may come below (an excerpt pasted as two greps, the refusals first): it waits for it.
  rejection.senderKey = id;
  rejection.queueKey = `exim:${id}`;
  // The address the remote refused, as Exim echoes the command (`after RCPT TO:<a@x>`): after a redirect
  // it is not the one Exim logs first, and the per-attempt line has no other.
  const echoed = RCPT_TO_ECHO.exec(rest)?.[1] ?? null;
  if (flag === 'H=') {
    ctx.hold({ ...rejection, recipient: echoed, queueKey: `exim:${id}` });
    return;
  }
  const rcpt = /^\S{1,512}/.exec(rest.slice(3))?.[0] ?? null;
  rejection.recipient = echoed ?? rcpt?.replace(/^<|>$/g, '') ?? null;
  ctx.emit(rejection);
}

/**
 * A line of a message's own log (`exim -Mvl`, the msglog directory): the main log's lines without the
 * message id, `Received from <sender> U=... P=...` for the arrival, `rcpt R=router T=transport defer (n)
 * H=host [ip]: SMTP error ...` (or `** rcpt ...`) for a failure. One message per log: its id is `msglog`.
 */
const MESSAGE_LOG_ARRIVAL = /^Received from (\S{1,512}) (?:U=|P=|H=)/;
const MESSAGE_LOG_FAILURE =
  /^(?:\*\* )?<?[^\s<>@]{1,256}@[^\s<>@]{1,255}>?(?: <\S{1,512}>)? R=\S{1,64} T=\S{1,64}/;

function readMessageLog(
  text: string,
  stamp: RawStamp | null,
  record: LogRecord,
  syslog: SyslogLine | null,
  ctx: ScanContext,
): boolean {
  const arrival = MESSAGE_LOG_ARRIVAL.exec(text);
  if (arrival) {
    rememberSender(ctx, 'msglog', arrival[1] === '<>' ? '' : (arrival[1] ?? ''), record);
    return true;
  }
  if (MESSAGE_LOG_FAILURE.test(text)) {
    readDelivery(text.startsWith('** ') ? text : `== ${text}`, 'msglog', '==', stamp, record, syslog, ctx);
    return true;
  }
  if (text.startsWith('H=') && text.includes('SMTP error from remote mail')) {
    readDelivery(text, 'msglog', 'H=', stamp, record, syslog, ctx);
    return true;
  }
  return false;
}

/** A delivery line without its flag: the recipient, its router and transport, then a deferral or an error. */
const UNFLAGGED_DELIVERY =
  /^ {1,2}[^\s@]{1,64}@[^\s@]{1,255}(?: <[^\s>]{0,320}>)? R=\S{1,64} T=\S{1,64}(?: (defer \(-?\d{1,5}\)))?: SMTP error /;

/** Reads one Exim line (without syslog prefix, or the message part of one). */
function readExim(text: string, record: LogRecord, syslog: SyslogLine | null, ctx: ScanContext) {
  const s = STAMP.exec(text);
  const stamp = s ? stampOf(s) : (syslog?.stamp ?? null);
  const afterStamp = s ? text.slice(s[0].length) : text;
  const idMatch = MESSAGE_ID.exec(afterStamp);
  if (!idMatch) {
    if (readMessageLog(afterStamp, stamp, record, syslog, ctx)) return;
    if (readCalloutRefusal(afterStamp, stamp, record, syslog, ctx)) return;
    if (/rejected|authenticator failed/.test(afterStamp)) ctx.count('inbound-rejection');
    return;
  }
  const id = idMatch[1] ?? '';
  const rest = afterStamp.slice(idMatch[0].length);
  const flag = rest.slice(0, 2);
  if (flag === '<=') {
    const sender = /^<= (\S{1,512})/.exec(rest)?.[1];
    if (sender) rememberSender(ctx, id, sender === '<>' ? '' : sender, record);
    return;
  }
  if (flag === '=>' || flag === '->' || flag === '*>') {
    ctx.count('delivered');
    return;
  }
  if (flag === '**' || flag === '==' || flag === 'H=') {
    readDelivery(rest, id, flag, stamp, record, syslog, ctx);
    return;
  }
  // The per-attempt line without its host (`ID SMTP error from remote mail server after MAIL FROM:<...>
  // SIZE=n: 421 ...`, as in a PHPMailer issue and Exim's test logs; `ID []: SMTP error ...` when the
  // host was cut out): read as an `H=` line, which a `==`/`**` line of the same message may repeat.
  if (ATTEMPT_WITHOUT_HOST.test(rest)) {
    readDelivery(rest, id, 'H=', stamp, record, syslog, ctx);
    return;
  }
  // A delivery line whose `==` or `**` a paste lost (a documentation page's `ID  rcpt R=dnslookup
  // T=remote_smtp defer (0): SMTP error ...`): Exim's `defer (n)` tells a deferral, a bare `T=...:` a
  // failure.
  const unflagged = UNFLAGGED_DELIVERY.exec(rest);
  if (unflagged) {
    const lost = unflagged[1] ? '==' : '**';
    readDelivery(`${lost} ${rest.trimStart()}`, id, lost, stamp, record, syslog, ctx);
    return;
  }
  if (/rejected/.test(rest)) ctx.count('inbound-rejection');
}

export const eximReader: FormatReader = {
  format: 'exim',
  claimsSyslog: (syslog) => syslog.program.startsWith('exim'),
  claimsBare: (text) => STAMP.test(text),
  read(record, syslog, ctx) {
    readExim(syslog ? syslog.message : record.text, record, syslog, ctx);
  },
};
