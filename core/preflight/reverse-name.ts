/** IP addresses written backwards, as DNS wants them for PTR look-ups and blocklist queries. */
import ipaddr from 'ipaddr.js';

/** IPv4: octets reversed ("23.100.51.198"); IPv6: the 32 nibbles reversed, dot-separated. */
export function reversedIp(ip: string): string {
  const parsed = ipaddr.process(ip);
  if (parsed.kind() === 'ipv4') return parsed.toString().split('.').reverse().join('.');
  const nibbles = (parsed as ipaddr.IPv6)
    .toNormalizedString()
    .split(':')
    .map((group) => group.padStart(4, '0'))
    .join('');
  return nibbles.split('').reverse().join('.');
}

/** The PTR query name: …in-addr.arpa or …ip6.arpa. */
export function arpaName(ip: string): string {
  const kind = ipaddr.process(ip).kind();
  return `${reversedIp(ip)}.${kind === 'ipv4' ? 'in-addr.arpa' : 'ip6.arpa'}`;
}
