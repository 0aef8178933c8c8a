/**
 * Where the first line with text starts, past the empty (or blank) lines a paste may begin with. A loop,
 * not an expression: millions of empty lines would overflow a regular expression's backtracking stack.
 */
export function firstTextLineStart(text: string): number {
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    if (c === 10) lineStart = i + 1;
    else if (c === 13) lineStart = text.charCodeAt(i + 1) === 10 ? ++i + 1 : i + 1;
    else break;
  }
  return lineStart;
}

/** The start of the first line with text (its first 256 characters): enough for a test of that line. */
export function firstTextLine(text: string): string {
  const start = firstTextLineStart(text);
  return text.slice(start, start + 256);
}
