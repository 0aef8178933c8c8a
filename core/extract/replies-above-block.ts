/**
 * A block read among words (embedded-block.ts: an event's JSON) under words that quote a refusal of their
 * own: a notice's text pasted first, then `Et le webhook de Stalwart a envoyé ceci :` and the batch. The
 * words' refusals are incidents too, in the order of the paste, unless they repeat one of the block's
 * (the notice of the very refusal the event reports, loose31/stalwart-notice-then-webhook.txt: one
 * incident, the event's, which says more). Only refusals that name their server, recipient or Orange's
 * token: a sentence about codes (`on a des 550 depuis ce matin :`) is none (replies-beside-log.ts).
 */
import type { ExtractionResult, Incident } from '../types';
import { keptNotes } from './notes';
import { namesItsRefusal, sameReply } from './replies-beside-log';

/**
 * The block's result with the incidents `other` (words beside it, read alone) gave that repeat none of
 * the block's replies and pass `keep`, placed before or after the block's own, their notes renumbered.
 */
export function withRepliesBeside(
  block: ExtractionResult,
  other: ExtractionResult,
  where: 'before' | 'after',
  keep: (incident: Incident) => boolean = () => true,
): ExtractionResult {
  const kept = other.incidents.map(
    (i) => keep(i) && !block.incidents.some((b) => sameReply(b.reply.text, i.reply.text)),
  );
  const count = kept.filter(Boolean).length;
  if (count === 0) return block;
  const others = other.incidents.filter((_, k) => kept[k]);
  if (where === 'after')
    return {
      incidents: [...block.incidents, ...others],
      warnings: [...block.warnings, ...keptNotes(other.warnings, kept, block.incidents.length)],
    };
  const all = block.incidents.map(() => true);
  return {
    incidents: [...others, ...block.incidents],
    warnings: [...keptNotes(other.warnings, kept, 0), ...keptNotes(block.warnings, all, count)],
  };
}

/** The block's result with the refusals `above` (the words before it, read alone) gave before its own. */
export function withRepliesAbove(block: ExtractionResult, above: ExtractionResult): ExtractionResult {
  return withRepliesBeside(block, above, 'before', namesItsRefusal);
}
