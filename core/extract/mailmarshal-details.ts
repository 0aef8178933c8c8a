/**
 * The server a MailMarshal notice names as the one it was delivering to, in the block it writes under
 * its text (`Undeliverable Mail: "..."`, From `postmaster@...`):
 *
 *   Additional Information
 *   ======================
 *   Original Sender:    <sironeko@example.com>
 *   Sender-MTA:         <192.0.2.250>
 *   Remote-MTA:         <203.0.113.2>
 *   Reporting-MTA:      <rr1.example.com>
 *
 * Its `Remote-MTA:` is the rejecting server (an address or a name, in angle brackets); `Sender-MTA:` is
 * not read, as which machine it names (MailMarshal's own, or the one that handed it the message) the
 * text does not say. A private address (`<10.0.0.1>`, a redaction or an inner relay) names no server
 * Orange could have been. (Shape of Sisimai's set-of-emails, lhost-mailmarshal-02 and
 * lhost-mailmarshalsmtp-01.)
 */
import { isHostName } from './header-block';
import { isNonPublicIp, normalizeIp } from './ip';

const HEADING = /^\s{0,8}Additional Information\s*$/i;
const UNDERLINE = /^\s{0,8}={6,80}\s*$/;
const REMOTE_LINE = /^\s{0,8}Remote-MTA:[ \t]{0,16}<([^<>\s]{1,253})>\s*$/i;
/** The block comes in the notice's text, and holds six lines or so. */
const MAX_LINES = 400;
const BLOCK_LINES = 12;

export interface MailMarshalRemote {
  host: string | null;
  ip: string | null;
  /** The line as written, to cite it. */
  line: string;
}

/** The remote of MailMarshal's `Additional Information` block, or null without one. */
export function mailMarshalRemote(lines: readonly string[]): MailMarshalRemote | null {
  const last = Math.min(lines.length, MAX_LINES);
  for (let i = 0; i + 1 < last; i++) {
    if (!HEADING.test(lines[i] as string) || !UNDERLINE.test(lines[i + 1] as string)) continue;
    const end = Math.min(lines.length, i + 2 + BLOCK_LINES);
    for (let k = i + 2; k < end; k++) {
      const line = lines[k] as string;
      const value = line.length < 300 ? REMOTE_LINE.exec(line)?.[1] : undefined;
      if (!value) continue;
      const ip = normalizeIp(value);
      if (ip) return isNonPublicIp(ip) ? null : { host: null, ip, line };
      const host = value.replace(/\.$/, '');
      return isHostName(host) ? { host: host.toLowerCase(), ip: null, line } : null;
    }
    return null;
  }
  return null;
}
