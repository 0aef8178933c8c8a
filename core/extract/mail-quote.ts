/**
 * Text quoted in a mail reply (`> ` at the start of each line, `>> ` when quoted twice), as users paste
 * a bounce they were forwarded or answered. Read as it was before quoting, line for line, so that line
 * numbers still point into the pasted text.
 */

const QUOTE_PREFIX = /^(?:[ \t]{0,3}>)+[ \t]?/;

/**
 * True when most non-blank lines are quoted (a single quoted line inside prose is left alone); a paste
 * of one quoted line is quoted too, unless it is an SMTP transcript's (`>>> RCPT TO:<...>`).
 */
export function isMostlyQuoted(lines: readonly string[]): boolean {
  let quoted = 0;
  let other = 0;
  let only = '';
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (QUOTE_PREFIX.test(line)) {
      quoted++;
      only = line;
    } else other++;
  }
  if (quoted === 1 && other === 0) return !only.trimStart().startsWith('>>>');
  return quoted >= 2 && quoted >= 3 * other;
}

/**
 * The lines without their quote marks (a line holding only `>` becomes blank: a paragraph break). A loop,
 * not `map`: optimised `map` makes a holey array, which every reader of the lines would then have to
 * handle beside the packed ones (V8 deoptimises them when it first meets one).
 */
export function unquoteLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) out.push(line.replace(QUOTE_PREFIX, ''));
  return out;
}
