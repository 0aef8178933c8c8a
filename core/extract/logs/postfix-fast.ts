/**
 * Fast paths for the syslog lines of Postfix, most of a mail.log: the program name decides by character
 * comparisons, without a regular expression, a substring or an object for the lines that are dismissed.
 * Only smtp/lmtp/error lines (deliveries), qmgr `from=<` lines and smtpd/postscreen rejects can matter.
 * The qmgr sender line, the most frequent line that matters, is read here too, with the checks of the
 * general path (syslog prefix, queue id, `from=<`) done by hand; anything unusual goes the general way.
 *
 * These lines are judged in the decoded chunk, not in its bytes. A pass over the bytes before decoding was
 * tried (perf47: lines classed in the Buffer with memchr, the skipped ones, removals and deliveries read
 * there, only the others decoded; same output on every fixture) and measured slower on a generated 100 MB
 * mail.log: 15-20 % more CPU time. Decoding an ASCII chunk costs about 0.5 ms per MB (latin1Slice), while
 * the work per line costs as much in bytes as here (Buffer#indexOf called from JavaScript about 20 ns for a
 * byte and 130 ns for a longer needle, a JavaScript loop about 1 ns per byte, against String#indexOf's
 * 15-75 ns); with the sender lines taken out of the log, so that nearly every line was read in its bytes,
 * the gain was 7-13 % of wall time and none of CPU time.
 */
import { rememberSender, type ScanContext } from './model';
import { NextIndex } from './next-index';

/** Not recognisably a Postfix syslog line: the generic markers decide. */
export const POSTFIX_UNKNOWN = 0;
/** A Postfix line no reader needs (smtpd connect, cleanup, pickup...). */
export const POSTFIX_SKIP = 1;
/** A Postfix line for the general path (deliveries, rejects). */
export const POSTFIX_READ = 2;
/** A qmgr line with `from=<`: try readSenderLine first. */
export const POSTFIX_SENDER = 3;
/** A qmgr line ending in `: removed`: the queue id is done with (see forgetRemoved). */
export const POSTFIX_REMOVED = 4;

const S = 115;
const M = 109;
const T = 116;
const P = 112;

/** Forward searches shared by the lines of one chunk (see NextIndex). */
export interface PostfixFinders {
  postfix: NextIndex;
  from: NextIndex;
  reject: NextIndex;
}

export function createPostfixFinders(): PostfixFinders {
  return {
    // Looked for from their rarer characters (see NextIndex): `p` rather than the spaces of the prefix,
    // `<` rather than the `f`s, `j` rather than the `r`s of every line.
    postfix: new NextIndex(' postfix', 1),
    from: new NextIndex('from=<', 5),
    reject: new NextIndex('reject', 2),
  };
}

/** Where ` postfix` first occurs in text[s, e), if it starts at most 300 characters in, else -1. */
function postfixAt(text: string, s: number, e: number, find: PostfixFinders): number {
  const at = find.postfix.find(text, s);
  return at < 0 || at - s > 300 || at + 8 > e ? -1 : at;
}

/** Which of the classes above the record text[s, e) falls in (a whole line, or a line of a chunk). */
export function classifyPostfix(text: string, s: number, e: number, find: PostfixFinders): number {
  const at = postfixAt(text, s, e, find);
  if (at < 0) return POSTFIX_UNKNOWN;
  // ` postfix/NAME[`, the shape of nearly every line: the usual names first (see usualProgram).
  if (text.charCodeAt(at + 8) === 47 /* / */) {
    const known = usualProgram(text, at + 9, e, find);
    if (known >= 0) return known;
  }
  // The first `[` after the name, looked for over 64 characters at most.
  const limit = Math.min(at + 65, e);
  let bracket = at + 8;
  while (bracket < limit && text.charCodeAt(bracket) !== 91 /* [ */) bracket++;
  if (bracket >= limit) return POSTFIX_UNKNOWN;
  // The last name of `postfix/smtp`, `postfix-out/10025/smtpd`: a backward scan of a few characters.
  let slash = bracket - 1;
  while (slash > at && text.charCodeAt(slash) !== 47 /* / */) slash--;
  if (slash <= at) return POSTFIX_UNKNOWN;
  const p = slash + 1;
  const c = text.charCodeAt(p);
  const n = bracket - p;
  if (n === 4) {
    const c1 = text.charCodeAt(p + 1);
    const c2 = text.charCodeAt(p + 2);
    const c3 = text.charCodeAt(p + 3);
    // smtp, lmtp
    if ((c === S || c === 108) && c1 === M && c2 === T && c3 === P) return POSTFIX_READ;
    // qmgr
    if (c === 113 && c1 === M && c2 === 103 && c3 === 114) return qmgrClass(text, bracket, e, find);
  } else if (n === 5) {
    // nqmgr (Postfix 2.0 and 2.1's queue manager) and oqmgr (the old one, still shipped): qmgr's lines.
    if ((c === 110 || c === 111) && c1Is(text, p, 'qmgr')) return qmgrClass(text, bracket, e, find);
    if (c === S && c1Is(text, p, 'mtpd'))
      return find.reject.within(text, bracket, e) ? POSTFIX_READ : POSTFIX_SKIP;
    if (c === 101 && c1Is(text, p, 'rror')) return POSTFIX_READ;
  } else if (n === 10 && c === P && c1Is(text, p, 'ostscreen')) {
    return find.reject.within(text, bracket, e) ? POSTFIX_READ : POSTFIX_SKIP;
  }
  // A space between the name and `[`: not a program name, the generic markers decide.
  for (let i = at + 1; i < bracket; i++) if (text.charCodeAt(i) === 32) return POSTFIX_UNKNOWN;
  // No space at all after the name (`...[1]:from=<x>`): not a syslog line either.
  for (let i = bracket + 1; i < e; i++) if (text.charCodeAt(i) === 32) return POSTFIX_SKIP;
  return POSTFIX_UNKNOWN;
}

/**
 * The class of a line whose program, named at `p` right after ` postfix/`, is one of the four that log
 * most lines of a mail.log (smtpd, cleanup, qmgr, smtp, followed by `[`), or -1 for any other
 * name. The same answer as classifyPostfix's general reading (the bracket is the first `[`, within 64
 * characters and before the line's end; the slash before it is the last one), without its character
 * scans for the bracket, the slash and spaces in the name: measured, 14 % less CPU time on such lines.
 */
function usualProgram(text: string, p: number, e: number, find: PostfixFinders): number {
  const c = text.charCodeAt(p);
  if (c === S) {
    if (p + 5 < e && text.startsWith('smtpd[', p))
      return find.reject.within(text, p + 5, e) ? POSTFIX_READ : POSTFIX_SKIP;
    if (p + 4 < e && text.startsWith('smtp[', p)) return POSTFIX_READ;
  } else if (c === 113) {
    if (p + 4 < e && text.startsWith('qmgr[', p)) return qmgrClass(text, p + 4, e, find);
  } else if (c === 99) {
    if (p + 7 < e && text.startsWith('cleanup[', p)) {
      for (let i = p + 8; i < e; i++) if (text.charCodeAt(i) === 32) return POSTFIX_SKIP;
      return POSTFIX_UNKNOWN;
    }
  }
  return -1;
}

/** A queue manager's line text[s, e), its program's `[` at `bracket`: a sender line, a removal, or else. */
function qmgrClass(text: string, bracket: number, e: number, find: PostfixFinders): number {
  if (find.from.within(text, bracket, e)) return POSTFIX_SENDER;
  return text.startsWith(': removed', e - 9) ? POSTFIX_REMOVED : POSTFIX_SKIP;
}

/** The characters after text[p] are `rest`. */
function c1Is(text: string, p: number, rest: string): boolean {
  return text.startsWith(rest, p + 1);
}

// Month abbreviations as three lower-case character codes packed in a number.
const MONTH_KEYS = new Set(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map(
    (m) => (m.charCodeAt(0) << 16) | (m.charCodeAt(1) << 8) | m.charCodeAt(2),
  ),
);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isPrintable = (c: number) => c > 32 && c < 127;

/**
 * Where the message of a classic syslog line (`Mar 14 00:00:01 host prog[pid]: `) starting at `s`
 * starts, checked as strictly as the syslog reader's pattern, or -1 (then the general path decides).
 * `programAt` is where the program name must start. Only printable ASCII is accepted in host and program
 * names. The character after the line is its line end (or nothing), which no check accepts.
 */
function bsdMessageStart(text: string, s: number, programAt: number): number {
  const c0 = text.charCodeAt(s);
  const c1 = text.charCodeAt(s + 1);
  const c2 = text.charCodeAt(s + 2);
  if (c0 < 65 || c0 > 90 || c1 < 97 || c1 > 122 || c2 < 97 || c2 > 122) return -1;
  if (!MONTH_KEYS.has(((c0 | 32) << 16) | (c1 << 8) | c2)) return -1;
  if (text.charCodeAt(s + 3) !== 32) return -1;
  let i = text.charCodeAt(s + 4) === 32 ? s + 5 : s + 4;
  if (!isDigit(text.charCodeAt(i))) return -1;
  i++;
  if (isDigit(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 32) return -1;
  i++;
  // hh:mm:ss
  for (let k = 0; k < 8; k++) {
    const c = text.charCodeAt(i + k);
    if (k === 2 || k === 5 ? c !== 58 : !isDigit(c)) return -1;
  }
  i += 8;
  if (text.charCodeAt(i) === 46 /* . */) {
    let digits = 0;
    while (digits < 7 && isDigit(text.charCodeAt(i + 1 + digits))) digits++;
    if (digits === 0 || digits > 6) return -1;
    i += 1 + digits;
  }
  if (text.charCodeAt(i) !== 32) return -1;
  i++;
  const hostStart = i;
  while (isPrintable(text.charCodeAt(i))) i++;
  if (i === hostStart || i - hostStart > 255 || text.charCodeAt(i) !== 32) return -1;
  i++;
  if (i !== programAt) return -1;
  let c = text.charCodeAt(i);
  while (isPrintable(c) && c !== 91 /* [ */ && c !== 58 /* : */) c = text.charCodeAt(++i);
  if (i === programAt || i - programAt > 128) return -1;
  if (c === 91) {
    const pidStart = ++i;
    while (isDigit(text.charCodeAt(i))) i++;
    if (i === pidStart || i - pidStart > 10 || text.charCodeAt(i) !== 93 /* ] */) return -1;
    c = text.charCodeAt(++i);
  }
  if (c !== 58) return -1;
  i++;
  return text.charCodeAt(i) === 32 ? i + 1 : i;
}

const isQueueIdChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Length of the queue id starting at `at` and followed by `: `, or 0 (Postfix reader's QUEUE_ID). */
function queueIdLength(text: string, at: number, e: number): number {
  let i = at;
  while (i - at <= 24 && i < e && isQueueIdChar(text.charCodeAt(i))) i++;
  const n = i - at;
  if (n < 5 || n > 24 || i + 2 > e || text.charCodeAt(i) !== 58 || text.charCodeAt(i + 1) !== 32) return 0;
  return n;
}

/**
 * `QID: removed` (qmgr, text[s, e) ends with `: removed`): the message left the queue, so its sender is
 * forgotten at once. Most entries then die young, which keeps the state small and the garbage
 * collector's work low on large logs. Only the state is touched: no count, no incident.
 */
export function forgetRemoved(text: string, s: number, e: number, ctx: ScanContext): void {
  const end = e - 9;
  let start = end;
  while (start > s && end - start <= 24 && isQueueIdChar(text.charCodeAt(start - 1))) start--;
  const n = end - start;
  if (n >= 5 && n <= 24 && text.charCodeAt(start - 1) === 32) ctx.senders.delete(text.slice(start, end));
}

/**
 * Reads a qmgr `QID: from=<sender>, ...` line (text[s, e), line number `line`) as the Postfix reader
 * would and remembers the sender. Returns false, having done nothing, when the line is not exactly of
 * that shape: the general path then reads it.
 */
export function readSenderLine(
  text: string,
  s: number,
  e: number,
  line: number,
  find: PostfixFinders,
  ctx: ScanContext,
): boolean {
  // Checked in full on each line: a remembered prefix (the last one checked) would seldom match, as the
  // sender lines of a busy log come from other hosts or other seconds than the one before, and copying
  // each new prefix out of its chunk cost more than checking it again.
  const message = bsdMessageStart(text, s, postfixAt(text, s, e, find) + 1);
  if (message < 0) return false;
  const i = message + queueIdLength(text, message, e);
  if (i === message) return false;
  const body = i + 2;
  if (body + 6 > e || !text.startsWith('from=<', body)) return false;
  // angleField's rule: the first `>`, at most 1,024 characters on (found by indexOf, several times
  // faster than a loop over the sender's characters).
  const limit = Math.min(e, body + 6 + 1025);
  const close = text.indexOf('>', body + 6);
  const end = close < 0 || close > limit ? limit : close;
  if (end < limit && end - body - 6 <= 1024) {
    if (e - s > 2000) {
      const lineText = s === 0 && e === text.length ? text : text.slice(s, e);
      rememberSender(ctx, text.slice(message, i), text.slice(body + 6, end), { text: lineText, line });
    } else {
      // Kept as positions in the chunk: copied only if the message is still queued when the chunk is done.
      ctx.senders.hold(text.slice(message, i), text, s, e, body + 6, end, line);
    }
  }
  return true;
}

/** A delivery agent's `status=sent` line, as much of it as a refusal held for its queue id needs. */
export interface DeliveredLine {
  /** The program and pid that logged it (`postfix/smtp[2345]`), as the Postfix reader names a process. */
  process: string;
  queueId: string;
  /** `to=<...>`, or null when the line has none the reader would take. */
  recipient: string | null;
}

/**
 * The process, queue id and recipient of a `status=sent` line text[s, e) (`... postfix/smtp[2345]:
 * QID: to=<r>, relay=...`), read by hand, or null when the line is not plainly of that shape: such a
 * line is counted and otherwise dismissed, as before.
 */
export function deliveredLine(text: string, s: number, e: number): DeliveredLine | null {
  const limit = Math.min(e, s + 400);
  const close = text.indexOf(']: ', s);
  if (close < 0 || close >= limit) return null;
  let start = close;
  while (start > s && text.charCodeAt(start - 1) !== 32) start--;
  let message = close + 3;
  let n = queueIdLength(text, message, e);
  // Solaris's syslogd puts a message id tag before the message (`[ID 197553 mail.info] QID: to=<...>`,
  // syslog.ts): looked for only where no queue id came first.
  if (n === 0 && text.startsWith('[ID ', message)) {
    const tagEnd = text.indexOf('] ', message);
    if (tagEnd > 0 && tagEnd - message <= 40) message = tagEnd + 2;
    n = queueIdLength(text, message, e);
  }
  if (n === 0 || !text.startsWith('to=<', message + n + 2)) return null;
  const at = message + n + 6;
  // angleField's rule: the first `>`, at most 1,024 characters on.
  const end = text.indexOf('>', at);
  const recipient = end < 0 || end >= e || end - at > 1024 ? null : text.slice(at, end);
  return { process: text.slice(start, close + 1), queueId: text.slice(message, message + n), recipient };
}
