/**
 * Log lines and replies kept in a program's or a script's comments (`\t// 2026-03-03T10:18:23.504367+00:00
 * mail postfix/smtp[1010314]: ...` in a Go test, `#Aug 23 18:08:08 server1 postfix/smtp[23523]: ...` in a
 * shell script, `// 421 mwinf5c41 ME Trop de connexions, ...` / `// Too many connections, ...` above the
 * code that retries): the comment mark goes from each line where a log stamp follows it, and from every
 * line of a comment block one of whose lines starts with a reply code (the reply's wrapped lines are in
 * the same block), so the text is read as the log record or the reply it is. Other lines stay as they
 * are; the line count does not change.
 */
import { markedLineStarts, matchAtSome } from './marked-lines';
import { THUNDERBIRD_CODELESS_WORDS } from './thunderbird-l10n-words';

/**
 * A comment mark (`#`, `//`, `--`, `;`) before a syslog or ISO 8601 stamp, or qmail's (multilog's TAI64N
 * `@4000000041...`, or the Unix seconds of its `splogger`: `# 1054194596.057500 delivery 183: failure: ...`).
 */
const MARKED_STAMP =
  /^([ \t]*)(?:#|\/\/|--|;)[ \t]{0,4}(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d |\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d|@4000[0-9a-f]{20} |\d{10}\.\d{6} )/my;
/**
 * A comment line whose text is a reply's first line (`// 550 5.7.1 ...`, `# smtp; 421 ...`), a space after
 * the mark: a reply's own wrapped line may start with `#` (La Poste's `#216 lpn LPN000_630`). Or whose words
 * end in a reply's codes, the reply going on below (a Mailgun log row kept in an Elixir module's comment:
 * `# sergiotapia@outlook.com 'Example email.' Server response: 550 5.7.1` / `# Unfortunately, ...`), or where
 * a colon introduces a reply (`# refused to talk to me: 550 mwinf5c10 ME Service refuse. ...`, in Sisimai's
 * comments quoting Postfix logs of 2019). Or a JSON member holding a reply or a refusal's code
 * (`#     "code": 550,`, `// "diagnosticCode": "smtp; 550 ..."`): an ESP's event kept in a comment above the
 * webhook handler that reads it.
 */
const MARKED_REPLY =
  /^[ \t]*(?:#|\/\/|--|;)[ \t]{1,4}(?:(?:smtp;\s{0,2})?[245]\d\d[ -]|[^\n]{0,300}?\s[245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}(?:\s|$)|[^\n]{0,300}?:\s{1,4}[245]\d\d[ -]|[ \t]{0,40}"[\w-]{1,40}"\s{0,2}:\s{0,2}(?:"(?:smtp;\s{0,2})?[245]\d\d[ -]|[45]\d\d\s{0,2},?[ \t]*$))/im;
/** The same, tried at one offset (`lastIndex`) only. */
const MARKED_REPLY_AT = new RegExp(MARKED_REPLY.source, 'imy');

/**
 * A reply a mail client quotes without its basic code, kept in comments: a line ending in the client's
 * words before the reply and a colon, above one starting with a failure's enhanced code (Thunderbird in
 * German, in a NixOS configuration's comment: `# Fehler beim Senden der Nachricht: Der Mail-Server
 * antwortete:` / `# 4.7.1 <RoswithsMini572.fritz.box>: Helo command rejected: Host not found.`). The
 * client's words are asked for: a changelog's `# Changes:` / `# 4.2.0 Fixed a crash` is no reply.
 */
const MARKED_CLIENT_WORDS_LINE = /^[ \t]*(?:#|\/\/|--|;)[^\n\r]{0,300}:[ \t]*$/;
const CLIENT_WORDS = new RegExp(THUNDERBIRD_CODELESS_WORDS, 'i');
const MARKED_ENHANCED_FIRST = /^[ \t]*(?:#|\/\/|--|;)[ \t]{1,4}[45]\.\d{1,3}\.\d{1,3}[ \t]/;

/** True when `line` is a codeless reply's first line under the client's words on `above` (each one line). */
function quotesCodelessReply(above: string, line: string): boolean {
  return (
    MARKED_ENHANCED_FIRST.test(line) &&
    above.length <= 1000 &&
    MARKED_CLIENT_WORDS_LINE.test(above) &&
    CLIENT_WORDS.test(above)
  );
}

/** True when a line of `text` starting at one of `starts` is such a reply's first line. */
function holdsCodelessReply(text: string, starts: readonly number[]): boolean {
  let previous: string | null = null;
  let previousEnd = -2;
  for (const start of starts) {
    const end = text.slice(start, start + 1002).search(/\r\n|\r|\n|$/) + start;
    const line = text.slice(start, end);
    // (The line right above: it ended where this one starts, after one line end.)
    const adjacent = previous !== null && /^(?:\r\n|\r|\n)$/.test(text.slice(previousEnd, start));
    if (adjacent && quotesCodelessReply(previous as string, line)) return true;
    previous = line;
    previousEnd = end;
  }
  return false;
}
const MARK = /^([ \t]*)(#|\/\/|--|;)/;

/** The text with the marks of each comment block holding a reply's first line taken off. */
function withoutReplyBlockMarks(text: string): string {
  const parts = text.split(/(\r\n|\r|\n)/);
  // parts: line, separator, line, separator, ...: the lines are at even indexes.
  let i = 0;
  while (i < parts.length) {
    const mark = MARK.exec(parts[i] as string);
    if (!mark) {
      i += 2;
      continue;
    }
    const [, indent, sign] = mark;
    let end = i;
    let hasReply = false;
    while (end < parts.length) {
      const m = MARK.exec(parts[end] as string);
      if (!m || m[1] !== indent || m[2] !== sign) break;
      hasReply ||=
        MARKED_REPLY.test(parts[end] as string) ||
        (end > i && quotesCodelessReply(parts[end - 2] as string, parts[end] as string));
      end += 2;
    }
    if (hasReply)
      for (let k = i; k < end; k += 2)
        parts[k] =
          `${indent}${(parts[k] as string).slice((indent as string).length + (sign as string).length)}`;
    i = end;
  }
  return parts.join('');
}

/** The comment marks a line may start with, after its indentation. */
const MARKS = ['#', '//', '--', ';'];

/**
 * The text without the marks before stamps, and those of a comment block holding a reply. Both
 * expressions start with `^[ \t]*` and a mark: they are tried only at the lines that start with one
 * (marked-lines.ts).
 */
export function withoutCommentMarks(text: string): string {
  const starts = markedLineStarts(text, MARKS);
  if (starts.length === 0) return text;
  const kept: string[] = [];
  let from = 0;
  for (const start of starts) {
    MARKED_STAMP.lastIndex = start;
    const stamp = MARKED_STAMP.exec(text);
    if (!stamp) continue;
    kept.push(text.slice(from, start), stamp[1] as string);
    from = start + stamp[0].length;
  }
  // (Without a stamp's mark taken off, the lines and their offsets are those of `text`.)
  if (kept.length === 0)
    return matchAtSome(MARKED_REPLY_AT, text, starts) || holdsCodelessReply(text, starts)
      ? withoutReplyBlockMarks(text)
      : text;
  kept.push(text.slice(from));
  const unmarked = kept.join('');
  const unmarkedStarts = markedLineStarts(unmarked, MARKS);
  return matchAtSome(MARKED_REPLY_AT, unmarked, unmarkedStarts) ||
    holdsCodelessReply(unmarked, unmarkedStarts)
    ? withoutReplyBlockMarks(unmarked)
    : unmarked;
}
