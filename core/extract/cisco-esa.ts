/**
 * Cisco Secure Email's (IronPort's) mail_logs quote the remote's reply as a Python tuple of its code and
 * its lines, after the sender and the recipient:
 *
 *     Mon Mar 19 20:16:03 2018 Info: Delayed: DCID 8414309 MID 19410908 From: <a@example.com>
 *       To: <b@example.net> RID 0 - 4.3.2 - Not accepting messages at this time ('421', ['4.3.2 try again later'])
 *
 * (one line). The reply is the code before each of its lines, as the server sent them (`550-5.1.1 ...`
 * up to `550 5.1.1 ...`). A code of `000` is the appliance's own (a timeout, a DNS error): no reply.
 */
import type { FoundReply, Paragraph } from './body-replies';
import { recipientIn, senderIn } from './envelope-address';
import { replyFromLines } from './reply';

export const CISCO_HINT = /\('[245]\d\d', \[/;
const TUPLE =
  /\('([245]\d\d)', \[((?:'(?:[^'\\]|\\.){0,1000}'|"(?:[^"\\]|\\.){0,1000}")(?:, ?(?:'(?:[^'\\]|\\.){0,1000}'|"(?:[^"\\]|\\.){0,1000}")){0,30})\]\)/;
const ITEM = /'((?:[^'\\]|\\.){0,1000})'|"((?:[^"\\]|\\.){0,1000})"/g;

/** The replies of a paragraph of mail_logs lines; false when none of its lines quotes one. */
export function readCiscoEsa(p: Paragraph, found: FoundReply[]): boolean {
  const before = found.length;
  p.lines.forEach((line, i) => {
    const m = TUPLE.exec(line);
    if (!m?.[1] || m[2] === undefined) return;
    const code = m[1];
    const items = [...m[2].matchAll(ITEM)].map((x) => (x[1] ?? x[2] ?? '').replace(/\\(.)/g, '$1').trim());
    const text = replyFromLines(code, items);
    const head = line.slice(0, m.index);
    const reply: FoundReply = {
      text,
      lineIndex: p.start + i,
      remoteHost: null,
      remoteIp: null,
      remoteLineIndex: null,
      recipient: recipientIn(head),
      strength: 1,
    };
    const sender = senderIn(head);
    if (sender) reply.sender = sender;
    found.push(reply);
  });
  return found.length > before;
}
