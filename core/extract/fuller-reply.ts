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

/**
 * The replies sorted by whom they were written for (whoKey), then by the start of their normalized text: the
 * replies starting with a given line are one run of it, found by a binary search. Keyed by the first 12 or 40
 * characters instead, a bounce of thousands of replies starting alike (`550 5.7.1 refused ...`, one per
 * recipient) had each lookup try them all, quadratic time (3,200 replies: 1.5 s). A reply with the same text
 * for the same recipient as an earlier one is left out: the earlier one is found first.
 */
interface Entry {
  key: string;
  reply: FoundReply;
  order: number;
}

/** The raw characters whose normalized text the index holds: enough for a long first line. */
const INDEXED_START = 4000;
const SHORT_KEY = 12;
const indexes = new WeakMap<readonly FoundReply[], Entry[]>();

/** Whom a reply was written for, as its key starts: '' for no one, else `=` and the address's key. */
const whoKey = (recipient: string | null) => (recipient === null ? '' : `=${addressKey(recipient)}`);

function indexOf(replies: readonly FoundReply[]): Entry[] {
  let index = indexes.get(replies);
  if (index) return index;
  index = [];
  const seen = new Set<string>();
  replies.forEach((reply, order) => {
    const who = whoKey(reply.recipient);
    const same = `${who}\u0000${reply.text}`;
    if (seen.has(same)) return;
    seen.add(same);
    index?.push({ key: `${who}\u0000${normalized(reply.text.slice(0, INDEXED_START))}`, reply, order });
  });
  index.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.order - b.order));
  indexes.set(replies, index);
  return index;
}

/**
 * The first entry, in the replies' order, whose key starts with `prefix` and whose text is longer than
 * `length`.
 */
function firstWithPrefix(index: readonly Entry[], prefix: string, length: number): Entry | null {
  let lo = 0;
  let hi = index.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((index[mid] as Entry).key < prefix) lo = mid + 1;
    else hi = mid;
  }
  let best: Entry | null = null;
  for (let i = lo; i < index.length && (index[i] as Entry).key.startsWith(prefix); i++) {
    const entry = index[i] as Entry;
    if (entry.reply.text.length > length && (best === null || entry.order < best.order)) best = entry;
  }
  return best;
}

/**
 * The longer reply among `replies` that starts with the first line of `text` (at least 12 characters
 * long), written for no other recipient than `recipient`; null when there is none. The first such in
 * their order, when several are.
 */
export function fullerReply(
  text: string,
  replies: readonly FoundReply[],
  recipient: string | null,
): FoundReply | null {
  const firstLine = normalized(text.split('\n', 1)[0] ?? '');
  if (firstLine.length < SHORT_KEY) return null;
  const index = indexOf(replies);
  const unnamed = firstWithPrefix(index, `\u0000${firstLine}`, text.length);
  const named =
    recipient === null ? null : firstWithPrefix(index, `${whoKey(recipient)}\u0000${firstLine}`, text.length);
  const first = unnamed && named ? (unnamed.order < named.order ? unnamed : named) : (unnamed ?? named);
  return first?.reply ?? null;
}
