/**
 * The same reply written in full elsewhere in the bounce. Sendmail cuts a multi-line reply to its first
 * line in `(reason: ...)` and in the DSN's Diagnostic-Code, while its transcript (`<<< 550-...` lines)
 * keeps every line; a later line may name the client the remote saw (Gmail: `... fails to pass SPF
 * checks with the ip: [192.0.2.1]`).
 */
import type { FoundReply } from './body-replies';
import { addressKey } from './header-block';

/** Whitespace collapsed, lower case: the transcript wraps and indents lines its own way. */
function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** True when `text` starts with all of `start`, spaces and case aside. */
export function startsWithWhole(text: string, start: string): boolean {
  return normalized(text).startsWith(normalized(start));
}

/** Replies by the start of their normalized text: short keys (12 characters) and long ones (40). */
interface ReplyIndex {
  short: Map<string, FoundReply[]>;
  long: Map<string, FoundReply[]>;
}

const SHORT_KEY = 12;
const LONG_KEY = 40;
const indexes = new WeakMap<readonly FoundReply[], ReplyIndex>();

function add(map: Map<string, FoundReply[]>, key: string, reply: FoundReply): void {
  const list = map.get(key);
  if (list) list.push(reply);
  else map.set(key, [reply]);
}

/** Each reply under the first 12 and 40 characters of its normalized text, built once per list. */
function indexOf(replies: readonly FoundReply[]): ReplyIndex {
  let index = indexes.get(replies);
  if (index) return index;
  index = { short: new Map(), long: new Map() };
  for (const r of replies) {
    const start = normalized(r.text.slice(0, 4 * LONG_KEY + 200));
    if (start.length < SHORT_KEY) continue;
    add(index.short, start.slice(0, SHORT_KEY), r);
    if (start.length >= LONG_KEY) add(index.long, start.slice(0, LONG_KEY), r);
  }
  indexes.set(replies, index);
  return index;
}

/**
 * The longer reply among `replies` that starts with the first line of `text` (at least 12 characters
 * long), written for no other recipient than `recipient`; null when there is none. The replies are
 * looked up by the start of their text (a bounce may list thousands), in their order.
 */
export function fullerReply(
  text: string,
  replies: readonly FoundReply[],
  recipient: string | null,
): FoundReply | null {
  const firstLine = normalized(text.split('\n', 1)[0] ?? '');
  if (firstLine.length < SHORT_KEY) return null;
  const index = indexOf(replies);
  const candidates =
    firstLine.length >= LONG_KEY
      ? index.long.get(firstLine.slice(0, LONG_KEY))
      : index.short.get(firstLine.slice(0, SHORT_KEY));
  const wanted = recipient === null ? null : addressKey(recipient);
  for (const r of candidates ?? []) {
    if (r.text.length <= text.length) continue;
    if (r.recipient !== null && (wanted === null || addressKey(r.recipient) !== wanted)) continue;
    if (normalized(r.text.slice(0, 4 * firstLine.length + 200)).startsWith(firstLine)) return r;
  }
  return null;
}
