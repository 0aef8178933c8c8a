/**
 * Text copied from a terminal or a web page often comes back with spaces or tabs at the end of its lines
 * (a terminal pads its rows, an editor keeps what a pager printed). No header, log record or reply
 * means anything by them, but they hide what ends a line: a wrapped log record's closing `:` or `,`, the
 * last column of a CSV header, a DSN field's value. They are removed; the lines stay where they were.
 * One pass by hand: a regular expression for "spaces before a line end" backtracks over every long run
 * of spaces that no line end follows.
 */
const HAS_TRAILING = /[ \t](?:\r|\n|$)/;

export function withoutTrailingSpaces(text: string): string {
  if (!HAS_TRAILING.test(text)) return text;
  const parts: string[] = [];
  let kept = 0; // text before this offset is in parts
  let run = -1; // start of the current run of spaces and tabs, or -1
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 32 || c === 9) {
      if (run < 0) run = i;
      continue;
    }
    if ((c === 10 || c === 13) && run >= 0) {
      parts.push(text.slice(kept, run));
      kept = i;
    }
    run = -1;
  }
  parts.push(text.slice(kept));
  return parts.join('');
}
