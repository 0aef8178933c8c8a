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

/**
 * The words of a local delivery program's failure (`Diagnostic-Code: x-unix; Quota exceeded message
 * delivery failed to /var/mail/...`, Postfix's local or pipe delivery), on one line and at most 300
 * characters, as a note quotes them; null for any other diagnostic type. No SMTP server spoke: there is
 * no reply to ask for (Sisimai's rfc3464-09, found by audit60).
 */
export function localDeliveryWords(diagnostic: string): string | null {
  if (!LOCAL_DELIVERY.test(diagnostic)) return null;
  const words = diagnostic.replace(LOCAL_DELIVERY, '').replace(/\s+/g, ' ').trim();
  if (!words) return null;
  return words.length > 300 ? `${words.slice(0, 300)}…` : words;
}

/**
 * Whether a DSN recipient block's Final-Recipient is a mailbox of the reporting machine itself that its
 * own local delivery program failed (`Reporting-MTA: dns; mx4.example.jp`, `Final-Recipient: rfc822;
 * user@mx4.example.jp`, `Diagnostic-Code: x-unix; …`): the address its aliases or forwarding led to on
 * that host, which no sender wrote and no remote server refused (Sisimai's rfc3464-09, lhost-postfix-01:
 * Postfix's `<user@host> (expanded from <…>)`). The Original-Recipient then names the recipient.
 */
export function isOwnLocalMailbox(dsn: readonly Field[], reportingMta: Field | null): boolean {
  if (!LOCAL_DELIVERY.test(fieldValue(dsn, 'diagnostic-code')?.value ?? '')) return false;
  const host = reportingMta?.value
    .replace(/^\s{0,8}dns\s{0,8};/i, '')
    .trim()
    .replace(/\.$/, '')
    .toLowerCase();
  const final = fieldValue(dsn, 'final-recipient')?.value ?? '';
  const at = final.lastIndexOf('@');
  const domain =
    at < 0
      ? ''
      : final
          .slice(at + 1)
          .replace(/[>\s]+$/, '')
          .replace(/\.$/, '')
          .toLowerCase();
  return host !== undefined && host !== '' && domain === host;
}
