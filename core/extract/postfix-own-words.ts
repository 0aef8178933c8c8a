/**
 * Postfix's own reason for not delivering, in a DSN: `Diagnostic-Code: X-Postfix; Spam message rejected`
 * (a milter or header_checks refusing mail that was submitted locally), `X-Postfix; mail for example.fr
 * loops back to myself`, `X-Postfix; unknown user: "jean"`. RFC 3464's diagnostic-type says whose words
 * they are: Postfix writes `smtp;` before a remote server's reply and `X-Postfix;` before its own. Without
 * a reply code they are no server's reply (a connection failure is read by connection-failure.ts, and
 * `delivery temporarily suspended: host ... said: 421 ...` quotes an earlier reply with its code).
 */
import { parseReply } from './reply';

const X_POSTFIX = /^\s{0,8}x-postfix\s{0,8};\s{0,8}/i;

/** Postfix's own words in a Diagnostic-Code's value, when it holds no server's reply; else null. */
export function postfixOwnWords(diagnostic: string): string | null {
  const type = X_POSTFIX.exec(diagnostic);
  if (!type) return null;
  const words = diagnostic
    .slice(type[0].length, type[0].length + 400)
    .replace(/\s+/g, ' ')
    .trim();
  if (words === '' || parseReply(words).reply.code !== null) return null;
  return words.length > 200 ? `${words.slice(0, 200)}…` : words;
}
