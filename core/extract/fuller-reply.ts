/**
 * The same reply written in full elsewhere in the bounce. Sendmail cuts a multi-line reply to its first
 * line in `(reason: ...)` and in the DSN's Diagnostic-Code, while its transcript (`<<< 550-...` lines)
 * keeps every line; a later line may name the client the remote saw (Gmail: `... fails to pass SPF
 * checks with the ip: [192.0.2.1]`).
 */
import type { FoundReply } from './body-replies';

/** Whitespace collapsed, lower case: the transcript wraps and indents lines its own way. */
function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** True when `text` starts with all of `start`, spaces and case aside. */
export function startsWithWhole(text: string, start: string): boolean {
  return normalized(text).startsWith(normalized(start));
}

function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase().replace(/^<|>$/g, '') === b.toLowerCase().replace(/^<|>$/g, '');
}

/**
 * The longer reply among `replies` that starts with the first line of `text` (at least 12 characters
 * long), written for no other recipient than `recipient`; null when there is none.
 */
export function fullerReply(
  text: string,
  replies: readonly FoundReply[],
  recipient: string | null,
): FoundReply | null {
  const firstLine = normalized(text.split('\n', 1)[0] ?? '');
  if (firstLine.length < 12) return null;
  for (const r of replies) {
    if (r.text.length <= text.length) continue;
    if (r.recipient !== null && (recipient === null || !sameAddress(r.recipient, recipient))) continue;
    if (normalized(r.text.slice(0, 4 * firstLine.length + 200)).startsWith(firstLine)) return r;
  }
  return null;
}
