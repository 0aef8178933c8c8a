/**
 * The lines of a header block as the readers of concatenated notices look at it (concatenated.ts,
 * later-notices.ts): up to `count` lines of the text from a 1-based line on, cut after the first empty
 * line that follows a line with text. The readers stop at that empty line (readFields, startsWithHeaders):
 * the lines below it were cut out of the text for nothing (a header block of 30 lines read as 200, for
 * each message of a paste, and as 80 for each header-like block of its notices).
 */
import type { SourceText } from '../source-text';

export interface BlockLines {
  lines: string[];
  /** Whether lines were left out below the empty line (the reader may take them all again). */
  cut: boolean;
}

/** Whether a line is empty to readFields and startsWithHeaders (`line.trim() === ''`). */
const isBlank = (line: string) => line === '' || line.trim() === '';

/**
 * Up to `count` lines of `source` from the 1-based `first` on, up to its first empty line after a line with
 * text.
 */
export function blockLines(source: SourceText, first: number, count: number): BlockLines {
  const lines: string[] = [];
  const last = Math.min(source.lineCount, first + count - 1);
  let text = false;
  for (let line = first; line <= last; line++) {
    const current = source.line(line);
    lines.push(current);
    if (!isBlank(current)) text = true;
    else if (text) return { lines, cut: line < last };
  }
  return { lines, cut: false };
}

/** Up to `count` lines of `source` from the 1-based `first` on, none left out. */
export function linesFrom(source: SourceText, first: number, count: number): string[] {
  const lines: string[] = [];
  for (let line = first; line <= source.lineCount && line < first + count; line++)
    lines.push(source.line(line));
  return lines;
}
