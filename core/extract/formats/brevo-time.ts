/**
 * The time of a Brevo (Sendinblue) transactional webhook event. Brevo's page on these webhooks
 * (developers.brevo.com/docs/transactional-webhooks, "Datetime parameters") says `ts_epoch` and
 * `ts_event` are UTC and `date` (`2020-10-09 00:00:00`, no zone) is CET/CEST, while its tables say
 * `date` is "in your timezone" and give `ts` ("timestamp in seconds of when event occurred") no zone. An
 * event captured live (django-anymail's tests) shows `ts` and `ts_event` nine hours before `ts_epoch`,
 * which matches the message id's own stamp. So: `ts_epoch` (milliseconds, or seconds in Brevo's own
 * sample) first, then `ts_event` with a note saying it may be off, never `ts`, and never the zone-less
 * `date` (said, not read as UTC).
 */
import type { Note } from '../../types';
import { note } from '../notes';
import type { Json, Obj } from './json-value';

const ZONELESS_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

const TS_EVENT_NOTE = note(
  'date.brevo-ts-event',
  'La date est celle du champ `ts_event` de Brevo, en UTC selon sa documentation\u00a0; l’événement n’a pas de `ts_epoch`, la seule heure que Brevo donne sûrement en UTC (un événement relevé tel quel montrait `ts_event` décalé du fuseau du compte). Vérifiez-la dans le journal de Brevo.',
  "The date is Brevo's `ts_event`, in UTC according to its documentation; the event has no `ts_epoch`, the only time Brevo surely gives in UTC (an event captured as sent showed `ts_event` shifted by the account's time zone). Check it in Brevo's log.",
);

const DATE_UNREAD_NOTE = note(
  'date.brevo-zoneless-date',
  'La date de l’événement Brevo n’a pas été lue\u00a0: son champ `date` n’indique pas de fuseau (celui du compte, ou l’heure de Paris selon la documentation de Brevo) et l’événement n’a ni `ts_epoch` ni `ts_event`. Reprenez-la dans le journal de Brevo.',
  "The Brevo event's date was not read: its `date` field gives no time zone (the account's, or Paris time according to Brevo's documentation) and the event has neither `ts_epoch` nor `ts_event`. Take it from Brevo's log.",
);

/** True for a Brevo webhook event: its own time keys, or its `message-id` beside a zone-less `date`. */
function isBrevoWebhook(o: Obj): boolean {
  if (o.ts_epoch !== undefined || o.ts_event !== undefined) return true;
  return (
    typeof o.event === 'string' &&
    typeof o['message-id'] === 'string' &&
    typeof o.date === 'string' &&
    ZONELESS_DATE.test(o.date)
  );
}

const stamp = (v: Json | undefined): string | null =>
  typeof v === 'number' ? String(v) : typeof v === 'string' && /^\d{9,14}$/.test(v.trim()) ? v.trim() : null;

/** The event's time and the note it comes with; null when the object is no Brevo webhook event. */
export function brevoTime(o: Obj): { time: string | null; key: string | null; note: Note | null } | null {
  if (!isBrevoWebhook(o)) return null;
  const epoch = stamp(o.ts_epoch);
  if (epoch) return { time: epoch, key: 'ts_epoch', note: null };
  const event = stamp(o.ts_event);
  if (event) return { time: event, key: 'ts_event', note: TS_EVENT_NOTE };
  return { time: null, key: null, note: typeof o.date === 'string' ? DATE_UNREAD_NOTE : null };
}
