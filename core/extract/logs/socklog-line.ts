/**
 * A syslog line as socklog (runit's) or s6-socklog (s6, s6-overlay's containers) writes it: the priority
 * turned into `facility.level: `, then the datagram as the C library's syslog() sent it, a classic stamp
 * and the program with no host (`mail.info: Jan  7 14:35:09 postfix/qmgr[251]: A7EB0B042F1: from=<...>`,
 * a Postfix container's `/var/log/syslogd/mail/current` in guimard/cyrus-postfix-docker's README; the
 * `facility.priority:` names in socklog(8) and s6-socklog's page). Its logger may stamp each line first:
 * svlogd's `-t` and s6-log's `t` a TAI64N label (`@4000000066334a1d1f8e2b3c `), svlogd's `-tt` and `-ttt`
 * UTC (`2025-01-07_14:35:09.12345 `, `2025-01-07T14:35:09.12345 `, svlogd(8)), s6-log's `T` the local
 * time with two spaces after it (`2025-01-07 14:35:09.123456789  `, s6-log's page). That stamp has the
 * year the syslog stamp lacks, so it dates the line. The same loggers stamp a classic line an MTA writes
 * to its own output (Postfix's `maillog_file = /dev/stdout` under s6-overlay, whose catch-all logger
 * writes `T` by default: `2025-03-04 09:12:02.531120483  Mar  4 09:12:02 mail postfix/smtp[88]: ...`,
 * the date twice as skarnet/s6 issue #32 shows it).
 */
import { parseSyslog, type SyslogLine } from './syslog';
import type { RawStamp } from './time';

const FACILITY = '(?:kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local[0-7]|unknown)';
const LEVEL = String.raw`(?:emerg|alert|crit|err|warn|warning|notice|info|debug|\d{1,3})`;
const LOGGER_STAMP = String.raw`@(4[0-9a-f]{15})[0-9a-f]{8} |(\d{4}-\d\d-\d\d)([_T ])(\d\d:\d\d:\d\d)\.\d{1,9} {1,2}`;
const PRIORITY = `${FACILITY}\\.${LEVEL}: `;
/** The logger's stamp, then the priority or not; or the priority alone. */
const SOCKLOG = new RegExp(`^(?:(?:${LOGGER_STAMP})(?:${PRIORITY})?|${PRIORITY})(?=[A-Z])`);

/** TAI64N label → Unix seconds, as daemontools and its heirs write it (2^62 + 10 + Unix time). */
function taiSeconds(hex: string): number {
  return Number(BigInt(`0x${hex}`) - (1n << 62n) - 10n);
}

/** The logger's stamp before the priority, or null when there is none. */
function loggerStamp(m: RegExpExecArray): RawStamp | null {
  if (m[1]) return { kind: 'epoch', seconds: taiSeconds(m[1]) };
  const [, , date, joint, time] = m;
  if (!date || !time) return null;
  // s6-log's `T` writes the local time, svlogd's `-tt` and `-ttt` UTC.
  return joint === ' ' ? { kind: 'local', date, time } : { kind: 'iso', text: `${date}T${time}Z` };
}

/** The syslog line behind socklog's priority or its logger's stamp (or both), or null when `text` is none. */
export function parseSocklogLine(text: string): SyslogLine | null {
  const m = SOCKLOG.exec(text);
  if (!m) return null;
  const line = parseSyslog(text.slice(m[0].length));
  if (!line) return null;
  const stamp = loggerStamp(m);
  return stamp && line.stamp.kind === 'syslog' ? { ...line, stamp } : line;
}
