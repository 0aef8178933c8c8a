/** DMARC record of the sending domain, falling back to its organisational domain (RFC 7489 §6.6.3). */

import { isDmarcRecord, organizationalDomain, parseDmarcRecord } from '../dmarc';
import type { DnsLookup } from '../dns';
import { normalizeName } from '../dns';
import type { PreflightCheck, PreflightFacts, PreflightResult } from '../types';
import { couldNotCheck, result, text } from './common';

type Found =
  | { kind: 'records'; domain: string; records: string[] }
  | { kind: 'failure'; failure: Parameters<typeof couldNotCheck>[2] };

async function dmarcRecords(dns: DnsLookup, domain: string): Promise<Found> {
  const answer = await dns.txt(`_dmarc.${domain}`);
  if (!answer.ok) return { kind: 'failure', failure: answer.failure };
  return { kind: 'records', domain, records: answer.records.filter(isDmarcRecord) };
}

export async function runDmarcCheck(
  check: Extract<PreflightCheck, { kind: 'dmarc' }>,
  dns: DnsLookup,
): Promise<PreflightResult> {
  const domain = normalizeName(check.domain);
  const none: PreflightFacts = {
    kind: 'dmarc',
    recordDomain: null,
    policy: null,
    subdomainPolicy: null,
    adkim: 'r',
    aspf: 'r',
  };
  let found = await dmarcRecords(dns, domain);
  const org = organizationalDomain(domain);
  if (found.kind === 'records' && found.records.length === 0 && org && org !== domain) {
    found = await dmarcRecords(dns, org);
  }
  if (found.kind === 'failure') return couldNotCheck(check, domain, found.failure, none);
  const where = found.domain === domain ? domain : `${found.domain} (${domain})`;
  if (found.records.length === 0) {
    return result(
      check,
      domain,
      'failed',
      text(`Pas d’enregistrement DMARC pour ${domain}`, `No DMARC record for ${domain}`),
      none,
      {
        details: [
          text(
            `Publiez un TXT sur _dmarc.${org ?? domain}, par exemple « v=DMARC1; p=none; rua=mailto:… ».`,
            `Publish a TXT at _dmarc.${org ?? domain}, e.g. "v=DMARC1; p=none; rua=mailto:…".`,
          ),
        ],
      },
    );
  }
  if (found.records.length > 1) {
    return result(
      check,
      domain,
      'failed',
      text(
        `Plusieurs enregistrements DMARC sur _dmarc.${found.domain} : aucun ne s’applique`,
        `Several DMARC records at _dmarc.${found.domain}: none applies`,
      ),
      none,
    );
  }
  const record = found.records[0] as string;
  const parsed = parseDmarcRecord(record);
  if (!parsed.ok) {
    return result(
      check,
      domain,
      'failed',
      text(
        `Enregistrement DMARC invalide sur _dmarc.${found.domain} (p= absent ou syntaxe)`,
        `Invalid DMARC record at _dmarc.${found.domain} (missing p= or syntax)`,
      ),
      none,
      {
        details: [text(`Enregistrement : ${record}`, `Record: ${record}`)],
      },
    );
  }
  const applied = found.domain === domain ? parsed.policy : parsed.subdomainPolicy;
  const facts: PreflightFacts = {
    kind: 'dmarc',
    recordDomain: found.domain,
    policy: parsed.policy,
    subdomainPolicy: parsed.subdomainPolicy,
    adkim: parsed.adkim,
    aspf: parsed.aspf,
  };
  const mode = (m: 'r' | 's') => (m === 's' ? text('strict', 'strict') : text('relâché', 'relaxed'));
  return result(
    check,
    domain,
    applied === 'none' ? 'warning' : 'ok',
    text(
      `DMARC présent pour ${where} : politique ${applied}`,
      `DMARC present for ${where}: policy ${applied}`,
    ),
    facts,
    {
      details: [
        text(`Enregistrement : ${record}`, `Record: ${record}`),
        text(
          `Alignement DKIM ${mode(parsed.adkim).fr}, SPF ${mode(parsed.aspf).fr}`,
          `DKIM alignment ${mode(parsed.adkim).en}, SPF ${mode(parsed.aspf).en}`,
        ),
        ...(applied === 'none'
          ? [
              text(
                'p=none ne protège pas le domaine ; passez à quarantine ou reject une fois les rapports propres.',
                'p=none does not protect the domain; move to quarantine or reject once reports are clean.',
              ),
            ]
          : []),
      ],
    },
  );
}
