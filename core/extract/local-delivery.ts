import { type Field, fieldValue } from './header-block';

/** RFC 3464's diagnostic type of a local delivery program (Postfix's local and pipe, Sendmail's prog). */
const LOCAL_DELIVERY = /^\s{0,8}x-unix\s{0,8};/i;

/**
 * Every recipient of the report failed by the writer's own local delivery (`Diagnostic-Code: x-unix;
 * ...`): the writer holds the mailboxes, it is the receiving side (Mail-DeliveryStatus-BounceParser's
 * quota-7.msg, a hosting provider's Postfix delivering to a full mailbox).
 */
export function isLocalDelivery(recipients: readonly (readonly Field[])[]): boolean {
  return (
    recipients.length > 0 &&
    recipients.every((f) => LOCAL_DELIVERY.test(fieldValue(f, 'diagnostic-code')?.value ?? ''))
  );
}
