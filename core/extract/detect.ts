/** Which reader a pasted text needs. Decided on the first lines only, so it stays fast on big inputs. */
import { looksLikeQueueListing } from './formats/queue-listing';
import { detectLogFormat } from './logs';

export type InputKind = 'empty' | 'mbox' | 'message' | 'log' | 'queue' | 'json' | 'text';

const HEADER_LINE = /^[A-Za-z][A-Za-z0-9_-]{0,76}:[ \t]?\S?/;
const KEY_HEADERS =
  /^(?:Received|From|To|Subject|Date|Return-Path|Content-Type|MIME-Version|Message-ID|Delivered-To|X-[A-Za-z0-9-]{1,40}):/i;
/**
 * An mbox's separator (RFC 4155): `From ` and the envelope sender, then the time it was written
 * (`From MAILER-DAEMON Fri Oct 15 14:42:03 2021`, `From () 2020-03-03 07:50:45 +0000`). The time
 * tells it from a body line of an mbox that did not escape them (`From the mail system: see below.`).
 */
export const MBOX_FROM = /^From \S{1,320} {1,4}[^\r\n]{0,40}?\b\d{1,2}:\d\d\b/;

/** The first `count` lines of the text's first 64 kB (CRLF, CR and LF each end a line). */
function firstLines(text: string, count: number): string[] {
  const head = text.slice(0, 64 * 1024);
  // As head.split(/\r\n|\r|\n/, count), without splitting more than `count` lines.
  const lines: string[] = [];
  let start = 0;
  let cr = head.indexOf('\r');
  let lf = head.indexOf('\n');
  while (lines.length < count) {
    if (cr < 0 && lf < 0) {
      lines.push(head.slice(start));
      break;
    }
    const at = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
    lines.push(head.slice(start, at));
    start = at === cr && head.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
    if (cr >= 0 && cr < start) cr = head.indexOf('\r', start);
    if (lf >= 0 && lf < start) lf = head.indexOf('\n', start);
  }
  return lines;
}

/**
 * Whether the lines start with a header block (at least two known headers before a blank line); when
 * they end first, the answer if they are all the text's lines (`complete`), else null: undecided.
 */
function headerBlock(lines: readonly string[], complete: boolean): boolean | null {
  let known = 0;
  for (const line of lines) {
    if (line.trim() === '') return known >= 2;
    if (line[0] === ' ' || line[0] === '\t') continue;
    if (!HEADER_LINE.test(line)) return false;
    if (known < 2 && KEY_HEADERS.test(line)) known++;
  }
  return complete ? known >= 2 : null;
}

/** True when the text starts with a mail header block (at least two known headers before a blank line). */
export function startsWithHeaders(lines: readonly string[]): boolean {
  return headerBlock(lines, true) === true;
}

// The same tests run in place on the text (sticky, from a line's start): no line is copied out. None
// of them can cross a line break (\S, the classes and the names exclude CR and LF). HEADER_LINE's
// test is isHeaderLineAt below (its `[ \t]?\S?` tail is optional: only the name and `:` count).
const KEY_HEADERS_AT =
  /(?:Received|From|To|Subject|Date|Return-Path|Content-Type|Content-Transfer-Encoding|MIME-Version|Message-ID|Delivered-To|X-[A-Za-z0-9-]{1,40}):/iy;
// Only white space up to the line's end: `line.trim() === ''`.
const BLANK_AT = /[^\S\r\n]*(?:\r|\n|$)/y;

function matchesAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

/**
 * `matchesAt(BLANK_AT, text, at)` read character by character where that is simple (ASCII): spaces
 * and tabs, then a line break or the end. Other characters (non-ASCII spaces, form feed...) go to
 * the expression.
 */
function isBlankAt(text: string, at: number): boolean {
  let i = at;
  let c = text.charCodeAt(i);
  while (c === 32 || c === 9) c = text.charCodeAt(++i);
  if (c === 13 || c === 10 || i >= text.length) return true;
  if (c > 32 && c < 128) return false;
  return matchesAt(BLANK_AT, text, at);
}

/** HEADER_LINE at `at`: a letter, up to 76 letters, digits, dashes or underscores, then `:`. */
function isHeaderLineAt(text: string, at: number): boolean {
  const first = text.charCodeAt(at) | 32;
  if (first < 97 || first > 122) return false;
  const end = Math.min(text.length, at + 78);
  for (let i = at + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 58) return true;
    const lower = c | 32;
    // `_` as in Exim's SpamAssassin fields (`X-Spam_score: -0.4`): RFC 5322 allows it in a name.
    if (!((lower >= 97 && lower <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95)) return false;
  }
  return false;
}

/** `startsWithHeaders(firstLines(head, 200))`, read in place. */
function headerBlockAt(head: string): boolean {
  let known = 0;
  let start = 0;
  let cr = head.indexOf('\r');
  let lf = head.indexOf('\n');
  for (let n = 0; n < 200; n++) {
    if (isBlankAt(head, start)) return known >= 2;
    const first = head.charCodeAt(start);
    if (first !== 32 && first !== 9) {
      if (!isHeaderLineAt(head, start)) return false;
      if (known < 2 && matchesAt(KEY_HEADERS_AT, head, start)) known++;
    }
    // Next line: after the first CR, LF or CRLF (found natively, not character by character).
    if (cr >= 0 && cr < start) cr = head.indexOf('\r', start);
    if (lf >= 0 && lf < start) lf = head.indexOf('\n', start);
    if (cr < 0 && lf < 0) break;
    const end = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
    start = end === cr && head.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
  return known >= 2;
}

/** A pasted piece of a JSON object: its members without the braces (`"delivery-status": {...},`). */
const JSON_MEMBER = /^"[A-Za-z0-9_.-]{1,64}"\s{0,4}:/;

export function detectInput(text: string): InputKind {
  const trimmed = text.replace(/^[\s\uFEFF]+/, '');
  if (trimmed === '') return 'empty';
  const head = trimmed.slice(0, 64 * 1024);
  // The first line's tests, on the text itself (neither crosses a line break).
  if (
    MBOX_FROM.test(head) ||
    head.startsWith('\x01\x01\x01\x01\n') ||
    head.startsWith('\x01\x01\x01\x01\r\n')
  )
    return 'mbox';
  if (headerBlockAt(head)) return 'message';
  // Each line cut to 8 kB (a loop, not `map`: optimised `map` makes a holey array, which would make
  // the log readers' code handle two kinds of arrays).
  const lines = firstLines(trimmed, 200);
  for (let i = 0; i < lines.length; i++) lines[i] = (lines[i] as string).slice(0, 8192);
  if (detectLogFormat(lines) !== null) return 'log';
  if (looksLikeQueueListing(lines)) return 'queue';
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || JSON_MEMBER.test(trimmed)) return 'json';
  return 'text';
}
