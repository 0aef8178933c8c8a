/**
 * A paste numbered by `cat -n` or `nl` (`     1\t421 ...`, a number right-aligned on six columns, then a
 * tab), by `less -N` or an editor's line numbers copied with the text (`     12 Reporting-MTA: ...`, a
 * number right-aligned, then one space; its blank lines numbered too), or made an ordered list (`1. Jun 29 16:22:12 nuc postfix/...`, as a page's numbered lines copy):
 * the numbers are removed when every line that holds text carries one and they count up by one
 * (blank lines, which `nl` leaves unnumbered, aside). The lines stay where they are. Log lines behind
 * such numbers are also read by the log readers (logs/dispatch.ts), which a numbered notice or reply
 * never reached.
 */
import { firstTextLine } from './leading-blank-lines';

const NUMBERED = /^(?: {1,9}(\d{1,10})(?: |$)| {0,9}(\d{1,10})(?:\t| {2,8}|[.)] ))/;

export function withoutLineNumbers(text: string): string {
  if (!NUMBERED.test(firstTextLine(text))) return text;
  const lines = text.split(/(\r\n|\r|\n)/);
  let expected = -1;
  let numbered = 0;
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const m = NUMBERED.exec(line);
    if (!m) return text;
    const n = Number(m[1] ?? m[2]);
    if (expected >= 0 && n !== expected) return text;
    expected = n + 1;
    numbered++;
  }
  // One numbered line is no numbering (`421  Too many connections` has a code, not a line number).
  if (numbered < 2) return text;
  return withoutPrefix(lines, NUMBERED);
}

/**
 * `lines` (a text split on its line ends, the ends kept at odd indexes) joined again without what
 * `prefix` matches at the start of each line; blank lines are emptied. Shared with list-marks.ts.
 */
export function withoutPrefix(lines: string[], prefix: RegExp): string {
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i] as string;
    lines[i] = line.trim() === '' ? '' : line.slice((prefix.exec(line)?.[0] ?? '').length);
  }
  return lines.join('');
}
