/**
 * The Courier mail server's notice names each recipient it could not deliver to, then, indented, the
 * server it talked to, then that session's lines (its DSN's text part, as the Courier sample of Sisimai's
 * set of emails shows it):
 *
 *     <jdupont@orange.fr>:
 *         smtp-in.orange.fr [193.252.22.65]:
 *     >>> RCPT TO:<jdupont@orange.fr>
 *     <<< 550 5.1.1 ... OFR_416 [416]
 *
 * A refusal of the greeting has no `>>>` line. The peer line is written as Courier's esmtp module builds
 * it: the name, a space, the address in brackets (no name when it has none).
 */

const RECIPIENT = /^<([^\s<>@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])>:\s*$/;
const PEER = /^\s{2,12}(?:([A-Za-z0-9][A-Za-z0-9.-]{0,252}?)\.?\s{1,4})?\[([0-9A-Fa-f:.]{2,45})\]:\s*$/;

export interface CourierPeer {
  recipient: string;
  host: string | null;
  ip: string;
}

/** The peer line at `i` under its recipient's line, or null. */
export function courierPeer(lines: readonly string[], i: number): CourierPeer | null {
  const peer = PEER.exec(lines[i] ?? '');
  if (!peer || i === 0) return null;
  const recipient = RECIPIENT.exec(lines[i - 1] ?? '')?.[1];
  if (!recipient) return null;
  return { recipient, host: peer[1] ?? null, ip: peer[2] ?? '' };
}
