/**
 * The stamped first line of an application's log record whose next lines quote a refusal: Python's
 * logging (`2015-04-07 12:38:48,674 5156 ERROR db openerp.addons.base.ir.ir_mail_server: Mail delivery
 * failed via SMTP server 'smtp.example.com'.`, then `SMTPRecipientsRefused: {...}` on the line under it, as
 * Odoo logs it: odoo/odoo issue #6181) or any record opened by a stamp and a log level. Only within the
 * record's block (no empty line between) and only a record with its level written: a stamp alone could be
 * any line's.
 */
import type { lineStamp } from '../line-stamp';

/** Lines above a reply that may still belong to the record that quotes it (a stack trace's, a dict's). */
const MAX_RECORD_LINES = 30;
/** A log level, as Python's logging and most frameworks write it after the stamp. */
const LEVEL = /\b(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL)\b/;

type Stamp = ReturnType<typeof lineStamp>;

/** The nearest stamped line with a log level above `index` in its block, and its stamp; null when none. */
export function recordLineAbove(
  lines: readonly string[],
  index: number,
  stampOf: (line: string | undefined) => Stamp,
): { line: string; stamp: NonNullable<Stamp> } | null {
  for (let above = index - 1; above >= 0 && above >= index - MAX_RECORD_LINES; above--) {
    const line = lines[above];
    if (line === undefined || line.trim() === '') return null;
    const stamp = stampOf(line);
    if (stamp) return LEVEL.test(line) ? { line, stamp } : null;
  }
  return null;
}
