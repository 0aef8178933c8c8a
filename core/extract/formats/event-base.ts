/**
 * An ESP event's recipient, sender and time, before its reply is read (esp-facts.ts): from the object, or
 * else from the objects around it, nearest first (Mandrill's `smtp_events` entry and Unisender's
 * `delivery_info` sit inside the event that names the addresses).
 */

import { brevoTime } from './brevo-time';
import { emailEngineBounceSender } from './emailengine-webhook';
import { type EventFacts, noFacts } from './event-facts';
import { child, type Obj, str } from './json-value';
import { sesInsightsFacts } from './ses-message-insights';
import { sparkPostSender } from './sparkpost-sender';
import { zonedEventDate } from './zoned-event-date';

// Mandrill gives Unix seconds in `ts`; Brevo's times are read apart (brevo-time.ts).
const TIME_KEYS = [
  'timestamp',
  'BouncedAt',
  'time',
  'created_at',
  'ts_epoch',
  'ts_event',
  'ts',
  'event_time',
  'datetime',
  'send_date',
  // Vero's `bounced_at` (Unix seconds), addy.io's `attempted_at`.
  'bounced_at',
  'attempted_at',
  // Azure Communication Services' delivery report (both spellings occur), then its Event Grid envelope.
  'deliveryAttemptTimeStamp',
  'deliveryAttemptTimestamp',
  'eventTime',
  // SendGrid's bounce and block lists (`GET /v3/suppression/bounces`): Unix seconds.
  'created',
  // Mailjet's message history (`GET /v3/REST/messagehistory`): Unix seconds. Scaleway TEM's tries
  // (`last_tries[].tried_at`): each try's own time, before the email's `created_at` around it.
  'EventAt',
  'tried_at',
  // Zoho Campaigns' bounce webhook: `action_time`, "UTC milliseconds" (read by its size, as any epoch).
  'action_time',
  // Netcore Email API's (Pepipost's) webhook.
  'TIMESTAMP',
  // Elastic Email's recipient event (elastic-email-event.ts).
  'EventDate',
  // SocketLabs' event webhook.
  'DateTime',
];
const RECIPIENT_KEYS = [
  'recipient',
  'email',
  'Email',
  'rcpt',
  'rcpt_to',
  'Rcpt',
  'email_to',
  'recipient_email',
  'bounced_recipient',
  // Mailgun's bounce list (`GET /v3/<domain>/bounces`).
  'address',
  // Zoho Campaigns' bounce webhook.
  'contact_email',
  // Braze's Currents email events ("email address for this event").
  'email_address',
  // Netcore Email API's (Pepipost's) webhook.
  'EMAIL',
  // SocketLabs' event webhook.
  'Address',
];

function senderOf(o: Obj): string | null {
  const mail = child(o, 'mail');
  const headers = mail ? child(mail, 'commonHeaders') : undefined;
  const from = headers && Array.isArray(headers.from) ? headers.from[0] : undefined;
  return (
    str(child(o, 'envelope'), 'sender') ??
    str(mail, 'source') ??
    sparkPostSender(o) ??
    // (Scaleway TEM's webhook: `email_from`.)
    // (Netcore Email API's webhook: `FROMADDRESS`; Elastic Email's recipient event: `FromEmail`; SocketLabs'
    // `FromAddress`.)
    str(o, 'From', 'from', 'sender', 'msg_from', 'email_from', 'FROMADDRESS', 'FromEmail', 'FromAddress') ??
    (typeof from === 'string' ? from : null) ??
    // Postal describes the message in `message` beside the outcome.
    str(child(o, 'message'), 'from') ??
    // MailerSend in `email` beside the bounce (`data.email.from`, the From address it sent with).
    str(child(o, 'email'), 'from')
  );
}

/** The first address of a list (`"rcpt": ["a@example.com"]`), for the keys of RECIPIENT_KEYS. */
function firstListed(o: Obj): string | null {
  for (const key of RECIPIENT_KEYS) {
    const v = o[key];
    if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  }
  // Resend's events list the message's recipients as `to` (a lone `to` may be an address of another
  // kind: MailerQ's is the remote's IP).
  const to = o.to;
  return Array.isArray(to) && typeof to[0] === 'string' && to[0].includes('@') ? to[0] : null;
}

/**
 * The address of a recipient given as an object (`"recipient": {"object": "recipient", "email": ...}`,
 * MailerSend's activity webhook).
 */
const addressObject = (o: Obj) => str(child(o, 'recipient'), 'email', 'address');

const recipientOf = (o: Obj): string | null =>
  str(o, ...RECIPIENT_KEYS) ??
  firstListed(o) ??
  addressObject(o) ??
  str(child(o, 'message'), 'to') ??
  // The message MailerSend's activity describes (`data.email.recipient.email`).
  addressObject(child(o, 'email') ?? {});

/**
 * The event's time: Mandrill's `msg` holds when it was sent (`msg.ts`), the event around it when it
 * failed; otherwise the object's own time, then the nearest one around it.
 */
function timeOf(o: Obj, parents: readonly Obj[]): string | null {
  const parent = parents[0];
  if (parent && parent.msg === o && str(parent, 'event')) {
    const eventTime = str(parent, 'ts');
    if (eventTime) return eventTime;
  }
  return str(o, ...TIME_KEYS) ?? zonedEventDate(o) ?? inherited(parents, (p) => str(p, ...TIME_KEYS));
}

function inherited(parents: readonly Obj[], pick: (o: Obj) => string | null): string | null {
  for (let i = 0; i < parents.length && i < 3; i++) {
    const value = pick(parents[i] as Obj);
    if (value) return value;
  }
  return null;
}

/** The address an object is filed under in its parent (JMAP's `deliveryStatus: { "rcpt": {...} }`). */
function addressKeyOf(o: Obj, parent: Obj | undefined): string | null {
  if (!parent) return null;
  for (const [key, value] of Object.entries(parent)) {
    if (value === o) return /^[^\s@<>]{1,64}@[A-Za-z0-9.-]{1,253}$/.test(key) ? key : null;
  }
  return null;
}

/**
 * What the message an event wraps says (Mandrill's `deferral` event: `diag` beside `msg.email`,
 * `msg.sender`).
 */
function inMessage(o: Obj, pick: (o: Obj) => string | null): string | null {
  const msg = child(o, 'msg');
  return msg ? pick(msg) : null;
}

/** The object's facts, before the ones the objects around it give. */
export function baseFacts(o: Obj, parents: readonly Obj[]): EventFacts {
  const brevo = brevoTime(o);
  const insights = sesInsightsFacts(o, parents);
  if (insights) return { ...noFacts(), ...insights };
  return {
    replyText: null,
    replyWritten: null,
    enhanced: null,
    recipient:
      recipientOf(o) ??
      addressKeyOf(o, parents[0]) ??
      inherited(parents, recipientOf) ??
      inMessage(o, recipientOf),
    sender:
      senderOf(o) ??
      inherited(parents, senderOf) ??
      inMessage(o, senderOf) ??
      emailEngineBounceSender(o, parents),
    time: brevo ? brevo.time : timeOf(o, parents),
    timeNote: brevo?.note ?? null,
    timeKey: brevo?.key ?? null,
    sendingIp: null,
    sendingHost: null,
    remoteHost: null,
    remoteIp: null,
    notSent: null,
  };
}
