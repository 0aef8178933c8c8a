/**
 * MailMarshal's notice (`Undeliverable Mail: "..."`) ends in an `Additional Information` block whose
 * fields borrow RFC 3464's names but write their values in angle brackets, without a type: `Sender-MTA:
 * <192.0.2.250>` (the client that handed it the message), `Remote-MTA: <203.0.113.2>` (the server it was
 * delivering to, whose reply it quotes above under `Could not be delivered because of`), `Reporting-MTA:
 * <rr1.example.com>` (itself). As in a DSN, the Remote-MTA is the server that replied: its address is the
 * rejecting host's (Sisimai's lhost-mailmarshal-02 and lhost-mailmarshalsmtp-01, found by left62).
 */
import { normalizeIp } from './ip';

/** MailMarshal's line: the field, blanks (it pads with tabs), the address in angle brackets, nothing else. */
const BRACKETED_REMOTE_MTA = /^\s{0,4}Remote-MTA:\s{1,40}<([0-9A-Fa-f:.]{2,45})>\s{0,8}$/i;

/** The address and line index of the only `Remote-MTA: <IP>` line of a notice's first lines, or null. */
export function bracketedRemoteMta(lines: readonly string[]): { ip: string; lineIndex: number } | null {
  let found: { ip: string; lineIndex: number } | null = null;
  const n = Math.min(lines.length, 500);
  for (let i = 0; i < n; i++) {
    const m = BRACKETED_REMOTE_MTA.exec(lines[i] as string);
    const ip = normalizeIp(m?.[1] ?? '');
    if (!ip) continue;
    // Two different servers named: which one replied to which recipient is not said.
    if (found && found.ip !== ip) return null;
    found ??= { ip, lineIndex: i };
  }
  return found;
}
