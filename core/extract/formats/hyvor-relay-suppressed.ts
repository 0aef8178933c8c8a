/**
 * Hyvor Relay's `send.recipient.suppressed`: the address was on the project's suppression list when the
 * send was created, so the recipient was never queued and no server was contacted (hyvor/relay,
 * `SendService`: a suppressed address gets the status `suppressed` instead of `queued`). Its webhook posts
 * `{"event": "send.recipient.suppressed", "payload": {send, recipient, suppression}}`
 * (`WebhookEventListener::onSendRecipientSuppressed`); a client library flattens it to `{event, send,
 * recipient, attempt: null}` (its `SendRecipientEvent` type), no attempt having been made.
 *
 * The suppression's `description` is the earlier refusal that put the address on the list: the code,
 * enhanced code and text of the remote's reply to a recipient bounce (`SendAttemptService::
 * handleAfterSendAttempt`), its `created_at` when that was. That reply answered another send, whose own
 * `send.recipient.bounced` event is the one to read; this event is no refusal.
 */
import { fromUnixSeconds } from '../dates';
import type { EventFacts } from './event-facts';
import { child, type Obj, str } from './json-value';

const SUPPRESSED_EVENT = 'send.recipient.suppressed';

/** The payload of a suppressed recipient's event (the event itself when flattened); null for another. */
function suppressedPayload(o: Obj): Obj | null {
  if (str(o, 'event') === SUPPRESSED_EVENT) {
    const payload = child(o, 'payload') ?? o;
    return child(payload, 'recipient') || child(payload, 'suppression') ? payload : null;
  }
  // The payload alone: a recipient whose status is `suppressed`, with the suppression or no attempt.
  const recipient = child(o, 'recipient');
  if (!recipient || str(recipient, 'status') !== 'suppressed' || !child(o, 'send')) return null;
  return child(o, 'suppression') || o.attempt === null ? o : null;
}

/** What Hyvor Relay's event for a suppressed recipient says; null for any other object. */
export function hyvorRelaySuppressed(o: Obj): EventFacts['notSent'] {
  const payload = suppressedPayload(o);
  if (!payload) return null;
  const suppression = child(payload, 'suppression');
  const earlier = (str(suppression ?? {}, 'description') ?? '').replace(/\s+/g, ' ').trim();
  const created = suppression?.created_at;
  return {
    esp: 'Hyvor Relay',
    // (`bounce`, `fbl` or `complaint`, its `SuppressionReason`.)
    reason: str(suppression ?? {}, 'reason') ?? 'suppressed',
    suppressed: true,
    earlierReply: earlier || null,
    since: typeof created === 'number' ? fromUnixSeconds(created) : null,
  };
}
