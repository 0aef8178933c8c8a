/**
 * Checking a sending IP address: valid IPv4/IPv6, public (ranges classified by ipaddr.js), and not one
 * of Orange's own addresses (Orange's networks as kept by the extraction, core/extract/orange-network.ts).
 */
import ipaddr from 'ipaddr.js';
import { isOrangeIp } from '../extract/ip';
import type { Verdict } from '../types';
import { error, ok, warning } from './verdict';

/** RFC 5737 and RFC 3849 / RFC 9637 documentation ranges (ipaddr.js files them under 'reserved'). */
const DOCUMENTATION = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '2001:db8::/32', '3fff::/20'].map(
  (cidr) => ipaddr.parseCIDR(cidr),
);

const NON_PUBLIC: Record<string, { fr: string; en: string }> = {
  private: { fr: 'privée (RFC 1918)', en: 'private (RFC 1918)' },
  uniqueLocal: { fr: 'locale unique (privée IPv6)', en: 'unique local (private IPv6)' },
  loopback: { fr: 'de bouclage (loopback)', en: 'loopback' },
  linkLocal: { fr: 'de lien local', en: 'link-local' },
  carrierGradeNat: { fr: 'de NAT opérateur (100.64.0.0/10)', en: 'carrier-grade NAT (100.64.0.0/10)' },
  unspecified: { fr: 'non spécifiée', en: 'unspecified' },
  multicast: { fr: 'multicast', en: 'multicast' },
  broadcast: { fr: 'de diffusion (broadcast)', en: 'broadcast' },
  reserved: { fr: 'réservée', en: 'reserved' },
  benchmarking: { fr: 'réservée aux bancs de test', en: 'reserved for benchmarking' },
};

function parse(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const t = text.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(t)) return ipaddr.IPv4.parse(t);
  if (t.includes(':') && ipaddr.IPv6.isValid(t)) {
    const v6 = ipaddr.IPv6.parse(t);
    return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
  }
  return null;
}

function isDocumentation(addr: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  return DOCUMENTATION.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits));
}

/** True for an address of the documentation ranges (an example or masked sample, never a real sender). */
export function isDocumentationIp(text: string): boolean {
  const addr = parse(text);
  return addr !== null && isDocumentation(addr);
}

export function validateIp(text: string): Verdict {
  const value = text.trim();
  if (!value) return error('Adresse IP vide.', 'Empty IP address.');
  const addr = parse(value);
  if (!addr) {
    return error(
      `« ${value} » n’est pas une adresse IPv4 ou IPv6 valide.`,
      `"${value}" is not a valid IPv4 or IPv6 address.`,
    );
  }
  const shown = addr.toString();
  if (isOrangeIp(shown)) {
    return error(
      `${shown} appartient au réseau d’Orange : c’est le serveur d’Orange, pas votre adresse IP d’envoi.`,
      `${shown} belongs to Orange's network: it is Orange's server, not your sending IP address.`,
    );
  }
  if (isDocumentation(addr)) {
    return warning(
      `${shown} est une adresse réservée à la documentation : remplacez-la par l’adresse IP d’envoi réelle.`,
      `${shown} is a documentation address: replace it with the real sending IP address.`,
    );
  }
  const range = addr.range();
  const kind = NON_PUBLIC[range];
  if (kind) {
    return error(
      `${shown} est une adresse ${kind.fr} : Orange voit l’adresse publique de votre serveur, pas celle-ci.`,
      `${shown} is a ${kind.en} address: Orange sees your server's public address, not this one.`,
    );
  }
  if (range !== 'unicast') {
    return warning(
      `${shown} appartient à une plage à usage spécial (${range}) : vérifiez que c’est bien l’adresse publique d’envoi.`,
      `${shown} is in a special-purpose range (${range}): check that it really is the public sending address.`,
    );
  }
  return ok();
}
