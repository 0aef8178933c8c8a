/**
 * Log lines quoted as inline code in a sentence, as issue trackers and chats show them: `my logs are
 * littered with messages like \`smtp_1 | 2018-08-22T07:30:18Z postfix/smtp[137]: ... status=deferred
 * (...)\` which ...`; and log lines run together on one line, as a forum that dropped their line breaks
 * shows them (`... grep 1XeRdP exim_mainlog 2014-10-15 12:41:11 1XeRdP-0006JC-FO <= <> ... 2014-10-15
 * 12:42:12 1XeRdP-0006JC-FO ** aaron@... SMTP error ...`). The spans that a log reader claims are read
 * alone, as the log they come from, each pointing at its line of the paste.
 */
import { detectLogFormat } from './logs';
import { EXIM_RECORD_START } from './logs/exim-stamp';

/** Lines looked at, and spans read at most: a paste of prose is short. */
const MAX_LINES = 2000;
const MAX_SPANS = 200;
// One pair of backticks on a line, around enough characters to be a log line.
const SPAN = /`([^`\r\n]{16,8000})`/g;

export interface InlineLog {
  text: string;
  /** For each line of `text`, the 1-based line of the paste it was quoted on. */
  lineOf: number[];
}

/** The log lines quoted inline in the lines, or null when none is. */
export function inlineLog(lines: readonly string[]): InlineLog | null {
  const found: string[] = [];
  const lineOf: number[] = [];
  const count = Math.min(lines.length, MAX_LINES);
  for (let i = 0; i < count && found.length < MAX_SPANS; i++) {
    const line = lines[i] as string;
    if (!line.includes('`')) continue;
    SPAN.lastIndex = 0;
    for (let m = SPAN.exec(line); m && found.length < MAX_SPANS; m = SPAN.exec(line)) {
      const span = (m[1] as string).trim();
      if (detectLogFormat([span]) === null) continue;
      found.push(span);
      lineOf.push(i + 1);
    }
  }
  return found.length > 0 ? { text: found.join('\n'), lineOf } : null;
}

/**
 * Where a log record starts inside a line: Exim's stamp and message id (`2014-10-15 12:42:12
 * 1XeRdP-0006JC-FO `), a syslog stamp, host and MTA program (`Oct 15 12:42:12 mail postfix/smtp[123]: `),
 * or rsyslog's RFC 3339 stamp, host and a Postfix instance's program (`2021-04-21T17:16:28+02:00 server1
 * server1-1/smtp[17514]: `, ActiveCampaign/smtp-field-manual PR 60).
 */
const RECORD_START = new RegExp(
  String.raw`${EXIM_RECORD_START}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d \S{1,255} (?:postfix(?:\/[\w-]{1,40}){1,2}|exim4?|sendmail|sm-mta)\[\d{1,10}\]: |\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d) \S{1,255} [\w.-]{1,60}(?:\/[\w-]{1,40}){1,2}\[\d{1,10}\]: `,
  'g',
);

/**
 * The log records among the lines, cut apart at each record's start where a line holds several or one
 * after other words; null when there is none. The other lines may hold replies of their own, which the
 * caller reads apart. A post's few log lines among much prose (a config pasted below them) are too few
 * for the paste to count as a log, yet they are one.
 */
export function flattenedLog(lines: readonly string[]): InlineLog | null {
  const found: string[] = [];
  const lineOf: number[] = [];
  const count = Math.min(lines.length, MAX_LINES);
  for (let i = 0; i < count && found.length < MAX_SPANS; i++) {
    const line = lines[i] as string;
    const starts: number[] = [];
    if (line.length >= 40) {
      RECORD_START.lastIndex = 0;
      for (let m = RECORD_START.exec(line); m && starts.length < MAX_SPANS; m = RECORD_START.exec(line))
        starts.push(m.index);
    }
    starts.forEach((start, k) => {
      const span = line.slice(start, starts[k + 1] ?? line.length).trim();
      if (found.length >= MAX_SPANS || detectLogFormat([span]) === null) return;
      found.push(span);
      lineOf.push(i + 1);
    });
  }
  return found.length > 0 ? { text: found.join('\n'), lineOf } : null;
}
