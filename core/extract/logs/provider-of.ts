/** Which provider refused: Orange, else the registrable domain of the remote host or recipient. */
import { getDomain } from 'tldts';
import type { Incident } from '../../types';
import { remembered } from '../remembered';

/** Registrable domains by host name: a log names the same few MX hosts again and again. */
const registrable = remembered((name) => getDomain(name) ?? 'unknown');

export function providerOf(incident: Incident): string {
  if (incident.isOrange) return 'orange';
  const name = incident.remoteHost ?? incident.recipientDomain;
  return name ? registrable(name) : 'unknown';
}
