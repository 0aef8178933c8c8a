/**
 * The recipient of a refusal Sendmail's transcript quotes after a command that names none (`MAIL From:`,
 * `DATA`): the line Sendmail writes below the remote's reply, its own summary for each recipient the
 * refusal failed, the address before `...`:
 *
 *   While talking to mx.example.edu:
 *   >>> DATA
 *   <<< 550 Your E-Mail is redundant.
 *   554 <user@example.edu>... Remote protocol error
 *
 * Without it the recipient was the returned copy's To, which names another recipient when the message
 * had several (Sisimai's set-of-emails, lhost-v5sendmail-05: `To: kijitora@example.org` for a refusal by
 * example.edu). A summary naming the session's sender is no recipient's.
 */
/** `554 <user@example.edu>... `, `550 5.1.1 <user@example.edu>... `: Sendmail's per-recipient line. */
const SUMMARY = /^\s{0,8}[45]\d\d (?:[45]\.\d{1,3}\.\d{1,3} )?<([^<>\s@]{1,64}@[^<>\s@]{1,253})>\.\.\.\s/;
/** Sendmail writes it right below the reply; a line or two further at most (another host's line). */
const MAX_BELOW = 2;

/** The recipient the summary line below the reply ending at line `last` names, or null. */
export function summaryRecipient(
  lines: readonly string[],
  last: number,
  sender: string | null,
): string | null {
  for (let i = last + 1; i < lines.length && i <= last + MAX_BELOW; i++) {
    const address = SUMMARY.exec(lines[i] ?? '')?.[1];
    if (address) return sender && address.toLowerCase() === sender.toLowerCase() ? null : address;
  }
  return null;
}
