/**
 * A suspension whose trigger is logged below it. `grep PATTERN /var/log/mail.log*` (and `zgrep`) prints
 * the files in the shell's order, `mail.log` before `mail.log.1`: the newest lines first, so the Orange
 * error an older file holds, earlier in time than a 999 of the newer one, is printed after it, and the
 * tracker (trigger.ts), which links in log order, missed it. So does a log read newest first
 * (`journalctl -r`).
 *
 * After a paste's scan, each suspension still without a trigger is linked to the latest Orange error that
 * came before it, wherever it is logged, within TRIGGER_WINDOW_MS and on the same clock: the same sending IP,
 * or, when the suspension has none, the same sending host and MTA instance, as the tracker links them.
 */
import type { Incident, Note } from '../../types';
import { triggerRefOf } from '../trigger-ref';
import { isSuspension, recentEnough, zoneAssumed } from './trigger';

const IP_FROM_TRIGGER_BELOW: Note = {
  code: 'sending-ip-from-trigger',
  text: {
    fr: 'L’adresse IP d’envoi est celle de l’erreur Orange antérieure du même serveur, liée à cette suspension bien qu’écrite plus bas dans l’extrait (ses lignes ne sont pas dans l’ordre du temps, comme un grep sur les fichiers tournés, le plus récent d’abord)\u00a0: Orange suspend l’adresse qui envoie. Vérifiez-la dans le journal du serveur.',
    en: "The sending IP is the one the earlier Orange error of the same server gave, linked to this suspension though written below it in the excerpt (its lines are not in time order, as grep over rotated logs prints the newest first): Orange suspends the address that sends. Check it in the server's log.",
  },
};

interface Candidate {
  error: Incident;
  at: number;
}

/**
 * The MTA instance of the syslog line an incident was read from: its program's name without its last part
 * (`postfix-out1` of `postfix-out1/smtp[21877]:`, two instances of one machine may send from two addresses);
 * '' for a line that names none.
 */
const PROGRAM = /\s([\w.-]{1,64}(?:\/[\w.-]{1,64}){0,3})\/[\w.-]{1,64}\[\d{1,10}\]:/;
const instanceOf = (incident: Incident) => PROGRAM.exec(incident.sources.reply?.text ?? '')?.[1] ?? '';

/** The keys an incident is found by: its IPs, else its host names with its instance. */
export function keysOf(incident: Incident, hostsToo: boolean): string[] {
  const keys = incident.sendingIps.map((ip) => `ip:${ip}`);
  if (hostsToo || keys.length === 0) {
    const instance = instanceOf(incident);
    for (const host of incident.sendingHosts) keys.push(`host:${host}|${instance}`);
  }
  return keys;
}

/** The latest candidate at or before `at` in a list sorted by time, or undefined. */
function latestAtOrBefore(list: readonly Candidate[], at: number): Candidate | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.at ?? 0) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : undefined;
}

/** Links them; returns how many suspensions got their trigger's sending IP. */
export function withTriggersBelow(incidents: readonly Incident[]): number {
  const waiting = incidents.filter((i) => isSuspension(i) && !i.trigger && i.occurredAt);
  let filled = 0;
  if (waiting.length === 0) return filled;
  const errors = new Map<string, Candidate[]>();
  for (const error of incidents) {
    if (!error.isOrange || isSuspension(error) || !error.sources.reply || !error.occurredAt) continue;
    const at = Date.parse(error.occurredAt);
    if (Number.isNaN(at)) continue;
    for (const key of keysOf(error, true)) {
      const list = errors.get(key) ?? [];
      list.push({ error, at });
      errors.set(key, list);
    }
  }
  if (errors.size === 0) return filled;
  for (const list of errors.values()) list.sort((a, b) => a.at - b.at);
  for (const suspension of waiting) {
    const at = Date.parse(suspension.occurredAt ?? '');
    let best: Candidate | undefined;
    for (const key of keysOf(suspension, false)) {
      const found = latestAtOrBefore(errors.get(key) ?? [], at);
      if (found && (!best || found.at > best.at)) best = found;
    }
    if (best && linkBelow(suspension, best.error)) filled++;
  }
  return filled;
}

/**
 * Links a suspension to the Orange error found below it when both are on the same clock and the error is
 * recent enough; true when the suspension got the error's sending IP. Shared with the streaming summary
 * (core/summary/late-triggers.ts).
 */
export function linkBelow(suspension: Incident, error: Incident): boolean {
  if (zoneAssumed(error) !== zoneAssumed(suspension)) return false;
  if (!recentEnough(error.occurredAt, suspension.occurredAt, true)) return false;
  const trigger = triggerRefOf(error, 'line');
  suspension.trigger = trigger;
  if (suspension.sendingIps.length > 0 || !trigger.sendingIps?.length) return false;
  suspension.sendingIps = [...trigger.sendingIps];
  suspension.sources.sendingIps = { line: trigger.line, text: trigger.text };
  suspension.assumptions.push(IP_FROM_TRIGGER_BELOW);
  return true;
}
