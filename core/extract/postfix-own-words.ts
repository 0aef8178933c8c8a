/**
 * Postfix's own reason for not delivering, in a DSN: `Diagnostic-Code: X-Postfix; Spam message rejected`
 * (a milter or header_checks refusing mail that was submitted locally), `X-Postfix; mail for example.fr
 * loops back to myself`, `X-Postfix; unknown user: "jean"`. RFC 3464's diagnostic-type says whose words
 * they are: Postfix writes `smtp;` before a remote server's reply and `X-Postfix;` before its own. Without
 * a reply code they are no server's reply (a connection failure is read by connection-failure.ts, and
 * `delivery temporarily suspended: host ... said: 421 ...` quotes an earlier reply with its code).
 */
import { noReplyWords } from './connection-failure';
import { replyCodeOf } from './reply';

const X_POSTFIX = /^\s{0,8}x-postfix\s{0,8};\s{0,8}/i;

/** Postfix's own words in a Diagnostic-Code's value, when it holds no server's reply; else null. */
export function postfixOwnWords(diagnostic: string): string | null {
  const type = X_POSTFIX.exec(diagnostic);
  if (!type) return null;
  const words = diagnostic
    .slice(type[0].length, type[0].length + 400)
    .replace(/\s+/g, ' ')
    .trim();
  if (words === '' || replyCodeOf(words) !== null) return null;
  return words.length > 200 ? `${words.slice(0, 200)}…` : words;
}

/** Postfix's notice, its human part: `This is the mail system at host mail.example.fr.` */
const POSTFIX_NOTICE = /^[ \t]{0,8}This is the mail system at host \S{1,253}\.?[ \t]*$/m;
/** A recipient's line of that notice: `<jean@example.fr>: words` (maybe `(expanded from <...>)`). */
const RECIPIENT_LINE =
  /^[ \t]{0,8}<[^<>\s@]{1,64}@[^<>\s]{1,253}>(?: \(expanded from <[^<>\n]{0,300}>\))?:[ \t]{1,4}(\S[^\n]{0,400})((?:\n(?![ \t]{0,8}<)[ \t]{0,8}\S[^\n]{0,400}){0,8})/gm;
/** Words that tell a remote server's reply or a failed connection, left to the readers of those. */
const REMOTE_WORDS = /\bsaid:|refused to talk|\bconnect to\b|\bconversation with\b|\bin reply to\b/i;

/**
 * Postfix's own words in its notice's list of recipients (`<jean@orange.fr>: Spam message rejected`),
 * when every recipient listed has such words and none a remote's reply: what the notice says when its
 * delivery-status part (with `Diagnostic-Code: X-Postfix; ...`) was not pasted. Else null.
 */
export function postfixNoticeOwnWords(text: string): string | null {
  const head = text.length > 1_000_000 ? text.slice(0, 1_000_000) : text;
  if (!POSTFIX_NOTICE.test(head)) return null;
  let words: string | null = null;
  for (const m of head.matchAll(RECIPIENT_LINE)) {
    // The lines that follow, up to a blank line or the next recipient, may go on with it (a paste may
    // have lost their indent): they are looked at, but only the first line is quoted.
    const said = `${m[1] ?? ''}${m[2] ?? ''}`.replace(/\s+/g, ' ').trim();
    const first = (m[1] ?? '').trim();
    // A remote's reply, or no server reached (`lost connection with mx[IP] while ...`): not its own reason.
    if (REMOTE_WORDS.test(said) || noReplyWords(said) !== null || replyCodeOf(said) !== null) return null;
    words ??= first.length > 200 ? `${first.slice(0, 200)}…` : first;
  }
  return words;
}
