/**
 * A message whose replies were read partly through quote marks (a ticket's reply quoting the earlier
 * bounce, `> > … 550 … [102]`) is read again from its quoted block alone (read-paste.ts readMessage).
 * The replies it read outside the quote are refusals too: a notice forwarded below the quote
 * (`-----Original Message-----` then a `421 … [999]` the same day) was lost with the whole result
 * (mixed44/ticket-reply-quoting-notice-then-outlook-forward.txt). They stay, in the paste's order,
 * unless they repeat one of the quote's replies (the same refusal quoted and forwarded is one).
 */
import type { ExtractionResult } from '../types';
import { looksLikeAttribution } from './attribution-date';
import { isQuotedLine } from './mail-quote';
import { keptNotes } from './notes/incident-numbers';
import { withRepliesBeside } from './replies-above-block';
import type { SourceText } from './source-text';

/** `quoted` (the quoted block's result) with the incidents of `read` read outside any quote. */
export function withUnquotedReplies(quoted: ExtractionResult, read: ExtractionResult): ExtractionResult {
  const outside = read.incidents.map((i) => !isQuotedLine(i.sources.reply?.text ?? ''));
  if (!outside.includes(true)) return quoted;
  const others: ExtractionResult = {
    incidents: read.incidents.filter((_, k) => outside[k]),
    warnings: keptNotes(read.warnings, outside, 0),
  };
  const firstOther = others.incidents[0]?.sources.reply?.line ?? 0;
  const firstQuoted = quoted.incidents[0]?.sources.reply?.line ?? 0;
  return withRepliesBeside(quoted, others, firstOther < firstQuoted ? 'before' : 'after');
}

/**
 * The message's `read` result with the refusals of the quoted block (`quoted`, read alone) that repeat
 * none of its own, when the quote follows an attribution line (`On … wrote:`, `Le … a écrit :`): a
 * person's earlier mail quoted under a notice forwarded the same day (a ticket's thread,
 * mixed44/ticket-french-forward-quoting-gmail-reply.txt: its `> 552 … [417]` was left out). Not any
 * quote: a returned message's own `> ` lines are no refusal of the sender's.
 */
export function withAttributedQuote(
  read: ExtractionResult,
  quoted: ExtractionResult,
  source: SourceText,
): ExtractionResult {
  const lines = quoted.incidents.map((i) => i.sources.reply?.line ?? 0);
  const firstQuoted = Math.min(...lines);
  if (!attributedAbove(source, firstQuoted)) return read;
  const firstRead = read.incidents[0]?.sources.reply?.line ?? 0;
  return withRepliesBeside(read, quoted, firstQuoted < firstRead ? 'before' : 'after');
}

/** True when the first line above the quote holding `line` (1-based) that is not quoted is an attribution. */
function attributedAbove(source: SourceText, line: number): boolean {
  for (let n = line - 1; n >= Math.max(1, line - 400); n--) {
    const text = source.line(n);
    if (!QUOTED.test(text) && text.trim() !== '') return looksLikeAttribution(text);
  }
  return false;
}

const QUOTED = /^[ \t]{0,3}>/;

/**
 * The lines below the last attribution line that comes after every reply `read` gave (a quote whose
 * marks were taken off before reading), with their 1-based lines; null when there is no such line.
 */
export function linesBelowAttribution(
  source: SourceText,
  read: ExtractionResult,
): { text: string; lineOf: number[] } | null {
  const lastRead = Math.max(0, ...read.incidents.map((i) => i.sources.reply?.line ?? 0));
  if (lastRead === 0) return null;
  for (let n = source.lineCount; n > lastRead; n--) {
    if (!looksLikeAttribution(source.line(n))) continue;
    const lineOf = Array.from({ length: source.lineCount - n }, (_, k) => n + 1 + k);
    return lineOf.length > 0 ? { text: lineOf.map((l) => source.line(l)).join('\n'), lineOf } : null;
  }
  return null;
}
