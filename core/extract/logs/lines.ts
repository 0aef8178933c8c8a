/**
 * Splits a stream of text chunks into lines, whatever the line ends (CRLF, LF, CR alone), without ever
 * holding more than one partial line. A CR at the very end of a chunk ends the line at once; an LF at the
 * start of the next chunk is then recognised as the second half of that CRLF.
 */

export interface LineSplitter {
  /** Feeds the next chunk of decoded text. */
  push(chunk: string): void;
  /** Flushes the last line (one without a final line end). */
  end(): void;
  /** Lines cut because they exceeded maxLineLength. */
  readonly truncatedLines: number;
  /** True while part of a line (or a CR that may be the first half of a CRLF) is waiting for its end. */
  readonly midLine: boolean;
  /** Counts `n` lines read elsewhere: the next line's number moves on by `n` (see segment.ts). */
  skipLines(n: number): void;
}

export interface LineSplitterOptions {
  /** Longer lines are cut to this many characters (the rest, up to the line end, is dropped). */
  maxLineLength?: number;
  /**
   * Offered each complete line of an LF-only stretch of a chunk, as the chunk and the line's bounds
   * [start, end) with its number, before it is cut out: returning true means the line was consumed
   * (onLine is not called), false that it should be cut out and given to onLine as usual.
   */
  takeSpan?: (chunk: string, start: number, end: number, lineNo: number) => boolean;
}

/** 4 Mi characters: a 1 MB reply line fits with room to spare, a binary file cannot exhaust memory. */
export const DEFAULT_MAX_LINE_LENGTH = 4 * 1024 * 1024;

export function createLineSplitter(
  onLine: (line: string, lineNo: number) => void,
  options: LineSplitterOptions = {},
): LineSplitter {
  const max = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const takeSpan = options.takeSpan;
  let partial = '';
  let overflowing = false;
  let afterCr = false;
  let lineNo = 0;
  let truncated = 0;

  const emit = (tail: string) => {
    let line = partial.length === 0 ? tail : partial + tail;
    partial = '';
    if (overflowing || line.length > max) {
      line = line.slice(0, max);
      truncated++;
      overflowing = false;
    }
    lineNo++;
    onLine(line, lineNo);
  };

  const keep = (tail: string) => {
    if (overflowing) return;
    partial += tail;
    if (partial.length > max) {
      partial = partial.slice(0, max);
      overflowing = true;
    }
  };

  return {
    push(chunk: string) {
      let start = 0;
      if (afterCr && chunk.charCodeAt(0) === 10) start = 1;
      afterCr = false;
      const hasCr = chunk.indexOf('\r', start) !== -1;
      if (!hasCr) {
        // Fast path for LF-only text: indexOf is much faster than a regular expression.
        let nl = chunk.indexOf('\n', start);
        while (nl !== -1) {
          if (
            takeSpan &&
            partial.length === 0 &&
            !overflowing &&
            nl - start <= max &&
            takeSpan(chunk, start, nl, lineNo + 1)
          )
            lineNo++;
          else emit(chunk.slice(start, nl));
          start = nl + 1;
          nl = chunk.indexOf('\n', start);
        }
      } else {
        const len = chunk.length;
        for (let i = start; i < len; i++) {
          const c = chunk.charCodeAt(i);
          if (c !== 10 && c !== 13) continue;
          emit(chunk.slice(start, i));
          if (c === 13) {
            if (i + 1 < len) {
              if (chunk.charCodeAt(i + 1) === 10) i++;
            } else {
              afterCr = true;
            }
          }
          start = i + 1;
        }
      }
      if (start < chunk.length) keep(chunk.slice(start));
    },
    end() {
      if (partial.length > 0 || overflowing) emit('');
      afterCr = false;
    },
    get truncatedLines() {
      return truncated;
    },
    get midLine() {
      return partial.length > 0 || overflowing || afterCr;
    },
    skipLines(n: number) {
      lineNo += n;
    },
  };
}
