/**
 * Orange's token with a space for its `_` (`OFR006 102 Ref ... [102]`), as a reply copied by hand from a
 * screenshot or a printed bounce writes it. ORANGE_TOKEN (reply.ts) reads `OFR` + three digits, a space
 * and three more digits that start no IP address as OFR006_102: before, it read the prefix alone as the
 * token (OFR_006, reason 6, unknown to the knowledge base) and the advice asked to write to the abuse desk.
 *
 * The reading is kept only when nothing contradicts it: the `[NNN]` Orange writes after the token repeats
 * the reason, so a bracket naming another number (`OFR006 102 ... [103]`) leaves the token unread rather
 * than picking one of the two.
 */

/** How far after the token the repeated reason may sit (Orange's link comes between). */
const MAX_TO_BRACKET = 300;
const BRACKET = /\[(\d{3})\]/;

/**
 * True when ORANGE_TOKEN's match is the spaced form (`OFR006 102`), or a token joined across a line break
 * (`OFR005_` then `104` on the next line, cut-orange-token.ts): the only forms with white space in them.
 */
export function isSpacedToken(match: RegExpExecArray): boolean {
  return match[1] !== undefined && /\s/.test(match[0]);
}

/** True when the `[NNN]` after the spaced token names another reason than the token's. */
export function spacedTokenContradicted(match: RegExpExecArray, text: string): boolean {
  const from = match.index + match[0].length;
  const bracket = BRACKET.exec(text.slice(from, from + MAX_TO_BRACKET));
  return bracket !== null && bracket[1] !== match[2];
}
