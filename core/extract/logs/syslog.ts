/**
 * The syslog prefix of a log line: timestamp, host, program, pid, and where the message starts. Classic BSD
 * syslog (RFC 3164, `Mar 16 02:27:29 host prog[pid]: msg`), ISO/RFC 3339 timestamps
 * (`2023-03-16T02:27:29.739582+01:00 host prog[pid]: msg`, rsyslog's high-precision format and
 * `journalctl -o short-iso`, or without the host), RFC 5424 (`<34>1 2003-10-11T22:14:15.003Z host app
 * procid msgid - msg`) and `journalctl -o short-full` (`Tue 2024-05-07 10:12:31 CEST host prog[pid]: msg`,
 * systemd's format_timestamp: weekday, date, time, zone abbreviation), and `journalctl -o short-monotonic`
 * (`[ 8812.713201] host prog[pid]: msg`, the seconds since boot: no date).
 */
import type { Note } from '../../types';
import { monthNumber } from './month-names';
import { zoneAbbreviationOffset } from './offset-text';
import type { RawStamp } from './time';

export interface SyslogLine {
  stamp: RawStamp;
  /** Said beside the date when the stamp is not the log's own (a web UI's rendering of it). */
  stampNote?: Note;
  host: string;
  program: string;
  pid: string | null;
  message: string;
}

// Bounded, anchored, no nested quantifiers over overlapping classes.
// The month as C writes it (`Mar`), or as a French or German locale does (`mars`, `nov.`, `août`, `Mär`).
// BusyBox's syslogd writes the facility and level after the host (`Jan 23 13:43:49 host mail.info
// postfix/smtp[46829]: ...`, its `host syslog.info` lines in docker-simple-mail-forwarder issue #38).
/**
 * What stands in brackets after the program: its pid, or the DragonFly Mail Agent's queue id (hex, with
 * the recipient's part after a dot: `dma[1a2f3]`, `dma[1a2f3.55d8c6f2a0c0]`), which dma puts there in
 * place of a pid (its setlogident in dma.c; its log reader, formats/dma.ts).
 */
const PID = String.raw`(\d{1,10}|[0-9a-f]{1,16}\.[0-9a-f]{1,16}|[0-9a-f]{1,16}(?=\]: ))`;
// Solaris's syslogd writes a message id and the facility and level after the program (`Oct 20 21:22:57
// host postfix/smtp[2076]: [ID 197553 mail.info] 2E35E2F68: to=<...>`, sendmail's `[ID 801593
// mail.info]`): they are no part of the message.
const BSD = new RegExp(
  String.raw`^(?:<\d{1,3}>)?([A-Za-z\u00e4\u00e9\u00fb]{3,5}\.?) {1,2}(\d{1,2}) (\d{2}:\d{2}:\d{2})(?:\.\d{1,6})? (\S{1,255}) ` +
    String.raw`(?:(?:kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local[0-7])\.(?:emerg|alert|crit|err|warn|warning|notice|info|debug) )?` +
    String.raw`([^\s[:]{1,128})(?:\[${PID}\])?: ?(?:\[ID \d{1,10} [a-z0-9]{2,8}\.[a-z]{3,7}\] )?`,
);
/**
 * A classic stamp then the program with its pid, no host: a container's MTA logging to its standard output
 * (`Jul 28 12:59:52 zonemta[4133539]: info Sender/default/...`, zone-mta issue #447).
 */
const BSD_NO_HOST =
  /^(?:<\d{1,3}>)?([A-Za-z\u00e4\u00e9\u00fb]{3,5}\.?) {1,2}(\d{1,2}) (\d{2}:\d{2}:\d{2})(?:\.\d{1,6})? ([^\s[:]{1,128})\[(\d{1,10})\]: ?/;
// An RFC 3339 stamp, maybe behind a syslog priority.
const ISO_STAMP = String.raw`^(?:<\d{1,3}>)?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})) `;
const ISO = new RegExp(String.raw`${ISO_STAMP}(\S{1,255}) ([^\s[:]{1,128})(?:\[${PID}\])?: ?`);
/**
 * An ISO stamp then the program, no host: a container's Postfix logging to its standard output, the
 * stamp added by `docker logs -t` (`2018-08-22T07:30:18.130405545Z postfix/smtp[137]: ...`, Mailu).
 */
const ISO_NO_HOST = new RegExp(String.raw`${ISO_STAMP}([^\s[:]{1,128})\[(\d{1,10})\]: ?`);
const JOURNAL_FULL =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.\d{1,6})? ([A-Za-z]{1,6}|[+-]\d{2}:?\d{2}) (\S{1,255}) ([^\s[:]{1,128})(?:\[(\d{1,10})\])?: ?/;
/**
 * `journalctl -o short-unix`: seconds since the epoch, then host and program (`1642941829.412347 host
 * postfix/smtp[46829]: ...`). The program's name and pid are required: qmail's splogger writes the same
 * stamp before its own words (`1054194596.057500 delivery 183: failure: ...`), which are no host and program.
 */
const UNIX = /^(\d{9,10}\.\d{1,6}) (\S{1,255}) ([A-Za-z][^\s[:]{0,127})\[(\d{1,10})\]: ?/;
/**
 * `journalctl -o short-monotonic`: the seconds since the host booted, in brackets, padded to five digits
 * (`[ 8812.713201] mail postfix/smtp[1234]: ...`), then host and program. The pid is required: the
 * kernel's ring buffer (`dmesg`) writes the same stamp before its own words, which are no mail program's.
 * `journalctl -o short-delta` adds the seconds since the previous line (`[ 8812.713201 <    0.000412>] mail
 * postfix/smtp[1234]: ...`, systemd's logs-show.c): no date either.
 * Also seconds since the epoch in brackets, with or without a fraction (`[1733412131] mail
 * postfix/smtp[1234]: ...`, a syslog template's): told apart when resolved (bracketed-epoch.ts).
 */
const MONOTONIC =
  /^\[ {0,5}(\d{1,12}\.\d{1,9}|\d{9,10})(?: < {0,5}\d{1,12}\.\d{6}>)?\] (\S{1,255}) ([A-Za-z][^\s[:]{0,127})\[(\d{1,10})\]: ?/;
/**
 * A date and a time separated by a space, without a zone, then host and program with its pid: syslog-ng
 * or rsyslog with an ISO-like template (`2008-06-30 18:54:55 mail postfix/smtp[12345]: ...`), or by a
 * `T` with the zone left out of an RFC 3339 template (`2026-03-16T09:14:00 mx1 postfix/qmgr[3166]: ...`).
 * The pid is required: Exim's own main log writes the same stamp before its message id (`2008-06-30
 * 18:54:55 1KDb2h-0004Ze-2X ** ...`), which is no host and program.
 */
const SPACED_LOCAL =
  /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:[.,]\d{1,6})? (\S{1,255}) ([A-Za-z][^\s[:]{0,127})\[(\d{1,10})\]: ?/;
const RFC5424 =
  /^<\d{1,3}>1 (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})) (\S{1,255}) (\S{1,48}) (\S{1,128}) \S{1,32} (?:-|\[[^\]]{0,2048}\]) ?/;

/**
 * A program and its pid opening a line with no stamp of its own: an MTA in a container writing to its
 * standard output (`postfix/smtp[137]: ...`), the container's runtime giving the time.
 */
const PROGRAM_ONLY = /^([A-Za-z][^\s[:]{0,127})\[(\d{1,10})\]: ?/;

/** True when the line opens with a program and its pid, no stamp (PROGRAM_ONLY). */
export const opensWithProgram = (line: string): boolean => PROGRAM_ONLY.test(line);

/** A stamp-less `prog[pid]:` line dated by `stamp` (its container's), or null when it is none. */
export function parseProgramLine(line: string, stamp: RawStamp): SyslogLine | null {
  const m = PROGRAM_ONLY.exec(line);
  if (!m) return null;
  return { stamp, host: '', program: m[1] ?? '', pid: m[2] ?? null, message: line.slice(m[0].length) };
}

/** The line read by `m`, whose host, program and pid are its groups from `hostGroup` on, dated by `stamp`. */
function lineOf(stamp: RawStamp, m: RegExpExecArray, hostGroup: number, line: string): SyslogLine {
  return {
    stamp,
    host: m[hostGroup] ?? '',
    program: m[hostGroup + 1] ?? '',
    pid: m[hostGroup + 2] ?? null,
    message: line.slice(m[0].length),
  };
}

/** Parses the syslog prefix, or returns null when the line has none. */
export function parseSyslog(line: string): SyslogLine | null {
  const first = line.charCodeAt(0);
  if (first === 60 /* < */ && line.startsWith('1 ', line.indexOf('>') + 1)) {
    const m = RFC5424.exec(line);
    if (m) {
      return {
        stamp: { kind: 'iso', text: m[1] ?? '' },
        host: m[2] ?? '',
        program: m[3] ?? '',
        pid: m[4] === '-' ? null : (m[4] ?? null),
        message: line.slice(m[0].length),
      };
    }
  }
  if (first >= 48 && first <= 57) {
    const m = ISO.exec(line);
    if (!m) return parseUnix(line) ?? parseSpacedLocal(line) ?? parseYearFirst(line);
    // What was read as the host is the program with its pid: there is no host.
    const hostless = m[2]?.includes('[') ? ISO_NO_HOST.exec(line) : null;
    if (hostless) {
      return {
        stamp: { kind: 'iso', text: hostless[1] ?? '' },
        host: '',
        program: hostless[2] ?? '',
        pid: hostless[3] ?? null,
        message: line.slice(hostless[0].length),
      };
    }
    return lineOf({ kind: 'iso', text: m[1] ?? '' }, m, 2, line);
  }
  if (first === 91 /* [ */) return parseMonotonic(line);
  const m = BSD.exec(line);
  if (!m) return parseJournalFull(line) ?? parseHostless(line);
  // What was read as the host is the program with its pid (`Nov 29 10:51:18 postfix/qmgr[12320]: ...`,
  // the host cut out by the poster or never written): there is no host.
  if (m[4]?.endsWith(']:')) {
    const hostless = parseHostless(line);
    if (hostless) return hostless;
  }
  const month = monthNumber(m[1] ?? '');
  if (month === 0) return null;
  return lineOf({ kind: 'syslog', month, day: Number(m[2]), time: m[3] ?? '' }, m, 4, line);
}

/** A `journalctl -o short-unix` line (UNIX). */
function parseUnix(line: string): SyslogLine | null {
  const m = UNIX.exec(line);
  return m ? lineOf({ kind: 'epoch', seconds: Number(m[1]) }, m, 2, line) : null;
}

/** A `journalctl -o short-monotonic` line (MONOTONIC): its stamp is no date, unless it is the epoch's. */
function parseMonotonic(line: string): SyslogLine | null {
  const m = MONOTONIC.exec(line);
  return m ? lineOf({ kind: 'monotonic', seconds: Number(m[1]) }, m, 2, line) : null;
}

/**
 * A zone-less `YYYY-MM-DD HH:MM:SS host prog[pid]:` line (SPACED_LOCAL, or with a `T`): the time is local.
 */
function parseSpacedLocal(line: string): SyslogLine | null {
  const m = SPACED_LOCAL.exec(line);
  return m ? lineOf({ kind: 'local', date: m[1] ?? '', time: m[2] ?? '' }, m, 3, line) : null;
}

/**
 * The year, one space, then a classic line (`2026 Mar 16 10:00:01 mta1 postfix/smtp[..]: ...`): Cisco
 * NX-OS and some syslog-ng or rsyslog templates write the year before the classic stamp (Logstash's grok
 * patterns know it as NEXUSTIMESTAMP). The year is the line's own, so the stamp keeps it and only the
 * zone is assumed. One space only: a line number of `cat -n` is followed by a tab, spaces when pasted.
 */
const YEAR_FIRST = /^((?:19|20)\d\d) (?=[A-Za-z\u00e4\u00e9\u00fb])/;

function parseYearFirst(line: string): SyslogLine | null {
  const y = YEAR_FIRST.exec(line);
  const rest = y ? parseSyslog(line.slice(y[0].length)) : null;
  if (!y || rest?.stamp.kind !== 'syslog') return null;
  const { month, day, time } = rest.stamp;
  const date = `${y[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { ...rest, stamp: { kind: 'local', date, time } };
}

/** A classic stamp, then the program and its pid without a host (BSD_NO_HOST). */
function parseHostless(line: string): SyslogLine | null {
  const m = BSD_NO_HOST.exec(line);
  const month = m ? monthNumber(m[1] ?? '') : 0;
  if (!m || month === 0) return null;
  return {
    stamp: { kind: 'syslog', month, day: Number(m[2]), time: m[3] ?? '' },
    host: '',
    program: m[4] ?? '',
    pid: m[5] ?? null,
    message: line.slice(m[0].length),
  };
}

/**
 * A `journalctl -o short-full` line. The zone is written as an abbreviation: a known one gives the
 * offset, an unknown or ambiguous one (IST, CST) leaves the time local (the assumed zone is then said).
 */
function parseJournalFull(line: string): SyslogLine | null {
  const m = JOURNAL_FULL.exec(line);
  if (!m) return null;
  const [, date = '', time = '', zone = ''] = m;
  const offset = zoneAbbreviationOffset(zone);
  const stamp: RawStamp =
    offset === null ? { kind: 'local', date, time } : { kind: 'iso', text: `${date}T${time}${offset}` };
  return lineOf(stamp, m, 4, line);
}
