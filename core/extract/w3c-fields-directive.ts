/**
 * A log written in the W3C extended log format's layout opens with directive lines, `#Name: value`, one of
 * them naming the columns of the rows below: ActivMail 2's send log, as its documentation shows it
 * (`#Software: ActivMail - CFDEV.COM`, `#Version: 2.1.0.3`, `#Fields: DateTime,Mode,Status,MailServer,...`,
 * then quoted CSV rows). Its `#Fields:` line is then the export's header, not its first line.
 */
import type { SourceText } from './source-text';

/** A directive line (`#Software: ...`, `#Version: ...`, `#Date: ...`, `#Fields: ...`). */
const DIRECTIVE = /^#[A-Za-z][A-Za-z-]{0,30}:/;
const FIELDS = /^#Fields:\s{0,4}/i;
/** Directive lines looked at: a handful open such a log. */
const MAX_DIRECTIVES = 8;

/** The column names a `#Fields:` directive among the text's opening directive lines gives, or null. */
export function fieldsDirective(source: SourceText): string | null {
  for (let n = 1; n <= Math.min(source.lineCount, MAX_DIRECTIVES); n++) {
    const line = source.line(n);
    if (!DIRECTIVE.test(line)) return null;
    const fields = FIELDS.exec(line);
    if (fields) return line.slice(fields[0].length);
  }
  return null;
}
