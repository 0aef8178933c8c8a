/**
 * EmailEngine's webhooks.
 *
 * `messageDeliveryError` (learn.emailengine.app, webhooks/messagedeliveryerror):
 * the event names the attempt's `date` ("when the webhook was generated", right after the attempt) and
 * wraps it in `data`: `envelope.from` (the MAIL FROM address), `envelope.to[]`, `smtpResponse`, and
 * `networkRouting.localAddress`, "the local IP address used for the SMTP connection": the sending IP,
 * unless `networkRouting.proxy` says the connection went out through a SOCKS proxy, whose address the
 * remote saw instead (then none is read).
 *
 * `messageBounce` (webhooks/messagebounce) is a bounce found in the mailbox: `data.response.message`
 * is the remote's reply, `data.messageHeaders["return-path"]` the original message's Return-Path, its
 * envelope sender. The event's `date` says when the bounce was found, not when the remote refused, and
 * `data.mta` is the server that reported the bounce: neither is read.
 */
import type { EventFacts } from './event-facts';
import type { Json, Obj } from './json-value';

const member = (o: Obj | undefined, key: string): Json | undefined => o?.[key];
const objectAt = (o: Obj | undefined, key: string): Obj | undefined => {
  const v = member(o, key);
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
};
const text = (v: Json | undefined): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** What the event around `data` says of the attempt; null when `o` is not such an event's `data`. */
export function emailEngineDeliveryError(
  o: Obj,
  parents: readonly Obj[],
): Pick<EventFacts, 'sender' | 'recipient' | 'time' | 'sendingIp'> | null {
  const event = parents[0];
  if (!event || event.data !== o || text(event.event) !== 'messageDeliveryError') return null;
  const envelope = objectAt(o, 'envelope');
  const to = member(envelope, 'to');
  const routing = objectAt(o, 'networkRouting');
  return {
    sender: text(member(envelope, 'from')),
    recipient: Array.isArray(to) ? text(to[0]) : text(to),
    time: text(event.date),
    sendingIp: routing && !text(routing.proxy) ? text(routing.localAddress) : null,
  };
}

/** The Return-Path of the message a `messageBounce` event's `data.response` (`o`) refused; null otherwise. */
export function emailEngineBounceSender(o: Obj, parents: readonly Obj[]): string | null {
  const [data, event] = parents;
  if (!data || !event || data.response !== o || event.data !== data) return null;
  if (text(event.event) !== 'messageBounce') return null;
  const returnPath = member(objectAt(data, 'messageHeaders'), 'return-path');
  const first = Array.isArray(returnPath) ? text(returnPath[0]) : text(returnPath);
  return first ? first.replace(/^<|>$/g, '') || null : null;
}
