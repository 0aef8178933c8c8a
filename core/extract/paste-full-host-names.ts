/**
 * A short syslog host (`mx1`) given its full name by the whole paste, not only by the block its log lines
 * were read from: a forum post's log lines in one fenced block and, in another, the notice that server
 * wrote for the same refusal (`This is the mail system at host mx1.news.example.com.`), read apart and
 * the notice dropped as a repeat of the log's incident. The same rule as within a log (made-id-host.ts):
 * a name that machine gave itself, cited from its line, never a guess.
 */
import type { ExtractionResult, Incident } from '../types';
import { hasShortSyslogHost, withFullHostNames } from './logs/made-id-host';

/** The incident with the fields withFullHostName writes copied, so that the result read is not changed. */
const copied = (i: Incident): Incident => ({
  ...i,
  sendingHosts: [...i.sendingHosts],
  sources: { ...i.sources },
  assumptions: [...i.assumptions],
});

export function withFullHostNamesInPaste(result: ExtractionResult, text: string): ExtractionResult {
  if (!result.incidents.some(hasShortSyslogHost)) return result;
  const incidents = result.incidents.map((i) => (hasShortSyslogHost(i) ? copied(i) : i));
  withFullHostNames(incidents, text);
  return { ...result, incidents };
}
