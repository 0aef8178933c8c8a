/**
 * PHP's PEAR Mail (MediaWiki, Horde, older Roundcube and many PHP applications) reports a refusal
 * through Net_SMTP as
 *
 *     Failed to add recipient: user@example.org [SMTP: Invalid response code received from server
 *     (code: 550, response: 5.7.1 Relaying denied)]
 *
 * Net_SMTP keeps the reply's lines without their code and joins them with line breaks, so the code is
 * put back before each line, as the server sent them. `Failed to add recipient:` names the recipient,
 * `Failed to set sender:` the envelope sender. Shapes from Net_SMTP's `_parseResponse` and Mail_smtp's
 * `_error` (pear/Net_SMTP, pear/Mail).
 */
import type { LibraryReply } from './library-errors';
import { replyFromLines } from './reply';

export const PEAR_HINT = /\(code: [245]\d\d, response: /;

const PEAR = /\(code: ([245]\d\d), response: /g;
/** What Mail_smtp failed at, just before `[SMTP: ...`: the address it names. */
const FAILED_AT =
  /Failed to (add recipient|set sender): <?([^\s<>[\]]{1,320}@[^\s<>[\]]{1,253})>?\s{0,4}\[SMTP: [^[]{0,200}$/i;
const MAX_RESPONSE = 4000;

/** Where the response that starts at `at` ends: before Mail_smtp's closing `)]`, else at its line's end. */
function responseEnd(text: string, at: number): number {
  const limit = Math.min(text.length, at + MAX_RESPONSE);
  const closing = text.indexOf(')]', at);
  if (closing >= 0 && closing <= limit) return closing;
  const lineEnd = text.indexOf('\n', at);
  return lineEnd >= 0 && lineEnd <= limit ? lineEnd : limit;
}

/** The replies of PEAR Mail's errors in the text, in order. */
export function pearReplies(text: string): LibraryReply[] {
  const found: LibraryReply[] = [];
  PEAR.lastIndex = 0;
  for (let m = PEAR.exec(text); m && found.length < 1000; m = PEAR.exec(text)) {
    const at = m.index + m[0].length;
    const end = responseEnd(text, at);
    const lines = text
      .slice(at, end)
      .split(/\r?\n|\r/)
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    const reply: LibraryReply = {
      text: replyFromLines(m[1] ?? '', lines) || (m[1] ?? ''),
      offset: m.index,
      recipient: null,
    };
    const failed = FAILED_AT.exec(text.slice(Math.max(0, m.index - 800), m.index));
    if (failed?.[1]?.toLowerCase() === 'set sender') reply.sender = failed[2];
    else if (failed?.[2]) reply.recipient = failed[2];
    found.push(reply);
    PEAR.lastIndex = end;
  }
  return found;
}
