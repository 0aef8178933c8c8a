/**
 * Splitting a whole record into what history.json keeps (StoredRecord: the list's fields) and its
 * details (kept in a text pack), and joining them back.
 */
import type { Incident } from '../../../core/types';
import { HOT_INCIDENT_KEYS } from './fast-check';
import type { ColdIncident, HistoryRecord, HotIncident, RecordDetails, StoredRecord, Ticket } from './schema';

const HOT_KEYS = new Set<string>(HOT_INCIDENT_KEYS);

/** The incident's list fields, and the rest (sources, assumptions, any field added to Incident later). */
export function splitIncident(incident: Incident): { hot: HotIncident; cold: ColdIncident } {
  const hot: Record<string, unknown> = {};
  const cold: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(incident)) (HOT_KEYS.has(key) ? hot : cold)[key] = value;
  return { hot: hot as HotIncident, cold: cold as ColdIncident };
}

/** The whole incident; the list fields win should a cold field carry the same name. */
export const joinIncident = (hot: HotIncident, cold: ColdIncident): Incident =>
  ({ ...cold, ...hot }) as Incident;

/** A whole record (from a save or an import) as stored, details inline until written. */
export function toStored(record: HistoryRecord): StoredRecord {
  const { rawText, ticket, advice, incident, textsProblem: _problem, ...meta } = record;
  const { hot, cold } = splitIncident(incident);
  return {
    ...meta,
    ticketSubjects: { fr: ticket.fr.subject, en: ticket.en.subject },
    incident: hot,
    details: { inline: { incident: cold, advice, ticket, rawText } },
  };
}

/** The whole record from its stored part and its details. */
export function toWhole(record: StoredRecord, details: RecordDetails): HistoryRecord {
  const { details: _where, ticketSubjects: _subjects, incident, ...meta } = record;
  return {
    ...meta,
    incident: joinIncident(incident, details.incident),
    advice: details.advice,
    ticket: details.ticket,
    rawText: details.rawText,
  };
}

/** Tickets with the stored subjects and empty bodies: what is shown when the details cannot be read. */
export const subjectsOnly = (record: StoredRecord): Ticket => ({
  fr: { subject: record.ticketSubjects.fr, body: '' },
  en: { subject: record.ticketSubjects.en, body: '' },
});
