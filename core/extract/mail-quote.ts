/**
 * Text quoted in a mail reply (`> ` at the start of each line, `>> ` when quoted twice), as users paste
 * a bounce they were forwarded or answered. Read as it was before quoting, line for line, so that line
 * numbers still point into the pasted text.
 */

// (At most 100 marks: a line of millions of `>` would overflow the expression's backtracking stack.)
const QUOTE_PREFIX = /^(?:[ \t]{0,3}>){1,100}[ \t]?/;
// The marks alone; then the one space a client puts after them (when most quoted lines have it), or a
// tab before a field (`>\tFinal-Recipient:`). Any other space or tab is the quoted line's own: a folded
// header's (`>\tcharset=...`, `> by mx.example.net` when the marks are written without a space).
const MARKS = /^(?:[ \t]{0,3}>){1,100}/;
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
/** True when the line starts with a quote's mark (`> `, `>> `, ` >`). */
export function isQuotedLine(line: string): boolean {
  return MARKS.test(line);
}

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

/** Fewer quoted lines in a row than this are a line quoted among words, left as they are. */
const MIN_RUN = 3;
/** An SMTP transcript's client lines (`>>> RCPT TO:<...>`, Sendmail's), which are no quote. */
const TRANSCRIPT_MARKS = /^[ \t]{0,3}>>>[ \t]/;

/**
 * The lines with the marks off every run of at least three quoted lines (an empty line may part two
 * of them), other lines as they are: a bounce quoted in a post among more words than isMostlyQuoted
 * allows (a blog's front matter, the poster's prose), whose reply would otherwise carry `> ` on every
 * line it runs over. A run holding a transcript's `>>> ` lines stays as it is.
 */
export function unquoteRuns(lines: readonly string[]): string[] | null {
  let out: string[] | null = null;
  for (let i = 0; i < lines.length; ) {
    if (!QUOTE_PREFIX.test(lines[i] as string)) {
      i++;
      continue;
    }
    let end = i + 1;
    let count = 1;
    while (end < lines.length) {
      const line = lines[end] as string;
      if (QUOTE_PREFIX.test(line)) {
        end++;
        count++;
      } else if (line.trim() === '' && QUOTE_PREFIX.test(lines[end + 1] ?? '')) end += 2;
      else break;
    }
    const run = lines.slice(i, end);
    if (count >= MIN_RUN && !run.some((line) => TRANSCRIPT_MARKS.test(line))) {
      out ??= [...lines];
      const unquoted = unquoteLines(run);
      for (let k = 0; k < unquoted.length; k++) out[i + k] = unquoted[k] as string;
    }
    i = end;
  }
  return out;
}
