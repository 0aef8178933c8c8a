/**
 * One event of SendGrid's Email Activity message details (`GET /v3/messages/{msg_id}`, what its Activity
 * feed shows for a message): `{"from_email", "to_email", "events": [{"event_name": "bounced",
 * "processed", "reason", "mx_server", ...}], "originating_ip", "outbound_ip", "outbound_ip_type"}`.
 * The event holds the reply, its time and the MX it was talking to; the message around it the addresses
 * and `outbound_ip`, "the IP used to send to the remote MTA". Its `originating_ip` is "the IP of the user
 * who sent the message", the customer's server calling SendGrid: never the sending IP.
 */
import type { EventFacts } from './event-facts';
import type { Obj } from './json-value';

const text = (o: Obj | undefined, key: string): string | null => {
  const v = o?.[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};

/** The facts with what an Email Activity event and its message give; the facts unchanged otherwise. */
export function withSendGridActivity(o: Obj, parents: readonly Obj[], facts: EventFacts): EventFacts {
  const message = parents[0];
  if (!text(o, 'event_name') || !('processed' in o) || !message || !Array.isArray(message.events))
    return facts;
  return {
    ...facts,
    time: text(o, 'processed') ?? facts.time,
    remoteHost: text(o, 'mx_server') ?? facts.remoteHost,
    recipient: text(message, 'to_email') ?? facts.recipient,
    sender: text(message, 'from_email') ?? facts.sender,
    sendingIp: text(message, 'outbound_ip') ?? facts.sendingIp,
  };
}
