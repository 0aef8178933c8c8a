/** SPF of the sending domain evaluated for one sending IP, with the reason worded for the user. */
import type { Localized } from '../../types';
import type { DnsLookup } from '../dns';
import { evaluateSpf, type SpfOutcome, type SpfProblem } from '../spf/evaluate';
import type { PreflightCheck, PreflightResult, PreflightStatus } from '../types';
import { FAILURE_TEXT, result, text } from './common';

const STATUS: Record<SpfOutcome['result'], PreflightStatus> = {
  pass: 'ok',
  neutral: 'warning',
  softfail: 'failed',
  fail: 'failed',
  none: 'failed',
  permerror: 'failed',
  temperror: 'could-not-check',
};

export function spfProblemText(problem: SpfProblem): Localized {
  switch (problem.code) {
    case 'no-record':
      return text(`${problem.domain} n’a pas d’enregistrement SPF`, `${problem.domain} has no SPF record`);
    case 'invalid-domain':
      return text(
        `« ${problem.domain} » n’est pas un nom de domaine valide`,
        `"${problem.domain}" is not a valid domain name`,
      );
    case 'multiple-records':
      return text(
        `${problem.domain} publie plusieurs enregistrements SPF`,
        `${problem.domain} publishes several SPF records`,
      );
    case 'syntax':
      return text(
        `erreur de syntaxe dans le SPF de ${problem.domain} : ${problem.detail}`,
        `syntax error in the SPF of ${problem.domain}: ${problem.detail}`,
      );
    case 'too-many-lookups':
      return text(
        'plus de 10 requêtes DNS (include, a, mx, ptr, exists, redirect)',
        'more than 10 DNS lookups (include, a, mx, ptr, exists, redirect)',
      );
    case 'too-many-void-lookups':
      return text(
        'plus de 2 requêtes DNS sans réponse (noms inexistants)',
        'more than 2 void DNS lookups (names that do not exist)',
      );
    case 'include-without-spf':
      return text(
        `include:${problem.target} n’a pas d’enregistrement SPF`,
        `include:${problem.target} has no SPF record`,
      );
    case 'redirect-without-spf':
      return text(
        `redirect=${problem.target} n’a pas d’enregistrement SPF`,
        `redirect=${problem.target} has no SPF record`,
      );
    case 'too-many-mx':
      return text(`plus de 10 MX pour ${problem.target}`, `more than 10 MX hosts for ${problem.target}`);
    case 'dns':
      return text(
        `${problem.name} : ${FAILURE_TEXT[problem.failure].fr}`,
        `${problem.name}: ${FAILURE_TEXT[problem.failure].en}`,
      );
  }
}

export async function runSpfCheck(
  check: Extract<PreflightCheck, { kind: 'spf' }>,
  dns: DnsLookup,
): Promise<PreflightResult> {
  const outcome = await evaluateSpf(dns, { ip: check.ip, domain: check.domain, helo: check.helo });
  const subject = `${check.domain} / ${check.ip}`;
  const how = outcome.matched
    ? ` (${outcome.matched.term}${outcome.matched.domain === check.domain ? '' : ` @ ${outcome.matched.domain}`})`
    : '';
  const why = outcome.problem ? spfProblemText(outcome.problem) : null;
  const summary = text(
    `SPF ${outcome.result} pour ${check.ip}${how}${why ? ` : ${why.fr}` : ''}`,
    `SPF ${outcome.result} for ${check.ip}${how}${why ? `: ${why.en}` : ''}`,
  );
  const details = [
    text(
      `${outcome.lookups} requête(s) DNS sur 10, ${outcome.voidLookups} vide(s) sur 2`,
      `${outcome.lookups} of 10 DNS lookups, ${outcome.voidLookups} of 2 void lookups`,
    ),
  ];
  if (outcome.record)
    details.unshift(text(`Enregistrement : ${outcome.record}`, `Record: ${outcome.record}`));
  return result(
    check,
    subject,
    STATUS[outcome.result],
    summary,
    { kind: 'spf', ip: check.ip, domain: check.domain, outcome },
    { details },
  );
}
