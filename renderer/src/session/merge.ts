/**
 * Several incidents in one paste: identical rejections (same sending IPs, same reply code and reason)
 * become one group with its occurrences, in order of first appearance.
 */
import type { Incident } from '../../../core/types';

export interface IncidentGroup {
  key: string;
  /** The first occurrence: its fields are the ones shown and edited. */
  incident: Incident;
  occurrences: Incident[];
}

export function mergeKey(incident: Incident): string {
  const ips = [...incident.sendingIps].map((ip) => ip.toLowerCase()).sort();
  return [ips.join(','), incident.reply.code ?? '', incident.orange?.reason ?? ''].join('|');
}

export function groupIncidents(incidents: Incident[]): IncidentGroup[] {
  const groups = new Map<string, IncidentGroup>();
  for (const incident of incidents) {
    const key = mergeKey(incident);
    const group = groups.get(key);
    if (group) group.occurrences.push(incident);
    else groups.set(key, { key, incident, occurrences: [incident] });
  }
  return [...groups.values()];
}

/** First and last date among the occurrences that have one (ISO strings compared as instants). */
export function dateSpan(group: IncidentGroup): { first: string; last: string } | null {
  const dated = group.occurrences
    .map((i) => i.occurredAt)
    .filter((d): d is string => d !== null && !Number.isNaN(Date.parse(d)))
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const first = dated[0];
  const last = dated[dated.length - 1];
  return first && last ? { first, last } : null;
}
