/**
 * The other providers' rejections, counted aside by provider: the registrable domain of the rejecting
 * host (gmail-smtp-in.l.google.com → google.com), else the recipient domain, else the rejecting IP.
 */
import { getDomain } from 'tldts';
import { remembered } from '../extract/remembered';
import type { Incident } from '../types';
import { cutText, MAX_PROVIDERS } from './limits';
import type { ProviderCount } from './types';

export const OTHER_PROVIDERS = '(other)';
export const UNKNOWN_PROVIDER = '(unknown)';

/** Registrable domains by host name: a log names the same few MX hosts on every incident. */
const registrableOf = remembered(getDomain);

/**
 * The provider a non-Orange rejection is counted under: the registrable domain of the rejecting host, else
 * the recipient domain, else the rejecting IP, else UNKNOWN_PROVIDER.
 */
export function rejectingDomainOrIp(incident: Incident): string {
  const host = incident.remoteHost?.toLowerCase();
  const fromHost = host ? registrableOf(host) : null;
  return fromHost ?? incident.recipientDomain?.toLowerCase() ?? incident.remoteIp ?? UNKNOWN_PROVIDER;
}

export interface ProviderCounter {
  add(incident: Incident): void;
  result(): ProviderCount[];
}

export function createProviderCounter(): ProviderCounter {
  const byProvider = new Map<string, ProviderCount>();
  return {
    add(incident) {
      let key = rejectingDomainOrIp(incident);
      if (!byProvider.has(key) && byProvider.size >= MAX_PROVIDERS) key = OTHER_PROVIDERS;
      let entry = byProvider.get(key);
      if (!entry) {
        entry = {
          provider: key,
          count: 0,
          deferred: 0,
          bounced: 0,
          exampleReply: cutText(incident.reply.text),
        };
        byProvider.set(key, entry);
      }
      entry.count += 1;
      const code = incident.reply.code;
      if (code !== null && code >= 400 && code < 500) entry.deferred += 1;
      else if (code !== null && code >= 500 && code < 600) entry.bounced += 1;
    },
    result() {
      return [...byProvider.values()]
        .map((p) => ({ ...p }))
        .sort((a, b) => b.count - a.count || a.provider.localeCompare(b.provider));
    },
  };
}
