/**
 * Links each Orange 999 suspension to the earlier Orange error for the same sending IP (or, when no IP is
 * known, the same sending host and MTA instance): Orange says the suspension "was triggered by a previous
 * issue that can be found in the previous log message" (../shared/notes/orange.md, section 3). Orange
 * suspends the address that sent: a suspension linked by its host gets the IP its trigger gave, with a
 * note. A log that names neither (Exim's main log: one server's, its lines without a host) links a
 * suspension to the earlier error for the same message, the same server retrying it (the Abusix refusal
 * of osm-fr/infrastructure #603, then a 999, as `==` deferrals of one message id).
 */
import type { Incident, Note, TriggerRef } from '../../types';
import { triggerRefOf } from '../trigger-ref';
import { BoundedMap } from './bounded-map';

const IP_FROM_TRIGGER: Note = {
  code: 'sending-ip-from-trigger',
  text: {
    fr: 'L’adresse IP d’envoi est celle de l’erreur Orange précédente, liée à cette suspension (même serveur, même instance)\u00a0: Orange suspend l’adresse qui envoie. Vérifiez-la dans le journal du serveur.',
    en: "The sending IP is the one the earlier Orange error linked to this suspension gave (same server, same instance): Orange suspends the address that sends. Check it in the server's log.",
  },
};

const IP_FROM_SAME_MESSAGE: Note = {
  code: 'sending-ip-from-trigger',
  text: {
    fr: 'L’adresse IP d’envoi est celle de l’erreur Orange précédente pour le même message, liée à cette suspension (le même serveur le réessayait)\u00a0: Orange suspend l’adresse qui envoie. Vérifiez-la dans le journal du serveur.',
    en: "The sending IP is the one the earlier Orange error for the same message gave, linked to this suspension (the same server was retrying it): Orange suspends the address that sends. Check it in the server's log.",
  },
};

/** 99X reasons are Orange's rate limits for bad behaviour (999 the common one). */
export function isSuspension(incident: Incident): boolean {
  const reason = incident.orange?.reason ?? null;
  return incident.isOrange && reason !== null && reason >= 990 && reason <= 999;
}

export interface TriggerTracker {
  /**
   * Fills incident.trigger for a suspension, and remembers non-suspension Orange errors; `instance` is the
   * MTA instance that logged the line, when the log names one; `message` the log's key for the message
   * (its queue id), when it has one; `loggedBy` the address a syslog host field gave for the machine that
   * logged the line, which no sending host name gives (incident.ts).
   */
  observe(incident: Incident, instance?: string, message?: string, loggedBy?: string): void;
  readonly size: number;
}

/**
 * How long before a suspension its trigger may be: Orange suspends for a while (two hours, by the
 * founding document) right after the behaviour it blames, never weeks later.
 */
export const TRIGGER_WINDOW_MS = 24 * 3600 * 1000;

/**
 * True when the error at `before` may have triggered a suspension at `at` (unknown times do not forbid
 * it): not long before it, and not after it (a log read newest first, `journalctl -r`, shows the errors
 * that came after a suspension above it). "After" is only told between two times read the same way
 * (`sameClock`): an Exim line with its zone and another whose zone was assumed are hours apart by the
 * assumption alone.
 */
export function recentEnough(before: string | null, at: string | null, sameClock: boolean): boolean {
  if (!before || !at) return true;
  const gap = Date.parse(at) - Date.parse(before);
  return Number.isNaN(gap) || ((gap >= 0 || !sameClock) && gap <= TRIGGER_WINDOW_MS);
}

/** True when the incident's time was completed with an assumed zone (time.ts). */
export function zoneAssumed(incident: Incident): boolean {
  return incident.assumptions.some((a) => a.code === 'assumed-year-and-zone' || a.code === 'assumed-zone');
}

const hostKey = (host: string, instance: string | undefined) => `host:${host}|${instance ?? ''}`;

const messageKey = (message: string, instance: string | undefined) => `message:${message}|${instance ?? ''}`;

/**
 * Keys a suspension is looked up by: its IPs when it has any, else its host names (with the instance),
 * else the address of the machine that logged it, else its message.
 */
function lookupKeys(
  incident: Incident,
  instance: string | undefined,
  message: string | undefined,
  loggedBy: string | undefined,
): string[] {
  if (incident.sendingIps.length > 0) return incident.sendingIps.map((ip) => `ip:${ip}`);
  if (incident.sendingHosts.length > 0) return incident.sendingHosts.map((h) => hostKey(h, instance));
  if (loggedBy) return [hostKey(loggedBy, instance)];
  return message ? [messageKey(message, instance)] : [];
}

/**
 * Keys an error is remembered under: every IP and every host name it has, the address of the machine that
 * logged it when its syslog host field gave one, and its message when it has neither. A suspension is looked
 * up by its message only when it has neither IP nor host name (a log whose lines name no host, Exim's main
 * log), and the errors before it for the same message come from the same log, without a host name too. Not
 * storing the message of every error of a syslog (each one has its host) spares a map entry per refusal: on a
 * log of an Orange block day, 5 % of the scan.
 */
function storeKeys(
  incident: Incident,
  instance: string | undefined,
  message: string | undefined,
  loggedBy: string | undefined,
): string[] {
  const keys = incident.sendingIps.map((ip) => `ip:${ip}`);
  for (const host of incident.sendingHosts) keys.push(hostKey(host, instance));
  if (loggedBy) keys.push(hostKey(loggedBy, instance));
  else if (message && incident.sendingHosts.length === 0) keys.push(messageKey(message, instance));
  return keys;
}

/**
 * An error remembered, and whether its time was read in an assumed zone. (Said beside it rather than
 * kept in a WeakSet of errors: one entry per Orange error of a large log made the garbage collector's
 * work on weak tables grow with the log.)
 */
interface RememberedError {
  trigger: TriggerRef;
  assumedZone: boolean;
}

export function createTriggerTracker(cap = 10_000): TriggerTracker {
  const lastError = new BoundedMap<string, RememberedError>(cap);
  return {
    observe(incident, instance, message, loggedBy) {
      if (isSuspension(incident)) {
        for (const key of lookupKeys(incident, instance, message, loggedBy)) {
          const remembered = lastError.get(key);
          if (!remembered) continue;
          const found = remembered.trigger;
          const sameClock = remembered.assumedZone === zoneAssumed(incident);
          if (!recentEnough(found.occurredAt, incident.occurredAt, sameClock)) continue;
          incident.trigger = found;
          if (incident.sendingIps.length === 0 && found.sendingIps?.length) {
            incident.sendingIps = [...found.sendingIps];
            incident.sources.sendingIps = { line: found.line, text: found.text };
            incident.assumptions.push(key.startsWith('message:') ? IP_FROM_SAME_MESSAGE : IP_FROM_TRIGGER);
          }
          break;
        }
        return;
      }
      const keys = storeKeys(incident, instance, message, loggedBy);
      if (!incident.isOrange || keys.length === 0) return;
      if (!incident.sources.reply) return;
      // Quoted as the log line it is.
      const remembered = { trigger: triggerRefOf(incident, 'line'), assumedZone: zoneAssumed(incident) };
      for (const key of keys) lastError.set(key, remembered);
    },
    get size() {
      return lastError.size;
    },
  };
}
