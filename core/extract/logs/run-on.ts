/**
 * A log whose lines a mail client reflowed into a paragraph runs the next syslog record on after the
 * end of one, on the same line (`... stat=451 Temporary failure, please try again later. Apr 25
 * 12:48:01 lx2 transfer[4603]: smtp-out: Error on session ...`, OpenSMTPD issue #195): a reply read
 * to the end of its record would take the next record in. The next record starts at a stamp followed
 * by the same machine's name and a program, as the record's own prefix does, or another machine's.
 */
import { parseSyslog, type SyslogLine } from './syslog';

/**
 * A stamp after a space, where the next record may start: classic (`Apr 25 12:48:01`) or RFC 3339, or
 * in a log whose records start with the year written before the classic stamp (`2024 Dec 31 23:59:41`,
 * syslog.ts), that: the next record's year is its own (cut at the month, it would be left at the end of
 * the record before, and the next record's year assumed).
 */
const STAMP_AFTER_SPACE = /\s(?:[A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)/g;
const YEAR_FIRST_STAMP_AFTER_SPACE = /\s(?:19|20)\d\d [A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d/g;
const YEAR_FIRST = /^(?:19|20)\d\d [A-Z][a-z]{2} /;

/**
 * Where in `text` (the record `syslog` was read from) the next record starts, or -1: a stamp, then the
 * same machine's name and a program, as the record's own prefix has; or another machine's name and a
 * program with its pid (`Mar 16 04:11:00 mta2 postfix/smtp[6080]: `, a log gathered from several hosts),
 * which no reply's words look like. The first stamp that starts none is passed over, and so are the
 * next, up to 20: the search ends at the first record found, never reading the rest of a long line.
 */
export function nextRecordAt(text: string, syslog: SyslogLine): number {
  if (syslog.host === '') return -1;
  const stamps = YEAR_FIRST.test(text) ? YEAR_FIRST_STAMP_AFTER_SPACE : STAMP_AFTER_SPACE;
  stamps.lastIndex = text.length - syslog.message.length - 1;
  for (let tries = 0; tries < 20; tries++) {
    const m = stamps.exec(text);
    if (!m) return -1;
    const start = m.index + 1;
    const next = parseSyslog(text.slice(start));
    if (next && (next.host === syslog.host || (next.host !== '' && next.pid !== null))) return start;
    stamps.lastIndex = start;
  }
  return -1;
}

/**
 * When `text` (whose first record `first` was read from) runs records on, calls `each` with each record
 * in turn and returns true; returns false, having called nothing, when it holds one record. A loop, not
 * a recursion (a whole mail.log pasted without its line breaks is tens of thousands of records), and
 * linear in the length of `text`: each search for the next record starts where the last record began
 * and stops at the first one found, and each record is handed over alone, never with the rest.
 */
export function eachRunOnRecord(text: string, first: SyslogLine, each: (record: string) => void): boolean {
  let next = nextRecordAt(text, first);
  if (next <= 0) return false;
  let rest = text;
  while (next > 0) {
    each(rest.slice(0, next).trimEnd());
    rest = rest.slice(next);
    // nextRecordAt checked that the next record parses, with the same host.
    const syslog = parseSyslog(rest);
    next = syslog ? nextRecordAt(rest, syslog) : -1;
  }
  each(rest);
  return true;
}
