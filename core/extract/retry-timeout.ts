/**
 * A notice that says the sending server gave up because its retry period ran out, without quoting the
 * last reply: Exim's `    retry timeout exceeded` under the failed address (its default bounce text,
 * Sisimai's set-of-emails lhost-exim-06 and lhost-mailru-10, a Roundcube issue's paste) and GMX's
 * `Reason:` paragraph, `delivery retry timeout exceeded` (lhost-gmx-04). Each attempt's reply is in the
 * sending server's log (Exim's mainlog: its `==` deferral lines for the recipient), not in the notice.
 * Not a local transport's own reason before it (`    mailbox is full: retry timeout exceeded`,
 * lhost-exim-07, a delivery into a file of the sending host): no remote server was involved.
 */

/** The line alone. */
const GAVE_UP = /^\s{0,12}(?:delivery\s)?retry timeout exceeded\.?\s*$/i;

/** The line of `lines` (the first 500) that says the retry period ran out, trimmed, or null. */
export function retryTimeoutLine(lines: readonly string[]): string | null {
  const n = Math.min(lines.length, 500);
  for (let i = 0; i < n; i++) {
    const line = lines[i] as string;
    if (line.length < 200 && line.includes('retry timeout') && GAVE_UP.test(line)) return line.trim();
  }
  return null;
}

/**
 * OpenSMTPD's line for a recipient whose envelope outlived its time in the queue (`expire`, 4 days by
 * default), alone on a line of its notice: `kijitora@example.org: Envelope expired` (Sisimai's
 * lhost-opensmtpd-05, -06, -15, -16). Its log's `mta delivery ... result="TempFail" stat="..."` lines
 * hold each attempt's reply.
 */
const ENVELOPE_EXPIRED = /^[^\s@<>:]{1,64}@[A-Za-z0-9.-]{1,253}: Envelope expired\s*$/;

/** OpenSMTPD's words when a line of `lines` (the first 500) says the envelope expired, or null. */
export function envelopeExpiredLine(lines: readonly string[]): string | null {
  const n = Math.min(lines.length, 500);
  for (let i = 0; i < n; i++) {
    const line = lines[i] as string;
    if (line.length < 400 && line.includes(': Envelope expired') && ENVELOPE_EXPIRED.test(line))
      return 'Envelope expired';
  }
  return null;
}
