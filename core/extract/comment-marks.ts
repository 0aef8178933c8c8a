/**
 * Log lines kept in a program's or a script's comments (`\t// 2026-03-03T10:18:23.504367+00:00 mail
 * postfix/smtp[1010314]: ...` in a Go test, `#Aug 23 18:08:08 server1 postfix/smtp[23523]: ...` in a
 * shell script): the comment mark goes from each line where a log stamp follows it, so the line is read as
 * the log record it is. Other lines stay as they are; the line count does not change.
 */

/**
 * A comment mark (`#`, `//`, `--`, `;`) before a syslog or ISO 8601 stamp, or qmail's (multilog's TAI64N
 * `@4000000041...`, or the Unix seconds of its `splogger`: `# 1054194596.057500 delivery 183: failure: ...`).
 */
const MARKED_STAMP =
  /^([ \t]*)(?:#|\/\/|--|;)[ \t]{0,4}(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d |\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d|@4000[0-9a-f]{20} |\d{10}\.\d{6} )/gm;
const MAY_HAVE_MARK = /^[ \t]*(?:#|\/\/|--|;)/m;

export function withoutCommentMarks(text: string): string {
  return MAY_HAVE_MARK.test(text) ? text.replace(MARKED_STAMP, '$1') : text;
}
