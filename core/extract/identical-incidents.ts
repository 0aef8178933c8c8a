/**
 * Incidents equal in every field, sources included, read from different lines of a text whose lines
 * all map to one line of the paste, are one refusal shown several times: a bounce's HTML pasted on one
 * line (`<div>... 550 5.7.1 ... refused</div><div>...`, its blocks repeated) is read as the text it
 * shows, a line per block, and every block's copy of the reply became an incident pointing at line 1
 * (the adversarial audit's finding: N copies gave N incidents). Equal incidents read from one line stay
 * (Python's `SMTPRecipientsRefused` dict refusing two recipients of one domain), and so do equal
 * refusals on different lines of the paste (smtp-reply.ts withoutRepeats: two attempts).
 */
import type { ExtractionResult, Incident } from '../types';
import { keptNotes } from './notes';

/**
 * The result (its sources already pointing at the paste's lines) without each incident equal to one
 * read from another line of the text read; `readLines[k]` is the line incident k was read from.
 */
export function withoutIdenticalIncidents(
  result: ExtractionResult,
  readLines: readonly number[],
): ExtractionResult {
  const { incidents } = result;
  if (incidents.length < 2) return result;
  /** Each incident's text, by the line of the text read it was first read from. */
  const firstRead = new Map<string, number>();
  const kept = incidents.map((incident: Incident, k) => {
    const key = JSON.stringify(incident);
    const line = readLines[k] ?? 0;
    const first = firstRead.get(key);
    if (first === undefined) firstRead.set(key, line);
    return first === undefined || first === line;
  });
  if (!kept.includes(false)) return result;
  return {
    incidents: incidents.filter((_, k) => kept[k]),
    warnings: keptNotes(result.warnings, kept, 0),
  };
}
