/**
 * The tests' way to read a log as the streaming summary (Large logs, `summarize`) does and to compare what it
 * finds with extract's: the incidents it hears of, in log order, and the fields both paths must agree on.
 */
import { createLogSummary } from '../../../core/summary';
import type { ExtractOptions, Incident } from '../../../core/types';

/** The log through the streaming summary, in chunks of `size` characters (cut anywhere, as a file read). */
export function streamed(text: string, size: number, options: ExtractOptions) {
  const seen: Incident[] = [];
  const session = createLogSummary(options, (incident) => seen.push(incident));
  for (let at = 0; at < text.length; at += size) session.pushText(text.slice(at, at + size));
  const result = session.finish();
  // In log order: an incident waiting for its sender's line, or for a trigger below it, comes out later.
  seen.sort((a, b) => (a.sources.reply?.line ?? 0) - (b.sources.reply?.line ?? 0));
  return { result, seen };
}

/** The ticket's fields, the remote and the trigger's date: what both paths must give alike. */
export const sharedFields = (i: Incident) => [
  i.occurredAt,
  i.sendingIps,
  i.sendingHosts,
  i.sendingDomain,
  i.reply.text,
  i.orange?.token ?? null,
  i.remoteHost,
  i.remoteIp,
  i.trigger?.occurredAt ?? null,
];
