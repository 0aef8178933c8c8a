/**
 * mox (a Go mail server): its log lines are logfmt records, `l=LEVEL m="MESSAGE" key=value ...`, written
 * without a stamp (journald adds its own: `Jun 12 00:27:21 host mox[426904]: l=debug m=...`, mjl-/mox
 * issue #37; bare as in issues #365 and #397). The queue logs a delivery in these records
 * (queue/direct.go, queue/queue.go):
 *
 *     l=info m="delivering to remote" pkg=queue remote=smtp-in.orange.fr cid=19a6f5ebf87 from=a@example.com attempts=1
 *     l=debug m="queue deliverhost result" err="..., transient: 421 ..." pkg=queue host=smtp-in.orange.fr ... cid=19a6f5ebf87 ... remoteip=193.252.22.65
 *     l=error m="temporary failure delivering from queue" err="..., transient: 421 ..." pkg=queue cid=19a6f5ebf87 from=a@example.com attempts=1 cid=19a6f5ebf88 permanent=false code=421 secode= msgid=12 recipient=b@orange.fr
 *     l=error m="permanent failure delivering from queue" err="..., permanent: 550 5.7.1 ..." ... recipient=b@orange.fr
 *
 * Run from mox's docker-compose.yml (service `mox`), `docker compose logs` puts `mox-1  | ` before each
 * record, and `-t` (or `docker logs -t`) the container's RFC 3339 stamp, which then dates it.
 *
 * The failure record is the incident (the debug `deliverhost result` repeats its error); its first `cid` is
 * the delivery's, which the `delivering to remote` record names the MX for, and the debug one its
 * address. The remote's reply is what smtpclient's error (smtpclient/client.go, `Error()`) writes after
 * `permanent: ` or `transient: `: its first line.
 */
import { normalizeIp } from '../../ip';
import type { BoundedMap } from '../bounded-map';
import type { FormatReader, ScanContext } from '../model';
import { detach, refOf } from '../model';
import type { RawStamp } from '../time';
import { baseRejection, boundedState, syslogHost, withoutCompose } from './common';

const RECORD = /^l=(?:debug|info|warn|error|trace|traceauth|tracedata|print) m="/;
const FAILURE = /^(?:temporary|permanent) failure delivering from queue/;
/** The container's stamp (`docker logs -t`, `docker compose logs -t`). */
const CONTAINER_STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) /;
const REPLY_AFTER = /(?:^|, )(?:permanent|transient): (?=[245]\d\d(?:[ -]|$))/;

interface Remote {
  host: string | null;
  ip: string | null;
}

function remotes(ctx: ScanContext): BoundedMap<string, Remote> {
  return boundedState<Remote>(ctx, 'mox.remotes');
}

/** The first value of `key=` in a logfmt record: bare up to a space, or Go-quoted. */
function logfmtField(text: string, key: string): string | null {
  const at = text.indexOf(` ${key}=`);
  if (at < 0) return null;
  const start = at + key.length + 2;
  if (text.charCodeAt(start) !== 34 /* " */) {
    const end = text.indexOf(' ', start);
    return text.slice(start, end < 0 ? text.length : end);
  }
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return value;
    if (c === '\\' && i + 1 < text.length) {
      const next = text[++i];
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
    } else value += c;
  }
  return value;
}

/** A bare record without the container's prefixes before it, and the stamp they gave. */
function bareRecord(text: string): { text: string; stamp: RawStamp | null } {
  const record = withoutCompose(text);
  const stamp = CONTAINER_STAMP.exec(record);
  if (!stamp) return { text: record, stamp: null };
  return { text: record.slice(stamp[0].length), stamp: { kind: 'iso', text: stamp[1] ?? '' } };
}

function remoteOf(ctx: ScanContext, cid: string): Remote {
  const map = remotes(ctx);
  let known = map.get(cid);
  if (!known) {
    known = { host: null, ip: null };
    map.set(detach(cid), known);
  }
  return known;
}

export const moxReader: FormatReader = {
  format: 'mox',
  claimsSyslog: (syslog) => syslog.program === 'mox' && RECORD.test(syslog.message),
  claimsBare: (text) =>
    text.charCodeAt(0) === 108 /* l */ && text.charCodeAt(1) === 61
      ? RECORD.test(text)
      : text.includes(' m="') && RECORD.test(bareRecord(text).text),
  read(record, syslog, ctx) {
    const bare = syslog ? null : bareRecord(record.text);
    const text = bare ? bare.text : (syslog?.message ?? '');
    const open = text.indexOf('m="');
    const message = logfmtField(` ${text.slice(open)}`, 'm') ?? '';
    const cid = logfmtField(text, 'cid');
    if (message === 'delivering to remote') {
      const host = logfmtField(text, 'remote');
      if (cid && host) remoteOf(ctx, cid).host = detach(host.toLowerCase());
      return;
    }
    if (message === 'queue deliverhost result') {
      if (!cid) return;
      const ip = normalizeIp(logfmtField(text, 'remoteip') ?? '');
      const host = logfmtField(text, 'host');
      const known = remoteOf(ctx, cid);
      if (ip) known.ip = ip;
      if (host && !normalizeIp(host)) known.host = detach(host.toLowerCase());
      return;
    }
    if (message === 'delivered from queue') {
      ctx.count('delivered');
      return;
    }
    if (!FAILURE.test(message)) return;
    const error = logfmtField(text, 'err') ?? '';
    const after = REPLY_AFTER.exec(error);
    if (!after) {
      ctx.count('failure-without-reply');
      return;
    }
    const ref = refOf(record);
    const rejection = baseRejection(
      'mox',
      ref,
      syslog?.stamp ?? bare?.stamp ?? null,
      error.slice(after.index + after[0].length),
    );
    const recipient = logfmtField(text, 'recipient');
    rejection.recipient = recipient?.includes('@') ? recipient : null;
    const from = logfmtField(text, 'from');
    if (from?.includes('@')) rejection.sender = { value: from, ref };
    const remote = cid ? remotes(ctx).get(cid) : undefined;
    rejection.remoteHost = remote?.host ?? null;
    rejection.remoteIp = remote?.ip ?? null;
    rejection.sendingHost = syslogHost(syslog, ref);
    ctx.emit(rejection);
  },
};
