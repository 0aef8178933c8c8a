/**
 * Apprise's e-mail plugin logs the envelope of each notification it sends (caronc/apprise,
 * apprise/plugins/NotifyEmail.py): `Email From: "Name" <a@x>` (the address it then gives smtplib's
 * `sendmail` as the envelope sender), `Email To: b@y`, and on a refusal `Sending email to "b@y" failed.`
 * (newer versions add ` Reason: ` and smtplib's error on the same line; older ones log the error on the
 * next line, dgtlmoon/changedetection.io issue 3282):
 *
 *     2025-06-26 08:50:43,735 - DEBUG - Email From: "changedetection.io" <user@smtp.my.local>
 *     2025-06-26 08:50:43,735 - DEBUG - Email To: secops@sibur.ru
 *     2025-06-26 08:50:43,741 - WARNING - Sending email to "secops@sibur.ru" failed.
 *     2025-06-26 08:50:43,741 - DEBUG - Socket Exception: (550, b'5.7.60 SMTP; ...')
 *
 * Before connecting it logs `Delivery: {host}:{port}`, the server smtplib then talks to: the refusal is
 * that server's, the rejecting host.
 *
 * The recipient is the one the failure line names (the error's line or the one above); else the one `Email To:` names when the lines above
 * the error name a single one (several messages may be prepared before any is sent).
 */

/** Lines above the library's error the envelope lines may be on (Cc, Bcc, Reply-To, login, delivery). */
const LINES_ABOVE = 12;

const ADDRESS = String.raw`([^\s"<>@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])`;
/** The failure line: `Sending email to "b@y" failed.` */
const SENDING_FAILED = new RegExp(String.raw`\bSending email to "${ADDRESS}" failed\.`);
/** `Email To: b@y`, the address alone after the label (Apprise logs the bare address). */
const EMAIL_TO = new RegExp(String.raw`\bEmail To: ${ADDRESS}\s{0,4}$`);
/** `Email From: "Name" <a@x>` or `Email From: a@x` (Python's formataddr). */
const EMAIL_FROM = new RegExp(String.raw`\bEmail From: (?:[^<>\n]{0,200}<${ADDRESS}>|${ADDRESS})\s{0,4}$`);

/** `Delivery: smtp-in.orange.fr:25`: a host name or an IPv4 address, then the port. */
const DELIVERY = /\bDelivery: ([A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?):\d{1,5}\s{0,4}$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

export interface AppriseEnvelope {
  recipient: string | null;
  sender: string | null;
  /** The server of `Delivery:`, a name or an address, and its line's index in `lines`. */
  delivery: { host: string | null; ip: string | null; lineIndex: number } | null;
}

/** Apprise's envelope for the error on line `at` of `lines`, or null when no Apprise line names one. */
export function appriseEnvelope(lines: readonly string[], at: number): AppriseEnvelope | null {
  let failed: string | null = null;
  const to = new Set<string>();
  let sender: string | null = null;
  let delivery: AppriseEnvelope['delivery'] = null;
  for (let k = at; k >= 0 && k >= at - LINES_ABOVE; k--) {
    const line = (lines[k] as string).slice(0, 2000);
    if (delivery === null && line.includes('Delivery: ')) {
      const server = DELIVERY.exec(line)?.[1];
      if (server)
        delivery = IPV4.test(server)
          ? { host: null, ip: server, lineIndex: k }
          : { host: server, ip: null, lineIndex: k };
    }
    if (!line.includes('Email') && !line.includes('email')) continue;
    // (The failure line is the error's own, or the one just above it.)
    if (k >= at - 1) failed ??= SENDING_FAILED.exec(line)?.[1] ?? null;
    const named = EMAIL_TO.exec(line)?.[1];
    if (named) to.add(named);
    if (sender === null) {
      const from = EMAIL_FROM.exec(line);
      sender = from?.[1] ?? from?.[2] ?? null;
    }
  }
  const recipient = failed ?? (to.size === 1 ? ([...to][0] as string) : null);
  return recipient === null && sender === null ? null : { recipient, sender, delivery };
}
