/**
 * GreenArrow Engine's `delivery_attempt` event (its Event Notification System; the delivery logs its
 * users export in the same fields): beside the remote's reply in `message`, the outbound MTA that made
 * the connection, `outmtaid` with its address `outmtaid_ip` and name `outmtaid_hostname` (the address
 * the receiving server saw), and the MX it connected to, `mx_hostname` and `mx_ip`. Read only in an
 * object that names its outbound MTA (`outmtaid`): the same words elsewhere mean other things.
 */
import { normalizeIp } from '../ip';
import type { EventFacts } from './event-facts';
import { type Obj, str } from './json-value';

/** The sending and remote sides a GreenArrow delivery attempt names, or null for another object. */
export function greenArrowSides(
  o: Obj,
): Pick<EventFacts, 'sendingIp' | 'sendingHost' | 'remoteHost' | 'remoteIp'> | null {
  if (o.outmtaid === undefined || (o.mx_hostname === undefined && o.mx_ip === undefined)) return null;
  const ip = (key: string) => {
    const value = str(o, key);
    return value ? normalizeIp(value) : null;
  };
  return {
    sendingIp: ip('outmtaid_ip'),
    sendingHost: str(o, 'outmtaid_hostname')?.toLowerCase() ?? null,
    remoteHost: str(o, 'mx_hostname')?.toLowerCase() ?? null,
    remoteIp: ip('mx_ip'),
  };
}
