/**
 * mboxcl2: an mbox whose messages are delimited by their `Content-Length:` header (the body's size in
 * bytes) rather than by `From ` lines, so that a body line starting with `From ` is left as written
 * (public-inbox's `lei q -f mboxcl2`, mutt's and Solaris mail's Content-Length boxes). After the body
 * comes one empty line, then the next message's `From ` line or the end of the file. A length is
 * trusted only when it lands exactly there: a stale or wrong one (a message edited by hand, a header
 * copied from elsewhere) leaves the file to the `From ` lines.
 */
import type { SourceText } from '../source-text';

const CONTENT_LENGTH = /^Content-Length:[ \t]*(\d{1,12})[ \t]*$/i;
/** Header lines read at most before giving up on finding the empty line that ends the header. */
const MAX_HEADER_LINES = 2000;

/** True when the text has a `Content-Length:` field at the start of some line (cheap test first). */
export function mayHaveContentLength(text: string): boolean {
  return /^Content-Length:/im.test(text);
}

/** The UTF-8 size of `text` from `start` to `end`. */
function utf8Size(text: string, start: number, end: number): number {
  let size = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) size += 1;
    else if (c < 0x800) size += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      size += 4;
      i++;
    } else size += 3;
  }
  return size;
}

/**
 * The last line (1-based, the empty line after the body when there is one) of the message whose `From `
 * line is `fromLine`, as its Content-Length tells; null when its header gives none, or one that does
 * not land on an empty line followed by a `From ` line (`isFromLine`) or the end. The size is counted
 * in UTF-8 and, for a file read in a one-byte charset, in characters: either landing right will do.
 * The lines walked are taken from `budget`: wrong lengths in every message of a large file would
 * otherwise walk it again and again.
 */
export function contentLengthEnd(
  source: SourceText,
  fromLine: number,
  isFromLine: (line: number) => boolean,
  budget: { chars: number },
): number | null {
  const count = source.lineCount;
  const text = source.text;
  let length: number | null = null;
  let blank = fromLine + 1;
  for (; blank <= count && blank <= fromLine + MAX_HEADER_LINES; blank++) {
    const line = source.line(blank);
    if (line === '') break;
    const m = CONTENT_LENGTH.exec(line);
    if (m) length = Number(m[1]);
  }
  if (length === null || blank > count || source.line(blank) !== '') return null;
  const endOf = (line: number) => (line < count ? source.offsetOf(line + 1) : text.length);
  const lands = (last: number): number | null => {
    if (last >= count) return last === count ? count : null;
    if (source.line(last + 1) !== '') return null;
    if (last + 1 === count || isFromLine(last + 2)) return last + 1;
    // The file's own last line break leaves one more empty line.
    return last + 2 === count && source.line(count) === '' ? count : null;
  };
  if (length === 0) return lands(blank);
  // A UTF-16 unit is at most 3 bytes: a length that far past the end cannot land.
  if (source.offsetOf(blank + 1) + length / 3 > text.length || budget.chars <= 0) return null;
  let bytes = 0;
  let chars = 0;
  for (let line = blank + 1; line <= count; line++) {
    const start = source.offsetOf(line);
    const end = endOf(line);
    bytes += utf8Size(text, start, end);
    chars += end - start;
    budget.chars -= end - start;
    if (bytes === length || chars === length) {
      const last = lands(line);
      if (last !== null) return last;
    }
    if ((bytes > length && chars > length) || budget.chars <= 0) return null;
  }
  return null;
}
