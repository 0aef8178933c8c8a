/**
 * Courier's delivery status notification, its text part: each refused recipient in angle brackets
 * followed by a colon, the server it talked to with its address, then the session's last command and
 * the server's reply behind `>>> ` and `<<< ` (sisimai's Courier samples, "This is a delivery status
 * notification from ..., running the Courier mail server"):
 *
 *     <rcpt@example.jp>:
 *         mx.example.jp [192.0.2.3]:
 *     >>> RCPT TO:<rcpt@example.jp>
 *     <<< 550 5.1.1 <rcpt@example.jp>... User Unknown
 *
 * The server and its address are the remote's, never the sender's.
 */
import { recipientIn } from './envelope-address';
import { type FoundReply, reply } from './found-reply';
import type { Paragraph } from './reply-paragraphs';

const RECIPIENT = /^<[^\s<>]{1,320}@[^\s<>]{1,253}>:\s*$/;
const SERVER = /^\s{1,12}([A-Za-z0-9][A-Za-z0-9.-]{0,252}?)\.?\s{1,4}\[([0-9A-Fa-f:.]{2,45})\]:\s*$/;
const COMMAND = /^>>> \S/;
const SERVER_LINE = /^<<< ?/;

/** The refusal of a Courier recipient paragraph, or false when the paragraph is none. */
export function readCourierRecipient(p: Paragraph, found: FoundReply[]): boolean {
  const first = p.lines[0] ?? '';
  const server = SERVER.exec(p.lines[1] ?? '');
  if (!RECIPIENT.test(first) || !server) return false;
  let n = 2;
  while (n < p.lines.length && COMMAND.test(p.lines[n] ?? '')) n++;
  const start = n;
  const text: string[] = [];
  for (; n < p.lines.length && SERVER_LINE.test(p.lines[n] ?? ''); n++)
    text.push((p.lines[n] ?? '').replace(SERVER_LINE, ''));
  if (text.length === 0) return false;
  const host = server[1]?.toLowerCase() ?? null;
  found.push(
    reply(text.join('\n'), p.start + start, host, server[2] ?? null, p.start + 1, recipientIn(first), 2),
  );
  return true;
}
