/**
 * Postal's message page copied as text lists each delivery attempt as its time (`September 17, 2019
 * 13:05`, in the time zone of the Postal user's profile, not written), its status (`SOFT FAIL`, `HARD
 * FAIL`), then `Temporary SMTP delivery error when sending to HOST (IP)` and the remote's reply in a
 * paragraph of its own. The readers took the reply and the remote, not the time above the status: this
 * dates the reply by it, saying the zone was assumed. (Shape: a Postal issue's paste, test/fixtures/
 * extract/audit10/postal-soft-fail-page.txt.)
 */
import type { ExtractionResult, ExtractOptions, Incident } from '../types';
import { clientDateIn } from './client-date';
import { NOTES, withoutAnsweredMissing } from './notes';
import { SourceText } from './source-text';

const ATTEMPT = /^\s{0,4}(?:Temporary|Permanent) SMTP delivery error when sending to\s/;
const STATUS = /^\s{0,4}(?:SOFT|HARD) FAIL\s*$/;
/** The attempt's time as Postal writes it: the month by its full name, no seconds, no zone. */
const TIME =
  /^\s{0,4}(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4} \d{1,2}:\d{2}\s*$/;
/** Lines between the reply and its attempt's line (Postal puts one blank line). */
const MAX_GAP = 4;

/** The 1-based line of the non-blank line above `line`, within `gap` lines; 0 when none. */
function lineAbove(source: SourceText, line: number, gap: number): number {
  for (let k = line - 1; k >= Math.max(1, line - gap); k--) if (source.line(k).trim() !== '') return k;
  return 0;
}

/** The line of the attempt's time above the reply on `replyLine`, or 0. */
function timeLine(source: SourceText, replyLine: number): number {
  // The reply is on the attempt's line, or in the paragraph below it.
  const attempt = ATTEMPT.test(source.line(replyLine)) ? replyLine : lineAbove(source, replyLine, MAX_GAP);
  if (!attempt || !ATTEMPT.test(source.line(attempt))) return 0;
  const status = lineAbove(source, attempt, 2);
  if (!status || !STATUS.test(source.line(status))) return 0;
  const time = lineAbove(source, status, 2);
  return time && TIME.test(source.line(time)) ? time : 0;
}

/** A refusal with a reply and no date. (A function of the module's: no closure made for each result.) */
function undated(incident: Incident): boolean {
  return incident.occurredAt === null && incident.sources.reply !== undefined;
}

/** `result` with its undated replies from a Postal message page dated by their attempt's time. */
export function withPostalDeliveryTime(
  result: ExtractionResult,
  text: string,
  options: ExtractOptions,
): ExtractionResult {
  if (!result.incidents.some(undated) || !text.includes(' SMTP delivery error when sending to '))
    return result;
  const source = new SourceText(text);
  const dated = new Set<number>();
  const incidents = result.incidents.map((incident, k) => {
    const reply = incident.sources.reply;
    if (!undated(incident) || !reply || reply.line > source.lineCount) return incident;
    const line = timeLine(source, reply.line);
    const parsed = line ? clientDateIn(source.line(line), options.assumeZone) : null;
    if (!parsed) return incident;
    dated.add(k + 1);
    return {
      ...incident,
      occurredAt: parsed.iso,
      sources: { ...incident.sources, occurredAt: source.ref(line) },
      assumptions: parsed.hadZone
        ? incident.assumptions
        : [...incident.assumptions, NOTES.noZone(options.assumeZone?.trim() || 'UTC')],
    };
  });
  if (dated.size === 0) return result;
  // The notes that asked for these dates no longer apply.
  const filled = new Map([...dated].map((n) => [n, ['occurredAt' as const]]));
  return { ...result, incidents, warnings: withoutAnsweredMissing(result.warnings, filled) };
}
