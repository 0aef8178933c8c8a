/**
 * OpenSMTPD. Its mta logs one line per delivery attempt (mta_log in usr.sbin/smtpd/mta.c):
 * `SESSION mta delivery evpid=ID from=<sender> to=<rcpt> rcpt=<-> source="LOCAL-IP"
 *  relay="REMOTE-IP (remote-host)" delay=Ns result="Ok|TempFail|PermFail|Loop" stat="REPLY"`.
 * `source` is the local address the connection left from: the sending IP.
 * Releases before 6.4 (5.x, 6.0 as shipped by Debian 9) wrote the same facts in another shape, still met
 * in older hosts' logs and in OpenSMTPD issues #541 and #546:
 * `relay: TempFail for EVPID: session=ID, from=<sender>, to=<rcpt>, rcpt=<->, source=LOCAL-IP,
 *  relay=REMOTE-IP (remote-host), delay=6m41s, stat=REPLY`; 5.3 had no session= nor source=.
 * Its first releases (5.1, 2012: mta_envelope_done in mta_session.c) wrote one more shape, without the
 * sender, the reply's text without its three-digit code, and the reply's first digit as a word
 * (`2` Sent, `4` and `5` RemoteError, else LocalError), in OpenSMTPD issue #84:
 * `EVPID: to=<rcpt>, delay=1s, relay=remote-host [IPv6:ADDRESS], stat=RemoteError (5.5.1 TEXT)`.
 */

import type { Note } from '../../../types';
import { isLoopbackIp } from '../../ip';
import { NOTES } from '../../notes';
import type { FormatReader, LogRecord, ScanContext } from '../model';
import { refOf } from '../model';
import type { SyslogLine } from '../syslog';
import { angleField, baseRejection, quotedField, startsWithReplyCode, stripPort, syslogHost } from './common';
import { OLD_SESSION_LINE, readSessionLine } from './opensmtpd-session';

/** The older `relay: RESULT for EVPID: ` prefix. */
const RELAY_RESULT = /^relay: (Ok|TempFail|PermFail|Loop) for [0-9a-f]{16}: /;

interface Delivery {
  result: string;
  stat: string;
  sender: string | null;
  recipient: string | null;
  source: string | null;
  relay: string;
}

/** `mta delivery`, written `mta event=delivery` by OpenSMTPD 6.4 to 6.6 (its README's example). */
const DELIVERY = / mta (?:event=)?delivery /;

/** Fields of the current `mta delivery` line. */
function currentFields(message: string): Delivery | null {
  if (!DELIVERY.test(message)) return null;
  return {
    result: quotedField(message, 'result') ?? /result=(\S{1,16})/.exec(message)?.[1] ?? '',
    stat: quotedField(message, 'stat') ?? '',
    sender: angleField(message, 'from'),
    recipient: angleField(message, 'to'),
    source: quotedField(message, 'source'),
    relay: quotedField(message, 'relay') ?? '',
  };
}

/** Value of `key=` in an older line, up to the next `, ` (the address may lack angle brackets). */
function oldField(fields: string, key: string): string | null {
  const prefix = `${key}=`;
  let at = fields.startsWith(prefix) ? 0 : fields.indexOf(`, ${prefix}`);
  if (at < 0) return null;
  if (at > 0) at += 2;
  const start = at + prefix.length;
  const end = fields.indexOf(', ', start);
  const value = fields.slice(start, end < 0 ? undefined : end).trim();
  return value.replace(/^<|>$/g, '') || null;
}

/** Fields of an older `relay: RESULT for EVPID: ...` line; stat= is last and runs to the line's end. */
function olderFields(message: string): Delivery | null {
  const m = RELAY_RESULT.exec(message);
  if (!m) return null;
  const rest = message.slice(m[0].length);
  const statAt = rest.indexOf('stat=');
  const fields = statAt < 0 ? rest : rest.slice(0, statAt);
  return {
    result: m[1] ?? '',
    stat: statAt < 0 ? '' : rest.slice(statAt + 5),
    sender: oldField(fields, 'from'),
    recipient: oldField(fields, 'to'),
    source: oldField(fields, 'source'),
    relay: oldField(fields, 'relay') ?? '',
  };
}

/** The first releases' line (see above): recipient, remote host, its address, status word, text. */
const FIRST_RELEASES =
  /^[0-9a-f]{16}: to=<([^<>\s]{1,512})>, delay=\S{1,32}, relay=(\S{1,255}) \[(?:IPv6:)?([0-9A-Fa-f.:]{2,45})\], stat=(Sent|RemoteError|LocalError) \((.{0,4096})\)$/;

const CODE_NOT_LOGGED: Note = {
  code: 'opensmtpd-code-not-logged',
  text: {
    fr: 'Les premières versions d’OpenSMTPD n’enregistrent pas le code à trois chiffres de la réponse (RemoteError vaut pour un 4xx comme pour un 5xx)\u00a0: reprenez-le dans le rebond si vous l’avez.',
    en: 'Early versions of OpenSMTPD do not log the reply’s three-digit code (RemoteError stands for a 4xx as well as a 5xx): take it from the bounce if you have it.',
  },
};

/** A line of the first releases read: its status word stands for the reply's code, which it lost. */
function readFirstRelease(
  m: RegExpExecArray,
  record: LogRecord,
  syslog: SyslogLine | null,
  ctx: ScanContext,
) {
  const [, recipient, host, ip, status, text] = m;
  if (status === 'Sent') return ctx.count('delivered');
  if (status !== 'RemoteError' || isLoopbackIp(ip ?? null)) return ctx.count('failure-without-reply');
  const ref = refOf(record);
  const rejection = baseRejection('opensmtpd', ref, syslog?.stamp ?? null, text ?? '');
  rejection.replyNote = CODE_NOT_LOGGED;
  rejection.recipient = recipient ?? null;
  rejection.remoteIp = ip ?? null;
  rejection.remoteHost = host && host !== ip ? host : null;
  rejection.sendingHost = syslogHost(syslog, ref);
  ctx.emit(rejection);
}

/** A local delivery's line (`SESSION mda delivery evpid=... user=forge ... result=TempFail stat=...`). */
const LOCAL_DELIVERY = / mda (?:event=)?delivery .{0,2048}\bresult="?(?:TempFail|PermFail)\b/;

const LOCAL_DELIVERY_FAILED: Note = {
  code: 'input.local-delivery',
  text: {
    fr: 'OpenSMTPD n’a pas pu remettre un message sur la machine même (remise locale, «\u00a0mda\u00a0», dans une boîte aux lettres ou à un serveur LMTP)\u00a0: l’erreur vient de cette machine, pas d’un serveur distant qui refuserait le courrier. Ce n’est pas un refus à signaler à Orange.',
    en: 'OpenSMTPD could not deliver a message on this machine itself (local delivery, "mda", to a mailbox or an LMTP server): the error comes from this machine, not from a remote server refusing the mail. This is not a refusal to report to Orange.',
  },
};

function read(record: LogRecord, syslog: SyslogLine | null, ctx: ScanContext) {
  const message = syslog ? syslog.message : record.text;
  // A session's connecting line (its remote), or its error line (a refusal at the greeting).
  if (readSessionLine(message, record, syslog, ctx)) return;
  const first = FIRST_RELEASES.exec(message);
  if (first) return readFirstRelease(first, record, syslog, ctx);
  if (LOCAL_DELIVERY.test(message)) {
    ctx.warnOnce(LOCAL_DELIVERY_FAILED);
    return ctx.count('failure-without-reply');
  }
  const d = currentFields(message) ?? olderFields(message);
  if (!d) return;
  if (d.result === 'Ok') {
    ctx.count('delivered');
    return;
  }
  if (d.result !== 'TempFail' && d.result !== 'PermFail') return;
  // sa_to_text (to.c) writes an IPv6 address behind `IPv6:`: `relay="IPv6:2a01:... (host)"`.
  const relay = /^(?:IPv6:)?(\S{1,64})(?: \(([^)\s]{1,255})\))?/.exec(d.relay);
  // A filter of this machine (`relay="127.0.0.1 (localhost)"`, the 10027 hop of a real log) is no remote.
  if (!startsWithReplyCode(d.stat) || isLoopbackIp(relay?.[1] ?? null)) {
    // The reply of this machine's own service (a filter on 127.0.0.1, OpenSMTPD issue #546): said so.
    if (relay?.[1] && startsWithReplyCode(d.stat)) ctx.warnOnce(NOTES.localServiceReply(relay[1]));
    ctx.count('failure-without-reply');
    return;
  }
  const ref = refOf(record);
  const rejection = baseRejection('opensmtpd', ref, syslog?.stamp ?? null, d.stat);
  rejection.recipient = d.recipient;
  if (d.sender !== null) rejection.sender = { value: d.sender, ref };
  if (d.source && d.source !== '-')
    rejection.sendingIps.push({ value: stripPort(d.source.replace(/^IPv6:/, '')), ref });
  if (relay) {
    rejection.remoteIp = relay[1] ?? null;
    // Without a reverse name OpenSMTPD writes the address twice (`relay="104.47.38.33 (104.47.38.33)"`).
    rejection.remoteHost = relay[2] && relay[2] !== relay[1] ? relay[2] : null;
  }
  rejection.sendingHost = syslogHost(syslog, ref);
  ctx.emit(rejection);
}

/**
 * Any line of an OpenSMTPD session, `SESSION smtp connected ...`, `SESSION mta connecting ...` (its brief
 * log, as in Gilles Chehade's "OpenSMTPD: logging" article): claimed so that a log whose one
 * `mta delivery` line sits among many session lines is still known as an OpenSMTPD log.
 */
const SESSION_LINE = /^[0-9a-f]{16} (?:smtp|mta|mda|lka) [a-z]/;
/**
 * A session line behind its program's name alone, the stamp and host left out by the poster
 * (`smtpd[24227]: 1e722991167e2b80 mda delivery evpid=...`, OpenSMTPD issue #1276).
 */
const BARE_SESSION_LINE = /^(?:smtpd\[\d{1,10}\]: )?[0-9a-f]{16} (?:smtp|mta|mda|lka) [a-z]/;
/** The first releases' delivery line (FIRST_RELEASES), known by its start. */
const FIRST_RELEASES_START = /^[0-9a-f]{16}: to=<[^<>\s]{1,512}>, delay=/;

export const opensmtpdReader: FormatReader = {
  format: 'opensmtpd',
  claimsSyslog: (syslog) =>
    (syslog.program === 'smtpd' &&
      (SESSION_LINE.test(syslog.message) || FIRST_RELEASES_START.test(syslog.message))) ||
    RELAY_RESULT.test(syslog.message) ||
    // Earlier releases' `smtp-out: ...` lines, also under another process name (`transfer[4603]:`).
    OLD_SESSION_LINE.test(syslog.message),
  claimsBare: (text) => BARE_SESSION_LINE.test(text) || RELAY_RESULT.test(text),
  read,
};
