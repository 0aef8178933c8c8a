/**
 * Whether an address may be a sending IP: public, not Orange's, and neither the remote's nor in the
 * remote's network.
 */
import type { Incident } from '../../types';
import { isNonPublicIp, isOrangeIp } from '../ip';
import { sameNetwork } from '../remote-network-ip';

export function isPublicSendingIp(incident: Incident, ip: string): boolean {
  const remote = incident.remoteIp;
  return !isNonPublicIp(ip) && !isOrangeIp(ip) && ip !== remote && !(remote && sameNetwork(ip, remote));
}
