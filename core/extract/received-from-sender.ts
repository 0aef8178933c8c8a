/**
 * A DSN the receiving side wrote, told by its own fields: its `Received-From-MTA` (RFC 3464 §2.2.4, the
 * host the reporting MTA received the message from) names a host of the sending domain at a public
 * address, the returned copy's topmost Received field is that very hop, and the `Reporting-MTA` is
 * outside the sending domain, with no `Remote-MTA` beyond it. The reporting MTA then took the message
 * in from the sender and refused it itself (Telia's `Reporting-MTA: dns; v-smtpin5.han.skanova.net
 * [81.236.60.152]` over `Received-From-MTA: dns; mail.bruun-rasmussen.dk [62.242.147.169]`, for a
 * mailbox over quota): the sender is the client named, the remote the reporting MTA.
 *
 * Most DSNs name in `Received-From-MTA` the client that submitted the message to the sender's own MTA
 * (`DNS; localhost`, an application server): the reporting MTA is then in the sending domain, or the
 * client is not, or the DSN names a remote further on, and nothing is concluded here.
 */
import { getDomain } from 'tldts';
import { type ExitHop, isWithin } from './exit-hop';
import { type Field, isHostName, stripType } from './header-block';
import { isNonPublicIp, normalizeIp } from './ip';
import { fromNameOf, hopOf } from './received';

/** `dns; mail.example.com [192.0.2.1]` or `mail.example.com (192.0.2.1)`: the name and the address. */
const NAME_AND_IP = /^([A-Za-z0-9][A-Za-z0-9.-]{0,252}?)\.?\s{1,4}[[(]([0-9A-Fa-f:.]{2,45})[\])]$/;

export interface ReceiverWrittenDsn {
  /** The hop the message entered the reporting MTA by, its client the sender. */
  exit: ExitHop;
  /** The reporting MTA's address when its field gives one. */
  reportingIp: string | null;
}

/** The host and public address a `Received-From-MTA` or `Reporting-MTA` value names, or null. */
function hostAndIp(value: string): { host: string; ip: string | null } | null {
  const text = stripType(value);
  const m = NAME_AND_IP.exec(text);
  const host = (m ? (m[1] as string) : text).replace(/\.$/, '').toLowerCase();
  if (!isHostName(host)) return null;
  const ip = m ? normalizeIp(m[2] as string) : null;
  return { host, ip: ip && !isNonPublicIp(ip) ? ip : null };
}

/**
 * The receiving side's DSN as described above, or null. `perMessage` and `recipients` are the DSN's
 * fields, `returned` the returned copy's header fields, `base` the sending domain's registrable domain.
 */
export function receiverWrittenDsn(
  perMessage: readonly Field[],
  recipients: readonly (readonly Field[])[],
  returned: readonly Field[],
  base: string | null,
): ReceiverWrittenDsn | null {
  if (!base) return null;
  const fromField = perMessage.find((f) => f.name === 'received-from-mta');
  const reportingField = perMessage.find((f) => f.name === 'reporting-mta');
  if (!fromField || !reportingField) return null;
  if (recipients.some((fields) => fields.some((f) => f.name === 'remote-mta'))) return null;
  const client = hostAndIp(fromField.value);
  const reporting = hostAndIp(reportingField.value);
  if (!client?.ip || !reporting || !isWithin(client.host, base) || isWithin(reporting.host, base))
    return null;
  const receiverDomain = getDomain(reporting.host);
  if (!receiverDomain) return null;
  const field = returned.find((f) => f.name === 'received');
  if (!field) return null;
  const hop = hopOf(field);
  const names = [fromNameOf(hop), hop.fromRdns, hop.fromHelo];
  if (hop.fromIp !== client.ip || !names.includes(client.host)) return null;
  return {
    exit: { hop, field, sendingHost: client.host, receiverDomain, writtenByRemote: true },
    reportingIp: reporting.ip,
  };
}
