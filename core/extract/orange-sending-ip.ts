/**
 * An address of Orange's own network among the sending IPs of a refusal by Orange (`OFR006_103
 * 80.12.242.14 [103]`, Orange's MX quoted in prose): Orange's servers are never the sender Orange's abuse
 * desk asks about, and the app's own check refuses such an address for the ticket (validate/ip.ts), as
 * the log reader never takes one (logs/incident.ts). It is dropped, with a note, so the user fills in the
 * real one. Another provider's refusal may name Orange's relay as its client, rightly (La Poste's `SPF:
 * 80.12.242.126 is not allowed`, for mail sent through smtp.orange.fr): it is left alone.
 */
import type { Incident } from '../types';
import { isOrangeIp } from './ip';
import { NOTES } from './notes';

export function dropOrangeFromSending(incident: Incident): void {
  const orange = incident.sendingIps.filter((ip) => isOrangeIp(ip));
  if (orange.length === 0) return;
  incident.sendingIps = incident.sendingIps.filter((ip) => !isOrangeIp(ip));
  if (incident.sendingIps.length === 0) delete incident.sources.sendingIps;
  for (const ip of orange) incident.assumptions.push(NOTES.orangeNetworkIp(ip));
}
