/**
 * The session lines of mail servers' own logs that open a session or name its envelope and ends
 * before any command (smtp-session-state.ts): MDaemon's and SmarterMail's.
 *
 * MDaemon's outbound session log, the lines it also copies into its notices' `--- Session Transcript ---`
 * (an MDaemon warning notice's transcript, a session of its log posted on pastebin; the log files write
 * the same lines, each behind `Wed 2026-12-02 10:14:02: `, with milliseconds after the seconds in later
 * versions, from memory of its logs): `Session 48211; child 0001` opens a session, `*  From:
 * a@example.com` and `*  To: b@example.net` give the message's envelope before any command,
 * `Attempting SMTP connection to [smtp-in.orange.fr:25]` names the host tried, and `*  Connection
 * established (203.0.113.5:52011 -> 193.252.22.65:25)` the local address the connection left from (the
 * sending IP when public) and the remote's. A refusal at the greeting comes before any `MAIL From:`:
 * these lines alone name its sender, recipient and remote.
 */
import { normalizeIp } from './ip';
import type { Session } from './smtp-session-state';

const STAMP = String.raw`^\s{0,4}(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) )?\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})?:\s{1,8}`;
const SESSION_START = new RegExp(`${STAMP}Session \\d{1,12}; child \\d{1,6}\\b`);
const ENVELOPE = new RegExp(
  `${STAMP}\\*\\s{1,4}(From|To):\\s{1,4}<?([^\\s<>@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])>?\\s*$`,
);
const ATTEMPTING = new RegExp(
  `${STAMP}Attempting SMTP connection to \\[([A-Za-z0-9][A-Za-z0-9.-]{0,252}?)\\s{0,2}:\\s{0,2}\\d{1,5}\\]\\s*$`,
);
const IPV4 = String.raw`(\d{1,3}(?:\.\d{1,3}){3})`;
const ESTABLISHED = new RegExp(
  `${STAMP}\\*\\s{1,4}Connection established \\(${IPV4}:\\d{1,5}\\s{1,4}->\\s{1,4}${IPV4}:\\d{1,5}\\)`,
);

/**
 * SmarterMail's delivery log opens each remote delivery with `[2016.10.28] 09:16:27 [06435] Sending remote
 * mail for a@example.com` (a delivery log posted on pastebin): a new session, of that sender.
 */
const SMARTERMAIL_REMOTE =
  /^\s{0,4}\[\d{4}\.\d\d\.\d\d\] \d\d:\d\d:\d\d(?:\.\d{1,3})? \[\d{1,12}\] Sending remote mail for <?([^\s<>@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])>?\s*$/;

type SessionLogLine =
  | { kind: 'session' }
  | { kind: 'remote-mail'; address: string }
  | { kind: 'from'; address: string }
  | { kind: 'to'; address: string }
  | { kind: 'attempting'; host: string }
  | { kind: 'established'; local: string; remote: string };

/** What an MDaemon or SmarterMail session line tells, or null for any other line. */
function sessionLogLine(line: string): SessionLogLine | null {
  // Cheap test first: every line of a session is read.
  if (line.includes('Sending remote mail for ')) {
    const sender = SMARTERMAIL_REMOTE.exec(line)?.[1];
    return sender ? { kind: 'remote-mail', address: sender } : null;
  }
  if (!line.includes(': ')) return null;
  if (line.includes('Session ') && SESSION_START.test(line)) return { kind: 'session' };
  if (line.includes('*')) {
    const envelope = ENVELOPE.exec(line);
    if (envelope?.[2])
      return envelope[1] === 'From'
        ? { kind: 'from', address: envelope[2] }
        : { kind: 'to', address: envelope[2] };
    const established = ESTABLISHED.exec(line);
    if (established?.[1] && established[2])
      return { kind: 'established', local: established[1], remote: established[2] };
  }
  const attempting = line.includes('Attempting ') ? ATTEMPTING.exec(line) : null;
  return attempting?.[1] ? { kind: 'attempting', host: attempting[1] } : null;
}

/** Reads an MDaemon or SmarterMail session line into the session (smtp-session-state.ts), if it is one. */
export function serverSessionLine(
  session: Session,
  line: string,
  i: number,
  newSession: () => Session,
): boolean {
  const m = sessionLogLine(line);
  if (!m) return false;
  if (m.kind === 'session') Object.assign(session, newSession());
  else if (m.kind === 'remote-mail') Object.assign(session, newSession(), { sender: m.address });
  else if (m.kind === 'from') session.sender = m.address;
  else if (m.kind === 'to') Object.assign(session, { recipient: m.address, commandLineRecipient: m.address });
  else if (m.kind === 'attempting') {
    const ip = normalizeIp(m.host);
    if (ip) Object.assign(session, { remoteIp: ip, remoteIpLineIndex: i });
    else Object.assign(session, { remoteHost: m.host.toLowerCase(), remoteLineIndex: i, remoteIp: null });
  } else {
    const local = normalizeIp(m.local);
    session.remoteIp = normalizeIp(m.remote);
    session.remoteIpLineIndex = i;
    session.remoteLineIndex ??= i;
    session.clientIp = local ? { ip: local, lineIndex: i } : null;
  }
  return true;
}
