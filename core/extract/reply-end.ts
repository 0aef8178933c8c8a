/**
 * Where a reply ends: before Postfix's `(in reply to ...)`, a mail client's or a program's words
 * after it, a stray closing quote, the end of the string a program wrote it in.
 */

import { ORANGE_TOKEN } from './orange-reply-parts';

/**
 * A link of the reply as HTML source writes it (`...?ec=OFR006_101&amp;ip=192.0.2.1`, a reply copied from
 * a page's source into a test script): the `&` the server sent.
 */
export function withPlainAmpersands(reply: string): string {
  return reply.includes('&amp;')
    ? reply.replace(/\bhttps?:\/\/\S{1,2000}/g, (url) => url.replaceAll('&amp;', '&'))
    : reply;
}

const OPENER_OF: Record<string, string> = { '"': '"', '”': '“', '»': '«' };

/**
 * The reply without a closing quote it never opened: the writer's own, around the whole message the
 * reply ends (`The error message is: "A message that you sent ... reason: 550 ... bare LF found"`),
 * nor the backslash left of an escaped one.
 */
export function withoutStrayClosingQuote(reply: string): string {
  // A backslash at the end is what was left of an escaped quote (`with message \"550 ... denied\".`).
  const unescaped = reply.endsWith('\\') ? reply.replace(/\\+$/, '').trimEnd() : reply;
  const whole = withoutProseAfterQuote(withoutCodeStringEnd(unescaped));
  // The writer's period after the quote goes with it (`... expéditeur sortant incorrect».`, Microsoft's
  // French documentation quoting a reply).
  const text = /[»”"]\.$/.test(whole) ? whole.slice(0, -1) : whole;
  const opener = OPENER_OF[text.charAt(text.length - 1)];
  if (!opener) return whole;
  let opened = 0;
  for (const c of text) if (c === opener) opened++;
  // A `"` closes one of the `"` before it only when they are an odd number (itself included).
  const stray = opener === '"' ? opened % 2 === 1 : opened === 0;
  return stray ? text.slice(0, -1).trimEnd() : whole;
}

/**
 * The one `"` of the reply, closing a sentence, then the writer's next sentence (`... later."
 * However, I ...`).
 */
const QUOTE_THEN_PROSE = /^([^"]*[.!?])"\s+[A-Z][^"]*$/;

/**
 * The reply without what its writer went on with after the quote around it closed: a post quoting an
 * error in a sentence (`an error message appears stating, "Can’t send mail - ...: 550 ... Try again
 * later." However, I have observed that ...`). Only when that quote is the one `"` of the reply.
 */
function withoutProseAfterQuote(text: string): string {
  const m = QUOTE_THEN_PROSE.exec(text);
  return m?.[1] ?? text;
}

/** A string's closing quote then the brackets of the object or call around it (`... deviation' }`). */
const CODE_STRING_END = /\s{0,2}['"`]\s{0,2}([)}\]]{1,3})[,;]?$/;

const BRACKET_OPENER: Record<string, string> = { ')': '(', '}': '{', ']': '[' };

/**
 * The reply without the end of the string a program's output quoted it in, when the brackets after
 * that string's closing quote open nowhere in the reply (Node's `{ message: 'Server responded with 550
 * ...\r\n' }`): they close the program's object around it, not anything the server wrote.
 */
function withoutCodeStringEnd(text: string): string {
  const m = CODE_STRING_END.exec(text);
  if (!m) return text;
  const before = text.slice(0, m.index);
  for (const closer of m[1] ?? '') if (before.includes(BRACKET_OPENER[closer] ?? closer)) return text;
  return before.trimEnd();
}

// Its `)` may be missing: a post or a table cut it off, or a wrap left only `(in reply to` on the line.
const IN_REPLY_TO = /\s*\(in reply to(?: [^()]{1,80}(?:\)\s*)?)?\s*$/i;

/**
 * The reply itself out of a longer line: from its code on (drops `host X[ip] said:` and recipient
 * prefixes), without Postfix's `(in reply to ... command)` and without a closing parenthesis that
 * belongs to the wrapper.
 */
export function trimToReply(text: string, codeAt: number): string {
  let reply = codeAt > 0 ? text.slice(codeAt) : text;
  // The wrapper's closing parenthesis first: Postfix's note may sit before it (`... (in reply to end of
  // DATA command))`, a status line's text pasted from its `(host X said: ...`).
  if (reply.endsWith(')')) {
    let depth = 0;
    for (const ch of reply) depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    if (depth < 0) reply = reply.slice(0, -1).trimEnd();
  }
  return reply.replace(IN_REPLY_TO, '').replace(EXIM_GAVE_UP, '').replace(PHP_LOCATION, '');
}

/**
 * Where a PHP exception's message says it was thrown, after the reply it quotes (MailSo, the mail
 * library of RainLoop and SnappyMail: `... Domain not found in /var/www/.../SmtpClient.php:596`, or
 * `... header From" @ /home/.../SmtpClient.php#568`).
 */
const PHP_LOCATION = /\s(?:in|@)\s\/\S{1,400}\.php(?::|#)\d{1,6}$/;

/** Exim's own words after the reply when it gave up retrying (`...: 451 ...: retry timeout exceeded`). */
const EXIM_GAVE_UP = /:\s{0,4}retry timeout exceeded\b[\s\S]{0,2000}$/;

/**
 * The reply up to Orange's reason in brackets when more lines or words follow it: Orange ends its
 * replies with `OFR004_104 [104]`, so lines after it are another reply (two example replies one under
 * the other) or a reader's words, not this one's; so are words after it on its line (a sign-off a
 * paste's unwrapping joined to a reply wrapped at 72 columns: `... OFR_999 [999] Cordialement`).
 * Postfix's `(in reply to ...)` after it stays for trimToReply.
 */
export function endedAtOrangeReason(text: string): string {
  const token = ORANGE_TOKEN.exec(text);
  if (!token?.[2]) return text;
  const from = token.index + token[0].length;
  const bracket = text.indexOf(`[${token[2]}]`, from);
  if (bracket < 0 || bracket - from > 300) return text;
  const end = bracket + 5;
  return /^\.?[ \t]*(?:\r?\n\s*\S|\p{L})/u.test(text.slice(end, end + 400)) ? text.slice(0, end) : text;
}
