/** Helpers shared by the check runners: building results and wording DNS failures. */
import type { Link, Localized } from '../../types';
import type { DnsFailure } from '../dns';
import type { PreflightCheck, PreflightFacts, PreflightResult, PreflightStatus } from '../types';

export const text = (fr: string, en: string): Localized => ({ fr, en });

export const FAILURE_TEXT: Record<DnsFailure, Localized> = {
  timeout: text('pas de réponse dans le délai', 'no answer in time'),
  servfail: text('le serveur DNS a échoué (SERVFAIL)', 'the DNS server failed (SERVFAIL)'),
  refused: text('le serveur DNS a refusé la requête (REFUSED)', 'the DNS server refused the query (REFUSED)'),
  offline: text('DNS injoignable (hors ligne ?)', 'DNS unreachable (offline?)'),
  error: text('erreur DNS', 'DNS error'),
};

export function result(
  check: PreflightCheck,
  subject: string,
  status: PreflightStatus,
  summary: Localized,
  facts: PreflightFacts,
  extra: { details?: Localized[]; links?: Link[] } = {},
): PreflightResult {
  return {
    id: check.id,
    kind: check.kind,
    subject,
    status,
    summary,
    details: extra.details ?? [],
    links: extra.links ?? [],
    facts,
  };
}

/** The result of a check whose DNS answer is unknown. */
export function couldNotCheck(
  check: PreflightCheck,
  subject: string,
  failure: DnsFailure,
  facts: PreflightFacts = { kind: 'none' },
  links: Link[] = [],
): PreflightResult {
  const why = FAILURE_TEXT[failure];
  return result(
    check,
    subject,
    'could-not-check',
    text(`Vérification impossible : ${why.fr}`, `Could not check: ${why.en}`),
    facts,
    {
      links,
    },
  );
}
