/**
 * DMARC records (RFC 7489 §6.3, §6.6.3): "v=DMARC1" first, p= required, sp= defaults to p=, adkim= and
 * aspf= default to relaxed. The record of the organisational domain (public suffix + 1 label, from tldts)
 * applies when the exact domain has none.
 */
import { getDomain } from 'tldts';
import { firstTagName, parseTagList } from './tag-list';

export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

export type DmarcParse =
  | {
      ok: true;
      policy: DmarcPolicy;
      subdomainPolicy: DmarcPolicy;
      adkim: 'r' | 's';
      aspf: 'r' | 's';
      pct: number;
    }
  | { ok: false; problem: string };

const POLICIES: readonly string[] = ['none', 'quarantine', 'reject'];

export function isDmarcRecord(txt: string): boolean {
  return /^v\s*=\s*DMARC1\s*(?:;|$)/i.test(txt.slice(0, 24));
}

export function parseDmarcRecord(txt: string): DmarcParse {
  const tags = parseTagList(txt);
  if (!tags || firstTagName(txt) !== 'v') return { ok: false, problem: 'syntax' };
  const policy = tags.get('p')?.toLowerCase();
  if (!policy || !POLICIES.includes(policy)) return { ok: false, problem: 'policy' };
  const sp = tags.get('sp')?.toLowerCase() ?? policy;
  const alignment = (value: string | undefined) => (value?.toLowerCase() === 's' ? 's' : 'r');
  const pct = Number(tags.get('pct') ?? '100');
  return {
    ok: true,
    policy: policy as DmarcPolicy,
    subdomainPolicy: (POLICIES.includes(sp) ? sp : policy) as DmarcPolicy,
    adkim: alignment(tags.get('adkim')),
    aspf: alignment(tags.get('aspf')),
    pct: Number.isFinite(pct) ? pct : 100,
  };
}

/** The organisational domain, or null for a bare public suffix or an invalid name. */
export function organizationalDomain(domain: string): string | null {
  return getDomain(domain, { allowPrivateDomains: false }) ?? null;
}
