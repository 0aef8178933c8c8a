/**
 * What an ESP's event object says about one failed delivery: Mailgun (`delivery-status`, also
 * Mailomat's copy of it), Amazon SES (`bounce.bouncedRecipients`, `deliveryDelay`), and any object
 * with the remote's reply in a usual key: SendGrid (`reason`, `ip`), Postmark (`Details`), SparkPost
 * (`raw_reason`, `error_code`), Mailjet (`smtp_reply`, a bounce's `comment`, its message history's
 * `Comment`), Mandrill (`msg.diag`, `smtp_events[].diag`),
 * Brevo (`reason`), Postal (`output`), Mailtrap (`response`), Unisender Go (`destination_response`),
 * SMTP2GO (`message`), Mimecast's delivery log (`RejCode` and `RejInfo`), JMAP's EmailSubmission
 * (`deliveryStatus.<rcpt>.smtpReply`, RFC 8621, as Stalwart serves it), SendPulse's SMTP bounces
 * (`smtp_answer_data`, `smtp_answer_code`, `email_to`, `send_date`), ZeptoMail (`diagnostic_message`,
 * `bounced_recipient`), Azure Communication Services (`deliveryStatusDetails.statusMessage`), Scaleway
 * TEM (its webhook's `email_response_code` and `email_response_message`, its API's `last_tries[]`),
 * Stalwart's webhook (`delivery.*` events, stalwart-webhook.ts).
 * Field names from the providers' public event documentation and the webhook fixtures of django-anymail
 * and symfony/mailer.
 *
 * A fact the object does not hold (the recipient, the sender, the time) is taken from the objects
 * around it, nearest first: Mandrill's `smtp_events` entry and Unisender's `delivery_info` sit inside
 * the event that names the addresses.
 */

import type { Note } from '../../types';
import { findReplies } from '../body-replies';
import { expiredLastReply } from '../expired-last-reply';
import { splitLines } from '../header-block';
import { debugResponse } from '../kumomta-response';
import { replyText as kumoReplyText } from '../logs/formats/kumomta';
import { remoteReplyOf } from '../logs/formats/postfix';
import { findLooseReplies } from '../loose-replies';
import { parseReply } from '../reply';
import { brevoTime } from './brevo-time';
import { elasticEmailAddresses, isElasticEmailEvent } from './elastic-email-event';
import { emailEngineBounceSender, emailEngineDeliveryError } from './emailengine-webhook';
import { isMailerqAttempt, mailerqFacts } from './mailerq-result';
import { mailjetOwnBlock } from './mailjet-own-block';
import { mandrillReject } from './mandrill-reject';
import { withSendGridActivity } from './sendgrid-activity';
import { sendGridDropped } from './sendgrid-dropped';
import { sesInsightsFacts } from './ses-message-insights';
import { sesOutgoingIp } from './ses-outgoing-ip';
import { socketLabsSuppressed } from './socketlabs-suppressed';
import { sparkPostSender } from './sparkpost-sender';
import { stalwartWebhookFacts } from './stalwart-webhook';
import { zonedEventDate } from './zoned-event-date';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Obj = { [key: string]: Json };

export interface EventFacts {
  replyText: string | null;
  /** The reply as written in the JSON, when replyText was assembled or unwrapped. */
  replyWritten: string | null;
  enhanced: string | null;
  recipient: string | null;
  sender: string | null;
  /** The time as written (Unix seconds or milliseconds, or a date). */
  time: string | null;
  /** Said of that time (which of an ESP's times it is, or why none was read). */
  timeNote?: Note | null;
  /** The event is one of a batch repeating its values: each is cited from the lines nearest its reply. */
  citeNearReply?: boolean;
  /** The key the time was read from, when the object holds several equal times. */
  timeKey?: string | null;
  sendingIp: string | null;
  sendingHost: string | null;
  remoteHost: string | null;
  remoteIp: string | null;
  /** The sending domain the ESP names apart, when no sender address gives it (Mailgun's `domain.name`). */
  senderDomain?: string | null;
  /** The ESP sent nothing to any server (its suppression list, its own failure): no one refused. */
  notSent: { esp: string; reason: string; suppressed: boolean } | null;
}

// SparkPost writes `raw_reason` (as received) beside `reason`; Mailjet `smtp_reply`; Mandrill `diag`.
const REPLY_KEYS = [
  'diagnosticCode',
  // SocketLabs' event webhook (`Failed`: `Reason`, `DiagnosticCode`; `Deferred`: `Reason`), in capitals as
  // its SocketLabs.EventWebhooks.Extensions models name them.
  'Reason',
  'DiagnosticCode',
  'diagnostic_code',
  // ZeptoMail's bounce `details`.
  'diagnostic_message',
  'Details',
  'raw_reason',
  'reason',
  'response',
  'smtp_response',
  // EmailEngine's `messageDeliveryError` (emailengine-webhook.ts): the reply apart from its `error`.
  'smtpResponse',
  'smtp_reply',
  'destination_response',
  'output',
  'diag',
  'message',
  'error',
  'smtpReply',
  // Azure Communication Services' `deliveryStatusDetails`.
  'statusMessage',
  'RejInfo',
  'smtp_answer_data',
  // KumoMTA's `responseContent` as a log shipper names it.
  'responseContent',
  // Vero's `bounce_message`; addy.io's bounce records keep the DSN's `smtp; 554 ...` in `code`.
  'bounce_message',
  // Zoho Campaigns' bounce webhook (`data[].bounce_reason`, "Reason for the bounce", its event docs).
  'bounce_reason',
  // Netcore Email API's (Pepipost's) webhook writes its keys in capitals: `RESPONSE`, `EMAIL`,
  // `TIMESTAMP` (Unix seconds), `FROMADDRESS`.
  'RESPONSE',
  // Customer.io's reporting webhook (`"metric": "bounced"`, `data.failure_message`).
  'failure_message',
  // Scaleway TEM's webhook (its payload reference): `email_response_message`, and `email_error`, the
  // deprecated "SMTP message explaining the drop".
  'email_response_message',
  'email_error',
  'code',
];
/** The reply's code given in a field of its own (SparkPost, Mailtrap, Mimecast's `RejCode`). */
// (maddy's log records: `smtp_code` beside `reason`, `smtp_enchcode`, `remote_server`.)
// (Scaleway TEM's webhook: `email_response_code`.)
const CODE_KEYS = [
  'error_code',
  'response_code',
  'RejCode',
  'smtp_answer_code',
  'smtp_code',
  'email_response_code',
  // Zoho Campaigns' `bounce_code` ("provided by the recipient email service provider").
  'bounce_code',
];
const STARTS_WITH_REPLY = /^\s{0,4}(?:smtp;\s{0,2})?[245]\d\d[\s-]/i;
/** The ESP's words around the reply: Mailtrap's `bounced (550 ...)`, Brevo's ` RecipientError: 550 ...`. */
const WRAPPED_REPLY =
  /^\s{0,4}[A-Za-z][A-Za-z ]{0,30}?\s{0,2}([(:])\s{0,2}(?=(?:smtp;\s{0,2})?[245]\d\d[\s-])/i;
const BLANK_LINE = /\r?\n[ \t]*\r?\n/;
/** Postfix's status reason passed on as it is: `(host mx.example.net[192.0.2.1] said: 550 ... (in reply to ...))`. */
const POSTFIX_REASON = /^\s{0,4}\(?host\s/;
/** Brevo repeats the code before its label: `550 RecipientError: 550 5.1.1 ...`. */
const CODE_THEN_LABEL = /^([245]\d\d) [A-Za-z]{1,30}:\s{0,2}(?=\1[\s-])/;
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
/** Exim's `H=mx.example.net [192.0.2.1]`: the remote host it was talking to. */
const EXIM_HOST = /\bH=([A-Za-z0-9][A-Za-z0-9.-]{0,252}) \[([0-9A-Fa-f:.]{2,45})\]/;
/** Postal: `Permanent SMTP delivery error when sending to 192.0.2.7:25 (mx.example.net)`. */
const SENDING_TO = /\bwhen sending to \[?([0-9A-Fa-f:.]{2,45}?)\]?(?::\d{1,5})? \(([A-Za-z0-9.-]{1,253})\)/;

export function isObj(v: Json | undefined): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(o: Obj | undefined, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = o?.[k];
    if (typeof v === 'string' && v.trim()) return v;
    if (typeof v === 'number') return String(v);
  }
  return null;
}

const child = (o: Obj, key: string): Obj | undefined => (isObj(o[key]) ? (o[key] as Obj) : undefined);

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

/** The reply with the ESP's own words around it removed; null when the text holds no reply. */
function unwrapped(text: string): string | null {
  const quoted = debugResponse(text);
  if (quoted) return quoted.reply;
  const repeated = CODE_THEN_LABEL.exec(text);
  if (repeated) return text.slice(repeated[0].length);
  // A reply has no empty line: what follows one is the notice the ESP cut it from (Mandrill's `diag`
  // ending in `\n\n--9B095B5ADSN=_01D1...`, a MIME boundary).
  if (STARTS_WITH_REPLY.test(text)) return text.split(BLANK_LINE, 1)[0] ?? text;
  const wrapped = WRAPPED_REPLY.exec(text);
  if (wrapped) {
    const inner = text.slice(wrapped[0].length).trimEnd();
    return wrapped[1] === '(' && inner.endsWith(')') ? inner.slice(0, -1) : inner;
  }
  const relayed = relayedReason(text);
  if (relayed) return relayed.reply;
  // An application's log record in JSON (Monolog's, Nextcloud's): its message quotes the remote's
  // reply in a sending library's words (`but got code "550", with message "550 ..."`) or after a
  // lead-in (`Error: 503 ...`).
  if (/[245]\d\d/.test(text)) {
    const lines = splitLines(text);
    const quoted = findReplies(lines)[0]?.text.trim() || findLooseReplies(lines)[0]?.text;
    if (quoted) return quoted;
  }
  return parseReply(text).isOrangeReply ? text : null;
}

/** Postfix's status reason passed on as it is, with the remote it names: `mx.example.net[192.0.2.1]`. */
function relayedReason(text: string): { reply: string; host: string | null; ip: string | null } | null {
  if (!POSTFIX_REASON.test(text)) return null;
  const relayed = remoteReplyOf(text.trim().replace(/^\(|\)$/g, ''));
  if (!relayed || !STARTS_WITH_REPLY.test(relayed.reply)) return null;
  const peer = /^([^[\s]{1,255})(?:\[([^\]\s]{1,64})\])?$/.exec(relayed.peer);
  return { reply: relayed.reply, host: peer?.[1] ?? null, ip: peer?.[2] ?? null };
}

/**
 * The code of a record in Mailgun's bounce list (`{"address": ..., "code": "550", "error": "No such
 * mailbox", "created_at": ...}`, its API reference): `code` beside `error` and an address. Not any
 * `code`: an API's own error object (`{"code": 404, "message": ...}`) names no recipient.
 */
function bounceListCode(o: Obj): string | null {
  const code = str(o, 'code');
  if (!code || !/^[45]\d\d$/.test(code) || !str(o, 'error')) return null;
  return /@/.test(str(o, 'address') ?? '') ? code : null;
}

/**
 * A value whose line breaks were escaped twice, so that they read `\\n` once parsed (a log record
 * quoted in a blog post: maddy's `Our system has detected that\\nthis message ...`): its lines again.
 */
function withLineBreaks(value: string | null): string | null {
  return value && !value.includes('\n') && value.includes('\\n')
    ? value.replace(/(?:\\r)?\\n/g, '\n')
    : value;
}

/**
 * The code of one of Scaleway TEM's tries (`last_tries: [{"rank": 1, "tried_at": ..., "code": 421,
 * "message": "..."}]`, its API's `EmailTry`): `code` beside the try's `message` and `tried_at`.
 */
function tryCode(o: Obj): string | null {
  const code = str(o, 'code');
  return code && /^[245]\d\d$/.test(code) && str(o, 'message') && str(o, 'tried_at') ? code : null;
}

/**
 * The key a Mailjet record keeps the remote's raw reply in, beside the usual ones: `comment` in its
 * `bounce` and `blocked` events (its event API docs: "the raw SMTP error code, including descriptions
 * of the reason for the bounce"), `Comment` in its message history (`EventType`, `EventAt`). Elsewhere
 * a comment is anyone's words.
 */
function mailjetReplyKey(o: Obj): string | null {
  const event = str(o, 'event');
  if (
    (event === 'bounce' || event === 'blocked') &&
    (o.hard_bounce !== undefined || o.error_related_to !== undefined)
  )
    return 'comment';
  return str(o, 'EventType') && str(o, 'EventAt') ? 'Comment' : null;
}

/** The remote's reply in the object, as found and as written. */
function replyIn(o: Obj): { text: string; written: string } | null {
  let first: string | null = null;
  // The code apart from the text: SparkPost's `error_code: "554"` beside `raw_reason: "MAIL REFUSED ..."`.
  const given = str(o, ...CODE_KEYS) ?? bounceListCode(o) ?? tryCode(o);
  const code = given && /^[245]\d\d$/.test(given) ? given : null;
  let firstWritten: string | null = null;
  // A key read only in its provider's shape: Mailjet's, or Elastic Email's `Message` (elastic-email-event.ts).
  const ownKey = mailjetReplyKey(o) ?? (isElasticEmailEvent(o) ? 'Message' : null);
  for (const key of ownKey ? [...REPLY_KEYS, ownKey] : REPLY_KEYS) {
    const written = str(o, key);
    const value = withLineBreaks(written);
    if (!value || !written) continue;
    first ??= value;
    firstWritten ??= written;
    const reply = unwrapped(value);
    // Orange's words found without their code (Mimecast's `RejInfo`) take the code given apart.
    if (reply) return { text: code && !STARTS_WITH_REPLY.test(reply) ? `${code} ${reply}` : reply, written };
  }
  if (first && firstWritten && code) return { text: `${code} ${first}`, written: firstWritten };
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

/** What the message an event wraps says (Mandrill's `deferral` event: `diag` beside `msg.email`, `msg.sender`). */
function inMessage(o: Obj, pick: (o: Obj) => string | null): string | null {
  const msg = child(o, 'msg');
  return msg ? pick(msg) : null;
}

/** The object's facts, before the ones the objects around it give. */
function emptyFacts(o: Obj, parents: readonly Obj[]): EventFacts {
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

/** Facts with nothing known yet. */
const noFacts = (): EventFacts => ({
  replyText: null,
  replyWritten: null,
  enhanced: null,
  recipient: null,
  sender: null,
  time: null,
  sendingIp: null,
  sendingHost: null,
  remoteHost: null,
  remoteIp: null,
  notSent: null,
});

/**
 * The members of Mailgun's `delivery-status` copied without it (`"code": 550,` / `"message": "5.7.1
 * Unfortunately, ..."`, a blog post quoting its log): a code of a refusal and a message starting with an
 * enhanced code, or Mailgun's own keys beside them. An API's error (`{"code": 404, "message": "Not
 * found"}`) is neither.
 */
function isBareDeliveryStatus(o: Obj): boolean {
  const code = str(o, 'code');
  const message = str(o, 'message');
  if (!code || !message || !/^[45]\d\d$/.test(code)) return false;
  return /^\s{0,4}[45]\.\d{1,3}\.\d{1,3}\s/.test(message) || str(o, 'mx-host', 'enhanced-code') !== null;
}

/** True when a `delivery-status` holds no code (or 0) and no words. */
function noAttempt(status: Obj): boolean {
  const code = str(status, 'code');
  return (code === null || code === '0') && !str(status, 'message', 'description');
}

/** Mailgun's `delivery-status` (and Mailomat's, which adds `remote.mx` and `local.ip`). */
function mailgunFacts(o: Obj, status: Obj, base: EventFacts): EventFacts {
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

/**
 * SES's `Message expired` after its own failures to reach any server (`554 4.4.7 Message expired: unable
 * to deliver in 840 minutes.<421 4.4.0 Unable to lookup DNS for example.com>`, `<421 4.4.1 Failed to
 * establish connection>`), or its delay notice for one (`smtp; 421 4.4.1 Connection timed out`): no
 * server refused. Not when the last reply it quotes is a remote's (`<421 4.7.0 [TSS04] Messages from ...>`).
 */
// (Also its words without a code, `smtp; connection timed out` in a DeliveryDelay event, and its `550 5.4.4
// Invalid domain` for a domain with no mail server, from SES itself: `reportingMTA` `dns; amazonses.com`.)
const SES_OWN_FAILURE =
  /(?:Message expired\b[^<]{0,200}<\s{0,2}|^\s{0,4}(?:smtp;\s{0,2})?)(4\d\d 4\.4\.\d (?:Unable to (?:lookup DNS|connect)|Connection timed out|Failed to establish connection)[^<>]{0,200}|(?:connection timed out|connection refused|unable to connect)|5\d\d 5\.4\.4 Invalid domain)>?\s*$/i;

/**
 * A recipient's `diagnosticCode`, unless it is a word standing for none: Yandex Cloud Postbox, which
 * copies SES's notifications, writes `"diagnosticCode": "Other"` in its documented bounce.
 */
function diagnosticOf(r: Obj): string | null {
  const written = str(r, 'diagnosticCode');
  return written && /^\s*[A-Za-z]{1,20}\s*$/.test(written) ? null : written;
}

/** Amazon SES: one event per bounced or delayed recipient. */
function sesFacts(ses: Obj, base: EventFacts): EventFacts[] {
  // SES's suppression lists (global or the account's): it did not send. Resend passes SES's verdict on
  // in its `email.bounced` event as `bounce.subType` (its documentation's example: `"subType":
  // "Suppressed"`, the message saying the address is on the suppression list), with no recipient list.
  const resend = str(ses, 'bounceSubType') === null && str(ses, 'subType') !== null;
  const subType = str(ses, 'bounceSubType', 'subType') ?? '';
  if (subType === 'Suppressed' || subType === 'OnAccountSuppressionList')
    base.notSent = { esp: resend ? 'Resend' : 'Amazon SES', reason: subType, suppressed: true };
  const list = ses.bouncedRecipients ?? ses.delayedRecipients;
  // SES's own MTAs (`a27-23.smtp-out.us-west-2.amazonses.com`) report what the remote said during the
  // session: the sending host. Any other Reporting-MTA is the receiver's, which accepted the message and
  // then wrote the report (AWS's example of a bounce "with a DSN provided by the email receiver").
  const reporting = str(ses, 'reportingMTA');
  const ownReport = reporting !== null && /(?:^|[.;\s])amazonses\.com\.?$/i.test(reporting.trim());
  const out: EventFacts[] = [];
  for (const r of Array.isArray(list) ? list : []) {
    if (!isObj(r)) continue;
    const own = SES_OWN_FAILURE.exec(str(r, 'diagnosticCode') ?? '');
    if (own) {
      out.push({ ...base, notSent: { esp: 'Amazon SES', reason: own[1] ?? '', suppressed: false } });
      continue;
    }
    // The remote's own reply, which SES gave up on, rather than SES's summing-up (its 554 with a 4.4.7).
    const last = expiredLastReply(str(r, 'diagnosticCode') ?? '')?.reply;
    const diagnostic = diagnosticOf(r);
    out.push({
      ...base,
      replyText: last ?? diagnostic,
      // (Its `status` 4.0.0 or 5.0.0 beside a reply without an enhanced code is written from the basic code.)
      enhanced: last ? null : givenEnhanced(str(r, 'status'), diagnostic ?? ''),
      recipient: str(r, 'emailAddress'),
      time: str(ses, 'timestamp') ?? base.time,
      // (SES's own name alone, `dns; amazonses.com`, names no host.)
      sendingHost:
        ownReport && !/^(?:dns;\s{0,2})?amazonses\.com\.?$/i.test(reporting.trim()) ? reporting : null,
      remoteIp: str(ses, 'remoteMtaIp'),
      remoteHost: str(ses, 'remoteMta') ?? (ownReport ? null : reporting),
    });
  }
  return out.length === 0 && base.notSent ? [base] : out;
}

/**
 * SparkPost's generation events (`generation_rejection`, `generation_failure`), its policy rejections and
 * its `[internal]` reasons (no MX found, a template that did not render) are its own: no server was reached.
 */
function sparkPostOwn(o: Obj, reply: string | null): string | null {
  const type = str(o, 'type') ?? '';
  // `policy_rejection`: SparkPost's own policy refused the message before any delivery (its event docs).
  if (type.startsWith('generation_') || (type === 'policy_rejection' && o.bounce_class !== undefined))
    return type;
  if (o.bounce_class !== undefined && reply?.includes('[internal]')) return reply;
  return null;
}

/**
 * The enhanced code an event gives beside the reply: not SendGrid's `status` written from the reply's basic
 * code (`"status": "5.0.0"` beside `"reason": "500 unknown recipient"`, its docs' "5.0.0 is the same as a
 * 500"), nor SES's (`"status": "4.0.0"` beside Orange's `421 mwinf5c27 ME ... OFR004_104 [104]`, which
 * carries none), which the remote never said.
 */
function givenEnhanced(status: string | null, reply: string): string | null {
  if (!status || !/^[245]\.0\.0$/.test(status)) return status;
  return /(?:^|\s)[245]\.\d{1,3}\.\d{1,3}\b/.test(reply) ? status : null;
}

/** The events this object describes (SES lists several recipients in one notification). */
export function factsOf(o: Obj, parents: readonly Obj[] = []): EventFacts[] {
  const emailEngine = emailEngineDeliveryError(o, parents);
  const base = emailEngine ? { ...emptyFacts(o, parents), ...emailEngine } : emptyFacts(o, parents);
  const status = child(o, 'delivery-status');
  // A status with neither code nor message (`"code":0,"message":""`, a client's zeroed struct on an
  // `opened` or `accepted` event) describes no delivery attempt.
  if (status) return noAttempt(status) && !failureWithoutReply(o) ? [] : [mailgunFacts(o, status, base)];
  if (isBareDeliveryStatus(o)) return [mailgunFacts(o, o, base)];
  const stalwart = stalwartWebhookFacts(o);
  if (stalwart) return [stalwart];
  const ses = child(o, 'bounce') ?? child(o, 'deliveryDelay');
  if (ses) return sesFacts(ses, { ...base, sendingIp: sesOutgoingIp(o) });
  if (isMailerqAttempt(o, parents)) {
    const attempt = mailerqFacts(o, parents, base);
    return attempt
      ? [{ ...attempt, enhanced: givenEnhanced(attempt.enhanced, attempt.replyText ?? '') }]
      : [];
  }
  // The ESP's own refusal, before any delivery: SendGrid's `dropped`, Mailjet's `preblocked`, Mandrill's
  // `reject`, SocketLabs' `Suppressed`.
  const notSent = sendGridDropped(o) ?? mailjetOwnBlock(o) ?? mandrillReject(o) ?? socketLabsSuppressed(o);
  if (notSent) return [{ ...base, notSent }];
  const reply = replyIn(o);
  const own = sparkPostOwn(o, reply?.text ?? null);
  if (own) return [{ ...base, notSent: { esp: 'SparkPost', reason: own, suppressed: false } }];
  if (!reply) return azureFailure(o, base).concat(kumoMembers(o, base));
  // An `ip` beside a user agent is the reader's (an open or a click), never the sending address.
  const reader = o.useragent !== undefined || o.user_agent !== undefined;
  const sendingTo = SENDING_TO.exec(str(o, 'details') ?? '');
  // Exim's own words passed on (SendPulse's `rcpt H=mx.example.net [IP] X=... : SMTP error from ...`).
  const exim = reply.written.includes('SMTP error from remote') ? EXIM_HOST.exec(reply.written) : null;
  // The remote a Postfix reason names (`host mx.example.net[IP] said:`): its address is never the sender's.
  const relayed = relayedReason(reply.written);
  const ip = reader ? null : str(o, 'ip');
  const elastic = elasticEmailAddresses(o);
  return [
    withSendGridActivity(o, parents, {
      ...base,
      replyText: reply.text,
      replyWritten: reply.written,
      // (Zoho Campaigns: `bounce_extended_code`.)
      enhanced: givenEnhanced(str(o, 'status', 'smtp_enchcode', 'bounce_extended_code'), reply.text),
      sendingIp:
        (ip !== relayed?.ip ? ip : null) ??
        str(o, 'sending_ip', 'source_ip') ??
        elastic.sendingIp ??
        base.sendingIp,
      recipient: base.recipient ?? elastic.recipient,
      // SparkPost (its events carry `bounce_class`): `ip_address` is the host it delivered to.
      remoteIp:
        (o.bounce_class !== undefined ? str(o, 'ip_address') : null) ??
        str(o, 'destination_ip') ??
        sendingTo?.[1] ??
        relayed?.ip ??
        exim?.[2] ??
        null,
      // addy.io names the remote as a DSN's Remote-MTA would (`remote_mta: "mail.icloud.com"`), Azure
      // Communication Services as `recipientMailServerHostName`.
      remoteHost:
        sendingTo?.[2] ??
        relayed?.host ??
        exim?.[1] ??
        str(o, 'remote_mta', 'recipientMailServerHostName', 'remote_server', 'RemoteMta'),
      // Braze's Currents email events name no sender address, only `from_domain` ("sending domain for
      // the email"); Mailtrap's webhook its `sending_domain_name`.
      senderDomain: str(o, 'from_domain', 'sending_domain_name'),
    }),
  ];
}

/**
 * Azure Communication Services' `Failed` delivery report whose `statusMessage` is the remote's words
 * without their code (`[HM08] Message rejected due to local policy...`, iCloud's, as a listmonk write-up
 * of 2025 shows the event): an incident whose reply has no code, rather than nothing.
 */
function azureFailure(o: Obj, base: EventFacts): EventFacts[] {
  const details = child(o, 'deliveryStatusDetails');
  const words = str(details, 'statusMessage');
  if (!details || !words || str(o, 'status') !== 'Failed') return [];
  return [
    {
      ...base,
      replyText: words,
      replyWritten: words,
      remoteHost: str(details, 'recipientMailServerHostName'),
    },
  ];
}

/**
 * A KumoMTA record's members pasted without the record (`"response":{"code":552,...}`, `"type":
 * "TransientFailure"`, KumoMTA issue 431): the log reader reads whole records; its response's reply here.
 */
function kumoMembers(o: Obj, base: EventFacts): EventFacts[] {
  const response = child(o, 'response');
  const type = str(o, 'type');
  if (!response || (type !== 'Bounce' && type !== 'TransientFailure')) return [];
  const text = kumoReplyText(response);
  return text ? [{ ...base, replyText: text, replyWritten: text }] : [];
}

/** An event that says delivery failed without the remote's reply (Mailjet's `error: "user unknown"`). */
const FAILURE_EVENT = /bounce|fail|defer|drop|block/i;

export function failureWithoutReply(o: Obj): string | null {
  // (Loops' and Iterable's webhooks name it `eventName`: `email.hardBounced`, `emailBounce`.)
  const kind = str(o, 'event', 'type', 'eventType', 'RecordType', 'notificationType', 'Type', 'eventName');
  return kind && FAILURE_EVENT.test(kind) ? kind : null;
}
