/**
 * The SMTP attempt of a Mandrill (Mailchimp Transactional) message that gave its bounce. A `hard_bounce`
 * or `soft_bounce` event carries the remote's reply in the message's `diag` and, beside it, the message's
 * `smtp_events`: each "an SMTP response received for the message" with its `diag`, `source_ip` ("the
 * Mailchimp Transactional IP address that attempted to send the message") and `destination_ip` ("the
 * remote IP address of the server Mailchimp Transactional connected to"), as Mandrill's webhook format
 * and Snowplow's schema of its bounce event describe them. The attempt whose reply is the bounce's
 * names the sending address; an attempt with another reply (an earlier deferral) is not read for it.
 */
import { isObj, type Obj, str } from './json-value';

/** The reply as compared: without Mandrill's `smtp;` and with its spaces folded. */
const folded = (s: string): string =>
  s
    .replace(/^\s*smtp;\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** The addresses of the message's SMTP attempt whose reply is its `diag`; null when none is. */
export function mandrillBounceAttempt(
  msg: Obj,
): { sendingIp: string | null; remoteIp: string | null } | null {
  const diag = str(msg, 'diag');
  const attempts = msg.smtp_events;
  if (!diag || !Array.isArray(attempts)) return null;
  const reply = folded(diag);
  // The last one first: a message retried with the same reply bounced on its last attempt.
  for (const attempt of [...attempts].reverse()) {
    if (!isObj(attempt)) continue;
    const said = str(attempt, 'diag');
    // (A `diag` may go on after the reply with the DSN it was cut from.)
    if (!said || folded(said).length < 8 || !reply.startsWith(folded(said))) continue;
    return { sendingIp: str(attempt, 'source_ip'), remoteIp: str(attempt, 'destination_ip') };
  }
  return null;
}
