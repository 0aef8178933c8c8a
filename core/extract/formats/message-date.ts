/**
 * The date of a bounce's incident: the DSN's dates, the notice's own Date when a mail system wrote it,
 * a Microsoft server's stamp, the date of a quoting or forwarding message's attribution, the returned
 * message's Date, the date the notice's text gives; each with the note that says where it came from.
 */

import type { ExtractOptions, Incident } from '../../types';
import { attributionDate, wrappedAttributionDate } from '../attribution-date';
import { clientDateIn, unsettledSlashedDate } from '../client-date';
import { parseDate, parseDateIn } from '../dates';
import { forwardBlockAt } from '../forward-block';
import { FORWARD_MARKER, forwardedNoticeDate } from '../forward-header-date';
import { isForwardSubject } from '../forward-subject';
import { type Field, fieldValue } from '../header-block';
import { isKddiNotice } from '../kddi-notice';
import { microsoftServerIn } from '../microsoft-server';
import { NOTES } from '../notes';
import { isCreationDateLine, noticeTextDate } from '../notice-date';
import { ownHopZonedDate } from '../own-hop-zone';
import type { ReturnedHopDate } from '../returned-hop-date';
import { arrivalNotes, bodyDates, noticeBeforeArrival } from './arrival-date';
import type { Content } from './message-content';
import { fromMailSystem, isPersonsReply, isSystemFromLine } from './message-kind';
import type { RefOf } from './message-sender';

/** More than this before the message it returns, a notice's Date contradicts it (clocks a few hours off pass). */
const NOTICE_BEFORE_MESSAGE_MS = 24 * 3600 * 1000;

/** The returned message's Date when it has a zone and is more than a day after the notice's `noticeIso`. */
function returnedDateAfter(
  noticeIso: string,
  returnedDate: Field | null,
  options: ExtractOptions,
): string | null {
  const returned = returnedDate ? parseDateIn(returnedDate.value, options.assumeZone) : null;
  if (!returned?.hadZone) return null;
  return Date.parse(returned.iso) - Date.parse(noticeIso) > NOTICE_BEFORE_MESSAGE_MS ? returned.iso : null;
}

export function fillDate(
  incident: Incident,
  dsn: Field[] | null,
  decoded: Pick<Content, 'top' | 'dsn'>,
  returnedDate: Field | null,
  bodyLines: readonly string[],
  options: ExtractOptions,
  refOf: RefOf,
  returnedHop: ReturnedHopDate | null = null,
): void {
  const stamp = microsoftStamp(dsn, incident);
  // A zone-less Date its own header's Received stamps at the same time, a few seconds later at most
  // (own-hop-zone.ts): a program wrote it as it sent the notice (WebShield's `From: Webshield SMTP V4.5 MR3
  // Mail Service`).
  const ownHop = ownHopZonedDate(decoded.top);
  // KDDI's notice comes from a `no-reply@` address, but a mail system wrote it (kddi-notice.ts).
  const systemNotice = fromMailSystem(decoded.top) || isKddiNotice(bodyLines);
  const quoted = systemNotice ? null : quotedNoticeDate(bodyLines, fieldValue(decoded.top, 'date'));
  const undatedForward = quoted?.name === FORWARD_UNDATED;
  // A person's forward (`TR:`, `Fwd:`) whose notice gave no date of its own: its Date is the forward's.
  const forwardDate =
    !undatedForward &&
    quoted === null &&
    !systemNotice &&
    isForwardSubject(fieldValue(decoded.top, 'subject')?.value ?? '');
  const ownDateUnused = undatedForward || forwardDate;
  const candidates = [
    dsn ? fieldValue(dsn, 'last-attempt-date') : null,
    fieldValue(decoded.dsn.perMessage, 'arrival-date'),
    fieldValue(decoded.dsn.perMessage, 'received-date'),
    // The bounce's own Date, when its From is the mail system's: written by the server that gave up,
    // right after the last refusal, by a server's clock. The returned message's Date is only when its
    // writer's client composed it (its clock may be off, the message may have waited in a queue).
    systemNotice || ownHop ? fieldValue(decoded.top, 'date') : null,
    // The time a Microsoft 365 server wrote in its reply (`[DU2PEPF00028D13... 2024-04-21T13:47:53.142Z
    // 08DC...]`): the refusal's own, where the returned message's Date is only when it was written.
    stamp,
    // A person's message quoting the notice under its attribution line (`On 23/11/2017 22:30, Mail
    // Delivery Subsystem wrote:`): when the notice came, rather than when the person answered it.
    quoted,
    // Else (a forward's header, no From) the returned message's Date: when it was sent, i.e. when a
    // connection-time refusal happened. (Sisimai uses it before the bounce's Date.)
    returnedDate,
    // The message's own Date, unless it forwards the notice: it is then when the notice was passed on.
    ownDateUnused ? null : fieldValue(decoded.top, 'date'),
    // A notice forwarded by Outlook, read from the forward's header lines: its `Sent:` date.
    ownDateUnused ? null : fieldValue(decoded.top, 'sent'),
  ];
  const topDate = candidates.length - 2;
  // A top date in slashed numbers whose order of day and month is unknown, as written (`04/05/2026`).
  let unsettledTop: string | null = null;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    // The notice's own header lines may be a mail client's forward (client-date.ts); a slashed date
    // in a day-first language's lines was written with dots by embedded-block.ts.
    const parsed = !c
      ? null
      : i < topDate
        ? parseDateIn(c.value, options.assumeZone)
        : (parseDateIn(c.value, options.assumeZone) ?? clientDateIn(c.value, options.assumeZone));
    if (c && !parsed && i >= topDate) unsettledTop ??= unsettledSlashedDate(c.value);
    if (!c || !parsed) continue;
    if (ownHop && c === ownHop.date) {
      incident.occurredAt = ownHop.iso;
      refOf(incident, 'occurredAt', c.firstLine);
      incident.assumptions.push(NOTES.zoneOfOwnHop(ownHop.offset));
      return;
    }
    // The returned copy's Date, well before its topmost hop (returned-hop-date.ts): rather that hop's time.
    if (c === returnedDate && returnedHop) {
      incident.occurredAt = returnedHop.iso;
      refOf(incident, 'occurredAt', returnedHop.field.firstLine);
      incident.assumptions.push(NOTES.dateOfReturnedHop(parsed.iso));
      return;
    }
    if (!parsed.hadZone) {
      // The same wall-clock time written with its zone by another header (a SurfControl bounce's own
      // Date for the returned message's zone-less one) tells the zone: no need to assume one.
      const zoned = sameTimeWithZone(parsed.iso, candidates.slice(i + 1));
      if (zoned) {
        incident.occurredAt = zoned.iso;
        refOf(incident, 'occurredAt', zoned.field.firstLine);
        return;
      }
    }
    // A mail system's notice dated before the message it returns: one of the two clocks is wrong, and
    // which one the text cannot tell (m-FILTER's notice in Sisimai's lhost-mfilter-04: Date 22 April,
    // the returned message's 29 April, its Message-Id and mbox line 29 April). Empty beats a week off.
    const conflict = i === 3 && parsed.hadZone ? returnedDateAfter(parsed.iso, returnedDate, options) : null;
    if (conflict) {
      incident.assumptions.push(NOTES.noticeBeforeMessage(parsed.iso, conflict));
      return;
    }
    // The DSN's Arrival-Date (arrival-date.ts): contradicted by the notice's own Date written before it.
    const arrivalField = i === 1 ? 'Arrival-Date' : 'Received-Date';
    const notice = (i === 1 || i === 2) && parsed.hadZone ? candidates[3] : null;
    const before = notice ? noticeBeforeArrival(parsed.iso, notice, returnedDate, options) : null;
    if (notice && before) {
      incident.occurredAt = before;
      refOf(incident, 'occurredAt', notice.firstLine);
      incident.assumptions.push(NOTES.noticeBeforeArrival(arrivalField, parsed.iso));
      return;
    }
    incident.occurredAt = parsed.iso;
    refOf(incident, 'occurredAt', c.firstLine);
    // A message that waited in the queue (deferred, then bounced when it expired): the Arrival-Date
    // stays the date (Sisimai's and the convention: the first refusal came on arrival), and a
    // note gives the bounce's own Date, right after the last attempt, whose reply the bounce quotes;
    // an Arrival-Date nothing written after the refusal bounds comes with a note saying what it is.
    if ((i === 1 || i === 2) && parsed.hadZone) {
      const top = [fieldValue(decoded.top, 'date'), fieldValue(decoded.top, 'sent')];
      const later = [candidates[0], stamp, ...top, ...bodyDates(bodyLines)];
      const notes = arrivalNotes(
        incident,
        arrivalField,
        parsed.iso,
        { notice: candidates[3], later },
        options,
      );
      incident.assumptions.push(...notes);
    }
    if (!parsed.hadZone) incident.assumptions.push(NOTES.noZone(options.assumeZone ?? 'UTC'));
    if (stamp && c === stamp) incident.assumptions.push(NOTES.dateFromMicrosoftReply(stamp.server));
    if (c === returnedDate) incident.assumptions.push(NOTES.dateOfReturnedMessage());
    if (i === topDate && isPersonsReply(decoded.top)) incident.assumptions.push(NOTES.dateOfQuotingMessage());
    if (c.name === QUOTE_ATTRIBUTION) incident.assumptions.push(NOTES.dateOfQuotedNotice(parsed.hadZone));
    const forwardedZone = FORWARDED_ZONES[c.name as keyof typeof FORWARDED_ZONES];
    if (forwardedZone) incident.assumptions.push(NOTES.dateOfForwardedNotice(forwardedZone));
    return;
  }
  // A notice pasted without its headers: the date its text gives (Office 365's has no zone).
  let created = noticeDates.get(bodyLines);
  if (created === undefined) {
    created = noticeTextDate(bodyLines);
    noticeDates.set(bodyLines, created);
  }
  const parsed = created ? parseDateIn(created.text, options.assumeZone) : null;
  // An English forward's `04/05/2026`: which is the day is unknown, the user fills it in.
  if (undatedForward && !(created && parsed))
    incident.assumptions.push(
      quoted.unsettled ? NOTES.ambiguousForwardDate(quoted.unsettled, true) : NOTES.forwardedNoticeUndated(),
    );
  else if (unsettledTop && !(created && parsed))
    incident.assumptions.push(NOTES.ambiguousForwardDate(unsettledTop, false));
  if (forwardDate && !(created && parsed)) incident.assumptions.push(NOTES.forwardOwnDateUnused());
  if (created && parsed) {
    incident.occurredAt = parsed.iso;
    refOf(incident, 'occurredAt', created.line);
    if (!parsed.hadZone) incident.assumptions.push(NOTES.noZone(options.assumeZone ?? 'UTC'));
    // Office 365's `Created Date` is the returned message's (when it was written), not the refusal's.
    if (isCreationDateLine(created.line)) incident.assumptions.push(NOTES.dateOfReturnedMessage());
    if (created.lastHop) incident.assumptions.push(NOTES.dateOfLastHop());
    // Sendmail's and Courier's line gives when the message was taken in: the refusal came then or later.
    if (RECEIVED_AT.test(created.line)) incident.assumptions.push(NOTES.receivedAtOnly());
    // Exim's delay warning gives only when the message was written: the refusals came hours later.
    if (EXIM_MESSAGE_DATE.test(created.line) && bodyLines.some((l) => EXIM_DELAYED.test(l)))
      incident.assumptions.push(NOTES.dateOfWriting());
  }
}

const QUOTE_ATTRIBUTION = 'x-quote-attribution';

/** A forwarded notice whose forward lines give no date that reads (quotedNoticeDate). */
const FORWARD_UNDATED = 'x-forwarded-undated';

/** How the date of a forward's header lines got its zone (NOTES.dateOfForwardedNotice), as a field name. */
const FORWARDED_ZONES = {
  'x-forwarded-own-zone': 'own',
  'x-forwarded-message-zone': 'message',
  'x-forwarded-utc-message': 'utc-message',
  'x-forwarded-no-zone': 'none',
} as const;

/**
 * Outlook's separators above a forward's header lines (its rule of underscores, `-----Original
 * Message-----`).
 */
const OUTLOOK_MARKER = /^\s{0,4}(?:_{20,}|-{3,}\s?(?:Original Message|Message d'origine)\s?-{3,})\s*$/i;

/** An offset of UTC itself (`+00:00`, `Z`). */
const UTC_OFFSET = /^(?:[+-]00:00|Z)$/;

/**
 * The date of the attribution line above a mail system's notice quoted in the body (attribution-date.ts),
 * or of the header lines of a notice forwarded inline (forward-header-date.ts), as a date field: in the
 * zone of the quoting message's Date when it has one (the same mail client wrote both, in its own time),
 * else zone-less. Null when there is none. Outlook's forward under a Date in UTC stays zone-less:
 * Microsoft 365 writes every Date in UTC, whatever the writer's zone, where its `Sent:` (or `Date:`, as
 * some of its versions label it) is the writer's local time.
 */
function quotedNoticeDate(
  bodyLines: readonly string[],
  top: Field | null,
): (Field & { unsettled?: string | undefined }) | null {
  const last = Math.min(bodyLines.length, 2000);
  for (let i = 0; i < last; i++) {
    const line = bodyLines[i] as string;
    if (line.length > 400) continue;
    const attributed = attributionDate(line) ?? wrappedAttributionDate(line, bodyLines[i + 1] ?? '');
    const marked =
      attributed || !FORWARD_MARKER.test(line)
        ? null
        : forwardedNoticeDate(bodyLines.slice(i + 1, i + 8), isSystemFromLine);
    // Header lines of other clients' forwards (forward-block.ts); undated, they still say the
    // forwarding message's Date is not the notice's.
    const block = attributed || marked ? null : forwardBlockAt(bodyLines, i, isSystemFromLine);
    if (block && !block.date)
      return { name: FORWARD_UNDATED, value: '', firstLine: block.line, unsettled: block.unsettled };
    const forwarded = marked ?? block?.date ?? null;
    const text = attributed ?? forwarded?.text;
    if (!text) continue;
    if (forwarded?.hadZone) return { name: 'x-forwarded-own-zone', value: text, firstLine: forwarded.line };
    const zone = top ? parseDate(top.value) : null;
    const offset = zone?.hadZone ? /(?:[+-]\d{2}:\d{2}|Z)$/.exec(zone.iso)?.[0] : undefined;
    if (!forwarded) return { name: QUOTE_ATTRIBUTION, value: `${text}${offset ?? ''}`, firstLine: line };
    const outlook = forwarded.outlook || OUTLOOK_MARKER.test(line);
    if (outlook && offset && UTC_OFFSET.test(offset))
      return { name: 'x-forwarded-utc-message', value: text, firstLine: forwarded.line };
    const name = offset ? 'x-forwarded-message-zone' : 'x-forwarded-no-zone';
    return { name, value: `${text}${offset ?? ''}`, firstLine: forwarded.line };
  }
  return null;
}

/**
 * The stamp of a Microsoft 365 server in the recipient's Diagnostic-Code, else in the reply the notice's
 * text gave (Office 365's `Error: 554 5.4.14 ... [DU2PEPF00028D13... 2024-04-21T13:47:53.142Z ...]`
 * under Error Details), as a date field, or null.
 */
function microsoftStamp(dsn: Field[] | null, incident: Incident): (Field & { server: string }) | null {
  const diagnostic = dsn ? fieldValue(dsn, 'diagnostic-code') : null;
  const fromField = diagnostic ? microsoftServerIn(diagnostic.value) : null;
  const fromReply = fromField?.stamp ? null : microsoftServerIn(incident.reply.text);
  const server = fromField?.stamp ? fromField : fromReply;
  const line = fromField?.stamp ? diagnostic?.firstLine : incident.sources.reply?.text;
  if (!server?.stamp || line === undefined) return null;
  return { name: 'x-microsoft-stamp', value: server.stamp, firstLine: line, server: server.name };
}

const EXIM_MESSAGE_DATE = /^\s{0,12}The date of the message is:/;

const RECEIVED_AT = /^\s{0,12}The original message was received (?:at|on)\s/;

const EXIM_DELAYED = /\bhas not yet been delivered\b|^Warning: message \S{1,40} delayed\b/;

/** Per message (its body lines), as every recipient's incident asks again. */
const noticeDates = new WeakMap<readonly string[], ReturnType<typeof noticeTextDate>>();

/** The first field whose date has a zone and the same wall-clock time (to the minute) as `iso`. */
function sameTimeWithZone(
  iso: string,
  fields: readonly (Field | null)[],
): { iso: string; field: Field } | null {
  const minute = iso.slice(0, 16);
  for (const field of fields) {
    const parsed = field ? parseDate(field.value) : null;
    if (field && parsed?.hadZone && parsed.iso.slice(0, 16) === minute) return { iso: parsed.iso, field };
  }
  return null;
}
