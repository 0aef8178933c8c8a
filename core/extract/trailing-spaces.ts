import { isCriPartialAt } from './logs/partial-lines';

/**
 * Text copied from a terminal or a web page often comes back with spaces or tabs at the end of its lines
 * (a terminal pads its rows, an editor keeps what a pager printed). No header, log record or reply
 * means anything by them, but they hide what ends a line: a wrapped log record's closing `:` or `,`, the
 * last column of a CSV header, a DSN field's value. They are removed; the lines stay where they were.
 * By hand: a regular expression for "spaces before a line end" backtracks over every long run of
 * spaces that no line end follows.
 *
 * Kept: those of a Kubernetes CRI record marked partial (`2026-12-05T10:04:31.540Z stdout P …`), whose
 * line goes on in the next record (logs/partial-lines.ts joins them): the kubelet cuts a line anywhere,
 * a blank at the cut included, and without it `…incident de spam. ` + `Client host…` would read `spam.Client`.
 */
function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Pushes the offsets of each `lineEnd` character of `text` that a space or a tab comes before. */
function pushRunEnds(text: string, lineEnd: string, ends: number[]): void {
  for (let at = text.indexOf(lineEnd); at >= 0; at = text.indexOf(lineEnd, at + 1))
    if (isBlank(text.charCodeAt(at - 1))) ends.push(at);
}

/**
 * The offset of the start of the line that ends at `end`, walked back to (each line once: lastIndexOf of
 * the kind of line end a text lacks would search back to its start for every line).
 */
function lineStart(text: string, end: number): number {
  let at = end;
  while (at > 0) {
    const c = text.charCodeAt(at - 1);
    if (c === 10 || c === 13) break;
    at--;
  }
  return at;
}

export function withoutTrailingSpaces(text: string): string {
  // The line ends a space or a tab comes before (and the text's end), found by jumping from line end
  // to line end with indexOf rather than testing every character (or every space).
  const ends: number[] = [];
  pushRunEnds(text, '\n', ends);
  pushRunEnds(text, '\r', ends);
  if (isBlank(text.charCodeAt(text.length - 1))) ends.push(text.length);
  if (ends.length === 0) return text;
  // (Both kinds of line end in one text: CRLF's `\r` and `\n`, which a space never comes before both.)
  ends.sort((a, b) => a - b);
  const parts: string[] = [];
  let kept = 0; // text before this offset is in parts
  for (const end of ends) {
    if (isCriPartialAt(text, lineStart(text, end), end)) continue;
    let run = end;
    while (run > kept && isBlank(text.charCodeAt(run - 1))) run--;
    parts.push(text.slice(kept, run));
    kept = end;
  }
  parts.push(text.slice(kept));
  return parts.join('');
}
