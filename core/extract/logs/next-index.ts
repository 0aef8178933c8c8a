/**
 * indexOf for forward scans of one chunk, line after line: the position found is remembered, so a
 * search that is answered beyond the current line is not repeated for the following lines. Each
 * character of a chunk is then examined at most once per pattern, whatever the lines hold (no
 * quadratic rescans of a 1 MB chunk for lines that lack the pattern).
 */
export class NextIndex {
  private chunk = '';
  /** The first position >= low of the pattern in chunk (or -1): the last search's start and answer. */
  private low = 0;
  private found = -1;
  /**
   * The search before the last one, in the same chunk (or -1 found): a reader may go back to the line the
   * next search left, as readSenderLine does after mayRunOn looked beyond its line's ` postfix` (measured
   * on a generated 100 MB mail.log: 1.14 million searches for ` postfix` over its 0.88 million lines
   * without this, one per line with it).
   */
  private lowBefore = 0;
  private foundBefore = -1;

  /** The pattern from `anchor` on, looked for first; the part before it is then checked in place. */
  private readonly tail: string;
  private readonly head: string;

  /**
   * `anchor`: where in the pattern the search starts from, a character rarer in a mail.log than the
   * pattern's first one. indexOf stops at each occurrence of the first character it looks for: a search
   * for `reject` stops at every `r` of the chunk, one for `ject` at its few `j`s (four times faster over
   * a whole chunk). The first `reject` is the first `ject` with `re` before it, so the answers are the same.
   */
  constructor(
    private readonly pattern: string,
    private readonly anchor = 0,
  ) {
    this.tail = pattern.slice(anchor);
    this.head = pattern.slice(0, anchor);
  }

  private search(chunk: string, from: number): number {
    if (this.anchor === 0) return chunk.indexOf(this.pattern, from);
    let at = chunk.indexOf(this.tail, from + this.anchor);
    while (at >= 0 && !chunk.startsWith(this.head, at - this.anchor)) at = chunk.indexOf(this.tail, at + 1);
    return at < 0 ? -1 : at - this.anchor;
  }

  /**
   * First position >= from of the pattern in chunk, or -1. Searches again only when the last two answers
   * do not cover `from`: each character is then examined once per pattern if calls move forward through a
   * chunk, going back no further than the start of the search before the last.
   */
  find(chunk: string, from: number): number {
    if (chunk === this.chunk) {
      if (from >= this.low && (this.found < 0 || from <= this.found)) return this.found;
      if (from >= this.lowBefore && from <= this.foundBefore) return this.foundBefore;
      this.lowBefore = this.low;
      this.foundBefore = this.found;
    } else {
      this.chunk = chunk;
      this.foundBefore = -1;
    }
    this.low = from;
    this.found = this.search(chunk, from);
    return this.found;
  }

  /** True when the pattern lies entirely inside [start, end). */
  within(chunk: string, start: number, end: number): boolean {
    const at = this.find(chunk, start);
    return at >= 0 && at + this.pattern.length <= end;
  }
}
