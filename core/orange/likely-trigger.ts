/**
 * The likely trigger of a 999 (a suspension) among the other incidents of a paste, when extraction
 * linked none: the advice names it (notes/orange.md: the 999 follows an error for the same sending IP).
 */
import { triggerRefOf } from '../extract/trigger-ref';
import type { Incident, TriggerRef } from '../types';

/** How many incidents on each side of the 999 are searched (keeps advice linear on big logs). */
const MAX_TRIGGER_LOOKBACK = 500;

/**
 * The trigger the extraction found, else the likely one among the other incidents of the paste: an Orange
 * error, no suspension itself (`isSuspension`), for one of the same sending IPs. When it and the 999 are both
 * dated, the latest such error dated before the 999 (or in its second), wherever it was pasted (Postal lists
 * a message's attempts newest first, an ESP posts its batches unordered); one dated after it never. Paste
 * order only breaks a tie (the nearest pasted before the 999 first) and, when no such dated error is there,
 * gives the nearest error pasted before the 999, as when either is undated.
 */
export function likelyTrigger(
  incident: Incident,
  incidents: Incident[] | undefined,
  isSuspension: (other: Incident) => boolean,
): TriggerRef | null {
  if (incident.trigger) return incident.trigger;
  if (!incidents) return null;
  const index = incidents.indexOf(incident);
  const end = index >= 0 ? index : incidents.length;
  const ips = new Set(incident.sendingIps);
  const at = timeOf(incident.occurredAt);
  const mayTrigger = (candidate: Incident | undefined): candidate is Incident =>
    !!candidate?.isOrange &&
    candidate !== incident &&
    candidate.sendingIps.some((ip) => ips.has(ip)) &&
    !isSuspension(candidate);
  // Nearest first: the incidents pasted before the 999, backwards, then (dated) those pasted after it.
  const before: Incident[] = [];
  for (let i = end - 1; i >= Math.max(0, end - MAX_TRIGGER_LOOKBACK); i--) {
    const candidate = incidents[i];
    if (mayTrigger(candidate)) before.push(candidate);
  }
  const after: Incident[] = [];
  if (at !== null && index >= 0)
    for (let i = index + 1; i < Math.min(incidents.length, index + 1 + MAX_TRIGGER_LOOKBACK); i++) {
      const candidate = incidents[i];
      if (mayTrigger(candidate)) after.push(candidate);
    }
  let latest: Incident | null = null;
  let latestAt = Number.NEGATIVE_INFINITY;
  for (const candidate of at === null ? [] : [...before, ...after]) {
    const when = timeOf(candidate.occurredAt);
    if (when !== null && at !== null && when <= at && when > latestAt) {
      latest = candidate;
      latestAt = when;
    }
  }
  const found = latest ?? before.find((candidate) => at === null || timeOf(candidate.occurredAt) === null);
  return found ? triggerRefOf(found, 'reply') : null;
}

/** An incident's time in milliseconds, or null when it is undated or unreadable. */
function timeOf(occurredAt: string | null): number | null {
  const t = occurredAt ? Date.parse(occurredAt) : Number.NaN;
  return Number.isFinite(t) ? t : null;
}
