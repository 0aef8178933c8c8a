/** Finding and classifying IP addresses in free text, validated with ipaddr.js. */
import ipaddr from 'ipaddr.js';
import { allMatches } from './matches';
import { ORANGE_NETWORKS } from './orange-network';
import { remembered } from './remembered';

// Candidates only; each one is validated by ipaddr.js. Bounded quantifiers, no nesting over one class.
const IPV4_CANDIDATE = /(?<![0-9.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![0-9]|\.[0-9])/g;
const IPV6_CANDIDATE = /(?<![0-9A-Za-z:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Za-z:]|\.[0-9])/g;
// Received headers write `[IPv6:2001:db8::1]`; the `6:` would otherwise glue onto the address.
const IPV6_TAG = /IPv6:/gi;

const DOTTED_QUAD = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const IPV6_CHARS = /^[0-9A-Fa-f:.]+$/;

// ipaddr.js's own four-part test (IPv4.isValidFourPartDecimal): no leading zeros, which it would read as
// octal.
const FOUR_PART_DECIMAL = /^(0|[1-9]\d*)(\.(0|[1-9]\d*)){3}$/;

interface ParsedIp {
  text: string;
  addr: ipaddr.IPv4 | ipaddr.IPv6;
  /** ipaddr.js's range name, asked once (rangeOf). */
  range?: string;
}

/** The address's range name (`private`, `loopback`, `unicast`...), computed on first use. */
function rangeOf(parsed: ParsedIp): string {
  parsed.range ??= parsed.addr.range();
  return parsed.range;
}

/**
 * A valid IP parsed once by ipaddr.js, with its canonical text (IPv6 compressed lower case, an
 * IPv4-mapped IPv6 as IPv4), remembered by text: a log names the same few addresses (its own, Orange's
 * MX) on every status line, and each incident asks several questions of each (normal form, public or
 * not, loopback). Parsed objects are only read, but for the answers they keep (rangeOf).
 */
const parseIp = remembered(parseIpUncached);

/**
 * Cheap shape checks first: ipaddr.js validates by throwing, which is slow on non-IP words; a parse that
 * throws here is exactly an address its `isValid` refuses.
 */
function parseIpUncached(text: string): ParsedIp | null {
  const t = text.trim();
  try {
    if (DOTTED_QUAD.test(t))
      return FOUR_PART_DECIMAL.test(t) ? { text: t, addr: ipaddr.IPv4.parse(t) } : null;
    if (t.length >= 2 && t.length <= 45 && IPV6_CHARS.test(t) && t.includes(':')) {
      const addr = ipaddr.IPv6.parse(t);
      if (!addr.isIPv4MappedAddress()) return { text: addr.toString(), addr };
      const v4 = addr.toIPv4Address();
      return { text: v4.toString(), addr: v4 };
    }
  } catch {
    // not an address
  }
  return null;
}

/** Canonical text of a valid IP (IPv6 compressed lower case), or null when `text` is not an IP. */
export function normalizeIp(text: string): string | null {
  return parseIp(text)?.text ?? null;
}

/** Every valid IPv4/IPv6 address in the text, in order of appearance, without duplicates. */
export function extractIps(text: string): string[] {
  const found = new Set<string>();
  const positions: { at: number; ip: string }[] = [];
  for (const m of allMatches(IPV4_CANDIDATE, text)) {
    const ip = normalizeIp(m[0]);
    if (ip) positions.push({ at: m.index, ip });
  }
  if (text.includes(':')) {
    for (const m of allMatches(IPV6_CANDIDATE, text.replace(IPV6_TAG, 'IPv6 '))) {
      const ip = m[0].includes('::') || m[0].split(':').length === 8 ? normalizeIp(m[0]) : null;
      if (ip) positions.push({ at: m.index, ip });
    }
  }
  positions.sort((a, b) => a.at - b.at);
  for (const p of positions) found.add(p.ip);
  return [...found];
}

const orangeRanges = ORANGE_NETWORKS.map((n) => ipaddr.parseCIDR(n.cidr));

/** True for an address inside one of the networks (`ipaddr.parseCIDR`'s pairs). */
export function inRanges(ip: string, ranges: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][]): boolean {
  const addr = parseIp(ip)?.addr;
  if (!addr) return false;
  const kind = addr.kind();
  for (const [net, bits] of ranges) if (net.kind() === kind && addr.match(net, bits)) return true;
  return false;
}

/** True for an address inside one of Orange's networks (see orange-network.ts). */
export function isOrangeIp(ip: string): boolean {
  return inRanges(ip, orangeRanges);
}

/** ipaddr.js range names of the addresses `isNonPublicIp` refuses. */
const NON_PUBLIC_RANGES = new Set([
  'private',
  'loopback',
  'linkLocal',
  'uniqueLocal',
  'carrierGradeNat',
  'unspecified',
  'multicast',
  'broadcast',
]);

/** True for a loopback address (127.0.0.0/8, ::1, their IPv4-mapped forms): this machine itself. */
export function isLoopbackIp(ip: string | null): boolean {
  if (!ip) return false;
  // Most addresses a log names are IPv4 outside 127/8: answered without a parse (every status line asks).
  if (DOTTED_QUAD.test(ip) && !ip.startsWith('127.')) return false;
  const parsed = parseIp(ip);
  return parsed !== null && rangeOf(parsed) === 'loopback';
}

/** True for 0.0.0.0 or `::`: no host's address (a tool's "any address" or "none"), never a server's. */
export function isUnspecifiedIp(ip: string): boolean {
  // A dotted quad is 0.0.0.0 or not unspecified: answered without a parse (every incident asks).
  const t = ip.trim();
  if (DOTTED_QUAD.test(t)) return t === '0.0.0.0';
  const parsed = parseIp(ip);
  return parsed !== null && rangeOf(parsed) === 'unspecified';
}

/**
 * True for an address that can never be the public sending IP seen by Orange: private, loopback,
 * link-local, unique-local, carrier-grade NAT, unspecified, multicast, reserved.
 * Documentation ranges (192.0.2.0/24, 2001:db8::/32, ...) count as public: tests and examples use them.
 */
export function isNonPublicIp(ip: string): boolean {
  const parsed = parseIp(ip);
  if (!parsed) return true;
  return NON_PUBLIC_RANGES.has(rangeOf(parsed));
}
