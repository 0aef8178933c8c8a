/**
 * A ready-made zone for an end-to-end run of the pre-flight panel, for an incident whose sending IP is
 * 198.51.100.23, host mail.example.com and domain example.com (documentation names). Expected outcome:
 * reverse DNS ok, HELO ok, SPF fail (the IP is not authorised), DMARC ok (p=quarantine), listed on
 * Spamhaus ZEN (127.0.0.2), not on the other lists, Abusix and Cloudmark "check by hand", Orange MX ok.
 *
 *   const dns = await startTestDnsServer(PREFLIGHT_E2E_ZONE);
 *   const services = createServices({ ..., preflight: { servers: [dns.server], timeoutMs: 2000 } });
 */
import type { TestZone } from './dns-server';

export const PREFLIGHT_E2E_ZONE: TestZone = {
  '23.100.51.198.in-addr.arpa': { PTR: ['mail.example.com'] },
  'mail.example.com': { A: ['198.51.100.23'] },
  'example.com': {
    TXT: ['v=spf1 ip4:203.0.113.0/24 include:_spf.esp.example -all'],
    MX: [{ priority: 10, exchange: 'mail.example.com' }],
  },
  '_spf.esp.example': { TXT: ['v=spf1 ip4:192.0.2.0/24 ~all'] },
  '_dmarc.example.com': { TXT: ['v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com'] },
  '23.100.51.198.zen.spamhaus.org': { A: ['127.0.0.2'] },
  'orange.fr': { MX: [{ priority: 10, exchange: 'smtp-in.orange.fr' }] },
  'wanadoo.fr': { MX: [{ priority: 10, exchange: 'smtp-in.orange.fr' }] },
  'smtp-in.orange.fr': { A: ['193.252.22.65', '80.12.242.15'] },
};
