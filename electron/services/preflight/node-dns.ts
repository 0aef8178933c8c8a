/**
 * The DnsLookup of core/preflight implemented with Node's resolver (node:dns/promises `Resolver`, c-ares).
 * Node's error codes are mapped so that "no such name"/"no record" are answers and only real failures
 * (timeout, SERVFAIL, REFUSED, unreachable server) become "could not check".
 */
import type { DnsAnswer, DnsFailure, DnsLookup, MxRecord } from '../../../core/preflight/dns';
import { answer, failed } from '../../../core/preflight/dns';
import { arpaName } from '../../../core/preflight/reverse-name';

/** The part of node:dns/promises `Resolver` the checks use (tests may pass any object with these). */
export interface ResolverLike {
  resolveTxt(name: string): Promise<string[][]>;
  resolve4(name: string): Promise<string[]>;
  resolve6(name: string): Promise<string[]>;
  resolveMx(name: string): Promise<{ priority: number; exchange: string }[]>;
  resolvePtr(name: string): Promise<string[]>;
  setServers?(servers: string[]): void;
  cancel?(): void;
}

const FAILURES: Record<string, DnsFailure> = {
  ETIMEOUT: 'timeout',
  ECANCELLED: 'timeout',
  ESERVFAIL: 'servfail',
  EREFUSED: 'refused',
  ECONNREFUSED: 'offline',
  ENETUNREACH: 'offline',
  EAI_AGAIN: 'offline',
};

/** Maps a rejected Node DNS promise to an answer (NXDOMAIN/NODATA) or a failure. */
export function fromNodeError<T>(error: unknown): DnsAnswer<T> {
  const code = (error as { code?: string } | null)?.code ?? '';
  if (code === 'ENOTFOUND') return answer<T>([], true);
  if (code === 'ENODATA' || code === 'EBADNAME') return answer<T>([], false);
  return failed<T>(FAILURES[code] ?? 'error', code || String(error));
}

async function lookup<T>(query: () => Promise<T[]>): Promise<DnsAnswer<T>> {
  try {
    return answer(await query());
  } catch (error) {
    return fromNodeError<T>(error);
  }
}

export function createNodeDnsLookup(resolver: ResolverLike): DnsLookup {
  return {
    txt: (name) => lookup(async () => (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''))),
    a: (name) => lookup(() => resolver.resolve4(name)),
    aaaa: (name) => lookup(() => resolver.resolve6(name)),
    mx: (name) => lookup<MxRecord>(() => resolver.resolveMx(name)),
    ptr: (ip) => lookup(() => resolver.resolvePtr(arpaName(ip))),
  };
}
