/**
 * The distinct strings of history.json (version 4), stored as one text and the end offset of each string
 * in it: JSON.parse then makes one string instead of thousands, and a string is cut out of the text only
 * when something reads it. Lengths are known without cutting (each string's length is checked at load).
 */
export class StringTable {
  constructor(
    private readonly text: string,
    private readonly ends: readonly number[],
    /** Length of each string, in UTF-16 code units (as String#length counts). */
    readonly lengths: Int32Array,
  ) {}

  get size(): number {
    return this.lengths.length;
  }

  get(ref: number): string {
    const end = this.ends[ref] as number;
    return this.text.slice(end - (this.lengths[ref] as number), end);
  }

  /**
   * The table of a checked text and ends; null unless every end is an integer, none before the previous, the
   * last the text's end.
   */
  static check(text: unknown, ends: readonly unknown[]): StringTable | null {
    if (typeof text !== 'string') return null;
    const lengths = new Int32Array(ends.length);
    let previous = 0;
    for (let i = 0; i < ends.length; i += 1) {
      const end = ends[i] as number;
      if (end >>> 0 !== end || end < previous || end > text.length) return null;
      lengths[i] = end - previous;
      previous = end;
    }
    return previous === text.length ? new StringTable(text, ends as number[], lengths) : null;
  }
}

/** Strings to their text and ends. */
export function joinStrings(strings: readonly string[]): { text: string; ends: number[] } {
  const ends = new Array<number>(strings.length);
  let end = 0;
  for (let i = 0; i < strings.length; i += 1) {
    end += (strings[i] as string).length;
    ends[i] = end;
  }
  return { text: strings.join(''), ends };
}

/** The strings of a text and ends, without judging them: a bad end gives undefined (for zod to reject). */
export function splitLenient(text: unknown, ends: readonly unknown[]): unknown[] {
  if (typeof text !== 'string') return ends.map(() => undefined);
  let previous = 0;
  return ends.map((end) => {
    if (typeof end !== 'number' || !Number.isInteger(end) || end < previous || end > text.length)
      return undefined;
    const value = text.slice(previous, end);
    previous = end;
    return value;
  });
}
