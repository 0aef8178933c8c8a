/**
 * A short syslog host (`mx1`) given its full name by a notice elsewhere in the paste, not in the block its
 * log lines were read from: a forum post's log lines in one fenced block and, in another, the notice that
 * server wrote for the same refusal (`This is the mail system at host mx1.news.example.com.`), read apart
 * and the notice dropped as a repeat of the log's incident. The same rule as within a log
 * (made-id-host.ts), cited from the notice's line, never a guess. Only notices are looked for here: the
 * names a log's own lines give (a Message-ID its server made, Postfix's own-hostname warning) were taken
 * when the block was read, and its lines are not read a second time.
 */
import type { ExtractionResult } from '../types';
import { splitLines } from './header-block';
import {
  addNoticeHostname,
  type FullHostNames,
  hasShortSyslogHost,
  NOTICE_MARK,
  withFullHostName,
} from './logs/made-id-host';
import { MAX_LINES } from './logs/message-id-clock';

export function withFullHostNamesInPaste(result: ExtractionResult, text: string): ExtractionResult {
  if (!text.includes(NOTICE_MARK) || !result.incidents.some(hasShortSyslogHost)) return result;
  const names: FullHostNames = new Map();
  const lines = splitLines(text);
  const count = Math.min(lines.length, MAX_LINES);
  for (let i = 0; i < count; i++) addNoticeHostname(lines[i] as string, i + 1, names);
  if (names.size === 0) return result;
  const incidents = result.incidents.map((i) => {
    if (!hasShortSyslogHost(i)) return i;
    // A copy: the result read is not changed.
    const named = {
      ...i,
      sendingHosts: [...i.sendingHosts],
      sources: { ...i.sources },
      assumptions: [...i.assumptions],
    };
    return withFullHostName(named, names) ? named : i;
  });
  return { ...result, incidents };
}
