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
 * `550 Host unknown` is in a DSN's Diagnostic-Code (connection-failure.ts).
 * (Shape of Sisimai's set-of-emails, lhost-v5sendmail-02, -04, -05 and -07.)
 */

/** `550 example.org (smtp)... `: the line naming a destination host and its mailer. */
export const SENDMAIL_HOST_LINE = /^\s{0,8}[245]\d\d [A-Za-z0-9.-]{1,253} \([\w-]{1,20}\)\.\.\.\s/;

/** Either line of the pair, saying Sendmail found no such host: no server answered. */
export const SENDMAIL_HOST_UNKNOWN =
  /^\s{0,8}5\d\d (?:[A-Za-z0-9.-]{1,253} \([\w-]{1,20}\)|<[^<>\s]{1,320}>)\.\.\.\s{1,4}5\d\d Host unknown\b/i;
