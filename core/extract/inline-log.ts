/**
 * Log lines quoted as inline code in a sentence, as issue trackers and chats show them: `my logs are
 * littered with messages like \`smtp_1 | 2018-08-22T07:30:18Z postfix/smtp[137]: ... status=deferred
 * (...)\` which ...`. The spans that a log reader claims are read alone, as the log they come from, each
 * pointing at its line of the paste.
 */
import { detectLogFormat } from './logs';

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
