/**
 * What a ticket says of its incidents taken together: the ones written out, the addresses, names and domains,
 * what is missing.
 */

import type { FieldName, Incident } from '../types';
import { missingRequired } from '../validate/incident';
import { REQUIRED_FIELDS } from '../validate/verdict';

/** Incidents written out in full; the others are counted in one sentence. */
export const MAX_LISTED_INCIDENTS = 10;

/** The values once each, trimmed, compared without case. */
export function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const trimmed = value.trim();
    const key = trimmed.toLowerCase();
    if (!trimmed || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
}

export interface Facts {
  listed: Incident[];
  more: number;
  ips: string[];
  hosts: string[];
  domains: string[];
  missing: FieldName[];
}

export function gatherFacts(incidents: readonly Incident[]): Facts {
  const listed = incidents.slice(0, MAX_LISTED_INCIDENTS);
  const ips = unique(incidents.flatMap((i) => i.sendingIps));
  const hosts = unique(incidents.flatMap((i) => i.sendingHosts));
  const domains = unique(incidents.map((i) => i.sendingDomain ?? ''));
  const absent = new Set<FieldName>();
  if (incidents.length === 0) for (const field of REQUIRED_FIELDS) absent.add(field);
  for (const incident of listed) {
    for (const field of missingRequired(incident)) absent.add(field);
  }
  if (ips.length > 0) absent.delete('sendingIps');
  if (hosts.length > 0) absent.delete('sendingHosts');
  if (domains.length > 0) absent.delete('sendingDomain');
  return {
    listed,
    more: incidents.length - listed.length,
    ips,
    hosts,
    domains,
    missing: REQUIRED_FIELDS.filter((field) => absent.has(field)),
  };
}
