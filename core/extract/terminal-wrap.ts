/**
 * A paste copied from a terminal window narrower than its lines: each long line is cut at the window's width,
 * in the middle of a word as often as not (`... said: 550 mwinf5c04 ME Adr` / `esse IP source bloquee ...`).
 * Unlike a mail client's wrap, which breaks between words, such a cut must be joined without a space. The
 * paste shows it: at least three lines stop at exactly the same column (its longest line's; two could be a
 * word wrapper's chance), each followed by the rest of its line, and they are most of the lines followed by a
 * piece that a word wrapper would have put at their end. A word wrapper fills a line to the last column only
 * when a word happens to end there (about one line in six); a terminal fills every line it cuts, except where
 * the cut fell after a space, which the paste's trailing spaces lost (cleaned before this is read: such a
 * line is joined with its space again).
 */

/** Narrower than any terminal a log is read in; wider windows are common (a log line can be 500). */
const MIN_WIDTH = 50;
const MAX_WIDTH = 512;
/** Only a paste's first lines are looked at, as for a mail client's wrap (hard-wrap.ts). */
const MAX_LINES = 2000;

/** Characters compared by `sameShape`: a log's stamp and host, a reply's code. */
const SHAPE_LENGTH = 10;

/** A character's kind: digits alike, letters alike, anything else itself. */
function kind(c: number): number {
  if (c >= 48 && c <= 57) return 48;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 192) return 65;
  return c;
}

/**
 * True when both lines start alike (`Mär 23 18:03:33 ...` and `Mär 23 18:03:34 ...`,
 * `2023/09/09 07:28:56 ...` twice): entries of one log, however long, not a line and its cut-off rest.
 */
function sameShape(line: string, next: string): boolean {
  if (next.length < SHAPE_LENGTH) return false;
  for (let i = 0; i < SHAPE_LENGTH; i++)
    if (kind(line.charCodeAt(i)) !== kind(next.charCodeAt(i))) return false;
  return true;
}

/** Length of the first word of `line` (up to its first space or tab). */
function firstWordLength(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9) return i;
  }
  return line.length;
}

/**
 * True when `next` is the rest of `line`, cut at column `width` (the cut may fall before a space: `next`
 * may start with one). `startsItsOwn` tells a line that begins something of its own (a log entry, a
 * header field): it continues nothing.
 */
export function cutAt(
  line: string,
  next: string,
  width: number,
  startsItsOwn: (line: string) => boolean,
): boolean {
  return line.length === width && next.trim().length > 0 && !startsItsOwn(next) && !sameShape(line, next);
}

/** The terminal width `lines` were cut at, or 0 when they show no such cut (`startsItsOwn`: see cutAt). */
export function terminalWidth(lines: readonly string[], startsItsOwn: (line: string) => boolean): number {
  const count = Math.min(lines.length, MAX_LINES);
  let width = 0;
  for (let i = 0; i < count; i++) width = Math.max(width, (lines[i] as string).length);
  if (width < MIN_WIDTH || width > MAX_WIDTH) return 0;
  let cuts = 0;
  let shorter = 0;
  for (let i = 0; i + 1 < count; i++) {
    const line = lines[i] as string;
    const next = lines[i + 1] as string;
    if (cutAt(line, next, width, startsItsOwn)) cuts++;
    // A shorter line followed by a word that would not have fitted after it: a word wrapper's cut, or a
    // terminal's that fell after a space.
    else if (
      line.length > 0 &&
      line.length < width &&
      /^\S/.test(next) &&
      !startsItsOwn(next) &&
      line.length + 1 + firstWordLength(next) > width
    )
      shorter++;
  }
  return cuts >= 3 && cuts >= 2 * shorter ? width : 0;
}
