/**
 * Whether the bounce itself came back from the side that received the returned copy: a remote that
 * accepted the message and failed it later (qmail's `failure notice` of a hosting provider, for a
 * mailbox full, expired or unknown at local delivery) sends its bounce back to the very host that
 * handed the message over. The copy's hop then mirrors one of the bounce's own Received fields:
 *
 *   copy:   Received: from unknown (HELO mta.example.net) (192.0.2.1) by mx1.provider.example
 *   bounce: Received: from mx1.provider.example ([IP]) by mta.example.net
 *
 * The bounce's `by` host is a name the copy's client gave, and the bounce's client is in the copy's
 * receiving domain. (Shape seen in cfortune/PHP-Bounce-Handler, eml/1.eml, 4.eml and 30.eml.)
 */
import { getDomain } from 'tldts';
import { isWithin } from './exit-hop';
import type { Field } from './header-block';
import { fromNameOf, hopOf, receivedByName } from './received';

const MAX_HOPS = 30;

/**
 * True when one of the bounce's own top-level Received fields (`top`) was written by a host named in
 * `clientNames` (the copy's client) for a client in `receiver` (the copy's receiving domain).
 */
export function bounceCameFromReceiver(
  top: readonly Field[],
  receiver: string,
  clientNames: readonly (string | null | undefined)[],
): boolean {
  const names = clientNames.filter((n): n is string => !!n && n.includes('.'));
  if (names.length === 0) return false;
  let seen = 0;
  for (let i = 0; i < top.length; i++) {
    const field = top[i] as Field;
    if (field.name !== 'received') continue;
    if (++seen > MAX_HOPS) return false;
    const by = receivedByName(field.value);
    if (!by || !names.includes(by)) continue;
    const hop = hopOf(field);
    const from = fromNameOf(hop);
    if (![from, hop.fromRdns, hop.fromHelo].some((n) => isWithin(n, receiver))) continue;
    return !passedOn(top.slice(0, i), by);
  }
  return false;
}

/**
 * True when a later field of the bounce's own (`newer`, newest first) shows `host` handing the bounce
 * on to another domain: `host` was then a relay of the receiving side carrying the bounce out, not the
 * sender's host it came back to (Cardinal Health's Exchange bouncing through its gateway
 * smtp.cardhealth.com to the list server sb7.songbird.com: the copy's hop from that gateway is no
 * sender's; GNU Mailman's test bounce dsn_13).
 */
function passedOn(newer: readonly Field[], host: string): boolean {
  const base = getDomain(host);
  for (const field of newer) {
    if (field.name !== 'received') continue;
    const hop = hopOf(field);
    if (![fromNameOf(hop), hop.fromRdns, hop.fromHelo].includes(host)) continue;
    const by = receivedByName(field.value);
    if (by?.includes('.') && (!base || !isWithin(by, base))) return true;
  }
  return false;
}
