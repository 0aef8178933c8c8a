/** Reverse DNS of a sending IP and its forward confirmation (the PTR name resolves back to the IP). */
import ipaddr from 'ipaddr.js';
import type { DnsLookup } from '../dns';
import { normalizeName } from '../dns';
import type { PreflightCheck, PreflightResult } from '../types';
import { couldNotCheck, result, text } from './common';

export function sameAddress(a: string, b: string): boolean {
  return (
    ipaddr.isValid(a) && ipaddr.isValid(b) && ipaddr.process(a).toString() === ipaddr.process(b).toString()
  );
}

/** Forward addresses of a name in the family of `ip`. */
export function forwardLookup(dns: DnsLookup, name: string, ip: string) {
  return ipaddr.process(ip).kind() === 'ipv4' ? dns.a(name) : dns.aaaa(name);
}

export async function runPtrCheck(
  check: Extract<PreflightCheck, { kind: 'ptr' }>,
  dns: DnsLookup,
): Promise<PreflightResult> {
  const ip = check.ip;
  const names = await dns.ptr(ip);
  if (!names.ok) return couldNotCheck(check, ip, names.failure, { kind: 'ptr', names: [], confirmed: [] });
  const found = names.records.map(normalizeName);
  if (found.length === 0) {
    return result(
      check,
      ip,
      'failed',
      text(`Aucun DNS inverse (PTR) pour ${ip}`, `No reverse DNS (PTR) for ${ip}`),
      { kind: 'ptr', names: [], confirmed: [] },
      {
        details: [
          text('Orange exige un PTR valide (motif 107).', 'Orange requires a valid PTR (reason 107).'),
        ],
      },
    );
  }
  const confirmed: string[] = [];
  let unknown: Awaited<ReturnType<DnsLookup['a']>> | null = null;
  for (const name of found.slice(0, 10)) {
    const forward = await forwardLookup(dns, name, ip);
    if (!forward.ok) unknown = forward;
    else if (forward.records.some((address) => sameAddress(address, ip))) confirmed.push(name);
  }
  const facts = { kind: 'ptr' as const, names: found, confirmed };
  if (confirmed.length > 0) {
    return result(
      check,
      ip,
      'ok',
      text(`${ip} → ${confirmed[0]} (confirmé)`, `${ip} → ${confirmed[0]} (confirmed)`),
      facts,
    );
  }
  if (unknown && !unknown.ok) return couldNotCheck(check, ip, unknown.failure, facts);
  return result(
    check,
    ip,
    'failed',
    text(
      `Le PTR de ${ip} (${found.join(', ')}) ne pointe pas en retour vers ${ip}`,
      `The PTR of ${ip} (${found.join(', ')}) does not resolve back to ${ip}`,
    ),
    facts,
    {
      details: [
        text(
          'Ajoutez un enregistrement A/AAAA pour ce nom, vers cette IP.',
          'Add an A/AAAA record for that name, pointing at this IP.',
        ),
      ],
    },
  );
}
