/**
 * OpenSMTPD's session-level refusals. A remote server that refuses at the greeting (or at EHLO, HELO,
 * STARTTLS, AUTH) answers before any message is handed to the session, so no `mta delivery` line
 * carries its reply: mta_error (usr.sbin/smtpd/mta_session.c) logs it alone, as
 * `SESSION mta error reason=BANNER rejected: REPLY` (6.4 and later; `mta error reason=TLS required but
 * not supported by remote host` is grepped for in NixOS's OpenSMTPD test), or
 * `smtp-out: Error on session SESSION: BANNER rejected: REPLY` in earlier releases (the
 * `smtp-out: Error on session ...: Connection closed unexpectedly` lines of OpenSMTPD issue #195).
 * Orange's connection-level blocks (OFR 100-104, 999) are refused there. The remote is named only by
 * the session's connecting line before it, `SESSION mta connecting address=smtp://IP:25 host=NAME`
 * (`smtp-out: Connecting to smtp+tls://IP:25 (NAME) on session SESSION...` earlier); the local address
 * and the message's sender are logged nowhere for such a session.
 */

import type { Note } from '../../../types';
import { isLoopbackIp } from '../../ip';
import { NOTES } from '../../notes';
import type { LogRecord, ScanContext } from '../model';
import { detach, refOf } from '../model';
import type { SyslogLine } from '../syslog';
import { baseRejection, boundedState, startsWithReplyCode, syslogHost } from './common';

interface Remote {
  ip: string;
  host: string | null;
}

/** `SESSION mta connecting address=smtp://IP:25 host=NAME` (an IPv6 address is written `IPv6:...`). */
const CONNECTING =
  /^([0-9a-f]{16}) mta connecting address=[a-z+]{1,16}:\/\/(?:IPv6:)?([0-9A-Fa-f.:]{2,45}):\d{1,5} host=(\S{1,255})/;
/** The earlier `smtp-out: Connecting to smtp+tls://IP:25 (NAME) on session SESSION...`. */
const OLD_CONNECTING =
  /^smtp-out: Connecting to [a-z+]{1,16}:\/\/(?:IPv6:)?([0-9A-Fa-f.:]{2,45}):\d{1,5} \((\S{1,255})\) on session ([0-9a-f]{16})/;
/** The session's error, in either shape: its session id, then the reason mta_error was given. */
const ERROR =
  /^(?:([0-9a-f]{16}) mta error reason=|smtp-out: Error on session ([0-9a-f]{16})(?: after \d{1,10} messages?(?: sent)?)?: )/;
/** The reasons that quote the remote's reply (mta_response in mta_session.c). */
const REFUSED = /^(?:BANNER|EHLO|HELO|LHLO|STARTTLS|AUTH) rejected: /;

/** Why such a refusal has no sender, recipient nor sending IP of its own. */
const NO_MESSAGE: Note = {
  code: 'opensmtpd-refused-before-message',
  text: {
    fr: 'OpenSMTPD note ce refus à part, avant qu’un message ne soit confié à la session : ni l’expéditeur, ni le destinataire, ni l’adresse d’envoi ne l’accompagnent dans le journal. Reprenez-les des messages en attente à ce moment (leurs lignes « smtp envelope » et « mta delivery »).',
    en: 'OpenSMTPD logs this refusal on its own, before any message is handed to the session: neither the sender, the recipient nor the sending address goes with it in the log. Take them from the messages queued at that time (their “smtp envelope” and “mta delivery” lines).',
  },
};

/** The remote each session connected to, bounded like the other per-id state. */
function sessions(ctx: ScanContext) {
  return boundedState<Remote>(ctx, 'opensmtpd.sessions');
}

/** Without a reverse name OpenSMTPD writes none (`host=(null)`, or the address again). */
function remoteOf(ip: string, host: string): Remote {
  const named = host !== '(null)' && host !== ip && host !== `[${ip}]`;
  return { ip: detach(ip), host: named ? detach(host) : null };
}

/** True when the line was a session's connecting or error line (read here), false otherwise. */
export function readSessionLine(
  message: string,
  record: LogRecord,
  syslog: SyslogLine | null,
  ctx: ScanContext,
): boolean {
  const connecting = CONNECTING.exec(message);
  if (connecting) {
    sessions(ctx).set(detach(connecting[1] ?? ''), remoteOf(connecting[2] ?? '', connecting[3] ?? ''));
    return true;
  }
  const old = OLD_CONNECTING.exec(message);
  if (old) {
    sessions(ctx).set(detach(old[3] ?? ''), remoteOf(old[1] ?? '', old[2] ?? ''));
    return true;
  }
  const error = ERROR.exec(message);
  if (!error) return false;
  const reason = message.slice(error[0].length);
  const refused = REFUSED.exec(reason);
  const reply = refused ? reason.slice(refused[0].length) : '';
  if (!startsWithReplyCode(reply)) {
    ctx.count('failure-without-reply');
    return true;
  }
  const remote = sessions(ctx).get(error[1] ?? error[2] ?? '') ?? null;
  // A filter or LMTP server of this machine (`address=lmtp://127.0.0.1:24`) is no remote.
  if (remote && isLoopbackIp(remote.ip)) {
    ctx.warnOnce(NOTES.localServiceReply(remote.ip));
    ctx.count('failure-without-reply');
    return true;
  }
  const ref = refOf(record);
  const rejection = baseRejection('opensmtpd', ref, syslog?.stamp ?? null, reply);
  rejection.remoteIp = remote?.ip ?? null;
  rejection.remoteHost = remote?.host ?? null;
  rejection.sendingHost = syslogHost(syslog, ref);
  rejection.replyNote = NO_MESSAGE;
  ctx.emit(rejection);
  return true;
}

/** An earlier release's session line (`smtp-out: ...`), claimed with the OpenSMTPD reader. */
export const OLD_SESSION_LINE = /^smtp-out: (?:Connecting to |Error on session )/;
