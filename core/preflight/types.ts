/**
 * What a pre-flight check is (a plain, serialisable description the renderer can send back over IPC) and
 * what it reports. Statuses keep "could not check" (timeout, SERVFAIL, offline) apart from "failed".
 */
import type { Link, Localized } from '../types';
import type { DnsblId } from './dnsbl-lists';
import type { SpfOutcome } from './spf/evaluate';

export type PreflightCheck =
  | { id: string; kind: 'ptr'; ip: string }
  | { id: string; kind: 'helo'; host: string; ips: string[] }
  | { id: string; kind: 'spf'; domain: string; ip: string; helo: string | null }
  | { id: string; kind: 'dmarc'; domain: string }
  | { id: string; kind: 'dkim'; selector: string; domain: string }
  | { id: string; kind: 'orange-mx'; domain: 'orange.fr' | 'wanadoo.fr' }
  | { id: string; kind: 'dnsbl'; ip: string; list: DnsblId }
  | { id: string; kind: 'cloudmark'; ip: string };

export type PreflightKind = PreflightCheck['kind'];

/**
 * ok: passes; warning: works but worth a look; failed: a real problem to fix before writing to Orange;
 * could-not-check: the answer is unknown (timeout, SERVFAIL, refused, offline); manual: no automatic
 * check exists, follow the link.
 */
export type PreflightStatus = 'ok' | 'warning' | 'failed' | 'could-not-check' | 'manual';

export interface PreflightResult {
  id: string;
  kind: PreflightKind;
  /** What was checked, e.g. "198.51.100.23", "example.com", "s1._domainkey.example.com". */
  subject: string;
  status: PreflightStatus;
  summary: Localized;
  details: Localized[];
  links: Link[];
  /** When the check ran (ISO 8601), set by the service. */
  checkedAt?: string;
  /** Kind-specific facts for the advice and the ticket line. */
  facts: PreflightFacts;
}

export type PreflightFacts =
  | { kind: 'ptr'; names: string[]; confirmed: string[] }
  | { kind: 'helo'; addresses: string[]; matchesIp: boolean; matchesPtr: boolean }
  | { kind: 'spf'; ip: string; domain: string; outcome: SpfOutcome | null }
  | {
      kind: 'dmarc';
      recordDomain: string | null;
      policy: string | null;
      subdomainPolicy: string | null;
      adkim: 'r' | 's';
      aspf: 'r' | 's';
    }
  | { kind: 'dkim'; keyType: string | null; hasKey: boolean }
  | { kind: 'orange-mx'; hosts: string[] }
  | { kind: 'dnsbl'; listed: boolean | null; codes: string[] }
  | { kind: 'none' };

/** What the checks are planned from: the incident's fields plus an optional DKIM selector. */
export interface PreflightInput {
  sendingIps: string[];
  sendingHosts: string[];
  sendingDomain: string | null;
  dkim?: { selector: string; domain: string } | null;
}
