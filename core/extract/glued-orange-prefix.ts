/**
 * Orange's stage prefix written alone, then the sending IP and the reason in brackets:
 * `OFR006 203.0.113.44 [103]` (the `_103` left out, as in the brief's samples of Orange's reason-103
 * refusals). ORANGE_TOKEN (reply.ts) then matches `OFR006` as if `006` were the reason: reason 6, unknown
 * to the knowledge base. The prefix is only the stage of Orange's filter that refused; the `[NNN]`
 * Orange writes after it carries the meaning (the shared notes), so the reason is the bracket's and the
 * token is kept as written.
 */

/** How far after the prefix the bracket may sit (an IP address, a link between). */
const MAX_TO_BRACKET = 300;
const BRACKET = /\[(\d{3})\]/;

/** True when ORANGE_TOKEN's match is `OFR` glued to three digits, no prefix read before them (`OFR006`). */
function isGluedPrefix(match: RegExpExecArray): boolean {
  return match[1] === undefined && /^OFR\d/i.test(match[0]);
}

/**
 * The reason of the `[NNN]` after a prefix written alone (`OFR006 ... [103]` gives 103), when it names
 * another number than the prefix; else null (`OFR999 [999]`, no bracket: the match is read as before).
 */
export function reasonAfterGluedPrefix(match: RegExpExecArray, text: string): number | null {
  if (!isGluedPrefix(match)) return null;
  const from = match.index + match[0].length;
  const bracket = BRACKET.exec(text.slice(from, from + MAX_TO_BRACKET));
  if (!bracket || bracket[1] === match[2]) return null;
  const reason = Number(bracket[1]);
  return reason >= 100 ? reason : null;
}
