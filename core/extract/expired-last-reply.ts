/**
 * Amazon SES's (and WorkMail's) last word on a message it gave up on wraps the last reply it got:
 * `554 4.4.7 Message expired: unable to deliver in 840 minutes.<451 4.7.650 The mail server [192.0.2.1]
 * has been temporarily rate limited due to IP reputation.>` quotes the remote, the reply to report;
 * `...<421 4.4.2 Connection timed out>` or `<421 4.4.0 Unable to lookup DNS for example.com>` is SES's own
 * failure to talk to any server (RFC 3463's X.4.x: network and routing), no server's reply.
 */
const EXPIRED_AROUND = /Message expired\b[^<>]{0,200}<\s{0,2}([245]\d\d[ -][^<>]{1,2000}?)\s{0,2}>\s*$/i;

/** The sender's own failure in X.4.x words (`421 4.4.2 Connection timed out`, `Unable to lookup DNS`). */
const OWN_FAILURE =
  /^4\d\d[ -]4\.4\.\d{1,3}\s{1,4}(?:Unable to (?:lookup DNS|connect)|Connection (?:timed out|dropped|refused|reset)|Failed to establish connection|DNS query failed)/i;

export interface ExpiredLastReply {
  /** The reply inside the angle brackets. */
  reply: string;
  /** True when that reply is the sender's own failure to reach a server, not a remote's words. */
  own: boolean;
}

export function expiredLastReply(text: string): ExpiredLastReply | null {
  const last = EXPIRED_AROUND.exec(text.slice(-2400))?.[1];
  return last === undefined ? null : { reply: last, own: OWN_FAILURE.test(last) };
}
