/**
 * A reply whose line was cut inside a word of the wording RFC 5321 gives its replies (a terminal window
 * 125 columns wide cut Postfix's `said: 550-Reques` / `ted action not taken: mailbox unavailable`,
 * docker-postfixrelay issue #46). A wrapper breaks lines at spaces only, so a break that falls inside one
 * of these phrases' words, the two sides read together giving the phrase, is a cut: the pieces are one
 * word again, unless both pieces are words (`mail` / `box`). Any other break keeps its space (a word the
 * list does not hold proves nothing).
 */

/**
 * Reply texts of RFC 5321 (section 4.2.2's examples, which servers copy word for word), in lower case.
 */
const RFC5321_PHRASES = [
  'requested action not taken',
  'requested mail action not taken',
  'requested action aborted',
  'requested mail action aborted',
  'requested mail action okay',
  'mailbox unavailable',
  'mailbox name not allowed',
  'insufficient system storage',
  'exceeded storage allocation',
  'transaction failed',
  'service not available',
  'closing transmission channel',
  'local error in processing',
  'user not local',
  'bad sequence of commands',
];

/**
 * Breaks inside a phrase's word between two words of their own (`mail` / `box`, `in` / `sufficient`): a
 * wrapper's break where a server wrote them apart, no proof of a cut.
 */
const WORD_JOINTS: readonly (readonly [string, string])[] = [
  ['mail', 'box'],
  ['in', 'sufficient'],
];

const LONGEST = Math.max(...RFC5321_PHRASES.map((p) => p.length));

const isWordChar = (c: string | undefined) => c !== undefined && /^[a-z]$/.test(c);

/**
 * True when `before` (a reply's text up to a line break) and `after` (the next line) were one line cut
 * inside a word of an RFC 5321 phrase: read together without a space, a phrase runs across the break,
 * letters on both sides of it.
 */
function cutInsidePhraseWord(before: string, after: string): boolean {
  const left = before.slice(-LONGEST).toLowerCase();
  const right = after.slice(0, LONGEST).toLowerCase();
  if (!isWordChar(left[left.length - 1]) || !isWordChar(right[0])) return false;
  if (WORD_JOINTS.some(([a, b]) => left.endsWith(a) && right.startsWith(b))) return false;
  const joined = left + right;
  for (const phrase of RFC5321_PHRASES) {
    // The phrase's start, so that the break falls strictly inside it.
    const from = Math.max(0, left.length - phrase.length + 1);
    const at = joined.indexOf(phrase, from);
    if (at >= 0 && at < left.length) return true;
  }
  return false;
}

/**
 * `text` with each line break that cut a word of an RFC 5321 phrase removed (the pieces on both sides
 * touching it: a blank before or after the break is a wrapper's, between words).
 */
export function withCutPhraseWordsJoined(text: string): string {
  if (!text.includes('\n') && !text.includes('\r')) return text;
  const parts = text.split(/(\r\n|\r|\n)/);
  const out: string[] = [parts[0] as string];
  for (let k = 1; k + 1 < parts.length; k += 2) {
    // (The line before the break as it was: read from the joined text, a long reply would be copied
    // at each break.)
    if (!cutInsidePhraseWord(parts[k - 1] as string, parts[k + 1] as string)) out.push(parts[k] as string);
    out.push(parts[k + 1] as string);
  }
  return out.join('');
}
