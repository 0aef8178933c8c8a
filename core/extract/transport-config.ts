/**
 * An application's SMTP transport settings pasted beside its error, as developers show them when asking
 * why sending fails (nodemailer issue 1515: `Error: Message failed: 554 6.6.0 ...`, then `{ host:
 * "smtp.mail.yahoo.com", port: 465, service: "yahoo", auth: { ... } }`). The settings name the one server
 * the application sends through, so the reply its error quotes is that server's. Read only in the shape
 * of an options object (JavaScript, JSON): a quoted `host` with its `port`, `auth`, `secure` or
 * `service` a few lines away, and one host only in the paste (two sets of settings say nothing of which
 * one failed).
 */

const HOST_SETTING =
  /^\s{0,40}["']?host["']?\s{0,4}:\s{0,4}(["'])([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,8})\1\s{0,4},?\s{0,4}$/;
/** Another setting of the same transport object. */
const BESIDE_SETTING = /^\s{0,40}["']?(?:port|auth|secure|service|requireTLS|tls)["']?\s{0,4}:/;
/** A port setting, and the ports an SMTP client sends to (submission, SMTPS, relay, and 2525 of ESPs). */
const PORT_SETTING = /^\s{0,40}["']?port["']?\s{0,4}:\s{0,4}["']?(\d{1,5})\b/;
const SMTP_PORTS = new Set(['25', '465', '587', '2525', '2587']);
/** Lines around the host its other settings may be on. */
const NEAR = 6;
const MAX_LINES = 2000;
const MAX_LINE = 300;

export interface TransportHost {
  host: string;
  /** 0-based index of the line naming it. */
  lineIndex: number;
}

/** The host the pasted transport settings name, when there is exactly one, else null. */
export function transportHost(lines: readonly string[]): TransportHost | null {
  let found: TransportHost | null = null;
  const count = Math.min(lines.length, MAX_LINES);
  for (let i = 0; i < count; i++) {
    const line = lines[i] as string;
    if (line.length > MAX_LINE || !/host/i.test(line)) continue;
    const host = HOST_SETTING.exec(line)?.[2]?.toLowerCase();
    if (!host || !/[a-z]/.test(host.slice(host.lastIndexOf('.') + 1))) continue;
    let beside = false;
    let otherPort = false;
    for (let k = Math.max(0, i - NEAR); k < Math.min(count, i + NEAR + 1); k++) {
      const near = (lines[k] as string).slice(0, MAX_LINE);
      beside ||= k !== i && BESIDE_SETTING.test(near);
      const port = PORT_SETTING.exec(near)?.[1];
      otherPort ||= port !== undefined && !SMTP_PORTS.has(port);
    }
    // A database's or a mailbox's settings (`port: 3306`, `port: 993`) beside it: no mail server's.
    if (!beside || otherPort) continue;
    if (found && found.host !== host) return null;
    found ??= { host, lineIndex: i };
  }
  return found;
}
