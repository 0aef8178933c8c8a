/** Mailgun's `delivery-status` in its events (and Mailomat's copy of it), read for esp-facts.ts. */

import { type EventFacts, STARTS_WITH_REPLY } from './event-facts';
import { child, type Obj, str } from './json-value';

/**
 * The members of Mailgun's `delivery-status` copied without it (`"code": 550,` / `"message": "5.7.1
 * Unfortunately, ..."`, a blog post quoting its log): a code of a refusal and a message starting with an
 * enhanced code, or Mailgun's own keys beside them. An API's error (`{"code": 404, "message": "Not
 * found"}`) is neither.
 */
export function isBareDeliveryStatus(o: Obj): boolean {
  const code = str(o, 'code');
  const message = str(o, 'message');
  if (!code || !message || !/^[45]\d\d$/.test(code)) return false;
  return /^\s{0,4}[45]\.\d{1,3}\.\d{1,3}\s/.test(message) || str(o, 'mx-host', 'enhanced-code') !== null;
}

/** True when a `delivery-status` holds no code (or 0) and no words. */
export function noAttempt(status: Obj): boolean {
  const code = str(status, 'code');
  return (code === null || code === '0') && !str(status, 'message', 'description');
}

/** Mailgun's `delivery-status` (and Mailomat's, which adds `remote.mx` and `local.ip`). */
export function mailgunFacts(o: Obj, status: Obj, base: EventFacts): EventFacts {
  const code = str(status, 'code');
  // Mailgun's own codes 605-607 (suppress-bounce, -unsubscribe, -complaint): it did not send.
  const reason = str(o, 'reason') ?? '';
  if (/^60[5-7]$/.test(code ?? '') || reason.startsWith('suppress-'))
    base.notSent = { esp: 'Mailgun', reason: reason || (code ?? ''), suppressed: true };
  const message = str(status, 'message', 'description') ?? '';
  // A code no server writes (second digit above 5: Mailgun's `498 No MX for example.com`) is Mailgun's own.
  if (/^[45][6-9]\d$/.test(code ?? '') && !base.notSent)
    base.notSent = { esp: 'Mailgun', reason: message || (code ?? ''), suppressed: false };
  const remote = child(status, 'remote');
  return {
    ...base,
    replyText: STARTS_WITH_REPLY.test(message) || !code ? message : `${code} ${message}`,
    replyWritten: message || code,
    enhanced: str(status, 'enhanced-code'),
    remoteHost: str(status, 'mx-host') ?? str(remote, 'mx'),
    remoteIp: str(remote, 'ip'),
    sendingIp: str(child(o, 'envelope'), 'sending-ip') ?? str(child(status, 'local'), 'ip'),
    // The domain the account sends from (`"domain": {"name": "mg.example.com"}`).
    senderDomain: str(child(o, 'domain'), 'name'),
  };
}
