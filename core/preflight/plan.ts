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

export function planPreflight(input: PreflightInput): PreflightCheck[] {
  const ips = uniqueIps(input.sendingIps);
  const hosts = [...new Set(input.sendingHosts.map(normalizeName).filter((host) => host !== ''))];
  const domain = input.sendingDomain ? normalizeName(input.sendingDomain) : null;
  const helo = hosts[0] ?? null;
  const checks: PreflightCheck[] = [];
  for (const ip of ips) checks.push({ id: `ptr:${ip}`, kind: 'ptr', ip });
  for (const host of hosts) checks.push({ id: `helo:${host}`, kind: 'helo', host, ips });
  if (domain) {
    for (const ip of ips) checks.push({ id: `spf:${domain}:${ip}`, kind: 'spf', domain, ip, helo });
    checks.push({ id: `dmarc:${domain}`, kind: 'dmarc', domain });
  }
  if (input.dkim) {
    const selector = input.dkim.selector.trim();
    const dkimDomain = normalizeName(input.dkim.domain);
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
