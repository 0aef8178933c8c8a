/**
 * Haraka outbound (outbound/hmail.js): `[INFO] [uuid] [outbound] Temp failing FILE for N seconds: ERR`
 * for a deferral and `[INFO] [uuid] [outbound] bouncing mail: ERR` for a bounce, where ERR carries the
 * remote reply. Queue file names end with the Haraka host's name (`..._counter_HOST` in current releases,
 * `..._uniq.HOST` in older ones): that machine is the sending host.
 * A reply to RCPT TO is logged on its own line, `[NOTICE] [uuid] [outbound] recipient <rcpt> rejected: ERR`
 * (or `deferred: ERR`), the only line that carries it: the bounce or temp-fail line that follows says
 * only `Some recipients failed: <rcpt>` (Haraka issues #848, #2793; outbound/hmail.js).
 * The remote MX is named only on the lines of the same delivery uuid before it: its address on
 * `[INFO] [uuid] [outbound] Attempting to deliver to: 80.12.24.81:25 (0) (0)` (issues #2507, #2754), its
 * name on `[INFO] [uuid] [outbound] Looking up A records for: HOST` before its attempts (LOOKUP).
 * At PROTOCOL level the remote's answer to EHLO names the address it saw the delivery come from
 * (`[outbound] S: 250-mwinf5c27 hello [IP], pleased to meet you`): the sending IP (EHLO_CLIENT).
 * The envelope sender is on the core's lines of the transaction that took the message in, whose uuid
 * the delivery's extends (`[T.6] [core] recipient <rcpt> code=CONT msg="" sender="a@example.com"`).
 */

import type { SourceRef } from '../../../types';
import type { BoundedMap } from '../bounded-map';
import type { FormatReader, ScanContext } from '../model';
import { detach, refOf, rememberSender } from '../model';
import type { RawStamp } from '../time';
import { baseRejection, boundedState, syslogHost, withoutCompose } from './common';
import { harakaJsonAsDefault, isHarakaJson } from './haraka-json';
import { harakaLogfmtAsDefault, isHarakaLogfmt } from './haraka-logfmt';

const LEADING_ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})) /;
const TEMP_FAIL = /Temp failing (\S{1,512}) for \d{1,12} seconds: /;
const BOUNCE = /bouncing mail: /;
// Later releases put the connection's uuid after `[outbound]` and name a whole domain refused at once:
// `[outbound] [FAEFC4FA-...] recipient domain <bell.net> rejected: 521 Service not available` (issue #2944).
const RECIPIENT =
  /\[outbound\] (?:\[[0-9A-Fa-f-]{36}\] )?recipient (?:(domain) )?<([^>\s]{0,512})> (?:rejected|deferred): /;
const REPLY_CODE = /(?:^|[\s:])([245]\d\d[ -])/;
const DELIVERY_UUID = /\[([0-9A-Fa-f-]{36}(?:\.\d{1,6}){1,3})\] \[outbound\] /;
const ATTEMPT = /Attempting to deliver to: ([0-9A-Fa-f.:]{3,45}):\d{1,5} /;
/**
 * The MX host a delivery looks up before it attempts that host's addresses, `[outbound] Looking up A
 * records for: smtp-in.orange.fr` (try_deliver in outbound/hmail.js): the name of the remote it then
 * reaches. A reply ends the delivery, so the last host looked up is that of the attempt refused.
 */
const LOOKUP = /\[outbound\] Looking up A{1,4} records for: ([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s*$/;
/**
 * The envelope sender as Haraka's core logs the transaction that took the message in: `[core] sender
 * <a@example.com> code=CONT`, or on each recipient's line, `... sender="a@example.com"`.
 */
const CORE_SENDER =
  /\[([0-9A-Fa-f-]{36}(?:\.\d{1,6}){0,2})\] \[core\] (?:sender <([^<>\s]{0,320})>|recipient <[^<>\s]{0,320}> [^\n]{0,300}?\bsender="?([^"\s]{0,320}))/;

/**
 * The remote's answer to EHLO as hmail.js logs the lines it reads at PROTOCOL level (`S: ` then the
 * line), when it names the client's address: Orange's `250-mwinf5c27 hello [203.0.113.40], pleased to
 * meet you` (its wording in a telnet session quoted in Tautulli's issue tracker), Exim's `250-mx.example.net
 * Hello name [IP]`, Gmail's `250-mx.google.com at your service, [IP]`.
 */
const EHLO_CLIENT =
  /\[outbound\] S: 250[ -]\S{1,253} (?:at your service,|Hello \S{1,253}|hello) \[([0-9A-Fa-f.:]{7,45})\]/;

/** The address the remote saw each delivery uuid come from, with its line. */
function clients(ctx: ScanContext): BoundedMap<string, { ip: string; ref: SourceRef }> {
  return boundedState<{ ip: string; ref: SourceRef }>(ctx, 'haraka.clients');
}

/** The remote address of the last attempt of each delivery uuid, bounded like the other per-id state. */
function attempts(ctx: ScanContext): BoundedMap<string, string> {
  return boundedState<string>(ctx, 'haraka.attempts');
}

/** The MX host each delivery uuid looked up last. */
function mxHosts(ctx: ScanContext): BoundedMap<string, string> {
  return boundedState<string>(ctx, 'haraka.mx');
}

/** The reply each delivery uuid's recipient line gave, which its bounce line may repeat (one refusal). */
function refused(ctx: ScanContext): BoundedMap<string, string> {
  return boundedState<string>(ctx, 'haraka.refused');
}

function hostFromQueueFile(name: string): string | null {
  const current = /^\d{1,16}_\d{1,16}_\d{1,6}_\d{1,10}_[^_\s]{1,64}_\d{1,10}_(\S{1,255})$/.exec(name);
  if (current) return current[1] ?? null;
  return /^\d{1,16}_\d{1,6}_\d{1,10}_\d{1,10}\.(\S{1,255})$/.exec(name)?.[1] ?? null;
}

export const harakaReader: FormatReader = {
  format: 'haraka',
  claimsSyslog: (syslog) => syslog.program.toLowerCase() === 'haraka',
  claimsBare: (text) =>
    text.includes('] [outbound] ') ||
    (text.includes('] [core] ') && text.includes('sender')) ||
    isHarakaLogfmt(text) ||
    isHarakaJson(text),
  read(record, syslog, ctx) {
    const written = syslog ? syslog.message : record.text;
    // (Its logfmt and JSON output read as the default format's line: haraka-logfmt.ts, haraka-json.ts.)
    const text = harakaLogfmtAsDefault(written) ?? harakaJsonAsDefault(written) ?? written;
    if (!text.includes('[outbound]')) {
      const core = text.includes('[core]') ? CORE_SENDER.exec(text) : null;
      if (core?.[1]) rememberSender(ctx, `haraka:${core[1]}`, core[2] ?? core[3] ?? '', record);
      return;
    }
    // (Also behind `docker compose logs`' service name: `haraka1-1  | 2025-07-11T23:24:18.218Z [INFO] ...`,
    // Haraka issue #3478.)
    const iso = LEADING_ISO.exec(syslog ? text : withoutCompose(text));
    const stamp: RawStamp | null = iso ? { kind: 'iso', text: iso[1] ?? '' } : (syslog?.stamp ?? null);
    if (text.includes('delivered file=')) {
      ctx.count('delivered');
      return;
    }
    const uuid = DELIVERY_UUID.exec(text)?.[1];
    const lookup = uuid ? LOOKUP.exec(text) : null;
    if (uuid && lookup) {
      mxHosts(ctx).set(detach(uuid), detach((lookup[1] ?? '').toLowerCase()));
      return;
    }
    const client = uuid && text.includes('] S: 250') ? EHLO_CLIENT.exec(text) : null;
    if (uuid && client) {
      clients(ctx).set(detach(uuid), { ip: detach(client[1] ?? ''), ref: refOf(record) });
      return;
    }
    const attempt = ATTEMPT.exec(text);
    if (attempt) {
      if (uuid) {
        attempts(ctx).set(detach(uuid), detach(attempt[1] ?? ''));
        // A new connection: the address the last remote saw may not be this one's.
        clients(ctx).delete(uuid);
      }
      return;
    }
    const temp = TEMP_FAIL.exec(text);
    const bounce = temp ? null : BOUNCE.exec(text);
    const recipientLine = temp || bounce ? null : RECIPIENT.exec(text);
    const found = temp ?? bounce ?? recipientLine;
    if (!found) return;
    const err = text.slice(found.index + found[0].length);
    const code = REPLY_CODE.exec(err);
    if (!code) {
      ctx.count('failure-without-reply');
      return;
    }
    // `bouncing mail: 521 ...` after `recipient domain <x> rejected: 521 ...`: the same refusal.
    if (uuid && bounce && refused(ctx).get(uuid) === err.trim()) return;
    if (uuid && recipientLine) refused(ctx).set(detach(uuid), detach(err.trim()));
    const ref = refOf(record);
    const rejection = baseRejection('haraka', ref, stamp, err.slice(code.index + (code[0].length - 4)));
    // (A domain alone is read as the domain of an address: `@bell.net`.)
    if (recipientLine) {
      const recipient = recipientLine[2] ?? '';
      rejection.recipient = recipient ? `${recipientLine[1] ? '@' : ''}${recipient}` : null;
    }
    if (uuid) {
      rejection.remoteIp = attempts(ctx).get(uuid) ?? null;
      rejection.remoteHost = mxHosts(ctx).get(uuid) ?? null;
      const client = clients(ctx).get(uuid);
      if (client) rejection.sendingIps.push({ value: client.ip, ref: client.ref });
      // The delivery's uuid is the transaction's with one more number (`T.6` → `T.6.1`).
      rejection.sender = ctx.senders.get(`haraka:${uuid.replace(/\.\d{1,6}$/, '')}`) ?? null;
    }
    const host = temp ? hostFromQueueFile(temp[1] ?? '') : null;
    rejection.sendingHost = host
      ? { value: host, ref, origin: 'haraka-queue-file' }
      : syslogHost(syslog, ref);
    ctx.emit(rejection);
  },
};
