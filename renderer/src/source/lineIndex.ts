/**
 * Where each line of the pasted text starts, so the source view can show any line without splitting a
 * 10 MB string into an array. Line ends: CRLF, LF or CR alone (old Mac bounces), like the extractor.
 */
export interface LineIndex {
  /** Offset of the first character of each line; length = number of lines. */
  starts: Uint32Array;
}

/** Scans in chunks and calls `onProgress(done, total)` between chunks (the worker reports it). */
export function indexLines(text: string, onProgress?: (done: number, total: number) => void): LineIndex {
  const starts: number[] = [0];
  const chunk = 1 << 20;
  for (let from = 0; from < text.length; from += chunk) {
    const to = Math.min(text.length, from + chunk);
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    onProgress?.(to, text.length);
  }
  // A final line end does not open a further, empty line.
  if (starts.length > 1 && starts[starts.length - 1] === text.length) starts.pop();
  return { starts: Uint32Array.from(starts) };
}

export const lineCount = (index: LineIndex) => index.starts.length;

/** The text of 1-based line `line`, without its line end. */
export function lineText(text: string, index: LineIndex, line: number): string {
  const start = index.starts[line - 1];
  if (start === undefined) return '';
  const next = index.starts[line];
  let end = next ?? text.length;
  if (next !== undefined) {
    if (text.charCodeAt(end - 1) === 10) end--;
    if (text.charCodeAt(end - 1) === 13) end--;
  }
  return text.slice(start, end);
}
