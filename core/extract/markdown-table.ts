/**
 * A Markdown table (GitHub Flavored Markdown's pipe table) a person writes to list refusals, one row each:
 *
 *     | Date                | Reply                                   |
 *     |---------------------|-----------------------------------------|
 *     | 2026-12-03 09:14:07 | 421 mwinf5c77 ME Service refuse. … [999] |
 *
 * Its cells are parted by `|` (the pipes at the row's ends optional, GFM's rule); the line of dashes under
 * the header is no row. csv-export-row.ts reads a row's cells by the names its header gives.
 */
import type { SourceText } from './source-text';
import { type Columns, columnsOf, MAX_TABLE_ROWS, mayBeHeaderRow } from './table-columns';

/** A row of the table: a line whose first character (after up to three spaces) is a pipe. */
const TABLE_LINE = /^ {0,3}\|/;
/** GFM's delimiter row: `|---|:---:|---:|`, each cell dashes with optional colons. */
const DELIMITER_ROW =
  /^ {0,3}\|?(?:[ \t]{0,8}:?-{1,200}:?[ \t]{0,8}\|){1,64}[ \t]{0,8}(?::?-{1,200}:?[ \t]{0,8})?$/;

const isTableLine = (line: string): boolean => TABLE_LINE.test(line);

/** A row's cells, trimmed, the pipes at its ends dropped (`\|` in a cell is a pipe of its text). */
export function markdownCells(row: string): string[] {
  let text = row.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  return text.split(/(?<!\\)\|/).map((cell) => cell.trim().replaceAll('\\|', '|'));
}

/**
 * The header line of the table the row at `line` belongs to (1-based, `lineAt` giving each line), or
 * null: the table line right above its delimiter row, the rows between being the table's.
 */
function markdownHeaderAbove(lineAt: (n: number) => string, line: number): number | null {
  if (!isTableLine(lineAt(line))) return null;
  for (let above = line - 1; above >= Math.max(2, line - MAX_TABLE_ROWS); above--) {
    const text = lineAt(above);
    if (!isTableLine(text)) return null;
    if (DELIMITER_ROW.test(text)) return isTableLine(lineAt(above - 1)) ? above - 1 : null;
  }
  return null;
}

/**
 * The header of the Markdown table the row at `line` belongs to, when it names a date column and the
 * column of the reply (`| Date | Reply |`): a list a person wrote, each refusal on a row of its own.
 */
export function markdownHeader(source: SourceText, line: number): Columns | null {
  const header = markdownHeaderAbove((n) => (n >= 1 && n <= source.lineCount ? source.line(n) : ''), line);
  const text = header === null ? '' : source.line(header);
  if (header === null || !mayBeHeaderRow(text)) return null;
  const columns = columnsOf(markdownCells(text), '|');
  return columns.count >= 2 && columns.date >= 0 && columns.replies.length > 0 ? columns : null;
}
