/**
 * Hyvor Relay's delivery attempts (an open-source ESP; its webhook docs, relay.hyvor.com/docs/webhooks, and
 * its console API's objects, relay.hyvor.com/docs/api-console): a webhook posts `{"event":
 * "send.recipient.bounced", "payload": {"send": ..., "recipient": ..., "attempt": ...}}`, the attempt with
 * `responded_mx_host` (the MX that answered), `smtp_conversations` (each MX's steps: `name`, `command`,
 * `reply_code`, `reply_text`) and `recipients[]`, one result per recipient of the attempt: `recipient_id`,
 * `recipient_status`, `smtp_code`, `smtp_enhanced_code` and `smtp_message`, the remote's reply split in
 * three as its worker parses it (the text without either code). Its EHLO names the sending IP's PTR (its
 * worker says `Hello(ptr)`): the `hello` step's command gives the sending host.
 *
 * An attempt with no `responded_mx_host` reached no server: its worker then writes the network error as the
 * message, under a code of its own (`400`, `4.2.1`, to retry once) or none. The `send.from_address` is the
 * sender's; the envelope's return path (`bounce+UUID@` Hyvor's instance) is not.
 */
import type { EventFacts } from './event-facts';
import { child, isObj, type Json, type Obj, str } from './json-value';

/** One recipient's result in an attempt's `recipients`. */
function isAttemptRecipient(o: Obj, attempt: Obj | undefined): attempt is Obj {
  if (!attempt || !Array.isArray(attempt.recipients) || !attempt.recipients.includes(o)) return false;
  return (
    str(o, 'recipient_id') !== null &&
    typeof o.smtp_code === 'number' &&
    typeof o.smtp_message === 'string' &&
    ('responded_mx_host' in attempt || 'resolved_mx_hosts' in attempt)
  );
}

/** The send's recipient of that id, from `send.recipients` or the payload's own `recipient`. */
function addressOf(id: string, payload: Obj | undefined): string | null {
  const send = payload ? child(payload, 'send') : undefined;
  const listed: Json[] = [
    payload?.recipient ?? null,
    ...(Array.isArray(send?.recipients) ? send.recipients : []),
  ];
  for (const r of listed) if (isObj(r) && str(r, 'id') === id) return str(r, 'address');
  return null;
}

/** The name the EHLO of the MX's conversation gave (`EHLO relay-3.example.net`). */
function ehloName(attempt: Obj, host: string): string | null {
  const conversation = child(child(attempt, 'smtp_conversations') ?? {}, host);
  const steps = Array.isArray(conversation?.steps) ? conversation.steps : [];
  for (const step of steps) {
    if (!isObj(step) || str(step, 'name') !== 'hello') continue;
    const name = /^\s*(?:EHLO|HELO)\s+([A-Za-z0-9.-]{1,253})\s*$/i.exec(str(step, 'command') ?? '')?.[1];
    if (name) return name;
  }
  return null;
}

/**
 * What one recipient's result of a Hyvor Relay attempt says, over its base facts; null for another object,
 * and `[]` (no event) for a result of another recipient than the one the webhook is about.
 */
export function hyvorRelayFacts(o: Obj, parents: readonly Obj[], base: EventFacts): EventFacts[] | null {
  const attempt = parents[0];
  if (!isAttemptRecipient(o, attempt)) return null;
  const payload = parents[1];
  const id = str(o, 'recipient_id') ?? '';
  // A webhook is about one recipient: the attempt's other results are their own webhooks'.
  const about = payload ? child(payload, 'recipient') : undefined;
  if (about && str(about, 'id') !== null && str(about, 'id') !== id) return [];
  const message = (str(o, 'smtp_message') ?? '').trim();
  const facts: EventFacts = {
    ...base,
    recipient: addressOf(id, payload) ?? base.recipient,
    sender: str(child(payload ?? {}, 'send'), 'from_address') ?? base.sender,
  };
  const host = str(attempt, 'responded_mx_host');
  if (!host) {
    const reason = message || str(attempt, 'error') || 'no MX answered';
    return [{ ...facts, notSent: { esp: 'Hyvor Relay', reason, suppressed: false, unreached: true } }];
  }
  const code = Number(o.smtp_code);
  // (`0`: its worker's own failure, `maximum send attempts reached`, which replaced the last reply.)
  if (!(code >= 200 && code < 600)) return [];
  const enhanced = /^[245]\.\d{1,3}\.\d{1,3}$/.exec(str(o, 'smtp_enhanced_code') ?? '')?.[0] ?? null;
  return [
    {
      ...facts,
      replyText: [String(code), enhanced, message].filter(Boolean).join(' '),
      replyWritten: message || null,
      enhanced,
      remoteHost: host,
      sendingHost: ehloName(attempt, host),
    },
  ];
}
