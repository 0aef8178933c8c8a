/**
 * A block read among words (embedded-block.ts: an event's JSON) under words that quote a refusal of their
 * own: a notice's text pasted first, then `Et le webhook de Stalwart a envoyé ceci :` and the batch. The
 * words' refusals are incidents too, in the order of the paste, unless they repeat one of the block's
 * (the notice of the very refusal the event reports, loose31/stalwart-notice-then-webhook.txt: one
 * incident, the event's, which says more). Only refusals that name their server, recipient or Orange's
 * token: a sentence about codes (`on a des 550 depuis ce matin :`) is none (replies-beside-log.ts).
 */
import type { ExtractionResult } from '../types';
import { keptNotes } from './notes';
import { namesItsRefusal, sameReply } from './replies-beside-log';

/** The block's result with the refusals `above` (the words before it, read alone) gave before its own. */
export function withRepliesAbove(block: ExtractionResult, above: ExtractionResult): ExtractionResult {
  const kept = above.incidents.map(
    (i) => namesItsRefusal(i) && !block.incidents.some((b) => sameReply(b.reply.text, i.reply.text)),
  );
  const count = kept.filter(Boolean).length;
  if (count === 0) return block;
  return {
    incidents: [...above.incidents.filter((_, k) => kept[k]), ...block.incidents],
    warnings: [
      ...keptNotes(above.warnings, kept, 0),
      ...keptNotes(
        block.warnings,
        block.incidents.map(() => true),
        count,
      ),
    ],
  };
}
