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
 * sender's or the recipient's as msmtp says. Its log file's lines are read too (readLogLine).
 */
import type { FoundReply, Paragraph } from './body-replies';

const PROGRAM = String.raw`^\s{0,12}(?:[\w.-]{1,32}: )?`;
const REFUSED_ADDRESS = new RegExp(
  String.raw`${PROGRAM}(envelope from|recipient) address <?(\S{1,320}@[^\s>]{1,253})>? not accepted by the server\s*$`,
);
const SERVER_MESSAGE = new RegExp(`${PROGRAM}server message: ?(.{0,2000})$`);
/** Said where the paragraph is msmtp's (not another tool's `server message:`), or its log file's. */
export const MSMTP_HINT =
  /\b(?:msmtp|sendmail): (?:server message:|envelope from address|recipient address)|\bsmtpstatus=[245]\d\d smtpmsg='/;

/**
 * A line of msmtp's log file (its `logfile` option, or syslog), one per mail: the server it submitted
 * to, the envelope, and the server's reply with its line breaks written as `\n`:
 *
 *     May 18 09:39:54 host=smtp.web.de tls=on auth=on user=u from=u@web.de recipients=a@x,b@y
 *     smtpstatus=554 smtpmsg='554-Transaction failed\n554 ...' errormsg='...' exitcode=EX_UNAVAILABLE
 */
const LOG_LINE = /\bsmtpstatus=([245]\d\d) smtpmsg='((?:[^'\\]|\\.){1,4000})'/;
const LOG_HOST = /\bhost=([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s/;
const LOG_FROM = /\bfrom=(\S{1,320}@[^\s,]{1,253})\s/;
const LOG_RECIPIENTS = /\brecipients=([^\s,]{1,320}@[^\s,]{1,253})/;

function readLogLine(line: string, lineIndex: number): FoundReply | null {
  const m = LOG_LINE.exec(line);
  if (!m) return null;
  const host = LOG_HOST.exec(line)?.[1] ?? null;
  const reply: FoundReply = {
    text: (m[2] ?? '').replace(/\\n/g, '\n').trim(),
    lineIndex,
    remoteHost: host,
    remoteIp: null,
    remoteLineIndex: host ? lineIndex : null,
    recipient: LOG_RECIPIENTS.exec(line)?.[1] ?? null,
    strength: 1,
  };
  const sender = LOG_FROM.exec(line)?.[1];
  if (sender) reply.sender = sender;
  return reply;
}

/** The replies of a paragraph of msmtp's output; false, having found nothing, when it holds none. */
export function readMsmtp(p: Paragraph, found: FoundReply[]): boolean {
  let sender: string | undefined;
  let recipient: string | null = null;
  const before = found.length;
  for (let i = 0; i < p.lines.length; i++) {
    const line = p.lines[i] as string;
    const logged = line.includes('smtpmsg=') ? readLogLine(line, p.start + i) : null;
    if (logged) {
      found.push(logged);
      continue;
    }
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
