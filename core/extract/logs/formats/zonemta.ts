/**
 * ZoneMTA (the MTA of Mailtrain and WildDuck), as its log lines are pasted (zone-mta issues #53, #229,
 * #447; Mailtrain issue #297), behind a syslog prefix or not:
 *
 *     info Sender/default/827[14] 17ee78226740009630.001 CONNECTED domain=icloud.com mx=mx01.mail.icloud.com[17.56.9.17] src=server[192.0.2.7]
 *     ERR! Sender/default/827[14] 17ee78226740009630.001 SMTPERR [zLjoL7dmg] src=192.0.2.7 error="Invalid greeting. response=554 5.7.0 Blocked ...: 554 5.7.0 Blocked ..."
 *     info Sender/default/827[14] 17ee78226740009630.001 SMTPCLOSE [zLjoL7dmg] Closed prematurely src=192.0.2.7 response="554 5.7.0 Blocked ..." connected=0.317s.
 *     info Sender/default/4133539[6] id=svd5unyzzguhz22p 1984e8a65b30004db0.001 DEFERRED[network] from=a@example.com to=b@example.net src=192.0.2.7 mx=example.net id=<...> (554 Blocked ...)
 *
 * The delivery id (`17ee78226740009630.001`) ties a line to the `CONNECTED` line that names the MX and
 * its address and the sending address. One refusal is logged up to four times (the session's error,
 * the connection's, its close, then the delivery's verdict): the verdict (`DEFERRED`, `REJECTED`,
 * `BOUNCED`) is the incident, else the session's first line that quotes the reply, each session once.
 */
import { normalizeIp } from '../../ip';
import type { BoundedMap } from '../bounded-map';
import type { FormatReader, ScanContext } from '../model';
import { detach, domainOf, refOf } from '../model';
import { baseRejection, boundedState, hostAndIp, syslogHost } from './common';

const SENDER_LINE =
  /\bSender\/[\w.-]{1,64}\/\d{1,10}(?:\[\d{1,6}\])?\)? (?:id=\S{1,64} )?([0-9a-f]{10,32}\.\d{1,6}) ([A-Z]{4,12})\b/;
const VERDICT = /^(?:DEFERRED|REJECTED|BOUNCED|DROPPED)$/;
const SESSION = /^\[([\w-]{4,32})\]/;
const FIELD = (name: string) => new RegExp(`(?:^|\\s)${name}=(\\S{1,400})`);
const MX = FIELD('mx');
const SRC = FIELD('src');
const TO = FIELD('to');
const FROM = FIELD('from');
/**
 * The reply a verdict line ends with, in parentheses; its `)` may be missing where a copy cut the line
 * (`(550-5.7.26 Your email has been blocked be`): the reply as far as it goes.
 */
const TRAILING_REPLY = /\(([245]\d\d[ -][^\n]{0,4000}?)(?:\)\.?)?\s*$/;
const QUOTED_RESPONSE = /\bresponse="([245]\d\d[ -](?:[^"\\]|\\.){0,4000})"/;
/** `error="Invalid greeting. response=554 ...: 554 ..."`: the reply after `response=`, once. */
const ERROR_RESPONSE = /\berror="[^"]{0,200}?\bresponse=([245]\d\d[ -](?:[^"\\]|\\.){0,4000})"/;

interface Connection {
  mx: string | null;
  src: string | null;
}

function connections(ctx: ScanContext): BoundedMap<string, Connection> {
  return boundedState<Connection>(ctx, 'zonemta.connections');
}

function sessions(ctx: ScanContext): BoundedMap<string, true> {
  return boundedState<true>(ctx, 'zonemta.sessions');
}

/** An address field's value without ZoneMTA's `[original]` after it (`from=a@x[a@x]`). */
function address(value: string | undefined): string | null {
  if (!value) return null;
  const bare = value.replace(/\[[^\]]{0,400}\]$/, '');
  return bare.includes('@') ? bare : null;
}

/** The reply of an `error="... response=554 ...: 554 ..."` field: its first statement of the reply. */
function errorReply(text: string): string | null {
  const m = ERROR_RESPONSE.exec(text);
  if (!m?.[1]) return null;
  const reply = m[1];
  const again = reply.indexOf(`: ${reply.slice(0, 4)}`);
  return again > 0 ? reply.slice(0, again) : reply;
}

export const zonemtaReader: FormatReader = {
  format: 'zonemta',
  claimsSyslog: (syslog) => /^(?:zone-?mta|node)$/i.test(syslog.program) && SENDER_LINE.test(syslog.message),
  claimsBare: (text) => text.includes('Sender/') && SENDER_LINE.test(text),
  read(record, syslog, ctx) {
    const text = syslog ? syslog.message : record.text;
    const line = SENDER_LINE.exec(text);
    if (!line?.[1] || !line[2]) return;
    const id = line[1];
    const action = line[2];
    const rest = text.slice(line.index + line[0].length);
    if (action === 'CONNECTED') {
      const mx = MX.exec(rest)?.[1];
      const src = SRC.exec(rest)?.[1];
      connections(ctx).set(detach(id), { mx: mx ? detach(mx) : null, src: src ? detach(src) : null });
      return;
    }
    const verdict = VERDICT.test(action);
    let reply: string | null = null;
    if (verdict) {
      // `DEFERRED[dns]`: ZoneMTA found no MX to try; its `450 Can't find an MX server` is its own words.
      const local = text.startsWith('[dns]', line.index + line[0].length);
      reply = local ? null : (TRAILING_REPLY.exec(rest)?.[1] ?? null);
      if (!reply) {
        ctx.count('failure-without-reply');
        return;
      }
    } else {
      const session = SESSION.exec(rest.trimStart())?.[1];
      reply = QUOTED_RESPONSE.exec(rest)?.[1] ?? errorReply(rest);
      if (!reply || !session) return;
      // One session's refusal, logged by its error, the connection's and its close: read once.
      const key = `${id} ${session}`;
      if (sessions(ctx).get(key)) return;
      sessions(ctx).set(detach(key), true);
    }
    const ref = refOf(record);
    const rejection = baseRejection('zonemta', ref, syslog?.stamp ?? null, reply.replace(/\\(.)/g, '$1'));
    rejection.recipient = address(TO.exec(rest)?.[1]);
    const sender = address(FROM.exec(rest)?.[1]);
    if (sender) rejection.sender = { value: sender, ref };
    const connection = connections(ctx).get(id);
    // The MX connected to; a verdict's own `mx=` may be the recipient's domain (no MX was found).
    const named = MX.exec(rest)?.[1] ?? null;
    const mx = connection?.mx ?? (named && named !== domainOf(rejection.recipient) ? named : null);
    if (mx) {
      const remote = hostAndIp(mx);
      rejection.remoteHost = remote.host;
      rejection.remoteIp = remote.ip;
    }
    const src = SRC.exec(rest)?.[1] ?? connection?.src ?? null;
    const srcIp = src ? (normalizeIp(src) ?? hostAndIp(src).ip) : null;
    if (srcIp) rejection.sendingIps.push({ value: srcIp, ref });
    rejection.sendingHost = syslogHost(syslog, ref);
    // The delivery's verdict repeats its session's refusal: it replaces the session's line.
    const queueKey = `zonemta:${id}`;
    if (verdict) ctx.emit({ ...rejection, queueKey });
    else ctx.hold({ ...rejection, queueKey });
  },
};
