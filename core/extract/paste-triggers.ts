/**
 * Links a 999 suspension read from a paste that is no log (an ESP's webhook batch, bounces pasted one
 * after the other, a panel's rows) to the Orange error that most likely triggered it, as the log reader
 * does while scanning (logs/trigger.ts; ../shared/notes/orange.md, section 3: the suspension "was
 * triggered by a previous issue"). A paste has no scan order to trust (SparkPost posts its batches
 * unordered, Postal lists a message's attempts newest first), so only what the incidents say is used:
 * the error must name one of the suspension's sending IPs, and be dated before it, within the window a
 * log allows, both dates read the same way (neither or both with an assumed zone). No IP on either side
 * (Postal's page never names the address a failed attempt left from): no link, rather than a guess.
 */
import type { ExtractionResult, Incident } from '../types';
import { isLogIncident } from './incident-cap';
import { isSuspension, TRIGGER_WINDOW_MS, zoneAssumed } from './logs/trigger';
import { triggerRefOf } from './trigger-ref';

/** The incident's time in milliseconds, or null when it is undated or unreadable. */
function timeOf(incident: Incident): number | null {
  const t = incident.occurredAt ? Date.parse(incident.occurredAt) : Number.NaN;
  return Number.isNaN(t) ? null : t;
}

/** True when `error` may have triggered `suspension`: the same IP, dated before it, not long before. */
function mayTrigger(error: Incident, suspension: Incident, at: number): boolean {
  if (!error.isOrange || isSuspension(error) || !error.sources.reply) return false;
  if (!error.sendingIps.some((ip) => suspension.sendingIps.includes(ip))) return false;
  const before = timeOf(error);
  if (before === null || zoneAssumed(error) !== zoneAssumed(suspension)) return false;
  return before < at && at - before <= TRIGGER_WINDOW_MS;
}

/**
 * `result` with each unlinked suspension of a pasted text linked to its latest earlier error for the same IP.
 */
export function withTriggersInPaste(result: ExtractionResult): ExtractionResult {
  const { incidents } = result;
  const open = (i: Incident) =>
    isSuspension(i) && !i.trigger && i.sendingIps.length > 0 && timeOf(i) !== null && !isLogIncident(i);
  if (!incidents.some(open)) return result;
  const linked = incidents.map((incident) => {
    const at = timeOf(incident);
    if (!open(incident) || at === null) return incident;
    let best: Incident | null = null;
    for (const error of incidents)
      if (mayTrigger(error, incident, at) && (best === null || (timeOf(error) ?? 0) > (timeOf(best) ?? 0)))
        best = error;
    // The reply as read: a pasted event's line may be a JSON key's (`"raw_reason": "421 ..."`).
    return best ? { ...incident, trigger: triggerRefOf(best, 'reply') } : incident;
  });
  return { ...result, incidents: linked };
}
