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
 * A reply's attribution line above the quote (`Le 12 nov. 2024 à 10:02, Jean <jean@example.fr> a écrit :`,
 * `On Tue, Nov 12, 2024 at 10:02 AM Jean <jean@example.fr> wrote:`, `Am ... schrieb ...:`): its address is
 * the quoting writer's, never the refused recipient's.
 */
const ATTRIBUTION =
  /^\s{0,4}(?:Le\s.{4,160}\sa\s[ée]crit|On\s.{4,160}\swrote|Am\s.{4,160}\sschrieb|El\s.{4,160}\sescribi[óo]|Il\s.{4,160}\sha\sscritto|Op\s.{4,160}\sschreef)\s{0,2}:\s*$/i;

/**
 * Words before a quote that do not make it "prose around a quoted line": an introduction, an attribution,
 * a forward's header lines (as many as embedded-block.ts allows before a block).
 */
const MAX_INTRO_LINES = 8;

/**
 * True when most non-blank lines are quoted (a single quoted line inside prose is left alone); a paste
 * of one quoted line is quoted too, unless it is an SMTP transcript's (`>>> RCPT TO:<...>`). A few lines
 * of words before the quote (`Hi, we get this:`, an attribution line) do not count.
 */
export function isMostlyQuoted(lines: readonly string[]): boolean {
  let quoted = 0;
  let other = 0;
  let intro = 0;
  let only = '';
  let afterQuote = false;
  for (const line of lines) {
    if (line.trim() === '') {
      afterQuote = false;
      continue;
    }
    if (QUOTE_PREFIX.test(line)) {
      quoted++;
      only = line;
      afterQuote = true;
    } else if (quoted === 0 && intro < MAX_INTRO_LINES) intro++;
    // A line right under a quoted one, without the marks: the client wrapped the quoted line after
    // quoting it (`> ... long line` then its end at the start of the next line).
    else if (!afterQuote) other++;
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
  let seenQuote = false;
  for (const line of lines) {
    const marks = MARKS.exec(line);
    if (!marks) {
      out.push(!seenQuote && ATTRIBUTION.test(line) ? '' : line);
      continue;
    }
    seenQuote = true;
    const rest = line.slice(marks[0].length);
    out.push(rest.replace(separator?.test(rest) ? separator : TAB_BEFORE_FIELD, ''));
  }
  return out;
}
