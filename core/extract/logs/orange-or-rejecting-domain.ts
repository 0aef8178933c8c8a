/**
 * Which provider refused, as the log scanner counts rejections by provider: 'orange', else the registrable
 * domain of the remote host (else of the recipient domain), else 'unknown'. The large-log summary names
 * providers its own way (../../summary/providers.ts, rejectingDomainOrIp).
 */
import { getDomain } from 'tldts';
import type { Incident } from '../../types';
import { remembered } from '../remembered';

/** Registrable domains by host name: a log names the same few MX hosts again and again. */
const registrable = remembered((name) => getDomain(name) ?? 'unknown');

export function orangeOrRejectingDomain(incident: Incident): string {
  if (incident.isOrange) return 'orange';
  const name = incident.remoteHost ?? incident.recipientDomain;
  return name ? registrable(name) : 'unknown';
}
