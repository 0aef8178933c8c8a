/**
 * indexOf for forward scans of one chunk, line after line: the position found is remembered, so a
 * search that is answered beyond the current line is not repeated for the following lines. Each
 * character of a chunk is then examined at most once per pattern, whatever the lines hold (no
 * quadratic rescans of a 1 MB chunk for lines that lack the pattern).
 */
export class NextIndex {
  private chunk = '';
  private from = 0;
  private found = -1;

  constructor(private readonly pattern: string) {}

  /** First position >= from of the pattern in chunk, or -1. Calls must not move backwards in a chunk. */
  find(chunk: string, from: number): number {
    if (chunk !== this.chunk || from < this.from) {
      this.chunk = chunk;
      this.found = chunk.indexOf(this.pattern, from);
    } else if (this.found >= 0 && this.found < from) {
      this.found = chunk.indexOf(this.pattern, from);
    }
    this.from = from;
    return this.found;
  }

  /** True when the pattern lies entirely inside [start, end). */
  within(chunk: string, start: number, end: number): boolean {
    const at = this.find(chunk, start);
    return at >= 0 && at + this.pattern.length <= end;
  }
}
