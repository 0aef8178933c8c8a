/**
 * The sending IPs a look-up link (Cloudmark's reset form, Abusix, Spamhaus) may be built with: only the
 * addresses the IP check (core/validate/ip.ts) does not reject. A malformed address ("203.0.113", which
 * ipaddr.js would read as 203.0.0.113), a private, reserved or loopback one, or Orange's own, gives no
 * link; the advice says why instead, in the check's own words. So does a documentation address
 * (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32, RFC 5737 and 3849): the check only warns
 * about it, but it is an example or a masked sample, never a real sender to look up or reset.
 */
import ipaddr from 'ipaddr.js';
import type { Localized } from '../types';
import { isDocumentationIp, validateIp } from '../validate/ip';

export interface LinkIps {
  /** The addresses to build links with, trimmed, without repeats, at most `max`. */
  linked: string[];
  /** One sentence per address left out, saying why (both languages). */
  withheld: Localized[];
}

export function linkIps(ips: readonly string[], max: number): LinkIps {
  const linked: string[] = [];
  const withheld: Localized[] = [];
  for (const ip of new Set(ips.map((value) => value.trim()))) {
    if (ip === '') continue;
    const verdict = validateIp(ip);
    if (verdict.level !== 'error' && ipaddr.isValid(ip) && !isDocumentationIp(ip)) {
      if (linked.length < max) linked.push(ip);
    } else if (withheld.length < max) {
      withheld.push({
        fr: `${verdict.message.fr} Aucun lien n’est donc construit avec cette adresse.`,
        en: `${verdict.message.en} So no link is built with this address.`,
      });
    }
  }
  return { linked, withheld };
}
