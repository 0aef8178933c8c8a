/**
 * Where a returned message left the sender's network, when the returned copy shows it: a bounce made
 * by the remote side after it accepted the message (Google Groups, a recipient's Exchange or
 * filtering service) returns the headers the remote added, whose
 * `Received: from mta.sender.example ([IP]) by mx.remote.example` is the hop a postmaster looks for:
 * the client is the sending host and `IP` the address the remote saw. Its `by` host is the remote's,
 * never a sending host.
 *
 * The hop is recognised by its client being in the sending domain (its registrable part, per the
 * public suffix list) while every `by` host from the top down to it is in one other domain, the
 * receiver's. An authenticated submission (`with ESMTPSA`, RFC 3848) is a client into its own
 * provider, never that hop. Only the first 30 Received fields are read.
 */
import { getDomain } from 'tldts';
import { type Field, isHostName } from './header-block';
import { isNonPublicIp, normalizeIp } from './ip';
import { fromNameOf, hopOf, type ReceivedHop, receivedByName } from './received';

const MAX_HOPS = 30;
/** `with ESMTPSA` and the like: an authenticated submission, a client into its own provider. */
export const AUTHENTICATED_SUBMISSION = /\bwith\s{1,4}(?:E?SMTPS?A|UTF8SMTPS?A|LMTPS?A)\b/i;

export interface ExitHop {
  hop: ReceivedHop;
  field: Field;
  /** The client's name: its reverse name when given, else the name it gave (HELO); '' when unnamed. */
  sendingHost: string;
  /** Registrable domain of the receiving side (every `by` host above and at the hop). */
  receiverDomain: string;
  /** Set when the receiving side is shown to be the remote, which then wrote the bounce itself. */
  writtenByRemote?: boolean;
}

/** True when `host` is `base` or one of its subdomains. */
export function isWithin(host: string | null | undefined, base: string | null): boolean {
  return !!host && !!base && (host === base || host.endsWith(`.${base}`));
}

export interface ReceiverHop {
  hop: ReceivedHop;
  field: Field;
  /** Registrable domain of the receiving side (its topmost host's). */
  receiver: string;
  /**
   * Every registrable domain of the receiving side down to this hop: the topmost one, and those of
   * clients that reached it from a private address (the receiver's internal relays under another
   * name, e.g. Compuware's `mx4.emea.compuware.com [172.16.16.87]` into its `cpwr.corp` Exchange).
   */
  inside: readonly string[];
}

/**
 * Registrable domain of each Received field's `by` host, looked up once per field: the exit hop and
 * the remote's entry hop walk the same copy, once per incident of the message. Field objects belong
 * to one message, so entries go with it.
 */
const byDomains = new WeakMap<Field, string | null>();

function byDomainOf(field: Field, byHost: string): string | null {
  let domain = byDomains.get(field);
  if (domain === undefined) {
    domain = getDomain(byHost);
    byDomains.set(field, domain);
  }
  return domain;
}

/**
 * Registrable domains one operator's hosts share within one network: Exchange Online hands a message
 * from `*.mail.protection.outlook.com` to `*.outlook.office365.com` to `*.prod.outlook.com`.
 */
const SAME_NETWORK: Readonly<Record<string, readonly string[]>> = {
  'outlook.com': ['office365.com'],
  'office365.com': ['outlook.com'],
};

/**
 * The Received hops from the top down while their receiving (`by`) host stays in the domain of the
 * topmost one (or one its operator also runs, SAME_NETWORK), which must not be `base` (the sender's own
 * network): the hops written by the side that received the copy. Hops without a `by` host (`Received:
 * (qmail 123 invoked by uid 0)`) say nothing either way and are skipped, unless the host wrote its
 * private address for its name and a hop above came from that address (byAddressOf). At most the
 * first 30 Received fields are read.
 */
export function* receiverHops(fields: readonly Field[], base: string | null): Generator<ReceiverHop> {
  let receiver: string | null = null;
  const inside: string[] = [];
  const insideIps = new Set<string>();
  let seen = 0;
  for (const field of fields) {
    if (field.name !== 'received') continue;
    if (++seen > MAX_HOPS) return;
    const hop = hopOf(field);
    if (!hop.byHost) {
      if (receiver === null || !insideIps.has(byAddressOf(field) ?? '')) continue;
      yield { hop, field, receiver, inside };
      if (hop.fromIp && isNonPublicIp(hop.fromIp)) insideIps.add(hop.fromIp);
      continue;
    }
    if (receiver === null) {
      receiver = byDomainOf(field, hop.byHost);
      if (!receiver || receiver === base) return;
      inside.push(receiver, ...(SAME_NETWORK[receiver] ?? []).filter((d) => d !== base));
    }
    const byHost = hop.byHost;
    if (!inside.some((d) => isWithin(byHost, d))) return;
    yield { hop, field, receiver, inside };
    if (hop.fromIp && isNonPublicIp(hop.fromIp)) insideIps.add(hop.fromIp);
    const joined = privateClientDomain(hop);
    if (joined && joined !== base && !inside.includes(joined)) inside.push(joined);
  }
}

/**
 * The address a receiving host wrote for itself instead of a name (`by 10.241.225.174`), or null. Such
 * a hop is the receiver's when a hop above came from that private address: Yahoo's inner server writes
 * `Received: from 74.208.4.196 (EHLO mout.perfora.net) by 10.241.225.174 with SMTPs` below
 * `Received: from 10.241.225.174 by atlas213.free.mail.sg3.yahoo.com with HTTPS` (Dada Mail's
 * permanent_error.eml, 2021): the hop in from the sender is the lower one.
 */
function byAddressOf(field: Field): string | null {
  return normalizeIp(receivedByName(field.value) ?? '');
}

/** The registrable domain of a client that connected from a private or local address, or null. */
function privateClientDomain(hop: ReceivedHop): string | null {
  if (!hop.fromIp || !isNonPublicIp(hop.fromIp)) return null;
  const name = fromNameOf(hop) ?? '';
  const host = isHostName(name) ? name : hop.fromRdns;
  return host && host !== 'localhost' ? getDomain(host) : null;
}

/**
 * The registrable domain of a sending domain (per the public suffix list), the `base` the walks below
 * take: looked up once by the caller, as both walks need it.
 */
export function sendingBase(sendingDomain: string): string | null {
  return getDomain(sendingDomain);
}

/**
 * True when `host` wrote one of the first 30 Received fields (`by host`) for a client at a public
 * address: it received the copy from outside (not from a local user or an inner relay).
 */
export function receivedCopy(fields: readonly Field[], host: string): boolean {
  let seen = 0;
  for (const field of fields) {
    if (field.name !== 'received') continue;
    if (++seen > MAX_HOPS) return false;
    if (receivedByName(field.value) !== host) continue;
    const ip = hopOf(field).fromIp;
    if (ip && !isNonPublicIp(ip)) return true;
  }
  return false;
}

/** True when the fields hold a Received field (a walk of the hops has something to read). */
export function hasReceived(fields: readonly Field[]): boolean {
  for (const field of fields) if (field.name === 'received') return true;
  return false;
}

/**
 * The topmost hop from a host of the sending domain (registrable part `base`) into another domain's hosts, or
 * null.
 */
export function findExitHop(fields: readonly Field[], base: string): ExitHop | null {
  for (const { hop, field, receiver } of receiverHops(fields, base)) {
    const name = fromNameOf(hop) ?? null;
    const helo = name && isHostName(name) ? name : null;
    const named = [hop.fromRdns, helo, hop.fromHelo];
    let client: string | null = null;
    for (const n of named) if (!client && n && isWithin(n, base)) client = n;
    if (client && !AUTHENTICATED_SUBMISSION.test(field.value)) {
      return { hop, field, sendingHost: client, receiverDomain: receiver };
    }
  }
  return null;
}
