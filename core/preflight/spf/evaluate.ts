/**
 * check_host() of RFC 7208 §4, over the injected DnsLookup. Implements include, redirect, a, mx, ptr, ip4,
 * ip6, exists and all with their qualifiers; the 10-term DNS lookup limit (§4.6.4) counted over include,
 * a, mx, ptr, exists and redirect; the limit of 2 void lookups (a/mx/ptr/exists queries answered NXDOMAIN or
 * with no record); at most 10 MX hosts and 10 PTR names per mechanism; several SPF records = permerror; an
 * include of a domain without SPF = permerror; DNS failures = temperror. Macros: see macro.ts.
 */
import ipaddr from 'ipaddr.js';
import type { DnsAnswer, DnsFailure, DnsLookup } from '../dns';
import { normalizeName } from '../dns';
import { expandDomainSpec, type MacroContext } from './macro';
import { type Directive, isSpfRecord, parseSpfRecord, type Qualifier, SpfSyntaxError } from './parse';

export type SpfResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';

export type SpfProblem =
  | { code: 'no-record'; domain: string }
  | { code: 'invalid-domain'; domain: string }
  | { code: 'multiple-records'; domain: string }
  | { code: 'syntax'; domain: string; detail: string }
  | { code: 'too-many-lookups'; domain: string }
  | { code: 'too-many-void-lookups'; domain: string }
  | { code: 'include-without-spf'; domain: string; target: string }
  | { code: 'redirect-without-spf'; domain: string; target: string }
  | { code: 'too-many-mx'; domain: string; target: string }
  | { code: 'dns'; domain: string; name: string; failure: DnsFailure };

export interface SpfOutcome {
  result: SpfResult;
  /** The directive that decided the result and the domain whose record holds it. */
  matched: { term: string; domain: string } | null;
  problem: SpfProblem | null;
  /** The sending domain's own SPF record, when one was read. */
  record: string | null;
  lookups: number;
  voidLookups: number;
}

export interface SpfQuery {
  ip: string;
  domain: string;
  /** Defaults to postmaster@domain. */
  sender?: string;
  helo?: string | null;
}

export const MAX_DNS_TERMS = 10;
export const MAX_VOID_LOOKUPS = 2;
const MAX_NAMES_PER_MECHANISM = 10;

class SpfAbort extends Error {
  constructor(
    readonly result: 'permerror' | 'temperror',
    readonly problem: SpfProblem,
  ) {
    super(problem.code);
  }
}

interface Context {
  dns: DnsLookup;
  ip: ipaddr.IPv4 | ipaddr.IPv6;
  macro: MacroContext;
  lookups: number;
  voids: number;
  topRecord: string | null;
}

interface HostResult {
  result: SpfResult;
  matched: { term: string; domain: string } | null;
  problem: SpfProblem | null;
}

const QUALIFIER_RESULT: Record<Qualifier, SpfResult> = {
  '+': 'pass',
  '-': 'fail',
  '~': 'softfail',
  '?': 'neutral',
};

/** §4.3: a multi-label name, labels 1-63 characters, at most 253 characters. */
export function isValidDomain(domain: string): boolean {
  const name = normalizeName(domain);
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  return labels.length >= 2 && labels.every((label) => label.length >= 1 && label.length <= 63);
}

function unmapped(ip: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const parsed = ipaddr.parse(ip);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed;
}

function ensure<T>(answer: DnsAnswer<T>, domain: string, name: string): { records: T[]; nxdomain: boolean } {
  if (!answer.ok) throw new SpfAbort('temperror', { code: 'dns', domain, name, failure: answer.failure });
  return answer;
}

function countLookup(ctx: Context, domain: string): void {
  ctx.lookups += 1;
  if (ctx.lookups > MAX_DNS_TERMS) throw new SpfAbort('permerror', { code: 'too-many-lookups', domain });
}

function countVoid(ctx: Context, domain: string): void {
  ctx.voids += 1;
  if (ctx.voids > MAX_VOID_LOOKUPS)
    throw new SpfAbort('permerror', { code: 'too-many-void-lookups', domain });
}

function inNetwork(ip: ipaddr.IPv4 | ipaddr.IPv6, address: string, cidr: number): boolean {
  if (!ipaddr.isValid(address)) return false;
  const other = unmapped(address);
  if (other.kind() !== ip.kind()) return false;
  return ip.kind() === 'ipv4'
    ? (ip as ipaddr.IPv4).match(other as ipaddr.IPv4, cidr)
    : (ip as ipaddr.IPv6).match(other as ipaddr.IPv6, cidr);
}

async function addresses(ctx: Context, name: string): Promise<DnsAnswer<string>> {
  return ctx.ip.kind() === 'ipv4' ? ctx.dns.a(name) : ctx.dns.aaaa(name);
}

async function matchA(ctx: Context, domain: string, target: string, cidr: number): Promise<boolean> {
  const found = ensure(await addresses(ctx, target), domain, target);
  if (found.records.length === 0) countVoid(ctx, domain);
  return found.records.some((address) => inNetwork(ctx.ip, address, cidr));
}

async function matchMx(ctx: Context, domain: string, target: string, cidr: number): Promise<boolean> {
  const found = ensure(await ctx.dns.mx(target), domain, target);
  if (found.records.length === 0) countVoid(ctx, domain);
  const hosts = found.records.map((mx) => normalizeName(mx.exchange)).filter((host) => host !== '');
  if (hosts.length > MAX_NAMES_PER_MECHANISM) {
    throw new SpfAbort('permerror', { code: 'too-many-mx', domain, target });
  }
  for (const host of hosts) {
    const hostAddresses = ensure(await addresses(ctx, host), domain, host);
    if (hostAddresses.records.some((address) => inNetwork(ctx.ip, address, cidr))) return true;
  }
  return false;
}

/** §5.5: validated PTR names (forward lookup gives back the IP); DNS errors skip a name, never abort. */
async function matchPtr(ctx: Context, domain: string, target: string): Promise<boolean> {
  const names = await ctx.dns.ptr(ctx.ip.toString());
  if (!names.ok) return false;
  if (names.records.length === 0) countVoid(ctx, domain);
  const wanted = normalizeName(target);
  for (const raw of names.records.slice(0, MAX_NAMES_PER_MECHANISM)) {
    const name = normalizeName(raw);
    const forward = await addresses(ctx, name);
    if (!forward.ok || !forward.records.some((address) => inNetwork(ctx.ip, address, 128))) continue;
    if (name === wanted || name.endsWith(`.${wanted}`)) return true;
  }
  return false;
}

async function matches(ctx: Context, directive: Directive, domain: string): Promise<boolean> {
  const mechanism = directive.mechanism;
  const target = (spec: string | null) =>
    spec === null ? domain : expandDomainSpec(spec, ctx.macro, domain);
  switch (mechanism.kind) {
    case 'all':
      return true;
    case 'ip4':
    case 'ip6':
      return inNetwork(ctx.ip, mechanism.network, mechanism.cidr);
    case 'a':
      countLookup(ctx, domain);
      return matchA(
        ctx,
        domain,
        target(mechanism.domainSpec),
        ctx.ip.kind() === 'ipv4' ? mechanism.cidr4 : mechanism.cidr6,
      );
    case 'mx':
      countLookup(ctx, domain);
      return matchMx(
        ctx,
        domain,
        target(mechanism.domainSpec),
        ctx.ip.kind() === 'ipv4' ? mechanism.cidr4 : mechanism.cidr6,
      );
    case 'ptr':
      countLookup(ctx, domain);
      return matchPtr(ctx, domain, target(mechanism.domainSpec));
    case 'exists': {
      countLookup(ctx, domain);
      const name = target(mechanism.domainSpec);
      const found = ensure(await ctx.dns.a(name), domain, name);
      if (found.records.length === 0) countVoid(ctx, domain);
      return found.records.length > 0;
    }
    case 'include': {
      countLookup(ctx, domain);
      const included = target(mechanism.domainSpec);
      const inner = await checkHost(ctx, included);
      if (inner.result === 'none') {
        throw new SpfAbort('permerror', { code: 'include-without-spf', domain, target: included });
      }
      return inner.result === 'pass';
    }
  }
}

async function checkHost(ctx: Context, rawDomain: string): Promise<HostResult> {
  const domain = normalizeName(rawDomain);
  if (!isValidDomain(domain))
    return { result: 'none', matched: null, problem: { code: 'invalid-domain', domain } };
  const txt = ensure(await ctx.dns.txt(domain), domain, domain);
  const records = txt.records.filter(isSpfRecord);
  if (records.length === 0) return { result: 'none', matched: null, problem: { code: 'no-record', domain } };
  if (records.length > 1) throw new SpfAbort('permerror', { code: 'multiple-records', domain });
  const text = records[0] as string;
  if (ctx.topRecord === null) ctx.topRecord = text;
  let record: ReturnType<typeof parseSpfRecord>;
  try {
    record = parseSpfRecord(text);
  } catch (error) {
    if (error instanceof SpfSyntaxError)
      throw new SpfAbort('permerror', { code: 'syntax', domain, detail: error.message });
    throw error;
  }
  for (const directive of record.directives) {
    if (await matches(ctx, directive, domain)) {
      return {
        result: QUALIFIER_RESULT[directive.qualifier],
        matched: { term: directive.text, domain },
        problem: null,
      };
    }
  }
  if (record.redirect !== null) {
    countLookup(ctx, domain);
    const target = expandDomainSpec(record.redirect, ctx.macro, domain);
    const redirected = await checkHost(ctx, target);
    if (redirected.result === 'none') {
      throw new SpfAbort('permerror', {
        code: 'redirect-without-spf',
        domain,
        target: normalizeName(target),
      });
    }
    return redirected;
  }
  return { result: 'neutral', matched: null, problem: null };
}

/** Evaluates the SPF policy of `domain` for a message from `ip`. Never throws on DNS or record problems. */
export async function evaluateSpf(dns: DnsLookup, query: SpfQuery): Promise<SpfOutcome> {
  const domain = normalizeName(query.domain);
  const ip = unmapped(query.ip);
  const ctx: Context = {
    dns,
    ip,
    macro: { sender: query.sender ?? `postmaster@${domain}`, ip, helo: query.helo ?? null },
    lookups: 0,
    voids: 0,
    topRecord: null,
  };
  const finish = (outcome: HostResult): SpfOutcome => ({
    ...outcome,
    record: ctx.topRecord,
    lookups: ctx.lookups,
    voidLookups: ctx.voids,
  });
  try {
    return finish(await checkHost(ctx, domain));
  } catch (error) {
    if (error instanceof SpfAbort)
      return finish({ result: error.result, matched: null, problem: error.problem });
    throw error;
  }
}
