/** ARF (abuse reports): the sending host named by the reported Source-IP's hop in the returned copy. */
import type { Incident } from '../../types';
import type { Field } from '../header-block';
import { isHostName } from '../header-block';
import { addUnique } from '../incident';
import { fromNameOf, hopOf } from '../received';
import type { RefOf } from './message-sender';

/** ARF: the client name of the returned message's hop from the reported Source-IP. */
export function fillReportedHost(
  incident: Incident,
  fields: readonly Field[],
  reportedIp: string | null,
  refOf: RefOf,
): boolean {
  if (!reportedIp) return false;
  for (const field of fields) {
    if (field.name !== 'received') continue;
    const hop = hopOf(field);
    if (hop.fromIp !== reportedIp) continue;
    const name = fromNameOf(hop) ?? '';
    const host = hop.fromRdns ?? (isHostName(name) ? name : hop.fromHelo);
    if (!host) return false;
    addUnique(incident.sendingHosts, host);
    refOf(incident, 'sendingHosts', field.firstLine);
    return true;
  }
  return false;
}
