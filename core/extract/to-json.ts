/**
 * The CLI's stable JSON shape (documented in the README): notes become their English text, every
 * incident field keeps its name. `advice` is added by the caller when the knowledge base is at hand.
 */
import type { Advice, ExtractionResult, Incident } from '../types';

/** An incident as the CLI prints it: the same fields, its assumptions as English text, maybe advice. */
export type IncidentJson = Omit<Incident, 'assumptions'> & { assumptions: string[]; advice?: Advice };

export interface ExtractionJson {
  incidents: IncidentJson[];
  warnings: string[];
}

export function incidentToJson(incident: Incident, advise?: (incident: Incident) => Advice): IncidentJson {
  const json: IncidentJson = {
    occurredAt: incident.occurredAt,
    sendingIps: incident.sendingIps,
    sendingHosts: incident.sendingHosts,
    sendingDomain: incident.sendingDomain,
    recipientDomain: incident.recipientDomain,
    remoteHost: incident.remoteHost,
    remoteIp: incident.remoteIp,
    reply: incident.reply,
    orange: incident.orange,
    isOrange: incident.isOrange,
    format: incident.format,
    sources: incident.sources,
    assumptions: incident.assumptions.map((n) => n.text.en),
    trigger: incident.trigger,
  };
  if (advise) json.advice = advise(incident);
  return json;
}

export function extractionToJson(
  result: ExtractionResult,
  advise?: (incident: Incident) => Advice,
): ExtractionJson {
  return {
    incidents: result.incidents.map((i) => incidentToJson(i, advise)),
    warnings: result.warnings.map((w) => w.text.en),
  };
}
