/**
 * msmtp's error output (msmtp.c, also as `sendmail:` when installed under that name): the address the
 * server did not accept, then each line of the server's reply behind `server message: `, then its own
 * closing words:
 *
 *     msmtp: envelope from address news@example.com not accepted by the server
 *     msmtp: server message: 550-Requested action not taken: mailbox unavailable
 *     msmtp: server message: 550 Sender address is not allowed.
 *     msmtp: could not send mail (account default from /home/user/.msmtprc)
 *
 * The reply is the `server message` lines alone, their prefix removed; the refused address is the
 * sender's or the recipient's as msmtp says.
 */
import type { FoundReply, Paragraph } from './body-replies';

const PROGRAM = String.raw`^\s{0,12}(?:[\w.-]{1,32}: )?`;
const REFUSED_ADDRESS = new RegExp(
  String.raw`${PROGRAM}(envelope from|recipient) address <?(\S{1,320}@[^\s>]{1,253})>? not accepted by the server\s*$`,
);
const SERVER_MESSAGE = new RegExp(`${PROGRAM}server message: ?(.{0,2000})$`);
/** Said where the paragraph is msmtp's (not another tool's `server message:`). */
export const MSMTP_HINT = /\b(?:msmtp|sendmail): (?:server message:|envelope from address|recipient address)/;

/** The replies of a paragraph of msmtp's output; false, having found nothing, when it holds none. */
export function readMsmtp(p: Paragraph, found: FoundReply[]): boolean {
  let sender: string | undefined;
  let recipient: string | null = null;
  const before = found.length;
  for (let i = 0; i < p.lines.length; i++) {
    const line = p.lines[i] as string;
    const refused = REFUSED_ADDRESS.exec(line);
    if (refused) {
      if (refused[1] === 'envelope from') sender = refused[2];
      else recipient = refused[2] ?? null;
      continue;
    }
    if (!SERVER_MESSAGE.test(line)) continue;
    const first = i;
    const text: string[] = [];
    for (
      let m = SERVER_MESSAGE.exec(line);
      m && i < p.lines.length;
      m = SERVER_MESSAGE.exec(p.lines[i] ?? '')
    ) {
      text.push((m[1] ?? '').trim());
      i++;
    }
    i--;
    const reply: FoundReply = {
      text: text.join('\n'),
      lineIndex: p.start + first,
      remoteHost: null,
      remoteIp: null,
      remoteLineIndex: null,
      recipient,
      strength: 1,
    };
    if (sender) reply.sender = sender;
    found.push(reply);
    recipient = null;
    sender = undefined;
  }
  return found.length > before;
}
