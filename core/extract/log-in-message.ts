/**
 * A person's mail pasted whole, its header fields first (`From:`, `Subject:`, `Date:`), its body quoting
 * lines of the sender's MTA log: a customer writing to their provider's support with an excerpt of
 * their mail.log. Read as a bounce, the log line's refusal is found, but dated by the mail's own Date
 * (when the customer wrote, hours later) and without what the log line says of the sending side (the
 * syslog host, the queue's envelope sender). Read as the log it quotes, each refusal has its own time
 * (the year the message's Date allows, quoted-log-year.ts) and the log's fields.
 */

import type { ExtractionResult, ExtractOptions } from '../types';
import { inPaste } from './in-paste';
import { extractFromLog } from './log-paste';
import type { SourceText } from './source-text';

/** The body's first line (after the header's empty line), or 0 when the text has no body. */
function bodyStart(source: SourceText): number {
  for (let line = 1; line <= source.lineCount; line++) if (source.line(line).trim() === '') return line + 1;
  return 0;
}

/**
 * The log quoted in a message's body, read as a log, when every refusal `read` (the message read as a
 * bounce) is a refusal of that log, on the same line; null otherwise (a notice, a transcript, words).
 */
export function logInMessage(
  input: string,
  source: SourceText,
  read: ExtractionResult,
  options: ExtractOptions,
): ExtractionResult | null {
  // Only worth a second reading when a refusal was read from a line with a log's stamp.
  if (!read.incidents.some((i) => LOG_STAMP.test(i.sources.reply?.text ?? ''))) return null;
  const first = bodyStart(source);
  if (first === 0 || first > source.lineCount) return null;
  const lines: string[] = [];
  const pasteLine: number[] = [];
  for (let line = first; line <= source.lineCount; line++) {
    lines.push(source.line(line));
    pasteLine.push(line);
  }
  const log = inPaste(extractFromLog(lines.join('\n'), options), input, pasteLine);
  if (log.incidents.length === 0) return null;
  const logLines = new Set(log.incidents.map((i) => i.sources.reply?.line));
  return read.incidents.every((i) => logLines.has(i.sources.reply?.line)) ? log : null;
}

/** A classic syslog stamp (`Dec  4 10:12:03`) or an ISO one (`2026-12-04T10:12:03`) at a line's start. */
const LOG_STAMP = /^\s{0,4}(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d)\b/;
