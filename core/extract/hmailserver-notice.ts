/**
 * hMailServer's delivery failure notice (its default wording), one block per recipient:
 *
 *     somedude@hotmail.com
 *        Error Type: SMTP
 *        Remote server (104.47.59.161) issued an error.
 *        hMailServer sent: RCPT TO:<somedude@hotmail.com>
 *        Remote server replied: 550 5.5.0 Requested action not taken: mailbox unavailable ...
 *
 * The reply is what follows `Remote server replied:` (to the end of the block), the remote's address is
 * in the line above, the recipient in the command hMailServer sent or the block's first line.
 */
import type { FoundReply, Paragraph } from './body-replies';
import { recipientIn } from './envelope-address';
import { normalizeIp } from './ip';

export const HMAILSERVER_HINT = /\bRemote server replied:/;
const REPLIED = /^\s{0,12}Remote server replied:\s{0,4}(?=[245]\d\d[\s-])/;
const ISSUED = /^\s{0,12}Remote server \(([0-9A-Fa-f:.]{2,45})\) issued an error\./;
const SENT =
  /^\s{0,12}hMailServer sent:\s{0,4}(?:RCPT TO|MAIL FROM):\s{0,4}<([^<>\s]{1,320}@[^<>\s]{1,253})>/i;
const SENT_MAIL_FROM = /^\s{0,12}hMailServer sent:\s{0,4}MAIL FROM:/i;

/** The replies of a paragraph of hMailServer's notice; false when it holds none. */
export function readHmailserverNotice(p: Paragraph, found: FoundReply[]): boolean {
  let ip: string | null = null;
  let ipLine: number | null = null;
  let recipient: string | null = recipientIn(p.lines[0] ?? '');
  let sender: string | undefined;
  const before = found.length;
  for (let i = 0; i < p.lines.length; i++) {
    const line = p.lines[i] as string;
    const issued = ISSUED.exec(line);
    if (issued?.[1]) {
      ip = normalizeIp(issued[1]);
      ipLine = ip ? p.start + i : null;
      continue;
    }
    const sent = SENT.exec(line);
    if (sent?.[1]) {
      if (SENT_MAIL_FROM.test(line)) sender = sent[1];
      else recipient = sent[1];
      continue;
    }
    const replied = REPLIED.exec(line);
    if (!replied) continue;
    const rest = p.lines.slice(i + 1).map((l) => l.trim());
    const reply: FoundReply = {
      text: [line.slice(replied[0].length), ...rest].join(' ').trim(),
      lineIndex: p.start + i,
      remoteHost: null,
      remoteIp: ip,
      remoteLineIndex: ipLine,
      recipient,
      strength: 1,
    };
    if (sender) reply.sender = sender;
    found.push(reply);
    break;
  }
  return found.length > before;
}
