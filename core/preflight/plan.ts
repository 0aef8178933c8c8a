/** Which checks an incident calls for, in display order; each has a stable id the results refer to. */
import ipaddr from 'ipaddr.js';
import { normalizeName } from './dns';
import { DNSBL_LISTS } from './dnsbl-lists';
import type { PreflightCheck, PreflightInput } from './types';

function uniqueIps(ips: string[]): string[] {
  const seen = new Set<string>();
  for (const raw of ips) {
    const trimmed = raw.trim();
    if (ipaddr.isValid(trimmed)) seen.add(ipaddr.process(trimmed).toString());
  }
  return [...seen];
}

/**
 * A plausible DNS name (letters, digits, _ and -, dotted, 253 characters at most): others are not queried.
 */
const DNS_NAME = /^[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62})){1,126}$/;
const SELECTOR = /^[a-z0-9_](?:[a-z0-9_.-]{0,61}[a-z0-9])?$/i;

function dnsName(raw: string | null | undefined): string | null {
  const name = raw ? normalizeName(raw) : '';
  return name.length <= 253 && DNS_NAME.test(name) ? name : null;
}

export function planPreflight(input: PreflightInput): PreflightCheck[] {
  const ips = uniqueIps(input.sendingIps);
  const hosts = [...new Set(input.sendingHosts.map(normalizeName).filter((host) => host !== ''))];
  const domain = dnsName(input.sendingDomain);
  const helo = hosts[0] ?? null;
  const checks: PreflightCheck[] = [];
  for (const ip of ips) checks.push({ id: `ptr:${ip}`, kind: 'ptr', ip });
  for (const host of hosts) checks.push({ id: `helo:${host}`, kind: 'helo', host, ips });
  if (domain) {
    for (const ip of ips) checks.push({ id: `spf:${domain}:${ip}`, kind: 'spf', domain, ip, helo });
    checks.push({ id: `dmarc:${domain}`, kind: 'dmarc', domain });
  }
  const selector = input.dkim?.selector.trim() ?? '';
  const dkimDomain = dnsName(input.dkim?.domain);
  if (dkimDomain && SELECTOR.test(selector)) {
    checks.push({ id: `dkim:${selector}:${dkimDomain}`, kind: 'dkim', selector, domain: dkimDomain });
  }
  for (const ip of ips) {
    const v6 = ipaddr.parse(ip).kind() === 'ipv6';
    for (const list of DNSBL_LISTS) {
      if (v6 && !list.ipv6) continue;
      checks.push({ id: `dnsbl:${list.id}:${ip}`, kind: 'dnsbl', ip, list: list.id });
    }
    checks.push({ id: `cloudmark:${ip}`, kind: 'cloudmark', ip });
  }
  checks.push({ id: 'orange-mx:orange.fr', kind: 'orange-mx', domain: 'orange.fr' });
  checks.push({ id: 'orange-mx:wanadoo.fr', kind: 'orange-mx', domain: 'wanadoo.fr' });
  return checks;
}
