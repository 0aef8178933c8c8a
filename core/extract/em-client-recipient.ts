/**
 * eM Client's log names the recipient the server refused in its own words on the line above the reply it
 * quotes (stalwartlabs/stalwart issue 386, 2024):
 *
 *     22:30:26 a@example.org SMTP Sending messages: Recipient address 'b@example.net' not accepted due to the following reason:
 *                  "4.3.0 <a@example.org>: Temporary lookup failure
 *
 * The line starts with the sending account, and the reply may name another address than the refused
 * recipient (the sender's, whose lookup failed): the address eM Client names is the recipient.
 */

/** eM Client's sentence, the recipient in single quotes. */
const NOT_ACCEPTED =
  /\bRecipient address '([^'\s@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])' not accepted due to the following reason:/;
/** Lines above the reply the sentence may be on. */
const LINES_ABOVE = 2;

/** The recipient eM Client names on the line just above the reply at `at`, or null. */
export function emClientRecipientAbove(lines: readonly string[], at: number): string | null {
  for (let k = at - 1; k >= 0 && k >= at - LINES_ABOVE; k--) {
    const line = lines[k] as string;
    if (!line.includes("' not accepted")) continue;
    const named = NOT_ACCEPTED.exec(line.slice(0, 4000));
    if (named?.[1]) return named[1];
  }
  return null;
}
