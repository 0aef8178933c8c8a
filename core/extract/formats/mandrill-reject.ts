/**
 * Mandrill's `reject` event: "message was rejected" (its webhook event list), by Mandrill itself, before
 * any delivery; the message it wraps says `"state": "rejected"` and has no SMTP event. A reason Mandrill
 * gives in the message's `reject` (`hard-bounce`, `spam`, `unsub`: its rejection list) is said with it.
 * No server refused the message.
 */
import type { Json } from './json-value';

const isObj = (v: Json | undefined): v is { [key: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reasons that name Mandrill's rejection list: an address that bounced, complained or unsubscribed. */
const REJECTION_LIST = /^(?:hard-bounce|soft-bounce|spam|unsub)$/;

/** What a Mandrill `reject` event says, or null for any other object. */
export function mandrillReject(o: {
  [key: string]: Json;
}): { esp: string; reason: string; suppressed: boolean } | null {
  const msg = o.msg;
  if (o.event !== 'reject' || !isObj(msg) || msg.state !== 'rejected') return null;
  const given = isObj(msg.reject) ? msg.reject.reason : undefined;
  const reason = typeof given === 'string' && given.trim() !== '' ? given.trim() : 'reject';
  return { esp: 'Mandrill', reason, suppressed: REJECTION_LIST.test(reason) };
}
