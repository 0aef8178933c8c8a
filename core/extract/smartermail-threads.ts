/**
 * SmarterMail's delivery log writes every delivery behind its own number (`[2016.10.28] 09:16:27 [06435]
 * Sending remote mail for a@example.com`, then `RSP:` and `CMD:` lines, `Delivery for a@example.com to
 * b@example.net has completed (Bounced)`, as in a delivery log posted on pastebin), and its delivery
 * threads run side by side: the lines of two deliveries interleave. Each delivery is read as a session
 * of its own (one number's lines apart), so that a refusal at one's greeting never takes the envelope or
 * EHLO of another. A refusal before any `RCPT TO` names its recipient only below, in the delivery's
 * `Delivery for SENDER to RECIPIENT has completed` lines: read there when they all name one domain.
 */
import type { FoundReply } from './found-reply';

const STAMP_ID = /^\s{0,4}\[\d{4}\.\d\d\.\d\d\] \d\d:\d\d:\d\d(?:\.\d{1,3})? \[(\d{1,12})\] /;
const ADDRESS = String.raw`<?([^\s<>@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])>?`;
const DELIVERY_DONE = new RegExp(`\\] Delivery for ${ADDRESS} to ${ADDRESS} has completed\\b`);
/** The delivery's next attempt, or its end: no recipient line after it is the refusal's. */
const DELIVERY_BOUND = /\] (?:Sending remote mail for|Delivery started for|Delivery finished for) /;
/** Lines read below a refusal for its delivery's recipients. */
const MAX_BELOW = 200;

/** The delivery number of a line of SmarterMail's delivery log, or undefined for any other line. */
function idOf(line: string): string | undefined {
  // (Cheap test first: every line of the paste is looked at.)
  if (line.charCodeAt(0) !== 91 && !line.trimStart().startsWith('[')) return undefined;
  return STAMP_ID.exec(line)?.[1];
}

/** A delivery's lines apart: their text, and each one's index in the whole paste. */
export interface Thread {
  lines: string[];
  index: number[];
}

/**
 * The paste's lines by delivery number when it holds the lines of more than one SmarterMail delivery
 * (other lines together, apart), or null when it holds fewer: the paste is read as it is.
 */
export function smarterMailThreads(lines: readonly string[]): Thread[] | null {
  let first: string | null = null;
  let several = false;
  for (const line of lines) {
    const id = idOf(line);
    if (id === undefined) continue;
    first ??= id;
    if (id !== first) {
      several = true;
      break;
    }
  }
  if (!several) return null;
  const threads = new Map<string, Thread>();
  lines.forEach((line, i) => {
    const id = idOf(line) ?? '';
    let thread = threads.get(id);
    if (!thread) {
      thread = { lines: [], index: [] };
      threads.set(id, thread);
    }
    thread.lines.push(line);
    thread.index.push(i);
  });
  return [...threads.values()];
}

/** A reply found in a thread's lines, its line indices those of the whole paste. */
export function inWholePaste(reply: FoundReply, thread: Thread): FoundReply {
  const at = (k: number) => thread.index[k] ?? k;
  const mapped: FoundReply = {
    ...reply,
    lineIndex: at(reply.lineIndex),
    remoteLineIndex: reply.remoteLineIndex === null ? null : at(reply.remoteLineIndex),
  };
  if (reply.remoteIpLineIndex !== undefined) mapped.remoteIpLineIndex = at(reply.remoteIpLineIndex);
  if (reply.clientName)
    mapped.clientName = { ...reply.clientName, lineIndex: at(reply.clientName.lineIndex) };
  if (reply.clientIp) mapped.clientIp = { ...reply.clientIp, lineIndex: at(reply.clientIp.lineIndex) };
  if (reply.greetedAt) mapped.greetedAt = { ...reply.greetedAt, lineIndex: at(reply.greetedAt.lineIndex) };
  if (reply.time) mapped.time = { ...reply.time, lineIndex: at(reply.time.lineIndex) };
  return mapped;
}

/**
 * The recipient SmarterMail's `Delivery for SENDER to RECIPIENT has completed` lines name below the
 * refusal ending at line `last` (of one delivery's lines), up to the delivery's next attempt or end:
 * the first, when every such line names the same domain and the delivery's sender as its sender.
 */
export function deliveryRecipient(
  lines: readonly string[],
  last: number,
  sender: string | null,
): string | null {
  let recipient: string | null = null;
  for (let i = last + 1; i < lines.length && i <= last + MAX_BELOW; i++) {
    const line = lines[i] ?? '';
    if (!line.includes('] Delivery ') && !line.includes('] Sending ')) continue;
    if (DELIVERY_BOUND.test(line)) break;
    const m = DELIVERY_DONE.exec(line);
    if (!m?.[1] || !m[2]) continue;
    if (sender && m[1].toLowerCase() !== sender.toLowerCase()) return null;
    const domain = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();
    if (recipient && domain(recipient) !== domain(m[2])) return null;
    recipient ??= m[2];
  }
  return recipient;
}
