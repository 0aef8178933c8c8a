/**
 * Links each Orange 999 suspension to the earlier Orange error for the same sending IP (or, when no IP is
 * known, the same sending host): Orange says the suspension "was triggered by a previous issue that can be
 * found in the previous log message" (../shared/notes/orange.md, section 3).
 */
import type { Incident, TriggerRef } from '../../types';
import { BoundedMap } from './bounded-map';

/** 99X reasons are Orange's rate limits for bad behaviour (999 the common one). */
export function isSuspension(incident: Incident): boolean {
  const reason = incident.orange?.reason ?? null;
  return incident.isOrange && reason !== null && reason >= 990 && reason <= 999;
}

export interface TriggerTracker {
  /** Fills incident.trigger for a suspension, and remembers non-suspension Orange errors. */
  observe(incident: Incident): void;
  readonly size: number;
}

/** Keys a suspension is looked up by: its IPs when it has any, else its host names. */
function lookupKeys(incident: Incident): string[] {
  if (incident.sendingIps.length > 0) return incident.sendingIps.map((ip) => `ip:${ip}`);
  return incident.sendingHosts.map((h) => `host:${h}`);
}

/** Keys an error is remembered under: every IP and every host name it has. */
function storeKeys(incident: Incident): string[] {
  return [...incident.sendingIps.map((ip) => `ip:${ip}`), ...incident.sendingHosts.map((h) => `host:${h}`)];
}

export function createTriggerTracker(cap = 10_000): TriggerTracker {
  const lastError = new BoundedMap<string, TriggerRef>(cap);
  return {
    observe(incident) {
      if (isSuspension(incident)) {
        for (const key of lookupKeys(incident)) {
          const found = lastError.get(key);
          if (found) {
            incident.trigger = found;
            break;
          }
        }
        return;
      }
      const keys = storeKeys(incident);
      if (!incident.isOrange || keys.length === 0) return;
      const ref = incident.sources.reply;
      if (!ref) return;
      const trigger: TriggerRef = {
        line: ref.line,
        text: ref.text,
        occurredAt: incident.occurredAt,
        token: incident.orange?.token ?? null,
        reason: incident.orange?.reason ?? null,
      };
      for (const key of keys) lastError.set(key, trigger);
    },
    get size() {
      return lastError.size;
    },
  };
}
