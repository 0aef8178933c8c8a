/** A DnsLookup backed by Node's resolver pointed at a test DNS server (short timeouts, one try). */
import { Resolver } from 'node:dns/promises';
import type { DnsLookup } from '../../../core/preflight/dns';
import { createNodeDnsLookup } from '../../../electron/services/preflight/node-dns';
import type { TestDnsServer } from './dns-server';

export function lookupAt(dns: TestDnsServer, timeoutMs = 300): DnsLookup {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  resolver.setServers([dns.server]);
  return createNodeDnsLookup(resolver);
}
