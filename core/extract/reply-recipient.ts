/**
 * The recipient a RCPT reply names right after its codes: `550 5.1.1 <b@y>: Recipient address rejected`,
 * Postfix's own wording for a refused recipient (and many servers' alike). Not when the words after the
 * address say it is the sender (`<a@x>: Sender address rejected`, `... expéditeur ...`).
 */

/** A reply naming an address right after its codes (`550 5.1.1 <b@y>: ...`), and the words after it. */
const RCPT_REPLY =
  /^\s{0,4}[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}\s{1,4})?<([^<>\s@]{1,64}@[A-Za-z0-9.-]{1,253})>:?([^\n]{0,60})/;

/** Words saying the address is the sender's (`Sender address rejected`, Exim's `sender verify failed`). */
const SENDER_AFTER = /\bsender\b|\bfrom\b|exp[ée]diteur/i;

/** The address a reply names at its start as the refused recipient, or null. */
export function recipientNamedByReply(reply: string): string | null {
  const named = RCPT_REPLY.exec(reply);
  return named?.[1] && !SENDER_AFTER.test(named[2] ?? '') ? named[1] : null;
}
