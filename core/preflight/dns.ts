/**
 * The DNS look-ups the pre-flight checks need, as an interface the main process implements with Node's
 * resolver (and tests with a fake or a loopback server). Keeping it injected keeps core/ pure.
 *
 * "No such name" (NXDOMAIN) and "name exists but no record of that type" (NODATA) are both answers, not
 * failures: they come back as `ok: true` with no records, `nxdomain` telling them apart. Failures are the
 * cases where the answer is unknown, which the checks report as "could not check".
 */

export type DnsFailure = 'timeout' | 'servfail' | 'refused' | 'offline' | 'error';

export type DnsAnswer<T> =
  | { ok: true; records: T[]; nxdomain: boolean }
  | { ok: false; failure: DnsFailure; message: string };

export interface MxRecord {
  priority: number;
  exchange: string;
}

export interface DnsLookup {
  /** TXT records of a name, each record's character-strings joined without separator (RFC 7208 §3.3). */
  txt(name: string): Promise<DnsAnswer<string>>;
  a(name: string): Promise<DnsAnswer<string>>;
  aaaa(name: string): Promise<DnsAnswer<string>>;
  mx(name: string): Promise<DnsAnswer<MxRecord>>;
  /** PTR names of an IP address (the implementation builds the in-addr.arpa / ip6.arpa name). */
  ptr(ip: string): Promise<DnsAnswer<string>>;
}

export const answer = <T>(records: T[], nxdomain = false): DnsAnswer<T> => ({ ok: true, records, nxdomain });

export const failed = <T>(failure: DnsFailure, message: string): DnsAnswer<T> => ({
  ok: false,
  failure,
  message,
});

/** Lower-case, without the trailing dot: the form names are compared in. */
export function normalizeName(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
