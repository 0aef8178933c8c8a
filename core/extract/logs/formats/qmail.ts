/**
 * qmail-send log (multilog or s6-log with TAI64N stamps, the same turned to local time by tai64nlocal
 * (`2024-03-25 17:13:29.474638500 `, no zone) or written so by s6-log's `T`, splogger with epoch stamps, syslog, or lines pasted
 * without their stamp as in bug reports (`delivery 245: failure: Unable_to_run_qmail-remote./`,
 * notqmail issue #244)). Lines:
 * `info msg M: bytes N from <sender> qp P uid U`, `starting delivery D: msg M to remote rcpt`,
 * `delivery D: success|deferral|failure: TEXT`. In TEXT qmail writes spaces as `_` and line breaks as
 * `/`, e.g. `193.252.22.65_does_not_like_recipient./Remote_host_said:_550_..._/Giving_up_on_193.252.22.65./`
 * (as seen in public qmail bounce reports and logs). Since Orange's own tokens contain `_`
 * (`OFR006_102`, `OFR_416`, `ofr_506`), `OFRnnn nnn` and `OFR nnn` are put back together after the
 * spaces are restored (`OFR_nnn` is Orange's usual short form; the rare `OFR 305` cannot be told apart).
 */
import type { BoundedMap } from '../bounded-map';
import type { FormatReader, ScanContext } from '../model';
import { detach, refOf, rememberSender } from '../model';
import type { RawStamp } from '../time';
import { baseRejection, boundedState, syslogHost } from './common';

const TAI64N = /^@(4[0-9a-f]{15})[0-9a-f]{8} /;
const EPOCH = /^(\d{9,10})(?:\.\d{1,9})? /;
// (s6-log's `T` writes the same local time with two spaces after it: `2025-03-04 09:12:02.531120483  `.)
const TAI64N_LOCAL = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})\.\d{9} {1,2}/;
const QMAIL_LINE =
  /^(?:delivery \d{1,12}: (?:success|deferral|failure): |starting delivery \d{1,12}: msg |info msg \d{1,20}: bytes )/;
const DELIVERY = /^delivery (\d{1,12}): (success|deferral|failure): /;
const STARTING = /^starting delivery (\d{1,12}): msg (\d{1,20}) to (?:remote|local) (\S{1,512})/;
const INFO = /^info msg (\d{1,20}): bytes \d{1,20} from <([^>\s]{0,512})>/;
const REMOTE_IP =
  /(?:Connected to |^|\/)(\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]{3,45}) (?:but |does not like |failed after )|Giving up on (\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]{3,45})\./i;

interface Delivery {
  msg: string;
  rcpt: string;
}

function deliveries(ctx: ScanContext): BoundedMap<string, Delivery> {
  return boundedState<Delivery>(ctx, 'qmail.deliveries');
}

/** TAI64N label → Unix seconds, as daemontools writes it (2^62 + 10 + Unix time). */
function taiSeconds(hex: string): number {
  return Number(BigInt(`0x${hex}`) - (1n << 62n) - 10n);
}

/** qmail's log text back to readable text: `_` → space, `/` line breaks before a reply line. */
export function decodeQmailText(text: string): string {
  return text
    .replace(/_/g, ' ')
    .replace(/\b(OFR\d{0,3}) (\d{3})\b/gi, '$1_$2')
    .replace(/\/(?=[245]\d\d[ -])/g, '\n')
    .replace(/\/Giving up on [^/]{1,64}\/?$/, '')
    .replace(/\/$/, '');
}

/** An address the remote's reply names, in angle brackets. */
const REPLY_ADDRESS = /<([^<>\s@]{1,64}@[A-Za-z0-9.-]{1,253})>/g;

export const qmailReader: FormatReader = {
  format: 'qmail',
  claimsSyslog: (syslog) => syslog.program.startsWith('qmail'),
  claimsBare: (text) =>
    TAI64N.test(text) ||
    QMAIL_LINE.test(text) ||
    ((EPOCH.test(text) || TAI64N_LOCAL.test(text)) && /(?:delivery|info msg|new msg|end msg) \d/.test(text)),
  read(record, syslog, ctx) {
    let text = syslog ? syslog.message : record.text;
    let stamp: RawStamp | null = syslog?.stamp ?? null;
    const tai = TAI64N.exec(text);
    const epoch = tai ? null : EPOCH.exec(text);
    const local = tai || epoch ? null : TAI64N_LOCAL.exec(text);
    if (tai) {
      stamp = { kind: 'epoch', seconds: taiSeconds(tai[1] ?? '') };
      text = text.slice(tai[0].length);
    } else if (epoch) {
      stamp = { kind: 'epoch', seconds: Number(epoch[1]) };
      text = text.slice(epoch[0].length);
    } else if (local) {
      stamp = { kind: 'local', date: local[1] ?? '', time: local[2] ?? '' };
      text = text.slice(local[0].length);
    }
    const info = INFO.exec(text);
    if (info) {
      rememberSender(ctx, `q${info[1]}`, info[2] ?? '', record);
      return;
    }
    const starting = STARTING.exec(text);
    if (starting) {
      deliveries(ctx).set(starting[1] ?? '', { msg: starting[2] ?? '', rcpt: detach(starting[3] ?? '') });
      return;
    }
    const d = DELIVERY.exec(text);
    if (!d) return;
    const known = deliveries(ctx).get(d[1] ?? '');
    deliveries(ctx).delete(d[1] ?? '');
    if (d[2] === 'success') {
      ctx.count('delivered');
      return;
    }
    const decoded = decodeQmailText(text.slice(d[0].length));
    const said = decoded.indexOf('Remote host said: ');
    if (said < 0) {
      ctx.count('failure-without-reply');
      return;
    }
    const ref = refOf(record);
    const rejection = baseRejection('qmail', ref, stamp, decoded.slice(said + 18));
    const remote = REMOTE_IP.exec(decoded);
    rejection.remoteIp = remote?.[1] ?? remote?.[2] ?? null;
    if (known) {
      rejection.recipient = known.rcpt;
      rejection.sender = ctx.senders.get(`q${known.msg}`) ?? null;
    } else if (decoded.includes('does not like recipient')) {
      // Without its `starting delivery` line (a paste of the failure alone), the refused recipient is the
      // one address the remote names in its reply to RCPT TO (`550 5.1.1 <a@example.net> is not a valid
      // mailbox`, an LKML post's qmail-send log).
      const named = [...decoded.slice(said).matchAll(REPLY_ADDRESS)];
      if (named.length === 1) rejection.recipient = named[0]?.[1] ?? null;
    }
    rejection.sendingHost = syslogHost(syslog, ref);
    ctx.emit(rejection);
  },
};
