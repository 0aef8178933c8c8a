/**
 * Sendmail 5's transcript after a failure (its `Returned mail:` notices of the 1990s, no DSN): a line per
 * destination naming the host and its mailer, then one per recipient, each with the status after `...`:
 *
 *   550 example.org (smtp)... 550 Host unknown
 *   554 <user@example.org>... 550 Host unknown (Authoritative answer from name server)
 *   550 example.net (smtp)... 550 Host unknown
 *   554 <other@example.net>... 550 Host unknown (Authoritative answer from name server)
 *
 * A host line opens another destination's failure, so the reply above it ends there (they were read as
 * one reply naming two recipients). `Host unknown` is Sendmail's own DNS failure, no server's reply, as
 * `550 Host unknown` is in a DSN's Diagnostic-Code (connection-failure.ts); so is `Deferred: Connection
 * timed out` on a destination line.
 * (Shape of Sisimai's set-of-emails, lhost-v5sendmail-01 to -07.)
 */

/** `550 example.org (smtp)... `: the line naming a destination host and its mailer. */
export const SENDMAIL_HOST_LINE = /^\s{0,8}[245]\d\d [A-Za-z0-9.-]{1,253} \([\w-]{1,20}\)\.\.\.\s/;

/**
 * Sendmail's own status, no server's reply: either line of the pair saying it found no such host, or a
 * destination line deferring it for a connection that failed (`421 example.com (smtp)... Deferred:
 * Connection timed out during user open with example.com`; the server's replies, when there were any,
 * are the transcript's `<<<` lines above it).
 */
export const SENDMAIL_OWN_STATUS =
  /^\s{0,8}(?:5\d\d (?:[A-Za-z0-9.-]{1,253} \([\w-]{1,20}\)|<[^<>\s]{1,320}>)\.\.\.\s{1,4}5\d\d Host unknown\b|4\d\d [A-Za-z0-9.-]{1,253} \([\w-]{1,20}\)\.\.\.\s{1,4}Deferred: Connection (?:timed out|refused|reset)\b)/i;
