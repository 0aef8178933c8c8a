/**
 * A delay notice: the sending MTA warns that it has not delivered yet and keeps trying (RFC 3464's
 * `Action: delayed`, or the notices' own subjects: Postfix's `Delayed Mail (still being retried)`,
 * Sendmail's `Warning: could not send message for past 4 hours`, Exim's `Warning: message X delayed 24
 * hours`, Gmail's and Exchange's `Delivery Status Notification (Delay)`, `Delivery delayed:`). The
 * refusal it reports is temporary: the message may still get through.
 */
import { type Field, fieldValue } from './header-block';

const DELAY_SUBJECT =
  /^\s{0,8}(?:Delayed Mail\b|Warning\s{0,4}(?::|--)\s{0,4}(?:could not send (?:message|mail) for past\b|message\s{1,4}\S{1,80}\s{1,4}delayed\b|message delayed\b)|(?:Mail\s{1,4})?Delivery Status Notification\s{0,4}\((?:Delay|Mail Delivery Delayed)\)|Delivery (?:status notification:\s{0,4}(?:delayed|warning)\b|Notification:\s{0,4}Delivery has been delayed|delayed\s{0,4}:)|Message delayed\b)/i;

/** True when a DSN recipient's action is `delayed`. */
export function isDelayedAction(fields: readonly Field[] | null): boolean {
  const action = fields ? (fieldValue(fields, 'action')?.value ?? '') : '';
  return /^\s{0,8}delayed\b/i.test(action);
}

/** True when the notice's own subject announces a delay. */
export function isDelaySubject(subject: string | undefined): boolean {
  return subject !== undefined && DELAY_SUBJECT.test(subject);
}
