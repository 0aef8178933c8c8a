/**
 * Amazon SES's bounce and delivery-delay notifications (and the ESPs that copy them), read for esp-facts.ts.
 */

import { expiredLastReply } from '../expired-last-reply';
import { type EventFacts, givenEnhanced } from './event-facts';
import { isObj, type Obj, str } from './json-value';

/**
 * SES's `Message expired` after its own failures to reach any server (`554 4.4.7 Message expired: unable
 * to deliver in 840 minutes.<421 4.4.0 Unable to lookup DNS for example.com>`, `<421 4.4.1 Failed to
 * establish connection>`), or its delay notice for one (`smtp; 421 4.4.1 Connection timed out`): no
 * server refused. Not when the last reply it quotes is a remote's (`<421 4.7.0 [TSS04] Messages from ...>`).
 */
// (Also its words without a code, `smtp; connection timed out` in a DeliveryDelay event, and its `550 5.4.4
// Invalid domain` for a domain with no mail server, from SES itself: `reportingMTA` `dns; amazonses.com`.)
const SES_OWN_FAILURE =
  /(?:Message expired\b[^<]{0,200}<\s{0,2}|^\s{0,4}(?:smtp;\s{0,2})?)(4\d\d 4\.4\.\d (?:Unable to (?:lookup DNS|connect)|Connection timed out|Failed to establish connection)[^<>]{0,200}|(?:connection timed out|connection refused|unable to connect)|5\d\d 5\.4\.4 Invalid domain)>?\s*$/i;

/**
 * A recipient's `diagnosticCode`, unless it is a word standing for none: Yandex Cloud Postbox, which
 * copies SES's notifications, writes `"diagnosticCode": "Other"` in its documented bounce.
 */
function diagnosticOf(r: Obj): string | null {
  const written = str(r, 'diagnosticCode');
  return written && /^\s*[A-Za-z]{1,20}\s*$/.test(written) ? null : written;
}

/** Amazon SES: one event per bounced or delayed recipient. */
export function sesFacts(ses: Obj, base: EventFacts): EventFacts[] {
  // SES's suppression lists (global or the account's): it did not send. Resend passes SES's verdict on
  // in its `email.bounced` event as `bounce.subType` (its documentation's example: `"subType":
  // "Suppressed"`, the message saying the address is on the suppression list), with no recipient list.
  const resend = str(ses, 'bounceSubType') === null && str(ses, 'subType') !== null;
  const subType = str(ses, 'bounceSubType', 'subType') ?? '';
  if (subType === 'Suppressed' || subType === 'OnAccountSuppressionList')
    base.notSent = { esp: resend ? 'Resend' : 'Amazon SES', reason: subType, suppressed: true };
  const list = ses.bouncedRecipients ?? ses.delayedRecipients;
  // SES's own MTAs (`a27-23.smtp-out.us-west-2.amazonses.com`) report what the remote said during the
  // session: the sending host. Any other Reporting-MTA is the receiver's, which accepted the message and
  // then wrote the report (AWS's example of a bounce "with a DSN provided by the email receiver").
  const reporting = str(ses, 'reportingMTA');
  const ownReport = reporting !== null && /(?:^|[.;\s])amazonses\.com\.?$/i.test(reporting.trim());
  const out: EventFacts[] = [];
  for (const r of Array.isArray(list) ? list : []) {
    if (!isObj(r)) continue;
    const own = SES_OWN_FAILURE.exec(str(r, 'diagnosticCode') ?? '');
    if (own) {
      out.push({ ...base, notSent: { esp: 'Amazon SES', reason: own[1] ?? '', suppressed: false } });
      continue;
    }
    // The remote's own reply, which SES gave up on, rather than SES's summing-up (its 554 with a 4.4.7).
    const last = expiredLastReply(str(r, 'diagnosticCode') ?? '')?.reply;
    const diagnostic = diagnosticOf(r);
    out.push({
      ...base,
      replyText: last ?? diagnostic,
      // (Its `status` 4.0.0 or 5.0.0 beside a reply without an enhanced code is written from the basic code.)
      enhanced: last ? null : givenEnhanced(str(r, 'status'), diagnostic ?? ''),
      recipient: str(r, 'emailAddress'),
      time: str(ses, 'timestamp') ?? base.time,
      // (SES's own name alone, `dns; amazonses.com`, names no host.)
      sendingHost:
        ownReport && !/^(?:dns;\s{0,2})?amazonses\.com\.?$/i.test(reporting.trim()) ? reporting : null,
      remoteIp: str(ses, 'remoteMtaIp'),
      remoteHost: str(ses, 'remoteMta') ?? (ownReport ? null : reporting),
    });
  }
  return out.length === 0 && base.notSent ? [base] : out;
}
