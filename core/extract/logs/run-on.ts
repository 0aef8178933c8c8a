/**
 * A log whose lines a mail client reflowed into a paragraph runs the next syslog record on after the
 * end of one, on the same line (`... stat=451 Temporary failure, please try again later. Apr 25
 * 12:48:01 lx2 transfer[4603]: smtp-out: Error on session ...`, OpenSMTPD issue #195): a reply read
 * to the end of its record would take the next record in. The next record starts at a stamp followed
 * by the same machine's name and a program, as the record's own prefix does.
 */
import { parseSyslog, type SyslogLine } from './syslog';

/** A syslog stamp ending right before the host: classic (`Apr 25 12:48:01`) or RFC 3339. */
const STAMP_BEFORE =
  /(?:^|\s)(?:[A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d(?:\.\d{1,6})?|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d))$/;

/**
 * The classic stamp with the year written before it (`2024 Dec 31 23:59:41`, syslog.ts): in a log whose
 * records start so, the next one's year is its own (cut at the month, it would be left at the end of the
 * record before, and the next record's year assumed).
 */
const YEAR_FIRST_STAMP_BEFORE =
  /(?:^|\s)(?:19|20)\d\d [A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d(?:\.\d{1,6})?$/;
const YEAR_FIRST = /^(?:19|20)\d\d [A-Z][a-z]{2} /;

/** Where in `text` (the record `syslog` was read from) the next record of the same host starts, or -1. */
export function nextRecordAt(text: string, syslog: SyslogLine): number {
  if (syslog.host === '') return -1;
  const hostAndSpace = `${syslog.host} `;
  const before = YEAR_FIRST.test(text) ? YEAR_FIRST_STAMP_BEFORE : STAMP_BEFORE;
  let at = spacedAt(text, hostAndSpace, text.length - syslog.message.length);
  for (let tries = 0; at >= 0 && tries < 20; tries++) {
    const stamp = before.exec(text.slice(Math.max(0, at - 41), at));
    if (stamp) {
      const start = at - stamp[0].trimStart().length;
      if (parseSyslog(text.slice(start))?.host === syslog.host) return start;
    }
    at = spacedAt(text, hostAndSpace, at + 1);
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

/**
 * Where ` ${hostAndSpace}` first occurs in text from `from`, looked for from the host's first character:
 * indexOf stops at each occurrence of the character it starts with, and a space comes every few
 * characters of a reply (every rejection is read through here). The first occurrence is the first of
 * `hostAndSpace` with a space before it.
 */
function spacedAt(text: string, hostAndSpace: string, from: number): number {
  let at = text.indexOf(hostAndSpace, from + 1);
  while (at > 0 && text.charCodeAt(at - 1) !== 32) at = text.indexOf(hostAndSpace, at + 1);
  return at > 0 ? at - 1 : -1;
}
