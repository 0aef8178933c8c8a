/**
 * SendGrid's `dropped` event: SendGrid sent nothing to any server. Its Event Webhook reference lists why
 * it drops a message; three reasons are its suppression lists (`Bounced Address`, `Unsubscribed Address`,
 * `Spam Reporting Address`: an earlier bounce, unsubscribe or complaint), the others its own refusals
 * (`Invalid`, `Invalid SMTPAPI header`, `Spam Content`, `Recipient List over Package Quota`). Either way
 * no server refused the message: the event is said, not taken for a delivery failure without its reply.
 */
import type { Json } from './json-value';

const SUPPRESSION_LIST = /^\s*(?:Bounced|Unsubscribed|Spam Reporting) Address\s*$/i;

/** What a SendGrid `dropped` event says, or null for any other object. */
export function sendGridDropped(o: {
  [key: string]: Json;
}): { esp: string; reason: string; suppressed: boolean } | null {
  if (o.event !== 'dropped') return null;
  // SendGrid's own identifiers: another provider's `dropped` event is not read here.
  if (o.sg_event_id === undefined && o['smtp-id'] === undefined && o.sg_message_id === undefined) return null;
  const reason = typeof o.reason === 'string' && o.reason.trim() !== '' ? o.reason.trim() : 'dropped';
  return { esp: 'SendGrid', reason, suppressed: SUPPRESSION_LIST.test(reason) };
}
