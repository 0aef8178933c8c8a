/**
 * The sending hosts' addresses read on the bounce's own way back to the sender's mailbox, when the
 * refused copy's way out gives none.
 */
import type { Incident } from '../../types';
import type { Field } from '../header-block';
import { addUnique } from '../incident';
import { NOTES } from '../notes';
import { hopOf } from '../received';
import type { RefOf } from './message-sender';
import { isPublicSendingIp } from './message-sending-ip';

/** True when `text` holds one of the host names. */
function mentionsHost(text: string, hosts: readonly string[]): boolean {
  for (const h of hosts) if (text.includes(h)) return true;
  return false;
}

/** True when a client name of a Received hop (maybe absent, maybe with a final dot) is a sending host. */
function isSendingHost(name: string | null | undefined, hosts: readonly string[]): boolean {
  return !!name && hosts.includes(name.replace(/\.$/, ''));
}

/** True when the remote's address is known and of the other family (IPv4, IPv6) than `ip`. */
function otherFamily(ip: string, remote: string | null): boolean {
  return !!remote && ip.includes(':') !== remote.includes(':');
}

/** A Received hop over a mailbox store's transport (`with HTTPS`, `with mapi`), not over SMTP. */
const INTERNAL_TRANSPORT = /\bwith\s{1,4}(?:HTTPS?|mapi)\b/i;

/**
 * The bounce travelled from the reporting MTA to the sender's mailbox: the top-level Received line
 * whose client is one of the sending hosts gives that host's public address.
 */
export function addRelayIps(incident: Incident, top: readonly Field[], refOf: RefOf): void {
  const hosts = incident.sendingHosts;
  for (const f of top) {
    if (f.name !== 'received') continue;
    // Both names compared below are pieces of the value, lower-cased: skip values holding no host.
    if (!mentionsHost(f.value.toLowerCase(), hosts)) continue;
    // Exchange Online hands the notice to the mailbox over its own HTTPS/MAPI transport: that client
    // address is inside Microsoft's network, never the one the remote saw.
    if (INTERNAL_TRANSPORT.test(f.value)) continue;
    const hop = hopOf(f);
    if (!hop.fromIp) continue;
    const names = [hop.fromName?.toLowerCase(), hop.fromRdns, hop.fromHelo];
    if (!names.some((n) => isSendingHost(n, hosts))) continue;
    if (otherFamily(hop.fromIp, incident.remoteIp)) {
      // A delivery to an IPv6 remote left from an IPv6 address (and to an IPv4 one from an IPv4 address):
      // the bounce's way back tells nothing of it (Sisimai's lhost-postfix-28, 29: IPv4 back, Gmail's IPv6
      // MX refused).
      if (incident.sendingIps.length === 0)
        incident.assumptions.push(NOTES.bounceRouteOtherFamily(hop.fromIp, incident.remoteIp as string));
      continue;
    }
    if (isPublicSendingIp(incident, hop.fromIp)) {
      // Read on the bounce's own way back, not on the refused copy's way out: most often the same
      // server and address, but not always (a separate outbound pool), so it is said.
      if (incident.sendingIps.length === 0) incident.assumptions.push(NOTES.ipFromBounceRoute(hop.fromIp));
      addUnique(incident.sendingIps, hop.fromIp);
      refOf(incident, 'sendingIps', f.firstLine);
    }
  }
}
