/**
 * Stalwart's log lines pasted in a message's body or among a post's words (a customer mailing their
 * host the lines of one delivery): each refusal's line read as its log reader reads it
 * (logs/formats/stalwart.ts): the reply from `code` and `details` or from Stalwart's `Code: 550, Enhanced
 * code: 0.0.0, Message: ...`, the MX from `hostname` and its address from the `delivery.connect` line of
 * the same queue id above, the recipient from `to`. The DSN line repeating a refusal is that refusal
 * again, lending it its enhanced code. Read as words, the text after `Message:` was a reply without its
 * code, each line an incident, and the line's `from` address taken for the recipient's.
 */
import type { FoundReply, Paragraph } from './body-replies';
import { stalwartEventLine } from './logs/formats/stalwart';

/** A Stalwart delivery event's name in parentheses, as its lines write it. */
export const STALWART_EVENT_HINT = /\(delivery\.[a-z-]{2,48}\)/;

/** `550 text` with its enhanced code after the basic one, unless the text already starts with one. */
function withEnhanced(reply: string, enhanced: string | null): string {
  if (!enhanced || /^\d{3} \d\.\d{1,3}\.\d{1,3}\b/.test(reply)) return reply;
  return `${reply.slice(0, 3)} ${enhanced}${reply.slice(3)}`;
}

interface Connection {
  hostname: string | null;
  remoteIp: string | null;
  lineIndex: number;
}

/** The refusals the paragraph's Stalwart lines give, added to `found`; true when there was one. */
export function readStalwartLines(p: Paragraph, found: FoundReply[]): boolean {
  const before = found.length;
  const connections = new Map<string, Connection>();
  const refusals = new Map<string, FoundReply>();
  p.lines.forEach((line, i) => {
    if (!line.includes('(delivery.')) return;
    const event = stalwartEventLine(line);
    if (!event) return;
    const lineIndex = p.start + i;
    if (event.name === 'connect') {
      if (event.queueId)
        connections.set(event.queueId, { hostname: event.hostname, remoteIp: event.remoteIp, lineIndex });
      return;
    }
    if (!event.reply) return;
    const key =
      event.queueId === null ? null : JSON.stringify([event.queueId, event.recipient, event.reply.reply]);
    const seen = key === null ? undefined : refusals.get(key);
    if (seen) {
      seen.text = withEnhanced(seen.text, event.reply.enhanced);
      return;
    }
    const connection = event.queueId === null ? undefined : connections.get(event.queueId);
    // A retry may have gone to another MX: the connection's address only for the same one.
    const same =
      connection &&
      (event.hostname === null || connection.hostname === null || connection.hostname === event.hostname)
        ? connection
        : undefined;
    const remoteHost = event.hostname ?? same?.hostname ?? null;
    const reply: FoundReply = {
      text: withEnhanced(event.reply.reply, event.reply.enhanced),
      lineIndex,
      remoteHost,
      remoteIp: same?.remoteIp ?? null,
      remoteLineIndex: event.hostname ? lineIndex : (same?.lineIndex ?? null),
      recipient: event.recipient,
      strength: 1,
    };
    if (same?.remoteIp) reply.remoteIpLineIndex = same.lineIndex;
    if (event.sender) reply.sender = event.sender;
    found.push(reply);
    if (key !== null) refusals.set(key, reply);
  });
  return found.length > before;
}
