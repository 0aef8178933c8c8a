/**
 * Where lines start with a mark after their indentation (`#`, `//`, `>`, `*`), found without a multiline
 * expression: `/^[ \t]*#/m` is tried at every offset of the text, which costs a whole bounce's length
 * for each such test. Each mark is looked for with indexOf instead (far fewer offsets), and a hit
 * counts when only spaces and tabs come between it and a line's start. An expression that starts with
 * `^`, spaces or tabs and one of the marks can match only at the offsets listed: tried there alone
 * (sticky, `lastIndex` set), it finds what a search through the whole text finds.
 */

/** True for the characters after which a multiline `^` matches (ECMAScript's line terminators). */
function endsLine(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/**
 * The offsets, in order, of the lines (as a multiline `^` sees them) whose first character after
 * spaces and tabs starts one of `marks` (a line holds one first mark: none is listed twice, provided
 * no mark starts with another's character).
 */
export function markedLineStarts(text: string, marks: readonly string[]): number[] {
  const starts: number[] = [];
  for (const mark of marks) {
    const sign = mark.charCodeAt(0);
    for (let at = text.indexOf(mark); at >= 0; ) {
      let start = at;
      while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)) start--;
      if (start === 0 || endsLine(text.charCodeAt(start - 1))) starts.push(start);
      // Past the run of the mark's character (a `-----` rule, `####`): a mark inside it has that
      // character before it, so starts no line.
      let next = at + 1;
      while (text.charCodeAt(next) === sign) next++;
      at = text.indexOf(mark, next);
    }
  }
  return marks.length > 1 ? starts.sort((a, b) => a - b) : starts;
}

/** The first match of the sticky (`y`) `pattern` at one of `starts`, or null. */
export function matchAtSome(
  pattern: RegExp,
  text: string,
  starts: readonly number[],
): RegExpExecArray | null {
  for (const start of starts) {
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (match) return match;
  }
  return null;
}
