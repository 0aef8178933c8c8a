import type { Incident } from '../types';
import type { Field } from './header-block';
import { isNonPublicIp } from './ip';
import { hopOf, type ReceivedHop } from './received';
import { sameNetwork } from './remote-network-ip';

export interface RemoteNetworkRelay {
  /** The sending host that turned out to be the receiving side's relay. */
  host: string;
  /** The returned copy's hop into that relay: its client is the sender the receiving side saw. */
  entry: { hop: ReceivedHop; field: Field };
}

/**
 * A sending host (the bounce's writer) whose own address, as the bounce's way back shows it, lies in
 * the refusing server's /24: a relay of the receiving side handing the copy on inside its own network
 * (`thing.example3.com [196.33.120.15]` refused by `196.33.120.18[196.33.120.18] said: 534 SIZE=Message
 * too big`; a forwarder `mx1.sample.com [70.87.28.136]` refused by its own filter at 70.87.28.164, in
 * Mail-DeliveryStatus-BounceParser's corpus). The copy's hop into it, from a public address, is where
 * the sender handed it to the receiving side.
 */
export function remoteNetworkRelay(
  incident: Incident,
  bounceTop: readonly Field[],
  returned: readonly Field[],
): RemoteNetworkRelay | null {
  const remote = incident.remoteIp;
  if (!remote) return null;
  let host: string | undefined;
  for (const field of bounceTop) {
    if (field.name !== 'received') continue;
    const hop = hopOf(field);
    if (!hop.fromIp || !sameNetwork(hop.fromIp, remote)) continue;
    const names = [hop.fromName, hop.fromRdns, hop.fromHelo].map((n) => n?.replace(/\.$/, '').toLowerCase());
    host = incident.sendingHosts.find((h) => names.includes(h));
    if (host) break;
  }
  if (!host) return null;
  for (const field of returned) {
    if (field.name !== 'received') continue;
    const hop = hopOf(field);
    if (hop.byHost?.toLowerCase() !== host || !hop.fromIp || isNonPublicIp(hop.fromIp)) continue;
    if (sameNetwork(hop.fromIp, remote)) continue;
    return { host, entry: { hop, field } };
  }
  return null;
}
