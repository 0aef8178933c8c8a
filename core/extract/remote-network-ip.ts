import type { Incident } from '../types';

/** The first three parts of a dotted IPv4 address (its /24), null for anything else. */
function ipv4Network(ip: string): string | null {
  const m = /^(\d{1,3}\.\d{1,3}\.\d{1,3})\.\d{1,3}$/.exec(ip);
  return m ? (m[1] as string) : null;
}

/**
 * The documentation ranges (RFC 5737): whoever redacts a bounce writes its every address there, the
 * sender's beside the remote's (Sisimai's `192.0.2.2` refused by `192.0.2.22`).
 */
const DOCUMENTATION_NETWORKS = new Set(['192.0.2', '198.51.100', '203.0.113']);

/**
 * Two IPv4 addresses in one /24 outside the documentation ranges: one operator's network (a mail
 * service's servers sit side by side; the two ends of a delivery do not).
 */
export function sameNetwork(a: string, b: string): boolean {
  const network = ipv4Network(a);
  return network !== null && !DOCUMENTATION_NETWORKS.has(network) && network === ipv4Network(b);
}

/**
 * Drops the sending addresses the reply named that lie in the rejecting server's own /24: those are
 * the remote's network, not the sender's. A filtering service passes on its customer's refusal of the
 * filter's own outgoing host (`host mx.junkemailfilter.com[65.49.42.61] said: 550-REJECTED - Server at
 * [customer] (NOT JUNKEMAILFILTER) rejected message - 550 550 65.49.42.68 is not allowed to send mail
 * from ...`, in Mail-DeliveryStatus-BounceParser's corpus). The sending IP is then read elsewhere (the
 * hop the bounce left by) or left for the user to fill in.
 */
export function dropRemoteNetworkIps(incident: Incident): void {
  const remote = incident.remoteIp;
  if (!remote) return;
  const kept = incident.sendingIps.filter((ip) => !sameNetwork(ip, remote));
  if (kept.length === incident.sendingIps.length) return;
  incident.sendingIps = kept;
  if (kept.length === 0) delete incident.sources.sendingIps;
}
