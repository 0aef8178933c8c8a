/** What an ESP's event says about one failed delivery (esp-facts.ts), and what its readers share. */

import type { Note } from '../../types';

export interface EventFacts {
  replyText: string | null;
  /** The reply as written in the JSON, when replyText was assembled or unwrapped. */
  replyWritten: string | null;
  enhanced: string | null;
  recipient: string | null;
  sender: string | null;
  /** The time as written (Unix seconds or milliseconds, or a date). */
  time: string | null;
  /** Said of that time (which of an ESP's times it is, or why none was read). */
  timeNote?: Note | null;
  /** The event is one of a batch repeating its values: each is cited from the lines nearest its reply. */
  citeNearReply?: boolean;
  /** The key the time was read from, when the object holds several equal times. */
  timeKey?: string | null;
  sendingIp: string | null;
  sendingHost: string | null;
  remoteHost: string | null;
  remoteIp: string | null;
  /** The sending domain the ESP names apart, when no sender address gives it (Mailgun's `domain.name`). */
  senderDomain?: string | null;
  /** The recipient's domain named apart, when no recipient address gives it (Sisimai's `destination`). */
  recipientDomain?: string | null;
  /**
   * The ESP sent nothing to any server (its suppression list, its own failure, or, `unreached`, a server
   * it could not reach): no one refused. `earlierReply`: the reply of the earlier refusal that put the
   * address on the list, as the ESP recorded it, `since` (ISO) when that was.
   */
  notSent: {
    esp: string;
    reason: string;
    suppressed: boolean;
    unreached?: boolean;
    earlierReply?: string | null;
    since?: string | null;
  } | null;
}

/** Facts with nothing known yet. */
export const noFacts = (): EventFacts => ({
  replyText: null,
  replyWritten: null,
  enhanced: null,
  recipient: null,
  sender: null,
  time: null,
  sendingIp: null,
  sendingHost: null,
  remoteHost: null,
  remoteIp: null,
  notSent: null,
});

/** A value that starts with the remote's reply (`550 ...`, `smtp; 550 ...`). */
export const STARTS_WITH_REPLY = /^\s{0,4}(?:smtp;\s{0,2})?[245]\d\d[\s-]/i;

/**
 * The enhanced code an event gives beside the reply: not SendGrid's `status` written from the reply's basic
 * code (`"status": "5.0.0"` beside `"reason": "500 unknown recipient"`, its docs' "5.0.0 is the same as a
 * 500"), nor SES's (`"status": "4.0.0"` beside Orange's `421 mwinf5c27 ME ... OFR004_104 [104]`, which
 * carries none), which the remote never said.
 */
export function givenEnhanced(status: string | null, reply: string): string | null {
  if (!status || !/^[245]\.0\.0$/.test(status)) return status;
  return /(?:^|\s)[245]\.\d{1,3}\.\d{1,3}\b/.test(reply) ? status : null;
}
