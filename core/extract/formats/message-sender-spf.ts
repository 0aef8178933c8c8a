/**
 * The sending IP and host a receiver's SPF check names in a returned copy that kept no Received field of
 * the hop into the remote (returned-spf-client.ts), said in a note.
 */
import type { Incident } from '../../types';
import { addUnique } from '../incident';
import { NOTES } from '../notes';
import type { ReturnedHeaders } from '../returned-headers';
import { spfClientOfCopy } from '../returned-spf-client';
import type { RefOf } from './message-sender';
import { isPublicSendingIp } from './message-sending-ip';

export function fillSpfClient(incident: Incident, returned: ReturnedHeaders, refOf: RefOf): void {
  const spf = spfClientOfCopy(returned.fields, incident.sendingDomain);
  if (!spf || !isPublicSendingIp(incident, spf.ip)) return;
  addUnique(incident.sendingIps, spf.ip);
  refOf(incident, 'sendingIps', spf.field.firstLine);
  if (incident.sendingHosts.length === 0) {
    addUnique(incident.sendingHosts, spf.helo);
    refOf(incident, 'sendingHosts', spf.field.firstLine);
  }
  incident.assumptions.push(NOTES.ipFromSpfVerdict(spf.ip, spf.helo, spf.receiver));
}
