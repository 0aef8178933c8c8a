/**
 * The server a sending program's own log names above its failure, for a refusal whose reply names no
 * server: the program connected there, so that server is the one that refused.
 *
 * - nullmailer-send writes `Starting delivery: protocol: smtp host: relay.example.net file: 1700000000.1234`
 *   (`host: ... protocol: ...` in its later releases) before each message, then its protocol module's
 *   `smtp: Failed: 550 ...` (nullmailer's send.cc and protocol.cc; bruceg/nullmailer issues 28, 75).
 * - chatmail core (Delta Chat's) writes `Attempting SMTP connection to smtp.example.org
 *   (192.0.2.10:465).` before it sends (src/smtp/connect.rs), then `SMTP failed to send: Permanent(...)`.
 *
 * Only the nearest such line above the failure counts, within a few dozen lines, and only when the
 * failure is in the same program's words; chatmail's address only when one address was tried.
 */
import { isHostName } from './header-block';
import { normalizeIp } from './ip';

/** Lines above a failure its program's connection line may be on. */
const MAX_ABOVE = 40;

const NULLMAILER_START =
  /\bStarting delivery: (?:protocol: [a-z]{1,10} host: ([^\s:]{1,253})|host: ([^\s:]{1,253}) protocol: [a-z]{1,10}) file: /;
const NULLMAILER_FAILED = /\b(?:smtp|qmqp): Failed: /;
const CHATMAIL_ATTEMPT = /\bAttempting SMTP connection to ([^\s()]{1,253}) \(([^()\s]{1,60})\)\./;
const CHATMAIL_FAILED = /\bSMTP failed to send: |\b(?:Permanent|Transient) SMTP error: /;

export interface ConnectionAbove {
  host: string | null;
  ip: string | null;
  /** 0-based index of the line naming the host. */
  lineIndex: number;
}

/** The address of chatmail's `(192.0.2.10:465)` or `([2001:db8::1]:465)`. */
function socketIp(address: string): string | null {
  const v6 = /^\[([0-9A-Fa-f:.]{2,45})\]:\d{1,5}$/.exec(address)?.[1];
  if (v6) return normalizeIp(v6);
  return normalizeIp(address.replace(/:\d{1,5}$/, ''));
}

/** A line of the text by its 0-based index. */
type LineAt = (index: number) => string;

function nullmailerHost(lineAt: LineAt, at: number): ConnectionAbove | null {
  for (let i = at - 1; i >= Math.max(0, at - MAX_ABOVE); i--) {
    const m = NULLMAILER_START.exec(lineAt(i));
    if (!m) continue;
    // (Its `remotes` file may name the relay by its address.)
    const host = ((m[1] ?? m[2]) as string).toLowerCase();
    const ip = normalizeIp(host.replace(/^\[|\]$/g, ''));
    if (ip) return { host: null, ip, lineIndex: i };
    return isHostName(host) ? { host, ip: null, lineIndex: i } : null;
  }
  return null;
}

function chatmailHost(lineAt: LineAt, at: number): ConnectionAbove | null {
  let found: { host: string; lineIndex: number } | null = null;
  const ips = new Set<string>();
  for (let i = at - 1; i >= Math.max(0, at - MAX_ABOVE); i--) {
    const m = CHATMAIL_ATTEMPT.exec(lineAt(i));
    if (!m) {
      // The attempts of one connection are written together: the nearest group only.
      if (found) break;
      continue;
    }
    const host = (m[1] as string).toLowerCase();
    if (found && host !== found.host) break;
    found ??= { host, lineIndex: i };
    const ip = socketIp(m[2] as string);
    if (ip) ips.add(ip);
  }
  if (!found || !isHostName(found.host)) return null;
  // Several addresses tried at once (IPv6 and IPv4): which one answered is not said.
  return { ...found, ip: ips.size === 1 ? ([...ips][0] as string) : null };
}

/** The server the program's log above line `at` (0-based) connected to, when the failure there is its. */
export function connectionAbove(lineAt: LineAt, at: number): ConnectionAbove | null {
  const line = lineAt(at);
  if (NULLMAILER_FAILED.test(line)) return nullmailerHost(lineAt, at);
  if (CHATMAIL_FAILED.test(line)) return chatmailHost(lineAt, at);
  return null;
}
