/**
 * What the UI needs from core/: one interface so components and tests receive it the same way, and so the
 * adaptation to core's exact signatures lives in one file (engine.ts).
 */

import type { SteppedAdvice } from '../../../core/orange/advice';
import type { Ticket } from '../../../core/ticket';
import type {
  ExtractionResult,
  ExtractOptions,
  FieldName,
  Incident,
  Lang,
  TicketContext,
  Verdict,
} from '../../../core/types';

/** Fields the form checks: core's field names, plus the basic code on its own. */
export type CheckedField = FieldName | 'replyCode';

export interface IncidentChecks {
  fields: Partial<Record<CheckedField, Verdict>>;
  /** One verdict per list value, in order. */
  sendingIps: Verdict[];
  sendingHosts: Verdict[];
  /** Required items still missing (the ticket must not be sent silently without them). */
  missing: FieldName[];
}

/** The ticket as core/ticket writes it (subject, body, items one by one, missing items, warnings). */
export type TicketText = Ticket;

export interface TicketRequest {
  incidents: Incident[];
  context: TicketContext;
  lang: Lang;
  preflightLine?: string | null;
  now?: Date;
}

export interface Engine {
  extract(text: string, options: ExtractOptions): Promise<ExtractionResult>;
  /** `all`: every incident of the paste (a 999's trigger is looked for among them). */
  /** The advice, its summary also cut into steps (shown one paragraph each). */
  advise(incident: Incident, all?: Incident[]): SteppedAdvice;
  check(incident: Incident): IncidentChecks;
  ticket(request: TicketRequest): TicketText;
}
