/**
 * The date of an incident read from a logged JSON object (stamped-json.ts) that holds no time of its
 * own: the logger's prefix gives it, as syslog or journalctl wrote it (`May 18 05:04:03 mx1 maddy[1207]:
 * queue: delivery attempt failed {...}`, maddy issue #842), with the year and zone it leaves out stated.
 */

import type { ExtractionResult, ExtractOptions, FieldName } from '../types';
import { cite } from './incident';
import { withoutCompose } from './logs/formats/common';
import { parseSyslog } from './logs/syslog';
import { type RawStamp, type ResolvedStamp, resolveStamp } from './logs/time';
import { withoutAnsweredMissing } from './notes';
import type { SourceText } from './source-text';

/**
 * A stamp with its zone first (`docker compose logs -t`, maddy's `log stderr_ts`), then the logger's words.
 */
const LEADING_ISO = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)) /;

/**
 * The time the prefix of a logged object's line gives (the line up to its first `{"`), or null when the line
 * holds no object or its prefix no stamp. Also read by the log scanner (logs/formats/stamped-json-record.ts).
 */
export function prefixStamp(line: string, options: ExtractOptions): ResolvedStamp | null {
  const open = line.indexOf('{"');
  if (open < 0) return null;
  const bare = withoutCompose(line.slice(0, open)).trim();
  const iso = LEADING_ISO.exec(bare)?.[1];
  const stamp: RawStamp | null = iso ? { kind: 'iso', text: iso } : (parseSyslog(bare)?.stamp ?? null);
  return stamp ? resolveStamp(stamp, options) : null;
}

/** The result with each undated incident dated by its reply's line prefix, when that prefix has a stamp. */
export function withPrefixDates(
  result: ExtractionResult,
  paste: SourceText,
  options: ExtractOptions,
): ExtractionResult {
  const filled = new Map<number, FieldName[]>();
  result.incidents.forEach((incident, i) => {
    const ref = incident.sources.reply;
    if (incident.occurredAt || !ref) return;
    // The reply's line must be the logged object's own, prefix and all (not a line inside a pretty-printed
    // one).
    const resolved = prefixStamp(paste.line(ref.line), options);
    if (!resolved?.iso) return;
    incident.occurredAt = resolved.iso;
    cite(incident, 'occurredAt', paste.ref(ref.line));
    if (resolved.assumption) incident.assumptions.push(resolved.assumption);
    filled.set(i + 1, ['occurredAt']);
  });
  if (filled.size === 0) return result;
  return { ...result, warnings: withoutAnsweredMissing(result.warnings, filled) };
}
