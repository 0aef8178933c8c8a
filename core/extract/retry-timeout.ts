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

/**
 * The DragonFly Mail Agent's (dma) line under `There was an error delivering your mail to <a@x>.` when a
 * message stayed in its queue past its limit (5 days, 432000 seconds): `Could not deliver for the last
 * 432000 seconds. Giving up.` (Sisimai's set-of-emails, lhost-dragonfly-29 and -30, found by audit61).
 * Each attempt's error is in dma's syslog lines.
 */
const DMA_GAVE_UP = /^\s{0,12}Could not deliver for the last \d{1,9} seconds\. Giving up\.\s*$/;

/** The line of `lines` (the first 500) that says the retry period ran out, trimmed, or null. */
export function retryTimeoutLine(lines: readonly string[]): string | null {
  const n = Math.min(lines.length, 500);
  for (let i = 0; i < n; i++) {
    const line = lines[i] as string;
    if (line.length >= 200) continue;
    if (line.includes('retry timeout') && GAVE_UP.test(line)) return line.trim();
    if (line.includes('Giving up.') && DMA_GAVE_UP.test(line)) return line.trim();
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
