/**
 * A paste with an empty line after every line: copied from a web page that puts each line in a
 * paragraph of its own, or a CRLF text whose line ends were converted once more (`\r\r\n`, which reads
 * as two line breaks). Headers then end after their first field and wrapped replies fall apart, so the
 * text is read without those empty lines; each line read keeps its number in the paste. Lines that a
 * wrap cut as well (hard-wrap.ts) are then joined by the wrap's reader.
 */
import { hardWrapWidth } from './hard-wrap';
import { splitLines } from './header-block';

export interface SingleSpaced {
  /** The text without the added empty lines, lines joined by `\n`. */
  text: string;
  /** For each line of `text` (0-based), its 1-based number in the paste. */
  pasteLine: number[];
}

/** Lines with text before this many are too few to tell a double-spaced paste from short paragraphs. */
const MIN_TEXT_LINES = 4;

const isBlank = (line: string) => line.trim() === '';
/**
 * A header field (`Subject: ...`) or a labelled line of a notice (`Serveur distant :       ...`, French
 * typography puts a space before the colon): text the blank lines break.
 */
const FIELD = /^[A-Za-zÀ-ÿ][\wÀ-ÿ'’ -]{0,40}:[ \t]/;
const FOLDED = /^[ \t]+\S/;

/**
 * Text whose lines belong together: a folded line, or three header fields. Prose written as one-line
 * paragraphs has neither, and is read as it is.
 */
function hasJoinedLines(lines: readonly string[]): boolean {
  let fields = 0;
  // (By index: the array iterator's results were allocated for each of a paste's millions of lines.)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (FOLDED.test(line)) return true;
    if (FIELD.test(line) && ++fields >= 3) return true;
  }
  return false;
}

/** A reply's line announcing another (`550-...`), and the line that goes on with the same code. */
const ANNOUNCES = /^\s{0,4}([245]\d\d)-/;
/** A line cut before its end (no closing punctuation), and one going on in lower case. */
const CUT = /[^.!?:;)\]"'>]$/;
const GOES_ON = /^\s{0,4}[a-z]/;
/** A line of a reply or about one: a code, or a Postfix notice's `host X[IP] refused to` / `said`. */
const REPLY_LINE = /(?:^|\s)[245]\d\d[ -]|\bhost\s\S{1,255}\s(?:said|refused)\b/;
/** Orange's reason at the end of its reply's last line (`OFR_999 [999]`). */
// (The reason within 200 characters of the token: `.*` before it backtracked over a whole line for
// every token of a line of thousands.)
const ORANGE_END = /\bOFR\d{0,3}_\d{3}\b[^\n]{0,200}\[\d{3}\]\s*$/;

/**
 * A short paste (two or three lines of text) whose lines are one reply: `550-` then `550 `, a long line
 * cut mid-sentence (or a shorter one, then one going on in lower case), Orange's reply ending on the line
 * after its code. Prose written as one-line paragraphs does none of these.
 */
function isOneReply(lines: readonly string[]): boolean {
  // Each line with text and the next one with text, taken in turn (no copy of the lines with text:
  // a paste of millions of lines comes here whole, and the first pair often answers).
  let line: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const next = lines[i] as string;
    if (isBlank(next)) continue;
    if (line === null) {
      line = next;
      continue;
    }
    const code = ANNOUNCES.exec(line)?.[1];
    if (code && next.trimStart().startsWith(code)) return true;
    // A wrapped line is long (a short one cut is a title or a label) and part of a reply or a notice's
    // line about one (prose without a final stop is prose).
    // Not when the line below is long enough to have taken its first word onto this one: a wrap would
    // have (a help page's reply, an empty line, then its explanation: support.onesystems.ch's `554 5.7.1
    // Service unavailable; Client host [] blocked using ix.dnsbl.manitu.net` / `Um unsere Kunden ...`).
    const wrapped =
      CUT.test(line) &&
      (line.length >= 60 || (line.length >= 40 && GOES_ON.test(next))) &&
      !roomFor(line, next) &&
      !SIGN_OFF.test(next);
    if (wrapped && REPLY_LINE.test(line)) return true;
    if (/(?:^|\s)[245]\d\d[ -]/.test(line) && ORANGE_END.test(next)) return true;
    line = next;
  }
  return false;
}

/**
 * A line of the writer's after a reply, which no wrap of the reply leaves: a question (`Pouvez-vous
 * regarder ?`, `Any idea?`) or one word alone, a sign-off (`Thanks`, `Cordialement,`), in a mail written
 * as one-line paragraphs. (Another word with its period may be a reply's last, cut by a wrap:
 * `Filtering.`; the usual sign-offs are known with theirs, `Regards.`, `Cordialement.`.)
 */
const SIGN_OFF =
  /[?!]\s*$|^\s{0,4}[A-ZÀ-Ý][a-zà-ÿ]{1,20}[,!]?\s*$|^\s{0,4}(?:Thanks|Thank you|Thx|Regards|Best regards|Kind regards|Cheers|Merci|Cordialement|Bien cordialement|Salutations|Bonne journée)[.,!]?\s*$/i;

/**
 * True when `next` is at least as long as `line` with `next`'s first word after it: no wrap cut `line`
 * there, since wrapping at `next`'s width would have put that word on `line`.
 */
function roomFor(line: string, next: string): boolean {
  const first = next.trimStart();
  const space = first.search(/[ \t]/);
  return space > 0 && line.trimEnd().length + 1 + space <= next.trimEnd().length;
}

/** Lines a wrap cut (hard-wrap.ts), once the empty lines between them are set aside. */
function isHardWrapped(lines: readonly string[]): boolean {
  return hardWrapWidth(lines.filter((line) => !isBlank(line))) > 0;
}

/**
 * How many lines have text when at most one in ten is followed directly by another (the lines look
 * double-spaced), else -1.
 */
function doubleSpacedTextLines(lines: readonly string[]): number {
  let withText = 0;
  let adjacent = 0;
  for (let i = 0; i < lines.length; i++) {
    if (isBlank(lines[i] as string)) continue;
    withText++;
    if (i + 1 < lines.length && !isBlank(lines[i + 1] as string)) {
      adjacent++;
      if (adjacent > 2 && adjacent * 10 > withText) return -1;
    }
  }
  return adjacent * 10 <= withText ? withText : -1;
}

/**
 * True when the complete lines of the first `size` characters have text in a row too often: the whole
 * text does then too (doubleSpacedTextLines counts from the start and stops there).
 */
function isRefusedByHead(text: string, size: number): boolean {
  return text.length > size && doubleSpacedTextLines(splitLines(text.slice(0, size)).slice(0, -1)) < 0;
}

/**
 * The paste without its added empty lines, or null when it is not double-spaced (at least four lines
 * with text, at most one in ten followed directly by another line with text) or has no lines that
 * belong together (see hasJoinedLines). Of a run of k empty lines, k / 2 (rounded down) are kept: one
 * added line goes, a paragraph break (three) stays one.
 */
export function singleSpaced(text: string): SingleSpaced | null {
  // An ordinary paste has lines with text in a row within its first lines: refused before the split
  // (its first 1 kB says so for most, its first 4 kB for the others).
  if (isRefusedByHead(text, 1024) || isRefusedByHead(text, 4096)) return null;
  const lines = splitLines(text);
  const textLines = doubleSpacedTextLines(lines);
  const joined =
    textLines >= MIN_TEXT_LINES
      ? hasJoinedLines(lines) || isOneReply(lines) || isHardWrapped(lines)
      : textLines >= 2 && (isOneReply(lines) || isHardWrapped(lines));
  if (!joined) return null;
  // Counted first, the lines kept are then written to arrays of their size: growing two arrays of
  // millions of entries left their outgrown copies behind, 60 MB for a 50 MB paste.
  const size = keptLines(lines, null, null);
  const kept = new Array<string>(size);
  const pasteLine = new Array<number>(size);
  keptLines(lines, kept, pasteLine);
  return { text: kept.join('\n'), pasteLine };
}

/**
 * How many lines are kept, each written with its 1-based number in the paste into `kept` and
 * `pasteLine` when given. Of a run of empty lines, the leading and trailing ones are kept as they
 * are, inner runs halved.
 */
function keptLines(lines: readonly string[], kept: string[] | null, pasteLine: number[] | null): number {
  let count = 0;
  let i = 0;
  while (i < lines.length) {
    let end = i;
    while (end < lines.length && isBlank(lines[end] as string)) end++;
    const run = end - i;
    const keep = i === 0 || end === lines.length ? run : Math.floor(run / 2);
    for (let k = 0; k < keep; k++) {
      if (kept && pasteLine) {
        kept[count] = '';
        pasteLine[count] = i + k + 1;
      }
      count++;
    }
    if (end < lines.length) {
      if (kept && pasteLine) {
        kept[count] = lines[end] as string;
        pasteLine[count] = end + 1;
      }
      count++;
    }
    i = end + 1;
  }
  return count;
}
