/**
 * Swift Mailer's session log flattened on one line after the library's error: Mautic logs a failed send
 * as `[date] mautic.NOTICE: Swift_TransportException: Expected response code 250 but got code "550", with
 * message "550 ..." Log data: >> MAIL FROM:<...>  << 250 2.1.0 ...  >> RCPT TO:<...>  << 550 ...  [] []`
 * (its logger's entries, `>> ` the client's and `<< ` the server's, one space for each line end the
 * log formatter replaced). The error names the reply but not the envelope; the log data does. Its entries
 * are handed to the session reader (smtp-session.ts) as the lines of a transcript, each remembering the
 * line it came from, so that the session's sender, recipient and client name go to the reply the error
 * wording read on that same line.
 */

import { normalizeIp } from './ip';
import { HOST_NAME } from './smtp-session-state';

/** Swift's ArrayLogger dump after the error: `Log data:` then its `>> `, `<< `, `++ `, `!! ` entries. */
const LOG_DATA = /\bLog data:\s{1,4}(?=(?:>>|<<|\+\+|!!) )/;
/** One entry's start, after the (at least two) spaces its line ends left. */
const ENTRY = /\s{2,}(?=(?:>>|<<|\+\+|!!) )/;
/** Monolog's empty context and extra after the message. */
const MONOLOG_TAIL = /\s+\[\]\s\[\]\s*$/;
/** Entries read from one line (Swift's logger keeps a bounded buffer). */
const MAX_ENTRIES = 200;
const MAX_LINE = 100_000;

export interface ExpandedLines {
  /** Each entry on a line of its own, in Sendmail's transcript marks (`>>> `, `<<< `). */
  lines: string[];
  /** For each, the 0-based index of the line it came from. */
  origin: number[];
}

/** The log data entries of the lines that hold some, or null when none does. */
export function swiftLogData(lines: readonly string[]): ExpandedLines | null {
  const expanded: ExpandedLines = { lines: [], origin: [] };
  lines.forEach((line, index) => {
    if (line.length > MAX_LINE || !line.includes('Log data:')) return;
    const m = LOG_DATA.exec(line);
    if (!m) return;
    const data = line.slice(m.index + m[0].length).replace(MONOLOG_TAIL, '');
    for (const entry of data.split(ENTRY).slice(0, MAX_ENTRIES)) {
      const marked = /^(>>|<<) (.*)$/.exec(entry.trim());
      if (!marked) continue;
      expanded.lines.push(`${marked[1] === '>>' ? '>>>' : '<<<'} ${(marked[2] ?? '').trim()}`);
      expanded.origin.push(index);
    }
  });
  return expanded.lines.length > 0 ? expanded : null;
}

/** A client's greeting in the transcript marks the entries are given in. */
const GREETING = /^>>> (?:EHLO|HELO) (.{1,300})$/i;

/**
 * The name the client gave in the last EHLO or HELO of the dump on line `index` (`>> ` entries are the
 * client's, Swift's logger says so), with the index of the line: the name in effect when the error came,
 * though the dump holds no refusal (Mautic's dump cut before it, mautic/mautic issue 1704).
 */
export function lastClientName(
  data: ExpandedLines,
  index: number,
): { name: string; lineIndex: number } | null {
  let name: string | null = null;
  data.lines.forEach((line, k) => {
    if (data.origin[k] !== index) return;
    const greeting = GREETING.exec(line)?.[1];
    if (greeting === undefined) return;
    const host = HOST_NAME.exec(greeting.trim())?.[1];
    name = host && !normalizeIp(host) ? host.toLowerCase() : null;
  });
  return name === null ? null : { name, lineIndex: index };
}
