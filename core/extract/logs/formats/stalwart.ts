/**
 * Stalwart (0.9 and later), its text log as users paste it in its issues (#777, #908, #1099): an RFC 3339
 * stamp, a level, the event's description and its id in parentheses, then `key = value` pairs, strings in
 * double quotes (crates/trc/src/serializers/text.rs). Behind journald's prefix (`... stalwart[1895]:
 * 2025-08-11T14:40:59Z TRACE ...`, #1999), or `docker compose logs`' (`stalwart | INFO ...`, the stamp
 * then sometimes cut by the user). A delivery to a remote MX:
 *
 *     ... INFO Connecting to remote server (delivery.connect) queueId = 3135..., from = "a@example.com", to = ["b@orange.fr"], ..., hostname = "smtp-in.orange.fr", localIp = 198.51.100.25, remoteIp = 193.252.22.65, remotePort = 25, elapsed = 41ms
 *     ... INFO SMTP RCPT TO rejected (delivery.rcpt-to-rejected) queueId = 3135..., ..., hostname = "smtp-in.orange.fr", to = "b@orange.fr", code = 550, details = "...", elapsed = 212ms
 *     ... INFO DSN permanent failure notification (delivery.dsn-perm-fail) queueId = 3135..., ..., details = "Unexpected response for RCPT TO:<b@orange.fr>: Code: 550, Enhanced code: 5.7.1, Message: ...", total = 0
 *
 * The `*-rejected` line is the refusal, its reply without the enhanced code (Stalwart keeps it apart); the
 * DSN line that follows repeats it with that code: one incident, the refusal's line, the DSN's code. A
 * DSN line alone (an excerpt cut to it) is the incident. A refusal at the greeting (where Orange's
 * connection blocks come) is logged with Stalwart's status text instead of `code`: `details = "Permanent
 * Failure: Unexpected response from 'mx': Code: 550, Enhanced code: 0.0.0, Message: ..."`. `localIp` is the
 * sending address when Stalwart binds one (0.0.0.0 when it lets the system choose: no address then).
 */
import { normalizeIp } from '../../ip';
import type { BoundedMap } from '../bounded-map';
import type { FormatReader, RawRejection, ScanContext } from '../model';
import { detach, refOf } from '../model';
import type { RawStamp } from '../time';
import { baseRejection, boundedState, syslogHost, withoutCompose } from './common';

const LEVEL = '(?:TRACE|DEBUG|INFO|WARN|ERROR)';
/** A Stalwart event line: optional stamp, level, description, `(group.event)`. */
const EVENT = new RegExp(
  String.raw`^(?:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) )?${LEVEL} [^()\n]{1,120} \(([a-z0-9-]{2,32})\.([a-z0-9-]{2,48})\)(?: |$)`,
);
/** The delivery events that log a remote server's refusal (`code` and `details`, or a status text). */
const REJECTED = new Set([
  'greeting-failed',
  'ehlo-rejected',
  'mail-from-rejected',
  'rcpt-to-rejected',
  'message-rejected',
]);
const DSN_FAILURE = new Set(['dsn-perm-fail', 'dsn-temp-fail']);
/**
 * Stalwart's account of a reply (smtp-proto's `Response` as text, in DSN lines and in a greeting's failure
 * status): `Code: 550, Enhanced code: 5.7.1, Message: ...`, the enhanced code `0.0.0` when the server gave
 * none.
 */
const RESPONSE_TEXT = /\bCode: ([245]\d\d), Enhanced code: (\d\.\d{1,3}\.\d{1,3})?, Message: ([^\n]*)/;

/**
 * The remote's reply a delivery event gives (`delivery.<name>`): a refusal's `code` and `details`, or
 * Stalwart's status text in `details` (a DSN event, a greeting refused: `details = "Permanent Failure:
 * Unexpected response from 'mx': Code: 550, Enhanced code: 0.0.0, Message: ..."`), its enhanced code
 * apart (none for `0.0.0`). Null when the event holds no reply. Shared with its webhook's events
 * (formats/stalwart-webhook.ts), whose `data` holds the same keys.
 */
export function stalwartReply(
  name: string,
  code: string | null,
  details: string | null,
): { reply: string; enhanced: string | null } | null {
  if (REJECTED.has(name) && code && /^[245]\d\d$/.test(code) && details !== null)
    return { reply: `${code} ${details}`, enhanced: null };
  const response = RESPONSE_TEXT.exec(details ?? '');
  if (!response) return null;
  const enhanced = response[2] && response[2] !== '0.0.0' ? response[2] : null;
  return { reply: `${response[1]} ${response[3]?.trimEnd()}`, enhanced };
}

/** True for the delivery events that report a remote's refusal or a DSN for one. */
export const isStalwartFailureEvent = (name: string): boolean => REJECTED.has(name) || DSN_FAILURE.has(name);

interface Connection {
  hostname: string | null;
  remoteIp: string | null;
  localIp: string | null;
}

interface Pending {
  rejection: RawRejection;
  queueKey: string;
}

/**
 * A `key = "value"` string (Stalwart escapes no quote inside: the value ends at `", key = ` or the line's
 * end).
 */
function stringField(text: string, key: string, from = 0): string | null {
  const at = text.indexOf(`, ${key} = "`, from);
  const start =
    at >= 0 ? at + key.length + 6 : text.startsWith(`${key} = "`, from) ? from + key.length + 4 : -1;
  if (start < 0) return null;
  const end = /"(?=, [A-Za-z]{1,32} = |\s*$)/g;
  end.lastIndex = start;
  const m = end.exec(text);
  if (!m) return null;
  return text
    .slice(start, m.index)
    .replace(/\\([rnt\\])/g, (_, c: string) =>
      c === 'r' ? '\r' : c === 'n' ? '\n' : c === 't' ? '\t' : '\\',
    );
}

/** A `key = value` written bare (numbers, addresses). */
function bareField(text: string, key: string): string | null {
  return new RegExp(`(?:^|, )${key} = ([^,\\s"]{1,64})`).exec(text)?.[1] ?? null;
}

/**
 * The recipient the event is about: the `to = "..."` string, else the span's list when it has one address.
 */
function recipientOf(fields: string): string | null {
  const one = /, to = "([^"\s]{1,320})"/.exec(fields)?.[1];
  if (one) return one;
  const list = /(?:^|, )to = \["([^"\s]{1,320})"\]/.exec(fields)?.[1];
  return list ?? null;
}

/** One Stalwart delivery event line, read apart from a log (a line pasted in a message's body). */
export interface StalwartEventLine {
  name: string;
  queueId: string | null;
  hostname: string | null;
  remoteIp: string | null;
  recipient: string | null;
  /** The envelope sender (`from`), when it is an address. */
  sender: string | null;
  /** The remote's reply the event gives (stalwartReply), null for none. */
  reply: { reply: string; enhanced: string | null } | null;
}

/**
 * The line as a Stalwart `delivery.*` event (stamp optional, `docker compose logs`' prefix allowed); null
 * otherwise.
 */
export function stalwartEventLine(line: string): StalwartEventLine | null {
  const text = withoutCompose(line.trimStart());
  const event = EVENT.exec(text);
  if (event?.[2] !== 'delivery') return null;
  const name = event[3] ?? '';
  const fields = text.slice(event[0].length);
  const from = stringField(fields, 'from');
  return {
    name,
    queueId: bareField(fields, 'queueId'),
    hostname: stringField(fields, 'hostname')?.toLowerCase() ?? null,
    remoteIp: normalizeIp(bareField(fields, 'remoteIp') ?? ''),
    recipient: recipientOf(fields),
    sender: from?.includes('@') ? from : null,
    reply: isStalwartFailureEvent(name)
      ? stalwartReply(name, bareField(fields, 'code'), stringField(fields, 'details'))
      : null,
  };
}

function connections(ctx: ScanContext): BoundedMap<string, Connection> {
  return boundedState<Connection>(ctx, 'stalwart.connections');
}

function pending(ctx: ScanContext): BoundedMap<string, Pending> {
  return boundedState<Pending>(ctx, 'stalwart.pending');
}

export const stalwartReader: FormatReader = {
  format: 'stalwart',
  claimsSyslog: (syslog) => /^stalwart(?:-mail|-smtp)?$/i.test(syslog.program) && EVENT.test(syslog.message),
  claimsBare: (text) => text.includes(') ') && EVENT.test(withoutCompose(text)),
  read(record, syslog, ctx) {
    const text = syslog ? syslog.message : withoutCompose(record.text);
    const event = EVENT.exec(text);
    if (!event) return;
    const name = event[3] ?? '';
    const fields = text.slice(event[0].length);
    const queueId = bareField(fields, 'queueId');
    // The attempt is over (retried later, or done): its refusals are published, a later one is its own.
    if (queueId && ((event[2] === 'queue' && name === 'rescheduled') || name === 'attempt-end')) {
      pending(ctx).delete(queueId);
      ctx.release(`stalwart:${queueId}`, null, refOf(record));
      return;
    }
    if (event[2] !== 'delivery') return;
    if (name === 'delivered') {
      ctx.count('delivered');
      return;
    }
    if (name === 'connect' && queueId) {
      connections(ctx).set(detach(queueId), {
        hostname: stringField(fields, 'hostname'),
        remoteIp: normalizeIp(bareField(fields, 'remoteIp') ?? ''),
        localIp: normalizeIp(bareField(fields, 'localIp') ?? ''),
      });
      return;
    }
    if (!isStalwartFailureEvent(name)) return;
    const rejected = REJECTED.has(name);
    const stamp: RawStamp | null = event[1] ? { kind: 'iso', text: event[1] } : (syslog?.stamp ?? null);
    const queueKey = `stalwart:${queueId ?? ''}`;
    const { reply, enhanced } = stalwartReply(
      name,
      bareField(fields, 'code'),
      stringField(fields, 'details'),
    ) ?? { reply: null, enhanced: null };
    if (!reply) {
      ctx.count('failure-without-reply');
      return;
    }
    if (!rejected && queueId) {
      // The DSN repeating the refusal read above: that refusal, with the enhanced code the DSN gives.
      const waiting = pending(ctx).get(queueId);
      if (waiting && waiting.rejection.replyText === reply) {
        pending(ctx).delete(queueId);
        ctx.emit({ ...waiting.rejection, loggedEnhanced: enhanced, queueKey: waiting.queueKey });
        return;
      }
    }
    const ref = refOf(record);
    const rejection = baseRejection('stalwart', ref, stamp, reply);
    rejection.loggedEnhanced = enhanced;
    rejection.recipient = recipientOf(fields);
    const from = stringField(fields, 'from');
    if (from?.includes('@')) rejection.sender = { value: from, ref };
    const connection = queueId ? connections(ctx).get(queueId) : undefined;
    const hostname = stringField(fields, 'hostname') ?? connection?.hostname ?? null;
    rejection.remoteHost = hostname ? hostname.toLowerCase() : null;
    if (connection && (connection.hostname === null || connection.hostname === hostname)) {
      rejection.remoteIp = connection.remoteIp;
      const local = connection.localIp;
      // 0.0.0.0 / :: : Stalwart bound no address, the system chose one the log does not say.
      if (local && local !== '0.0.0.0' && local !== '::') rejection.sendingIps.push({ value: local, ref });
    }
    rejection.sendingHost = syslogHost(syslog, ref);
    if (rejected && queueId) {
      pending(ctx).set(detach(queueId), { rejection, queueKey });
      ctx.hold({ ...rejection, queueKey });
    } else ctx.emit(rejection);
  },
};
