import { isWithin } from './exit-hop';
import type { Field } from './header-block';
import { hopOf } from './received';

/**
 * Whether the bounce's own Received fields name the host at `ip` within `domain` (by its reverse name,
 * else the name it gave). A Postfix relay on the receiving side names the inner server that refused by
 * its address alone (`host 209.12.9.10[209.12.9.10] said: 550 5.1.1 ...`, Reporting-MTA
 * morpheus.hpi.net), and the bounce then leaves through that server (`Received: from smith.hpi.net
 * (smith.hpi.net [209.12.9.10])`): in the domain of the host the copy came into (`by morpheus.hpi.net`),
 * so that hop took the copy to the remote's side, not to a relay of the sender's.
 */
export function bounceHopNamesWithin(top: readonly Field[], ip: string, domain: string): boolean {
  for (const field of top) {
    if (field.name !== 'received') continue;
    const hop = hopOf(field);
    if (hop.fromIp !== ip) continue;
    const name = (hop.fromRdns ?? hop.fromName)?.toLowerCase();
    if (isWithin(name, domain)) return true;
  }
  return false;
}
