/**
 * Orange's token cut right after its prefix (`OFR005_` then a line break, as a hand-wrapped paste or a
 * reply cut at a line's end leaves it). When the next line starts with the reason, ORANGE_TOKEN joins the
 * two (`OFR005_104`); else the `005` is the stage prefix alone, never the reason (the shared notes: the
 * last three digits, echoed as `[NNN]`, carry the meaning). ORANGE_TOKEN then matches `OFR005` glued to
 * its `_`: the reason is the `[NNN]` after it, else none.
 */

/** A prefix's `_` (or `-`) at the text's end or before white space: nothing of the token after it. */
const CUT_AFTER = /^[_-](?:\s|$)/;

/**
 * True when ORANGE_TOKEN's match is a prefix glued to `OFR` whose `_` or `-` ends the token there (not
 * `ofr514-mime-part.txt`, a file name going on after it).
 */
export function isCutPrefix(match: RegExpExecArray, text: string): boolean {
  if (match[1] !== undefined || !/^OFR\d/i.test(match[0])) return false;
  const from = match.index + match[0].length;
  return CUT_AFTER.test(text.slice(from, from + 2));
}
