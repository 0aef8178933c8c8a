/**
 * Makes a summary group the current incident for the ticket: the group's first occurrence date, its
 * sending IP(s), hosts and domain, and the verbatim reply of its example.
 */
import type { Incident } from '../types';
import type { IncidentGroup } from './types';

export function groupToIncident(group: IncidentGroup): Incident {
  const example = group.example;
  const sendingIps = group.ip
    ? [group.ip, ...example.sendingIps.filter((ip) => ip !== group.ip)]
    : [...example.sendingIps];
  const sendingHosts = [...example.sendingHosts];
  for (const host of group.hosts) if (!sendingHosts.includes(host)) sendingHosts.push(host);
  // The trigger of a suspension group: the most frequent one (the summary sorts them).
  const trigger = example.trigger ?? group.triggers[0]?.example ?? null;
  return {
    ...example,
    occurredAt: group.firstSeen ?? example.occurredAt,
    sendingIps,
    sendingHosts,
    sendingDomain: example.sendingDomain ?? group.domains[0] ?? null,
    reply: { ...example.reply },
    orange: example.orange ? { ...example.orange } : null,
    sources: { ...example.sources },
    assumptions: [...example.assumptions],
    trigger: trigger ? { ...trigger } : null,
  };
}

/** The log line a group's example came from: the reply's line, else the date's, else any. */
export function exampleLineOf(group: IncidentGroup): { line: number; text: string } | null {
  const s = group.example.sources;
  return s.reply ?? s.occurredAt ?? s.sendingIps ?? Object.values(s)[0] ?? null;
}
