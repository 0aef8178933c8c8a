/**
 * A Mailjet event whose error Mailjet relates to itself (`"error_related_to": "mailjet"`): its error
 * table (dev.mailjet.com's Event API guide, "Possible values for errors") says of `preblocked` "You tried
 * to send an email to an address that recently (or repeatedly) bounced. We didn't try to send it", and of
 * `duplicate in campaign` that only the first message was sent, "the others were blocked". Mailjet sent
 * nothing to any server: the event is said as such, not as a failure whose reply is missing.
 */
import type { Json } from './json-value';

/** What a Mailjet event blocked by Mailjet itself says, or null for any other object. */
export function mailjetOwnBlock(o: {
  [key: string]: Json;
}): { esp: string; reason: string; suppressed: boolean } | null {
  if (typeof o.error_related_to !== 'string' || o.error_related_to.trim().toLowerCase() !== 'mailjet')
    return null;
  // Mailjet's own identifiers: a field of the same name elsewhere is not read here.
  if (o.MessageID === undefined && o.mj_campaign_id === undefined && o.mj_contact_id === undefined)
    return null;
  const reason = typeof o.error === 'string' && o.error.trim() !== '' ? o.error.trim() : 'blocked';
  // (`preblocked` and `spam preblocked`: an address that bounced or complained before, Mailjet's lists.)
  return { esp: 'Mailjet', reason, suppressed: /preblocked/i.test(reason) };
}
