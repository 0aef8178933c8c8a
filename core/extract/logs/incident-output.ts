/**
 * Where a scan's rejections become incidents and go out: built, linked to their trigger in log order,
 * counted, handed to onIncident and kept (LogScanOptions.keep); those still without a sender wait for
 * the sender line qmgr may write below them (later-sender.ts).
 */
import type { Incident } from '../../types';
import { buildIncident, createIncidentCaches, fillLaterSender } from './incident';
import { IncidentTally } from './incident-tally';
import { LaterSenders } from './later-sender';
import type { RawRejection } from './model';
import type { LogScanCounts, LogScanOptions } from './scanner-api';
import { createTriggerTracker } from './trigger';

export interface IncidentOutput {
  /** The incidents kept for the result. */
  readonly incidents: Incident[];
  readonly tally: IncidentTally;
  /** Incidents whose queue id had logged no sender yet: out when its sender line comes, or a while later. */
  readonly later: LaterSenders<Incident>;
  /** The incident of a rejection, published while reading line `atLine`. */
  publish(raw: RawRejection, atLine: number): void;
  /** An incident a reader built whole, as extract builds it (an ESP's event: formats/esp-event.ts). */
  deliver(incident: Incident): void;
}

export function createIncidentOutput(
  options: LogScanOptions,
  counts: LogScanCounts,
  cap: number,
): IncidentOutput {
  const keep = options.keep ?? 'all';
  const incidents: Incident[] = [];
  const triggers = createTriggerTracker(cap);
  const caches = createIncidentCaches();
  const tally = new IncidentTally(counts);
  /** An incident out: counted, handed to onIncident, kept. `senderLogged`: the log gave its sender. */
  const deliver = (incident: Incident, senderLogged = false) => {
    tally.add(incident, senderLogged);
    options.onIncident?.(incident);
    if (keep === 'all' || (keep === 'orange' && incident.isOrange)) incidents.push(incident);
  };
  // Incidents whose queue id had logged no sender yet: out when its sender line comes, or a while later.
  const later = new LaterSenders<Incident>((incident, sender) => {
    fillLaterSender(incident, sender);
    deliver(incident, true);
  }, deliver);

  /**
   * The incident of a rejection, published while reading line `atLine`. Its trigger is linked now, in
   * log order; without a sending domain, and its queue id without a sender so far, it waits for the
   * sender line qmgr may write below it (later-sender.ts).
   */
  const publish = (raw: RawRejection, atLine: number) => {
    const incident = buildIncident(raw, options, caches);
    const host = raw.sendingHost;
    triggers.observe(
      incident,
      host?.instance,
      raw.queueKey,
      raw.loggedBy ?? (host?.origin === 'syslog-ip' ? host.value : undefined),
    );
    if (incident.sendingDomain === null && raw.sender === null && raw.senderKey !== undefined) {
      if (raw.laterSender) fillLaterSender(incident, raw.laterSender);
      else {
        later.add(raw.senderKey, atLine, incident);
        return;
      }
    }
    deliver(incident, raw.sender !== null || raw.laterSender !== undefined);
  };

  return { incidents, tally, later, publish, deliver: (incident) => deliver(incident) };
}
