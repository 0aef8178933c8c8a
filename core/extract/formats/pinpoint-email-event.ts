/**
 * Amazon Pinpoint's email event stream (Kinesis or Firehose; AWS's Pinpoint developer guide, "Email
 * event data stream", awsdocs/amazon-pinpoint-developer-guide `event-streams-data-email.md`): SES's event in
 * snake_case inside Pinpoint's own record, `{"event_type": "_email.hardbounce", "event_timestamp": ...,
 * "arrival_timestamp": ..., "facets": {"email_channel": {"mail_event": {"mail": {...}, "bounce": {...}}}}}`.
 * `mail_event` holds `mail` (`message_id`, `message_send_timestamp`, `from_address`, `destination`,
 * `headers`, `common_headers`) and one object named after the event (the guide's `delivery` is SES's
 * `smtpResponse`, `reportingMTA`, `processingTimeMillis` as `smtp_response`, `reporting_mta`,
 * `processing_time_millis`): the bounce is SES's bounce object in the same snake_case, read here as SES's.
 *
 * Its times: `event_timestamp` is "the time when the message was sent", the same for all the events of a
 * message, so never the refusal's; `arrival_timestamp` is when Pinpoint received the event, soon after SES
 * got the refusal: the date when the bounce gives no `timestamp` of its own, with a note saying what it is.
 */
import { note } from '../notes';
import type { EventFacts } from './event-facts';
import { child, isObj, type Json, type Obj, str } from './json-value';

const ARRIVAL_NOTE = note(
  'date.pinpoint-arrival',
  'La date est celle où Amazon Pinpoint a reçu l’événement (`arrival_timestamp`), peu après le refus\u00a0: le rebond ne donne pas sa propre heure, et `event_timestamp` est celle de l’envoi du message, pas du refus.',
  'The date is when Amazon Pinpoint received the event (`arrival_timestamp`), shortly after the refusal: the bounce gives no time of its own, and `event_timestamp` is when the message was sent, not when it was refused.',
);

/** The key in SES's spelling (`bounced_recipients` → `bouncedRecipients`, `reporting_mta` → `reportingMTA`). */
function sesKey(key: string): string {
  const camel = key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return camel === 'reportingMta' ? 'reportingMTA' : camel;
}

/** The value with its objects' keys in SES's spelling. */
function sesSpelling(v: Json): Json {
  if (Array.isArray(v)) return v.map(sesSpelling);
  if (!isObj(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, inner]) => [sesKey(k), sesSpelling(inner)]));
}

/** Pinpoint's record around a `mail_event` (the nearest object with its `event_type`). */
function recordOf(parents: readonly Obj[]): Obj | undefined {
  return parents.slice(0, 4).find((p) => typeof p.event_type === 'string');
}

/** The sender of Pinpoint's `mail`: its `from_address`, else the From of its `common_headers`. */
function senderOf(mail: Obj): string | null {
  const headers = child(mail, 'common_headers');
  const from = headers?.from;
  const listed = Array.isArray(from) && typeof from[0] === 'string' ? from[0] : null;
  return str(mail, 'from_address', 'source') ?? listed ?? str(headers, 'from');
}

/**
 * SES's bounce or delay object from a Pinpoint `mail_event`, in SES's spelling, and the facts Pinpoint's
 * record gives around it; null for any other object.
 */
export function pinpointMailEvent(
  o: Obj,
  parents: readonly Obj[],
  base: EventFacts,
): { ses: Obj; base: EventFacts } | null {
  const mail = child(o, 'mail');
  const event = child(o, 'bounce') ?? child(o, 'delivery_delay');
  if (!mail || !event) return null;
  if (!('from_address' in mail || 'message_send_timestamp' in mail || 'common_headers' in mail)) return null;
  if (!Array.isArray(event.bounced_recipients) && !Array.isArray(event.delayed_recipients)) return null;
  const ses = sesSpelling(event) as Obj;
  const record = recordOf(parents);
  const arrival = str(record, 'arrival_timestamp');
  const own = str(ses, 'timestamp');
  return {
    ses,
    base: {
      ...base,
      sender: senderOf(mail) ?? base.sender,
      time: own ?? arrival,
      timeKey: own ? null : arrival ? 'arrival_timestamp' : null,
      timeNote: own || !arrival ? null : ARRIVAL_NOTE,
    },
  };
}
