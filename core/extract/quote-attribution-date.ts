/**
 * A refusal read in a notice quoted under its attribution line (`Le 15/10/2021 à 14:42, Mail Delivery
 * System a écrit :`, `On 10/15/21 2:42 PM, Mail Delivery System wrote:`) that found no date of its own
 * is dated by that line: when the notice came, moments after the refusal. The readers of a quoted block
 * read the block alone (embedded-block.ts), without the line above it: this looks in the whole paste.
 */
import type { ExtractionResult, ExtractOptions, Incident } from '../types';
import {
  attributionDate,
  holdsAttributionWords,
  looksLikeAttribution,
  wrappedAttributionDate,
} from './attribution-date';
import { parseDateIn } from './dates';
import { NOTES, withoutAnsweredMissing } from './notes';
import { SourceText } from './source-text';

/** How far above its reply the attribution line is looked for. */
const MAX_LINES_ABOVE = 200;

/** The zone-less date of the attribution line above line `replyLine` of `source`, and that line. */
function attributionAbove(source: SourceText, replyLine: number): { wall: string; line: number } | null {
  for (let line = replyLine; line >= Math.max(1, replyLine - MAX_LINES_ABOVE); line--) {
    const text = source.line(line);
    if (!looksLikeAttribution(text)) continue;
    const wall = attributionDate(text);
    if (wall) return { wall, line };
    // Wrapped in two (attribution-date.ts): the date is on the line above.
    const wrapped = line > 1 ? wrappedAttributionDate(source.line(line - 1), text) : null;
    return wrapped ? { wall: wrapped, line: line - 1 } : null;
  }
  return null;
}

/** `result` with its undated incidents dated by the attribution line above their reply in `text`. */
export function datedByAttribution(
  result: ExtractionResult,
  text: string,
  options: ExtractOptions,
): ExtractionResult {
  const undated = (i: Incident) => i.occurredAt === null && i.sources.reply !== undefined;
  if (!result.incidents.some(undated) || !holdsAttributionWords(text)) return result;
  const source = new SourceText(text);
  const dated = new Set<number>();
  const incidents = result.incidents.map((incident, k) => {
    const reply = incident.sources.reply;
    if (!undated(incident) || !reply || reply.line > source.lineCount) return incident;
    const found = attributionAbove(source, reply.line);
    const parsed = found ? parseDateIn(found.wall, options.assumeZone) : null;
    if (!found || !parsed) return incident;
    dated.add(k + 1);
    const zone = options.assumeZone?.trim() || 'UTC';
    return {
      ...incident,
      occurredAt: parsed.iso,
      sources: { ...incident.sources, occurredAt: source.ref(found.line) },
      assumptions: [
        ...incident.assumptions,
        NOTES.dateOfQuotedNotice(false),
        ...(parsed.hadZone ? [] : [NOTES.noZone(zone)]),
      ],
    };
  });
  if (dated.size === 0) return result;
  // The notes that asked for these dates no longer apply.
  const filled = new Map([...dated].map((n) => [n, ['occurredAt' as const]]));
  return { ...result, incidents, warnings: withoutAnsweredMissing(result.warnings, filled) };
}
