/**
 * The characters the paste's cleaning (paste-cleaning.ts) writes plainly, one for one, so that every
 * offset and line stays where it was: curly quotes (smart-quotes.ts), no-break spaces (plain-spaces.ts) and
 * a date's typographic dashes (typographic-dashes.ts). The renderer reads the same table to show a cited
 * line as it was pasted.
 */

/** Curly double quotes, and the double prime editors use for them. */
export const CURLY_DOUBLE_QUOTES = '\u201c\u201d\u201e\u201f\u2033';
export const CURLY_SINGLE_QUOTES = '\u2018\u2019';
export const NO_BREAK_SPACES = '\u00a0\u2007\u202f';
/** Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar (U+2010 to U+2015). */
export const TYPOGRAPHIC_DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015';

const PLAIN = new Map<string, string>([
  ...[...CURLY_DOUBLE_QUOTES].map((c) => [c, '"'] as const),
  ...[...CURLY_SINGLE_QUOTES].map((c) => [c, "'"] as const),
  ...[...NO_BREAK_SPACES].map((c) => [c, ' '] as const),
  ...[...TYPOGRAPHIC_DASHES].map((c) => [c, '-'] as const),
]);

/** What the cleaning may write for `c` (one character), or undefined when it keeps it as it is. */
export function plainCharacter(c: string): string | undefined {
  return PLAIN.get(c);
}
