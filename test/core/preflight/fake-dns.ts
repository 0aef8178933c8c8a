/** An in-memory DnsLookup for pure tests: names absent are NXDOMAIN, "FAIL:<kind>" entries fail. */
import {
  type DnsAnswer,
  type DnsFailure,
  type DnsLookup,
  type MxRecord,
  normalizeName,
} from '../../../core/preflight/dns';
import { arpaName } from '../../../core/preflight/reverse-name';

export interface FakeEntry {
  A?: string[];
  AAAA?: string[];
  TXT?: string[];
  MX?: MxRecord[];
  PTR?: string[];
  fail?: DnsFailure;
}

export function fakeDns(zone: Record<string, FakeEntry>): DnsLookup {
  const get = <T>(name: string, pick: (entry: FakeEntry) => T[] | undefined): Promise<DnsAnswer<T>> => {
    const entry = zone[normalizeName(name)];
    if (!entry) return Promise.resolve({ ok: true, records: [], nxdomain: true });
    if (entry.fail) return Promise.resolve({ ok: false, failure: entry.fail, message: entry.fail });
    return Promise.resolve({ ok: true, records: pick(entry) ?? [], nxdomain: false });
  };
  return {
    txt: (name) => get(name, (entry) => entry.TXT),
    a: (name) => get(name, (entry) => entry.A),
    aaaa: (name) => get(name, (entry) => entry.AAAA),
    mx: (name) => get(name, (entry) => entry.MX),
    ptr: (ip) => get(arpaName(ip), (entry) => entry.PTR),
  };
}
