/**
 * What a paste may come wrapped in, taken off before it is read: a mail reply's quote marks (a paste
 * answered on a mailing list), HTML source (a saved page, an escaped paste).
 */

import { withoutCodeMarks } from './code-marks';
import { detectInput } from './detect';
import { parseJsonInput } from './formats/json-input';
import { splitLines } from './header-block';
import { type HtmlSourceText, htmlSource, looksLikeHtmlSource } from './html-source';
import { isMostlyQuoted, unquoteLines, unquoteRuns } from './mail-quote';
import { markedLineStarts, matchAtSome } from './marked-lines';

const QUOTE_MARK = /^[ \t]{0,3}>/my;
const SESSION_SERVER_LINE = /^[ \t]{0,4}<{1,3} ?[2-5]\d\d[ -]/m;
const SESSION_CLIENT_LINE = /^[ \t]{0,4}>{1,3} ?(?:EHLO|HELO|MAIL FROM|RCPT TO|DATA|QUIT|AUTH|STARTTLS)\b/im;

/**
 * A paste quoted in a mail reply (`> ` on most lines: a bounce or log excerpt answered on a mailing
 * list): read without the marks, line for line.
 */
export function unquotedPaste(text: string): string {
  // (`/^[ \t]{0,3}>/m`, tried only where a line starts with `>`: marked-lines.ts.)
  if (!matchAtSome(QUOTE_MARK, text, markedLineStarts(text, ['>']))) return text;
  // An SMTP session whose client lines start with `>` (Sendmail's `>>>`, curl's `> `) beside the
  // server's `<` lines is no mail quote: its marks say who spoke.
  if (SESSION_SERVER_LINE.test(text) && SESSION_CLIENT_LINE.test(text)) return text;
  const lines = splitLines(text);
  // Code marks inside the quote (`> \`log line\``) come off once the quote marks have.
  if (isMostlyQuoted(lines)) return withoutCodeMarks(unquoteLines(lines).join('\n'));
  // A message's quoted runs are its body's, read alone when the message gives nothing (read-paste.ts,
  // quotedBlockIn).
  const runs = STARTS_WITH_FIELD.test(text.trimStart()) ? null : unquoteRuns(lines);
  return runs ? withoutCodeMarks(runs.join('\n')) : text;
}

/** A header field at a text's start: a message, or a notice pasted with its headers. */
const STARTS_WITH_FIELD = /^[A-Za-z][A-Za-z0-9-]{0,60}:[ \t]/;

/**
 * The text HTML source shows, or null when `paste` is no HTML source or is a message or an mbox.
 * JSON counts only when it does not parse as it is (`&quot;` for its quotes): valid JSON may hold
 * HTML in its strings (an ESP event's body), which its own reader reads.
 */
export function htmlPaste(paste: string): HtmlSourceText | null {
  // A text that starts with a header field is a message (or a notice pasted with its headers): its
  // HTML parts are its reader's, and looking for tags through it would cost every bounce a scan.
  if (STARTS_WITH_FIELD.test(paste.trimStart()) || !looksLikeHtmlSource(paste)) return null;
  const kind = detectInput(paste);
  if (kind === 'message' || kind === 'mbox' || kind === 'empty') return null;
  if (kind === 'json' && parseJsonInput(paste)) return null;
  return htmlSource(paste);
}
