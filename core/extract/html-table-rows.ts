/**
 * A table row written over several lines of HTML source is one line of what a page shows: the line
 * breaks between and inside its cells are spaces. Thunderbird writes its forward's header table so
 * (`<tr>`, then `<th ...>Sujet&nbsp;:`, `</th>`, `<td>Undelivered Mail Returned to Sender</td>`, `</tr>`
 * each on a line of its own): read line by line, each label was parted from its value and the forward's
 * Date and recipient were not read. The row's lines are joined, the joined line keeping the number of
 * the row's first line; the spaces of its text (indentation, the joins, the cells' ends) run together
 * and its ends are trimmed, as a page shows a row (html-source.ts).
 */

/** A line of source to read, with its 0-based index among the source's lines. */
export interface SourceUnit {
  text: string;
  index: number;
  /** A row joined from several lines: its cells' text is read with its spaces run together. */
  row?: true;
}

const ROW_OPEN = /<tr(?=[\s>])/gi;
const ROW_CLOSE = /<\/tr\s*>/gi;
/** A row whose end is further than this many lines is read line by line, as it is written. */
const MAX_ROW_LINES = 40;

/** True when the line leaves a row open: its last `<tr>` comes after its last `</tr>`. */
function leavesRowOpen(line: string): boolean {
  const open = lastMatch(ROW_OPEN, line);
  return open >= 0 && open > lastMatch(ROW_CLOSE, line);
}

function lastMatch(pattern: RegExp, line: string): number {
  let at = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(line); m; m = pattern.exec(line)) at = m.index;
  return at;
}

/** The source's lines, those of each table row written over several joined into one (see the note). */
export function withRowsJoined(lines: readonly string[]): SourceUnit[] {
  const units: SourceUnit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line.includes('<') || !leavesRowOpen(line)) {
      units.push({ text: line, index: i });
      continue;
    }
    let end = i + 1;
    while (end < lines.length && end - i < MAX_ROW_LINES && !ROW_CLOSE_ONE.test(lines[end] as string)) end++;
    if (end >= lines.length || end - i >= MAX_ROW_LINES) {
      units.push({ text: line, index: i });
      continue;
    }
    // The indentation of the row's lines is no text: spaces run together, as a page shows them.
    const row = lines.slice(i, end + 1).map((part) => part.trim());
    units.push({ text: row.join(' '), index: i, row: true });
    i = end;
  }
  return units;
}

const ROW_CLOSE_ONE = /<\/tr\s*>/i;
