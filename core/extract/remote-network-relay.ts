import type { Incident } from '../types';
import type { Field } from './header-block';
import { extractIps, isNonPublicIp } from './ip';
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
interface Writer {
  host: string;
  remote: string;
  /** The writer's hop on the bounce's way back, which gives its address. */
  field: Field;
  ip: string;
  /** The remote's reply names that address (`Client host [IP] blocked`): the client it refused. */
  refused: boolean;
}

/** The bounce's writer, a sending host whose address on the bounce's way back is in the remote's /24. */
function writerInRemoteNetwork(incident: Incident, bounceTop: readonly Field[]): Writer | null {
  const remote = incident.remoteIp;
  if (!remote) return null;
  for (const field of bounceTop) {
    if (field.name !== 'received') continue;
    const hop = hopOf(field);
    if (!hop.fromIp || !sameNetwork(hop.fromIp, remote)) continue;
    const names = [hop.fromName, hop.fromRdns, hop.fromHelo].map((n) => n?.replace(/\.$/, '').toLowerCase());
    const host = incident.sendingHosts.find((h) => names.includes(h));
    if (!host) continue;
    const refused = extractIps(incident.reply.text).includes(hop.fromIp);
    return { host, remote, field, ip: hop.fromIp, refused };
  }
  return null;
}

/**
 * The bounce's writer in the refusing server's /24 whose own address the reply names as the client it
 * refused (`host mx.otherhost.example[51.75.10.30] said: 550 5.7.1 ... Client host [51.75.10.20] blocked
 * using zen.spamhaus.org`, the writer leaving at 51.75.10.20): two customers of one hosting provider's
 * network, the writer the sender itself and no relay of the remote's. Its address is the sending IP.
 */
export function refusedWriter(
  incident: Incident,
  bounceTop: readonly Field[],
): { ip: string; field: Field } | null {
  const writer = writerInRemoteNetwork(incident, bounceTop);
  return writer?.refused ? { ip: writer.ip, field: writer.field } : null;
}

export function remoteNetworkRelay(
  incident: Incident,
  bounceTop: readonly Field[],
  returned: readonly Field[],
): RemoteNetworkRelay | null {
  const writer = writerInRemoteNetwork(incident, bounceTop);
  if (!writer || writer.refused) return null;
  const { host, remote } = writer;
  for (const field of returned) {
    if (field.name !== 'received') continue;
    const hop = hopOf(field);
    if (hop.byHost?.toLowerCase() !== host || !hop.fromIp || isNonPublicIp(hop.fromIp)) continue;
    if (sameNetwork(hop.fromIp, remote)) continue;
    return { host, entry: { hop, field } };
  }
  return null;
}
