/**
 * Gmail's notices up to 2016 name the server that refused above its reply: `Google tried to deliver
 * your message, but it was rejected by the server for the recipient domain example.jp by
 * mx.example.jp. [192.0.2.1].`, then `The error that the other server returned was:` and the reply.
 */
import { isHostName } from './header-block';
import { normalizeIp } from './ip';

const GMAIL_REJECTED_BY =
  /rejected by the (?:server for the )?recipient domain\s{1,4}\S{1,253}\s{1,4}by\s{1,4}([A-Za-z0-9][A-Za-z0-9.-]{0,252}[A-Za-z0-9])\.?(?:\s{1,4}\[([0-9A-Fa-f:.]{2,45})\])?/i;

/** The refusing server Gmail's words name in `lines`: its name, its address, and the line's index. */
export function gmailRejectingServer(
  lines: readonly string[],
): { host: string; ip: string | null; lineIndex: number } | null {
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at] as string;
    const m = GMAIL_REJECTED_BY.exec(line);
    if (!m) continue;
    if (!m[1] || !isHostName(m[1])) return null;
    return { host: m[1].toLowerCase(), ip: m[2] ? normalizeIp(m[2]) : null, lineIndex: at };
  }
  return null;
}
