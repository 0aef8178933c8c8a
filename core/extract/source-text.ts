/**
 * The pasted text as lines, to point each extracted value back at its 1-based line in the ORIGINAL
 * text (CRLF, LF and CR-only endings all count as one line break). Lookups search the text for the
 * value, restricted to a line range (one message of an mbox), so decoded or unfolded values still
 * land on the line where they start.
 */
import type { SourceRef } from '../types';

const MAX_REF_TEXT = 500;
/** Prefix lengths tried by `find`, shortest first (the whole needle comes last). */
const PREFIX_SIZES = [16, 30, 60, Number.POSITIVE_INFINITY];
/** A header field as written: a name, then a colon. */
const FIELD_LINE = /^[A-Za-z][A-Za-z0-9_-]{0,76}:/;
/** Lines shorter than this are not indexed by `lineEqualTo` (a short text is often inside a longer line). */
const MIN_INDEXED_LINE = 24;
/** How much of the text a case-folded search lower-cases at a time (foldedIndexOf). */
const FOLD_WINDOW = 1 << 20;

/** Texts from this length on are not kept alive by the lines cited from them (`ref`). */
const OWN_COPY_FROM = 1 << 16;

/**
 * `text` in memory of its own. V8 keeps a slice of a long string as a pointer into it: the line a result
 * cites kept the whole text it was read in alive as long as the result (a 50 MB paste of fenced refusals
 * left 48 MB held by its 1,000 incidents' citations). A JSON round trip writes the characters anew.
 */
function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * How many line breaks `text` has, each writing where the line after it starts into `starts` (from its
 * second slot: the first line starts at 0) when given.
 */
function lineBreaks(text: string, starts: Uint32Array | null): number {
  let count = 0;
  // indexOf jumps from break to break, much faster than testing every character.
  let nl = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (nl >= 0 || cr >= 0) {
    let next: number;
    if (cr >= 0 && (nl < 0 || cr < nl)) {
      next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      if (next === cr + 2) nl = text.indexOf('\n', next);
      cr = text.indexOf('\r', next);
    } else {
      next = nl + 1;
      nl = text.indexOf('\n', nl + 1);
    }
    count++;
    if (starts) starts[count] = next;
  }
  return count;
}

export class SourceText {
  readonly text: string;
  private readonly starts: Uint32Array;
  /** The whole text lower-cased, only for a text with a capital sigma (foldedIndexOf). */
  private lowered: string | null = null;
  /** Whether the text has a capital sigma, and a dotted capital I; looked for on first use. */
  private sigma: boolean | null = null;
  private dottedI: boolean | null = null;
  /** The part of the text last lower-cased by foldedIndexOf, from `start`. */
  private window: { start: number; end: number; text: string } | null = null;
  /** Each line's text (trimmed, case folded, long enough) and the first line that has it. */
  private wholeLines: Map<string, number> | null = null;
  /** Each address written as a word of its own and the first line that has it. */
  private addresses: Map<string, number> | null = null;
  /** What the searches of each piece `find` looked for found (firstAt). */
  private readonly searched = new Map<string, { noneFrom: number; from: number; hit: number }>();

  constructor(text: string) {
    this.text = text;
    // The line starts counted first, then written to an array of their exact size: a growing array of
    // numbers held half as much again in slack, 30 MB for the 2.6 million lines of a 50 MB paste.
    const starts = new Uint32Array(lineBreaks(text, null) + 1);
    lineBreaks(text, starts);
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line number of a character offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Character offset where a 1-based line starts. */
  offsetOf(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1] ?? 0;
  }

  /** The text of a 1-based line, without its line break (capped for very long lines). */
  line(line: number): string {
    const start = this.offsetOf(line);
    const end = line < this.starts.length ? (this.starts[line] ?? this.text.length) : this.text.length;
    // Without its line break (the break is at the end, unless the line was cut).
    let stop = Math.min(end, start + MAX_REF_TEXT * 2);
    while (stop > start && (this.text.charCodeAt(stop - 1) === 10 || this.text.charCodeAt(stop - 1) === 13))
      stop--;
    return this.text.slice(start, stop);
  }

  ref(line: number): SourceRef {
    const text = this.line(line);
    const cited = text.length > MAX_REF_TEXT ? `${text.slice(0, MAX_REF_TEXT)}…` : text;
    return { line, text: this.text.length >= OWN_COPY_FROM ? ownCopy(cited) : cited };
  }

  /**
   * The line of the hit at offset `first`; for a needle that is a whole header field (`To: a@example.com`),
   * the first hit before `limit` that starts a line, if one does: `To: x` is also inside `Envelope-to: x`
   * and `X-Original-To: x`, which often come first.
   */
  private fieldLineAt(folded: boolean, needle: string, first: number, limit: number): number {
    const firstLine = this.lineAt(first);
    if (this.offsetOf(firstLine) === first || !FIELD_LINE.test(needle)) return firstLine;
    const next = (from: number) =>
      folded ? this.foldedIndexOf(needle, from) : this.text.indexOf(needle, from);
    for (let at = next(first + 1); at >= 0 && at < limit; at = next(at + 1)) {
      const line = this.lineAt(at);
      if (this.offsetOf(line) === at) return line;
    }
    return firstLine;
  }

  /**
   * The first offset at or after `from` where `piece` starts in the text (or its lower case when
   * `folded`), or -1. What searches of each piece found is remembered: the offset from which it occurs
   * no more, and the last hit with where its search started (a search starting between has that hit).
   * The replies of a long session each look for its sender and recipient from their own line on, where
   * they are not (they are named once, at its start): each search read the text to its end again,
   * quadratic time (6,000 replies, 200 kB: a second).
   */
  private firstAt(folded: boolean, piece: string, from: number): number {
    const key = `${folded ? 'l' : 't'}${piece}`;
    let known = this.searched.get(key);
    if (known === undefined) {
      known = { noneFrom: Number.POSITIVE_INFINITY, from: -1, hit: -1 };
      this.searched.set(key, known);
    }
    if (from >= known.noneFrom) return -1;
    if (known.from >= 0 && known.from <= from && from <= known.hit) return known.hit;
    const hit = folded ? this.foldedIndexOf(piece, from) : this.text.indexOf(piece, from);
    if (hit < 0) known.noneFrom = from;
    else {
      known.from = from;
      known.hit = hit;
    }
    return hit;
  }

  /**
   * The first line from `fromLine` on whose text starts with `prefix`, or null: the text is searched
   * for `prefix` (indexOf) and a hit counts where a line starts, rather than each line being cut out
   * and tested. (`prefix` starts with no line break.)
   */
  nextLineStartingWith(prefix: string, fromLine: number): number | null {
    if (fromLine > this.starts.length) return null;
    const text = this.text;
    const first = prefix.charCodeAt(0);
    for (let at = text.indexOf(prefix, this.offsetOf(fromLine)); at >= 0; ) {
      const before = text.charCodeAt(at - 1);
      if (at === 0 || before === 10 || before === 13) return this.lineAt(at);
      // Past a run of the prefix's first character (a `-----` rule): a hit inside it starts no line.
      let next = at + 1;
      while (text.charCodeAt(next) === first) next++;
      at = text.indexOf(prefix, next);
    }
    return null;
  }

  /**
   * The first line, within [fromLine, toLine], whose whole text is `needle` (trimmed, case folded), or
   * null. One pass over the lines builds the index, so that citing each of thousands of recipients' lines
   * costs no scan of the text each (a bounce listing 10,000 recipients).
   */
  lineEqualTo(needle: string, fromLine: number, toLine: number): number | null {
    if (this.wholeLines === null) {
      this.wholeLines = new Map();
      for (let line = this.starts.length; line >= 1; line--) {
        const text = this.line(line).trim().toLowerCase();
        if (text.length >= MIN_INDEXED_LINE) this.wholeLines.set(text, line);
      }
    }
    const line = this.wholeLines.get(needle.trim().toLowerCase());
    return line !== undefined && line >= fromLine && line <= toLine ? line : null;
  }

  /**
   * The first line, within [fromLine, toLine], holding the address `needle` as a word of its own
   * (`<jean@example.fr>:`), or null; like `lineEqualTo`, from an index built in one pass (of the words
   * with an `@` only, to keep it small).
   */
  lineWithAddress(needle: string, fromLine: number, toLine: number): number | null {
    const wanted = needle.trim().toLowerCase();
    if (!wanted.includes('@') || /[\s<>()[\],;:"']/.test(wanted)) return null;
    if (this.addresses === null) {
      this.addresses = new Map();
      for (let line = this.starts.length; line >= 1; line--) {
        const text = this.line(line);
        if (!text.includes('@')) continue;
        for (const word of text.toLowerCase().split(/[\s<>()[\],;:"']+/))
          if (word.includes('@')) this.addresses.set(word, line);
      }
    }
    const line = this.addresses.get(wanted);
    return line !== undefined && line >= fromLine && line <= toLine ? line : null;
  }

  /**
   * Where `piece` (lower case) first occurs at or after `from` in the text lower-cased, or -1. The text
   * is lower-cased a window at a time as the search goes, not whole: the whole kept a copy as large as
   * the text (50 MB for a message carrying a 50 MB attachment, whose fields are found in its first
   * lines). Lower-casing is done a character at a time, so a window lower-cases as it does in the whole
   * (no window splits a surrogate pair), but for the capital sigma, lower-cased by its context: a text
   * with one is lower-cased whole, as before.
   */
  private foldedIndexOf(piece: string, from: number): number {
    const text = this.text;
    this.sigma ??= text.includes('\u03a3');
    if (this.sigma) {
      this.lowered ??= text.toLowerCase();
      return this.lowered.indexOf(piece, from);
    }
    for (let start = Math.max(0, from); start < text.length; ) {
      let end = Math.min(text.length, start + FOLD_WINDOW);
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end++;
      // A hit starting in the window may end past it.
      let stop = Math.min(text.length, end + piece.length - 1);
      if (stop < text.length && isHighSurrogate(text.charCodeAt(stop - 1))) stop++;
      const begin =
        start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))
          ? start - 1
          : start;
      const window = this.loweredWindow(begin, stop);
      // (The first hit in a window is the first in the text from `start`: an earlier one would end
      // inside it as well.)
      const hit = window.text.indexOf(piece, start - window.start);
      if (hit >= 0) return window.start + hit;
      start = end;
    }
    return -1;
  }

  /**
   * The text lower-cased over at least `start` to `end`: the window kept from the last search when it
   * covers them (the fields of a message are looked for one after another in its first lines), else
   * those lower-cased and kept.
   */
  private loweredWindow(start: number, end: number): { start: number; end: number; text: string } {
    const kept = this.window;
    if (kept && kept.start <= start && end <= kept.end) return kept;
    this.window = { start, end, text: this.text.slice(start, end).toLowerCase() };
    return this.window;
  }

  /**
   * First line in [fromLine, toLine] containing `needle` (case-insensitive when `fold`), trying shorter
   * prefixes of it when the whole does not appear (a value unfolded from several lines). Null if absent.
   *
   * The prefixes (the whole, then its first 60, 30 and 16 characters; none under 6 unless whole): the
   * whole is searched first, as most values are found whole; when it is not, the prefixes are searched
   * shortest first: a longer one can only occur where a shorter one does, so each search starts at the
   * previous hit, and a miss ends the search. A value absent from the text costs two scans, not four.
   */
  find(needle: string, fromLine = 1, toLine = this.lineCount, fold = false): number | null {
    const wanted = needle.trim();
    if (!wanted) return null;
    const from = this.offsetOf(fromLine);
    const to = toLine >= this.lineCount ? this.text.length : this.offsetOf(toLine + 1);
    // Lower-casing changes the length of one character, İ (U+0130, to `i` and a combining dot): then
    // offsets would not match, and the text is searched as it is.
    if (fold && this.dottedI === null) this.dottedI = this.text.includes('\u0130');
    const folded = fold && !this.dottedI;
    // Only matches starting inside the range count (one may end after it), not the rest of an mbox.
    let best: number | null = null;
    let at = from;
    let previous = 0;
    // A capital sigma lower-cases by context (final or not): then a prefix may not lower-case to a
    // prefix of the whole, so each prefix is searched from the range start, longest first.
    const chained = !(folded && wanted.includes('\u03a3'));
    const needleText = folded ? wanted.toLowerCase() : wanted;
    const whole = this.firstAt(folded, needleText, from);
    if (whole >= 0 && whole < to) return this.fieldLineAt(folded, needleText, whole, to);
    for (const prefix of chained ? PREFIX_SIZES : [...PREFIX_SIZES].reverse()) {
      const size = Math.min(prefix, wanted.length);
      if (size === previous || (size < 6 && size !== wanted.length)) continue;
      previous = size;
      // toLowerCase keeps the length of the texts met here (ASCII field names, Latin letters).
      const piece = folded ? wanted.slice(0, size).toLowerCase() : wanted.slice(0, size);
      const offset = this.firstAt(folded, piece, at);
      const hit = offset >= 0 && offset < to;
      if (!chained) {
        if (hit) return this.lineAt(offset);
        continue;
      }
      if (!hit) break;
      best = offset;
      at = offset;
    }
    return best === null ? null : this.lineAt(best);
  }
}
