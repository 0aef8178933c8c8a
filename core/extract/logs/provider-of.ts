/** Which provider refused: Orange, else the registrable domain of the remote host or recipient. */
import { getDomain } from 'tldts';
import type { Incident } from '../../types';

/** Registrable domains by host name: a log names the same few MX hosts again and again. */
const registrable = new Map<string, string>();

export function providerOf(incident: Incident): string {
  if (incident.isOrange) return 'orange';
  const name = incident.remoteHost ?? incident.recipientDomain;
  if (!name) return 'unknown';
  let domain = registrable.get(name);
  if (domain === undefined) {
    domain = getDomain(name) ?? 'unknown';
    if (registrable.size >= 4096) registrable.clear();
    registrable.set(name, domain);
  }
  return domain;
}
