/**
 * An event's JSON pasted last, under a notice longer than the few lines of words embedded-block.ts looks
 * through before a block (Stalwart's notice with its delivery-status fields, then `Et le webhook de
 * Stalwart a envoyé ceci :` and the batch): the notice's reader read the notice alone, or the JSON's lines
 * as loose replies (the event's `"code": 550` apart from its `"details"`). Found where it ends (the
 * paste's last line closing it) and starts (a line holding only `{` or `[` at the margin, as a pretty
 * printer writes the outermost brackets), only under words that quote a refusal themselves: the words
 * are then read apart (replies-above-block.ts).
 */
import type { EmbeddedBlock } from './embedded-block';
import { parseJsonInput } from './formats/json-input';

const OUTER_OPEN = /^[{[]\s*$/;
const OUTER_CLOSE = /^[}\]]\s*$/;
const REPLY_CODE = /(?:^|\s)[245]\d\d[\s-]|[245]\.\d{1,3}\.\d{1,3}\b/;
/** How many openers are tried, nearest the end first (each try parses the rest of the paste). */
const MAX_TRIES = 3;

/** The JSON ending the paste under words that quote a refusal, or null. */
export function trailingJson(lines: readonly string[]): EmbeddedBlock | null {
  let last = lines.length - 1;
  while (last > 0 && (lines[last] as string).trim() === '') last--;
  if (last < 2 || !OUTER_CLOSE.test(lines[last] as string)) return null;
  let tries = 0;
  for (let first = last - 1; first > 0 && tries < MAX_TRIES; first--) {
    if (!OUTER_OPEN.test(lines[first] as string)) continue;
    tries++;
    const text = lines.slice(first, last + 1).join('\n');
    const values = parseJsonInput(text);
    // (What it holds is its reader's to say: a JSON that gives nothing leaves the paste to the notice's.)
    if (!values) continue;
    return lines.slice(0, first).some((line) => REPLY_CODE.test(line)) ? { text, first } : null;
  }
  return null;
}
