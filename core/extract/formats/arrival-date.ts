/**
 * A DSN's Arrival-Date (or Received-Date) as the incident's date (message-date.ts). RFC 3464 (2.2.5) defines
 * it as when the message arrived at the Reporting MTA, not when it was refused: the refusal came then (a
 * refusal at connection or after DATA, seconds later) or later (4xx replies retried until the queue gave
 * up). The project keeps it as the date even beside a later notice (the first refusal came on arrival; a
 * note then gives the notice's own time, queuedUntilBounce, or queuedUntilNoticeWithoutReply when the
 * notice quotes no reply); otherwise:
 *
 * - a date written after the refusal within minutes of the arrival (the notice's own Date, also as a line
 *   of a notice read without its header, a Last-Attempt-Date, Microsoft's stamp, the Date of the message
 *   that passed the notice on) bounds the refusal: no note;
 * - nothing does (the DSN's fields pasted alone, Exchange's report whose notice gave no Date): the
 *   Arrival-Date is a fallback, and a note says what it is;
 * - the mail system's own Date came over a quarter of an hour before it (Exchange 2007's reports in
 *   Sisimai's set, `Arrival-Date: Thu, 29 Apr 2017 23:34:45 +0000` under `Date: Thu, 29 Apr 2017 23:34:45
 *   +0900`, the same wall time): a report is not written before the message arrived, so the Arrival-Date's
 *   zone is wrong; the notice's Date is taken, with a note giving the Arrival-Date.
 */
import type { ExtractOptions, Incident, Note } from '../../types';
import { parseDateIn } from '../dates';
import type { Field } from '../header-block';
import { NOTES } from '../notes';

/**
 * Longer than this between a message's arrival and its bounce, it waited in the queue (a refusal at the
 * end of DATA 27 minutes after arrival, in BounceParser's spam-rejection25 sample, came at the bounce).
 */
const QUEUED_FOR_MS = 10 * 60 * 1000;

/**
 * More than this before the arrival, a notice's Date contradicts the Arrival-Date (no clock's drift: the
 * same server writes both; a zone written wrong is off by 30 minutes at least).
 */
const NOTICE_BEFORE_ARRIVAL_MS = 15 * 60 * 1000;

/** A clock a little behind another's (the notice written by another server than the report's). */
const CLOCK_SKEW_MS = 60 * 1000;

type MaybeField = Field | null | undefined;

function zonedIso(f: MaybeField, options: ExtractOptions): string | null {
  const parsed = f ? parseDateIn(f.value, options.assumeZone) : null;
  return parsed?.hadZone ? parsed.iso : null;
}

/**
 * The bounce's own Date (`bounceDate`, the mail system's), when it is more than QUEUED_FOR_MS (and less
 * than a queue's longest life) after the arrival `arrivalIso`; else null.
 */
function bounceDateAfterQueue(
  arrivalIso: string,
  bounceDate: MaybeField,
  options: ExtractOptions,
): string | null {
  const iso = zonedIso(bounceDate, options);
  if (!iso) return null;
  const waited = Date.parse(iso) - Date.parse(arrivalIso);
  return waited > QUEUED_FOR_MS && waited < 10 * 24 * 3600 * 1000 ? iso : null;
}

/**
 * True when one of `later` (dates written after the refusal) falls within QUEUED_FOR_MS after the arrival
 * (a minute before it too: another server's clock).
 */
function bounded(arrivalIso: string, later: MaybeField[], options: ExtractOptions): boolean {
  const arrival = Date.parse(arrivalIso);
  return later.some((f) => {
    const iso = zonedIso(f, options);
    const after = iso === null ? Number.NaN : Date.parse(iso) - arrival;
    return after >= -CLOCK_SKEW_MS && after <= QUEUED_FOR_MS;
  });
}

/**
 * The `Date:` lines of a notice read without its header (its header pasted above its body, or a file not
 * taken for a message): the notice's own among them, a returned message's Date coming before the arrival.
 */
export function bodyDates(bodyLines: readonly string[]): Field[] {
  const out: Field[] = [];
  for (const line of bodyLines) {
    const m = /^\s{0,4}(?:>\s?){0,3}Date[ \t\u00a0]?:[ \t]+(\S.{5,80})$/i.exec(line);
    if (m?.[1]) out.push({ name: 'date', value: m[1].trim(), firstLine: line });
    if (out.length >= 20) break;
  }
  return out;
}

/**
 * The mail system's own Date (zoned), when it came over NOTICE_BEFORE_ARRIVAL_MS before the Arrival-Date
 * and the returned message's Date does not back the Arrival-Date (written within that time before it: then
 * the notice's clock is the odd one, as in Sisimai's rhost-tencent-01, its notice dated six months before
 * both); else null.
 */
export function noticeBeforeArrival(
  arrivalIso: string,
  noticeDate: MaybeField,
  returnedDate: MaybeField,
  options: ExtractOptions,
): string | null {
  const iso = zonedIso(noticeDate, options);
  const arrival = Date.parse(arrivalIso);
  if (!iso || arrival - Date.parse(iso) <= NOTICE_BEFORE_ARRIVAL_MS) return null;
  const returned = zonedIso(returnedDate, options);
  const before = returned === null ? Number.NaN : arrival - Date.parse(returned);
  return before >= -CLOCK_SKEW_MS && before <= NOTICE_BEFORE_ARRIVAL_MS ? null : iso;
}

/**
 * The notes of an incident dated by its Arrival-Date (`field`): the notice's own time after a wait in the
 * queue, or that nothing else dates the refusal (only for a refusal: an ARF report's Arrival-Date is the
 * reported message's, and a failure without a reply has its own notes).
 */
export function arrivalNotes(
  incident: Incident,
  field: 'Arrival-Date' | 'Received-Date',
  arrivalIso: string,
  dates: { notice: MaybeField; later: MaybeField[] },
  options: ExtractOptions,
): Note[] {
  const bounced = bounceDateAfterQueue(arrivalIso, dates.notice, options);
  if (bounced) {
    const quotesNoReply = incident.reply.text === '' && incident.reply.code === null;
    return [quotesNoReply ? NOTES.queuedUntilNoticeWithoutReply(bounced) : NOTES.queuedUntilBounce(bounced)];
  }
  if (incident.reply.text === '' || bounded(arrivalIso, [dates.notice, ...dates.later], options)) return [];
  return [NOTES.arrivalDateOnly(field)];
}
