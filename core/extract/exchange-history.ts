/**
 * Exchange Online's delivery history, in a notice or pasted alone: one line per attempt, `7/7/2026
 * 3:48:53 PM - Server at mx.example.net (192.0.2.25) returned '450 4.4.317 ...'`, ended by the line of
 * Exchange's own server saying the message expired (`Server at SJ0PR04MB7504.namprd04.prod.outlook.com
 * returned '550 5.4.317 Message expired, ...'`).
 */
import type { Incident } from '../types';
import { MICROSOFT_OWN } from './microsoft-server';

/**
 * The server a history line names beside Exchange's own code (`Server at X.prod.outlook.com returned
 * '550 5.4.317 ...'`) is Exchange's, not the remote: the remote is the one it last tried.
 */
export function withoutOwnServer(incident: Incident): void {
  if (incident.remoteHost && MICROSOFT_OWN.test(incident.remoteHost)) {
    incident.remoteHost = null;
    delete incident.sources.remoteHost;
  }
}

/** Exchange's last word on a message it gave up on (`550 5.4.317 Message expired, cannot connect ...`). */
const EXPIRED = /^[45]\d\d [45]\.4\.\d{1,3} Message expired\b/i;

/**
 * Exchange Online's delivery history ends with the line of its own server saying the message expired
 * (`Server at MN2PR13MB4005.namprd13.prod.outlook.com returned '550 5.4.317 Message expired, cannot connect
 * to remote server(451 5.7.3 STARTTLS is required ...)'`), under the attempts it sums up (`Server at
 * steinmetznet.com (50.251.172.148) returned '450 4.4.317 Cannot connect ...'`): one failed message, the
 * attempts' incidents, which name the server tried, are its incidents.
 */
export function withoutExpirySummary(incidents: Incident[]): Incident[] {
  if (incidents.length < 2) return incidents;
  const kept = incidents.filter((incident) => !isExpirySummary(incident));
  return kept.length > 0 ? kept : incidents;
}

/**
 * Exchange's own status atop a delay notice's history (`Remote Server at mx.example.net (192.0.2.1)
 * returned '400 4.4.7 Message delayed'`): the attempts listed under it are the refusals.
 */
const DELAYED = /^4\d\d 4\.4\.7 Message delayed\b/i;

/**
 * Whether the incident is read from Exchange's own closing line (its reply text still as written), or
 * from the status it writes atop a delay notice's history.
 */
export function isExpirySummary(incident: Incident): boolean {
  if (DELAYED.test(incident.reply.text)) return true;
  return (
    EXPIRED.test(incident.reply.text) &&
    incident.remoteHost !== null &&
    MICROSOFT_OWN.test(incident.remoteHost)
  );
}
