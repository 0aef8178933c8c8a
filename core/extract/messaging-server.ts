/**
 * Oracle Communications Messaging Server (formerly Sun/iPlanet, PMDF; Apple's iCloud mail too) writes
 * the connection in its Remote-MTA, `dns;mx.example.jp (TCP|192.0.2.7|47323|198.51.100.25|25)`, the
 * local address and port then the remote's: the local address is the one the remote saw (unless a NAT
 * rewrote it). Its notice's text says the same on a `Remote system:` line under the recipient's
 * `Diagnostic code:`.
 */
import { isHostName } from './header-block';
import { normalizeIp } from './ip';

export const REMOTE_MTA_TCP = /\(TCP\|([0-9A-Fa-f:.]{2,45})\|\d{1,5}\|([0-9A-Fa-f:.]{2,45})\|\d{1,5}\)/i;

// Also a notice's `Message rejected by: smtp.kernel.org` (Microsoft's wording, as a list's notice repeats
// it).
const REMOTE_SYSTEM =
  /^\s{0,12}(?:Remote system|Message rejected by):\s{0,4}(?:dns;\s{0,2})?([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s{0,4}(\(TCP\|[^)]{0,200}\))?/i;

/**
 * Its delivery attempt history (`Delivery attempt history for your mail:`, in its delay notice), one line
 * per attempt under its date: `TCP active open: Failed connect() to TCP port 25 of 192.0.2.240    Error:
 * Connection timed out` (Messaging Server 7.0.5, Sisimai's lhost-messagingserver-07): it could not connect
 * to that address, and no server replied (connection-failure.ts).
 */
export const FAILED_CONNECT_TO = /\bFailed connect\(\) to TCP port \d{1,5} of ([0-9A-Fa-f:.]{2,45})\b/i;

export interface RemoteSystem {
  host: string | null;
  remoteIp: string | null;
  localIp: string | null;
}

/** The `Remote system:` line's server and connection, or null when the line is not one. */
export function remoteSystem(line: string): RemoteSystem | null {
  const m = REMOTE_SYSTEM.exec(line);
  if (!m?.[1]) return null;
  const host = m[1].replace(/\.$/, '').toLowerCase();
  const tcp = m[2] ? REMOTE_MTA_TCP.exec(m[2]) : null;
  return {
    host: isHostName(host) ? host : null,
    remoteIp: normalizeIp(tcp?.[2] ?? ''),
    localIp: normalizeIp(tcp?.[1] ?? ''),
  };
}
