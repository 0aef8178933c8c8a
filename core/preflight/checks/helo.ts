/**
 * A HELO/EHLO or host name of the sender: it must be a fully-qualified name that resolves (Orange's
 * reason 20X), ideally to the sending IP, and ideally equal to that IP's PTR name.
 */
import ipaddr from 'ipaddr.js';
import type { DnsAnswer, DnsLookup } from '../dns';
import { normalizeName } from '../dns';
import { isValidDomain } from '../spf/evaluate';
import type { PreflightCheck, PreflightResult } from '../types';
import { couldNotCheck, result, text } from './common';
import { sameAddress } from './ptr';

export async function runHeloCheck(
  check: Extract<PreflightCheck, { kind: 'helo' }>,
  dns: DnsLookup,
): Promise<PreflightResult> {
  const host = normalizeName(check.host);
  const empty = { kind: 'helo' as const, addresses: [], matchesIp: false, matchesPtr: false };
  if (
    ipaddr.isValid(host.replace(/^\[|\]$/g, '')) ||
    !isValidDomain(host) ||
    !/[a-z]/.test(host.slice(host.lastIndexOf('.') + 1))
  ) {
    return result(
      check,
      host,
      'failed',
      text(`${host} n’est pas un nom de domaine complet`, `${host} is not a fully-qualified domain name`),
      empty,
      {
        details: [
          text(
            'Le HELO/EHLO doit être un nom complet qui se résout (motif 20X).',
            'HELO/EHLO must be a resolving FQDN (reason 20X).',
          ),
        ],
      },
    );
  }
  const [v4, v6, ...ptrs] = await Promise.all([
    dns.a(host),
    dns.aaaa(host),
    ...check.ips.map((ip) => dns.ptr(ip)),
  ]);
  const answers = [v4, v6] as DnsAnswer<string>[];
  const addresses = answers.flatMap((answer) => (answer.ok ? answer.records : []));
  const failure = answers.find((answer) => !answer.ok);
  const ptrNames = ptrs.flatMap((answer) => (answer?.ok ? answer.records.map(normalizeName) : []));
  const matchesIp = addresses.some((address) => check.ips.some((ip) => sameAddress(address, ip)));
  const matchesPtr = ptrNames.includes(host);
  const facts = { kind: 'helo' as const, addresses, matchesIp, matchesPtr };
  if (addresses.length === 0) {
    if (failure && !failure.ok) return couldNotCheck(check, host, failure.failure, facts);
    return result(
      check,
      host,
      'failed',
      text(`${host} ne se résout pas (ni A ni AAAA)`, `${host} does not resolve (no A or AAAA)`),
      facts,
      {
        details: [
          text(
            'Le HELO/EHLO doit être un nom complet qui se résout (motif 20X).',
            'HELO/EHLO must be a resolving FQDN (reason 20X).',
          ),
        ],
      },
    );
  }
  const ptrNote = matchesPtr
    ? []
    : [
        text(
          'Ce nom n’est pas le PTR de l’IP d’envoi : mieux vaut qu’ils soient identiques.',
          'This name is not the PTR of the sending IP: best make them identical.',
        ),
      ];
  if (matchesIp || check.ips.length === 0) {
    return result(
      check,
      host,
      'ok',
      text(`${host} se résout (${addresses.join(', ')})`, `${host} resolves (${addresses.join(', ')})`),
      facts,
      {
        details: check.ips.length === 0 ? [] : ptrNote,
      },
    );
  }
  return result(
    check,
    host,
    'warning',
    text(
      `${host} se résout (${addresses.join(', ')}) mais pas vers l’IP d’envoi`,
      `${host} resolves (${addresses.join(', ')}) but not to the sending IP`,
    ),
    facts,
    { details: ptrNote },
  );
}
