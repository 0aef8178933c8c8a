/**
 * The client a receiver's SPF check names in a returned copy that kept no Received field of that hop
 * (RFC 7208, section 9.1: `Received-SPF: softfail (...) receiver=pv22p00im-spfmilter022.me.com;
 * client-ip=192.0.2.222; helo=mail.example.jp; envelope-from=...`, in the copy Apple's Messaging Server
 * returned in Sisimai's lhost-messagingserver-12, whose Received fields are the sender's `by mail.example.jp`
 * and Apple's internal ones). The check's `client-ip` is the address the host named by `helo` left from
 * when it handed the message to the checker; that host is the sender's last when:
 *
 * - the copy has one SPF verdict (of several, which receiver's is the remote's is not known);
 * - the `helo` host wrote a Received field of the copy (a host on the message's way), and no Received
 *   field names it as a client (the hop out of it was recorded nowhere else: exit-hop.ts reads such hops);
 * - the checker (`receiver=`) is of another registrable domain than that host and the sending domain: a
 *   check made on arrival at another organisation, not inside the sender's network.
 */
import { getDomain } from 'tldts';
import type { Field } from './header-block';
import { normalizeIp } from './ip';
import { fromNameOf, hopOf, receivedByName } from './received';

const CLIENT_IP = /(?:^|[\s;])client-ip=([0-9A-Fa-f:.]{2,45})\s{0,4}(?:;|$)/i;
const HELO = /(?:^|[\s;])helo=([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s{0,4}(?:;|$)/i;
const RECEIVER = /(?:^|[\s;])receiver=([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s{0,4}(?:;|$)/i;
/** Received fields looked at, as the other walks of the copy (exit-hop.ts). */
const MAX_HOPS = 30;

export interface SpfClient {
  ip: string;
  /** The name the client gave (HELO), lower case. */
  helo: string;
  /** The host that made the check. */
  receiver: string;
  field: Field;
}

/** The sender's last host and address an SPF verdict of the copy names (see above), or null. */
export function spfClientOfCopy(fields: readonly Field[], sendingDomain: string | null): SpfClient | null {
  const verdicts = fields.filter((f) => f.name === 'received-spf');
  const field = verdicts.length === 1 ? verdicts[0] : undefined;
  if (!field) return null;
  const value = field.value.replace(/\s+/g, ' ');
  const ip = normalizeIp(CLIENT_IP.exec(value)?.[1] ?? '');
  const helo = HELO.exec(value)?.[1]?.replace(/\.$/, '').toLowerCase();
  const receiver = RECEIVER.exec(value)?.[1]?.replace(/\.$/, '').toLowerCase();
  if (!ip || !helo?.includes('.') || !receiver) return null;
  const receiverBase = getDomain(receiver);
  if (!receiverBase || receiverBase === getDomain(helo)) return null;
  if (sendingDomain && receiverBase === getDomain(sendingDomain)) return null;
  let wrote = false;
  let hops = 0;
  for (const f of fields) {
    if (f.name !== 'received') continue;
    if (++hops > MAX_HOPS) break;
    if (receivedByName(f.value)?.replace(/\.$/, '').toLowerCase() === helo) wrote = true;
    const hop = hopOf(f);
    if ([fromNameOf(hop), hop.fromHelo, hop.fromRdns].some((n) => n?.toLowerCase() === helo)) return null;
  }
  return wrote ? { ip, helo, receiver, field } : null;
}
