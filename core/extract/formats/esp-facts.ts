/**
 * What an ESP's event object says about one failed delivery: Mailgun (`delivery-status`, also Mailomat's copy
 * of it), Amazon SES (`bounce.bouncedRecipients`, `deliveryDelay`), and any object with the remote's reply in
 * a usual key: SendGrid (`reason`, `ip`), Postmark (`Details`), SparkPost (`raw_reason`, `error_code`),
 * Mailjet (`smtp_reply`, a bounce's `comment`, its message history's `Comment`), Mandrill (`msg.diag`,
 * `smtp_events[].diag`), Brevo (`reason`), Postal (`output`), Mailtrap (`response`), Unisender Go
 * (`destination_response`), SMTP2GO (`message`), Mimecast's delivery log (`RejCode` and `RejInfo`), JMAP's
 * EmailSubmission (`deliveryStatus.<rcpt>.smtpReply`, RFC 8621, as Stalwart serves it), SendPulse's SMTP
 * bounces (`smtp_answer_data`, `smtp_answer_code`, `email_to`, `send_date`), ZeptoMail (`diagnostic_message`,
 * `bounced_recipient`), Azure Communication Services (`deliveryStatusDetails.statusMessage`), Scaleway TEM
 * (its webhook's `email_response_code` and `email_response_message`, its API's `last_tries[]`), Stalwart's
 * webhook (`delivery.*` events, stalwart-webhook.ts), GreenArrow's delivery attempts (`message`, with
 * `outmtaid_ip` and `mx_hostname`, greenarrow-attempt.ts), Exchange Online's message trace detail from
 * Microsoft Graph (`description` holding `{LED=...}`, graph-message-trace.ts), Sweego (`details`, the ZoneMTA
 * line of the delivery, sweego-event.ts), Hyvor Relay (`attempt.recipients[]`, hyvor-relay-attempt.ts). One
 * module per provider's own shape (mailgun-delivery-status.ts, ses-event.ts, ...); the keys shared by many
 * in event-reply.ts and event-base.ts. Field names from the providers' public event documentation and the
 * webhook fixtures of django-anymail and symfony/mailer.
 *
 * A fact the object does not hold (the recipient, the sender, the time) is taken from the objects
 * around it, nearest first: Mandrill's `smtp_events` entry and Unisender's `delivery_info` sit inside
 * the event that names the addresses (event-base.ts).
 */

import { azureFailure } from './azure-delivery-report';
import { elasticEmailAddresses } from './elastic-email-event';
import { emailEngineDeliveryError } from './emailengine-webhook';
import { baseFacts } from './event-base';
import { type EventFacts, givenEnhanced } from './event-facts';
import { relayedReason, replyIn } from './event-reply';
import { graphTraceDetail } from './graph-message-trace';
import { greenArrowSides } from './greenarrow-attempt';
import { hyvorRelayFacts } from './hyvor-relay-attempt';
import { hyvorRelaySuppressed } from './hyvor-relay-suppressed';
import { child, type Obj, str } from './json-value';
import { kumoMembers } from './kumomta-members';
import { mailBabyEntry } from './mailbaby-log-entry';
import { isMailerqAttempt, mailerqFacts } from './mailerq-result';
import { isBareDeliveryStatus, mailgunFacts, noAttempt } from './mailgun-delivery-status';
import { unflattenedMailgun } from './mailgun-flattened';
import { mailjetOwnBlock } from './mailjet-own-block';
import { mandrillReject } from './mandrill-reject';
import { mandrillBounceAttempt } from './mandrill-smtp-event';
import { pinpointMailEvent } from './pinpoint-email-event';
import { withSendGridActivity } from './sendgrid-activity';
import { sendGridDropped } from './sendgrid-dropped';
import { sesFacts } from './ses-event';
import { sesOutgoingIp } from './ses-outgoing-ip';
import { sisimaiRecord } from './sisimai-record';
import { socketLabsSuppressed } from './socketlabs-suppressed';
import { stalwartWebhookFacts } from './stalwart-webhook';
import { sweegoFacts } from './sweego-event';

/** Exim's `H=mx.example.net [192.0.2.1]`: the remote host it was talking to. */
const EXIM_HOST = /\bH=([A-Za-z0-9][A-Za-z0-9.-]{0,252}) \[([0-9A-Fa-f:.]{2,45})\]/;
/** Postal: `Permanent SMTP delivery error when sending to 192.0.2.7:25 (mx.example.net)`. */
const SENDING_TO = /\bwhen sending to \[?([0-9A-Fa-f:.]{2,45}?)\]?(?::\d{1,5})? \(([A-Za-z0-9.-]{1,253})\)/;

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

/** The events this object describes (SES lists several recipients in one notification). */
export function factsOf(o: Obj, parents: readonly Obj[] = []): EventFacts[] {
  const emailEngine = emailEngineDeliveryError(o, parents);
  const base = emailEngine ? { ...baseFacts(o, parents), ...emailEngine } : baseFacts(o, parents);
  const status = child(o, 'delivery-status');
  // A status with neither code nor message (`"code":0,"message":""`, a client's zeroed struct on an
  // `opened` or `accepted` event) describes no delivery attempt.
  if (status) return noAttempt(status) && !failureWithoutReply(o) ? [] : [mailgunFacts(o, status, base)];
  if (isBareDeliveryStatus(o)) return [mailgunFacts(o, o, base)];
  // Its keys flattened to one level for a table (`delivery_status_message`, `envelope_sending_ip`).
  const flat = unflattenedMailgun(o);
  if (flat) {
    if (noAttempt(flat.status) && !failureWithoutReply(o)) return [];
    const sender = base.sender ?? str(flat.event.envelope as Obj, 'sender');
    return [mailgunFacts(flat.event, flat.status, { ...base, sender })];
  }
  const stalwart = stalwartWebhookFacts(o);
  if (stalwart) return [stalwart];
  // Amazon Pinpoint's event stream: SES's bounce in snake_case, in Pinpoint's own record.
  const pinpoint = pinpointMailEvent(o, parents, base);
  if (pinpoint) return sesFacts(pinpoint.ses, pinpoint.base);
  const ses = child(o, 'bounce') ?? child(o, 'deliveryDelay');
  if (ses) return sesFacts(ses, { ...base, sendingIp: sesOutgoingIp(o) });
  if (isMailerqAttempt(o, parents)) {
    const attempt = mailerqFacts(o, parents, base);
    return attempt
      ? [{ ...attempt, enhanced: givenEnhanced(attempt.enhanced, attempt.replyText ?? '') }]
      : [];
  }
  // The ESP's own refusal, before any delivery: SendGrid's `dropped`, Mailjet's `preblocked`, Mandrill's
  // `reject`, SocketLabs' `Suppressed`, Hyvor Relay's `send.recipient.suppressed`.
  const notSent =
    sendGridDropped(o) ??
    mailjetOwnBlock(o) ??
    mandrillReject(o) ??
    socketLabsSuppressed(o) ??
    hyvorRelaySuppressed(o);
  if (notSent) return [{ ...base, notSent }];
  // Exchange Online's trace detail from Microsoft Graph: its status tags, not an ESP's reply key.
  const graph = graphTraceDetail(o, parents, base);
  if (graph) return [graph];
  // Sweego's `details`: the ZoneMTA line of the delivery, its reply, source address and MX (sweego-event.ts).
  const sweego = sweegoFacts(o, base);
  if (sweego) return [sweego];
  // Hyvor Relay's attempt: each recipient's reply split into `smtp_code`, `smtp_enhanced_code` and
  // `smtp_message`, the MX in the attempt around it (hyvor-relay-attempt.ts).
  const hyvor = hyvorRelayFacts(o, parents, base);
  if (hyvor) return hyvor;
  // A Sisimai record: the reply in `diagnosticcode`, both sides in keys of their own (sisimai-record.ts).
  const sisimai = sisimaiRecord(o, base);
  if (sisimai) return [sisimai];
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
  const greenArrow = greenArrowSides(o);
  // Mandrill's bounce: its reply in the message's `diag`, the attempt that got it in `smtp_events`.
  const mandrill = mandrillBounceAttempt(o);
  const facts = withSendGridActivity(o, parents, {
    ...base,
    replyText: reply.text,
    replyWritten: reply.written,
    // (Zoho Campaigns: `bounce_extended_code`.)
    enhanced: givenEnhanced(str(o, 'status', 'smtp_enchcode', 'bounce_extended_code'), reply.text),
    sendingIp:
      (ip !== relayed?.ip ? ip : null) ??
      str(o, 'sending_ip', 'source_ip') ??
      mandrill?.sendingIp ??
      elastic.sendingIp ??
      base.sendingIp,
    recipient: base.recipient ?? elastic.recipient,
    // (smtplib's refused sender, in an application's JSON log record: event-reply.ts.)
    sender: base.sender ?? reply.sender ?? null,
    // SparkPost (its events carry `bounce_class`): `ip_address` is the host it delivered to.
    remoteIp:
      (o.bounce_class !== undefined ? str(o, 'ip_address') : null) ??
      str(o, 'destination_ip') ??
      mandrill?.remoteIp ??
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
  });
  // GreenArrow's delivery attempt names both sides in fields of their own (greenarrow-attempt.ts), MailBaby's
  // log its MX (mailbaby-log-entry.ts).
  const mailBaby = mailBabyEntry(o);
  if (mailBaby) return [{ ...facts, ...dropNulls(mailBaby) }];
  return [greenArrow ? { ...facts, ...dropNulls(greenArrow) } : facts];
}

/** The fields that hold a value. */
function dropNulls<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as Partial<T>;
}

/** An event that says delivery failed without the remote's reply (Mailjet's `error: "user unknown"`). */
const FAILURE_EVENT = /bounce|fail|defer|drop|block/i;

export function failureWithoutReply(o: Obj): string | null {
  // (Loops' and Iterable's webhooks name it `eventName`: `email.hardBounced`, `emailBounce`.)
  const kind = str(o, 'event', 'type', 'eventType', 'RecordType', 'notificationType', 'Type', 'eventName');
  return kind && FAILURE_EVENT.test(kind) ? kind : null;
}
