/**
 * Text quoted in a mail reply (`> ` at the start of each line, `>> ` when quoted twice), as users paste
 * a bounce they were forwarded or answered. Read as it was before quoting, line for line, so that line
 * numbers still point into the pasted text.
 */

const QUOTE_PREFIX = /^(?:[ \t]{0,3}>)+[ \t]?/;
// The marks alone; then the one space a client puts after them (when most quoted lines have it), or a
// tab before a field (`>\tFinal-Recipient:`). Any other space or tab is the quoted line's own: a folded
// header's (`>\tcharset=...`, `> by mx.example.net` when the marks are written without a space).
const MARKS = /^(?:[ \t]{0,3}>)+/;
const SPACE_AFTER = /^ /;
const TAB_BEFORE_FIELD = /^\t(?=[A-Za-z][A-Za-z0-9-]{0,76}:)/;

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
  let spaced = 0;
  let bare = 0;
  for (const line of lines) {
    const marks = MARKS.exec(line);
    if (!marks || marks[0].length === line.length) continue;
    if (line.charCodeAt(marks[0].length) === 32) spaced++;
    else bare++;
  }
  const separator = spaced >= bare ? SPACE_AFTER : null;
  const out: string[] = [];
  for (const line of lines) {
    const marks = MARKS.exec(line);
    if (!marks) {
      out.push(line);
      continue;
    }
    const rest = line.slice(marks[0].length);
    out.push(rest.replace(separator?.test(rest) ? separator : TAB_BEFORE_FIELD, ''));
  }
  return out;
}
