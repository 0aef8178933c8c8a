/**
 * The remote's reply in an ESP's event object: the usual keys (SendGrid's `reason`, Postmark's `Details`,
 * SparkPost's `raw_reason`, Mandrill's `diag`, ...), with the ESP's own words around it removed, and the
 * code some give apart (SparkPost's `error_code`, Mimecast's `RejCode`).
 */

import { findReplies } from '../body-replies';
import { splitLines } from '../header-block';
import { debugResponse } from '../kumomta-response';
import { LIBRARY_HINT, libraryErrorReplies } from '../library-errors';
import { remoteReplyOf } from '../logs/formats/postfix';
import { findLooseReplies } from '../loose-replies';
import { parseOrangeReply } from '../reply';
import { isElasticEmailEvent } from './elastic-email-event';
import { STARTS_WITH_REPLY } from './event-facts';
import { type Obj, str } from './json-value';

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
/** The ESP's words around the reply: Mailtrap's `bounced (550 ...)`, Brevo's ` RecipientError: 550 ...`. */
const WRAPPED_REPLY =
  /^\s{0,4}[A-Za-z][A-Za-z ]{0,30}?\s{0,2}([(:])\s{0,2}(?=(?:smtp;\s{0,2})?[245]\d\d[\s-])/i;
const BLANK_LINE = /\r?\n[ \t]*\r?\n/;
/**
 * Postfix's status reason passed on as it is: `(host mx.example.net[192.0.2.1] said: 550 ... (in
 * reply to ...))`.
 */
const POSTFIX_REASON = /^\s{0,4}\(?host\s/;
/** Brevo repeats the code before its label: `550 RecipientError: 550 5.1.1 ...`. */
const CODE_THEN_LABEL = /^([245]\d\d) [A-Za-z]{1,30}:\s{0,2}(?=\1[\s-])/;

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
  return parseOrangeReply(text) !== null ? text : null;
}

/** Postfix's status reason passed on as it is, with the remote it names: `mx.example.net[192.0.2.1]`. */
export function relayedReason(
  text: string,
): { reply: string; host: string | null; ip: string | null } | null {
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

/**
 * The envelope sender a sending library's error names beside the reply (smtplib's SMTPSenderRefused
 * tuple, `(550, b'...', 'a@x')`, in a structlog or JSON logger's `error` or `exception` value).
 */
function librarySender(value: string): string | undefined {
  return LIBRARY_HINT.test(value) ? libraryErrorReplies(value)[0]?.sender : undefined;
}

/** The remote's reply in the object, as found and as written, and the sender its library's error names. */
export function replyIn(o: Obj): { text: string; written: string; sender?: string } | null {
  let first: string | null = null;
  // The code apart from the text: SparkPost's `error_code: "554"` beside `raw_reason: "MAIL REFUSED ..."`.
  const given = str(o, ...CODE_KEYS) ?? bounceListCode(o) ?? tryCode(o);
  const code = given && /^[245]\d\d$/.test(given) ? given : null;
  let firstWritten: string | null = null;
  // A key read only in its provider's shape: Mailjet's, or Elastic Email's `Message`
  // (elastic-email-event.ts).
  const ownKey = mailjetReplyKey(o) ?? (isElasticEmailEvent(o) ? 'Message' : null);
  for (const key of ownKey ? [...REPLY_KEYS, ownKey] : REPLY_KEYS) {
    const written = str(o, key);
    const value = withLineBreaks(written);
    if (!value || !written) continue;
    first ??= value;
    firstWritten ??= written;
    const reply = unwrapped(value);
    // Orange's words found without their code (Mimecast's `RejInfo`) take the code given apart.
    if (!reply) continue;
    const text = code && !STARTS_WITH_REPLY.test(reply) ? `${code} ${reply}` : reply;
    const sender = librarySender(value);
    return sender ? { text, written, sender } : { text, written };
  }
  if (first && firstWritten && code) return { text: `${code} ${first}`, written: firstWritten };
  return null;
}
