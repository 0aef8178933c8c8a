/**
 * chasquid (a small Go MTA, packaged by Debian): its mail log, one line per event, as its maillog package
 * writes them (internal/maillog/maillog.go; the format its tests check):
 *
 *     QID from=SENDER queued ip=CLIENT:PORT to=[RCPT ...]
 *     QID from=SENDER to=RCPT sent
 *     QID from=SENDER to=RCPT failed (temporary): ERROR
 *     QID from=SENDER to=RCPT failed (permanent): ERROR
 *     CLIENT:PORT rejected from=SENDER to=[RCPT ...] - ERROR
 *
 * The log goes to syslog by default (`mail_log_path: "<syslog>"`, tag `chasquid`: `Mar  1 10:15:06 mx
 * chasquid[812]: QID from=...`); written to a file (or to standard output under journald) each line starts
 * with Go's local time and no zone, `2024-03-01 10:15:06.654321 ` (blitiri.com.ar/go/log). The queue id is
 * eight random bytes in unpadded URL-safe base64 (internal/queue).
 *
 * The remote's reply is inside chasquid's own words (internal/courier/smtp.go): `Error creating client:
 * 421 ...` (the greeting, where Orange's connection blocks come), `Error saying hello: ...`, `MAIL+RCPT
 * 550 ...`, `DATA 554 ...`, `DATA closing 550 ...`, wrapped, when every MX deferred, in `all MXs returned
 * transient failures (last: ...)`. A multi-line reply reaches chasquid as Go's net/textproto reads it, its
 * lines joined by line breaks without their `550-` (the enhanced code a server repeats stays), and is
 * logged as it is: in a file (or a syslog file fed from the journal) its next lines follow alone, without a
 * stamp (records.ts joins them), and through rsyslog each break is written `#012`. The line names neither the MX nor the address chasquid sent from: they
 * stay empty (the `queued` line's `ip=` is the client that handed the message in, never the sender to the
 * MX). An inbound `rejected` line is chasquid's own refusal, no incident.
 */
import type { FormatReader } from '../model';
import { refOf } from '../model';
import type { RawStamp } from '../time';
import { baseRejection, dropUnbalancedParen, syslogHost } from './common';

/** Go's stamp when the log is a file: local time to the microsecond, no zone. */
const FILE_STAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)\.\d{6} /;
const QUEUE_ID = '[A-Za-z0-9_-]{11}';
const EVENT = new RegExp(
  String.raw`^(${QUEUE_ID}) from=(\S{0,512}) (?:to=(\S{1,512}) (sent|failed \((?:temporary|permanent)\): )|queued ip=|completed loop|all done)`,
);
const INBOUND = /^\S{1,80}:\d{1,5} (?:rejected|auth (?:failed|succeeded)) /;
/** What chasquid writes before the remote's reply, up to the reply's code. */
const BEFORE_REPLY =
  /(?:Error creating client|Error saying hello|MAIL\+RCPT|DATA closing|DATA writing:|DATA):? (?=[245]\d\d(?:[ -]|$))/;

/** A line break as rsyslog writes a control character it receives (`#012`, octal). */
const ESCAPED_LINE_BREAK = /#012/g;

/** The line's own stamp when the log is a file (also behind a syslog prefix: `<stdout>` under journald). */
function fileStamp(text: string): { stamp: RawStamp; length: number } | null {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(19) !== 46) return null;
  const m = FILE_STAMP.exec(text);
  return m ? { stamp: { kind: 'local', date: m[1] ?? '', time: m[2] ?? '' }, length: m[0].length } : null;
}

/** An address as chasquid logs it (bare, or `<>` for a bounce's null sender). */
function address(value: string | undefined): string | null {
  return value?.includes('@') ? value : null;
}

/** The remote's reply inside chasquid's error text, or null (its own failures: DNS, dial, TLS). */
function chasquidReply(error: string): string | null {
  const m = BEFORE_REPLY.exec(error);
  if (!m) return null;
  // The line breaks of a multi-line reply (see the module's comment), as rsyslog escapes them.
  return dropUnbalancedParen(error.slice(m.index + m[0].length).replace(ESCAPED_LINE_BREAK, '\n'));
}

export const chasquidReader: FormatReader = {
  format: 'chasquid',
  claimsSyslog: (syslog) => syslog.program === 'chasquid',
  claimsBare: (text) => {
    const own = fileStamp(text);
    if (!own) return false;
    const rest = text.slice(own.length);
    return EVENT.test(rest) || INBOUND.test(rest) || rest.startsWith('daemon listening on ');
  },
  read(record, syslog, ctx) {
    let text = syslog ? syslog.message : record.text;
    let stamp = syslog?.stamp ?? null;
    const own = fileStamp(text);
    if (own) {
      // Go's stamp carries the year the syslog one lacks.
      stamp = own.stamp;
      text = text.slice(own.length);
    }
    if (INBOUND.test(text)) {
      if (text.includes(' rejected ')) ctx.count('inbound-rejection');
      return;
    }
    const event = EVENT.exec(text);
    if (!event?.[4]) return;
    if (event[4] === 'sent') {
      ctx.count('delivered');
      return;
    }
    const reply = chasquidReply(text.slice(event[0].length));
    if (!reply) {
      ctx.count('failure-without-reply');
      return;
    }
    const ref = refOf(record);
    const rejection = baseRejection('chasquid', ref, stamp, reply);
    rejection.recipient = address(event[3]);
    const sender = address(event[2]);
    if (sender) rejection.sender = { value: sender, ref };
    rejection.sendingHost = syslogHost(syslog, ref);
    ctx.emit(rejection);
  },
};
