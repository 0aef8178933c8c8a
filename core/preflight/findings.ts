/**
 * Advice from pre-flight results: what to fix before writing to Orange, one sentence per problem, and a
 * note when some checks could not run (so "could not check" is never read as "fine" or as "broken").
 */
import type { Localized } from '../types';
import { text } from './checks/common';
import { spfProblemText } from './checks/spf';
import { dnsblList } from './dnsbl-lists';
import type { PreflightResult } from './types';

const BEFORE = text('avant de contacter Orange', 'before asking Orange');

function finding(result: PreflightResult): Localized | null {
  const facts = result.facts;
  if (result.status !== 'failed' && result.status !== 'warning') return null;
  switch (facts.kind) {
    case 'ptr':
      return facts.names.length === 0
        ? text(
            `Pas de DNS inverse pour ${result.subject} : ajoutez un PTR ${BEFORE.fr}`,
            `No reverse DNS for ${result.subject}: add a PTR ${BEFORE.en}`,
          )
        : text(
            `Le DNS inverse de ${result.subject} n’est pas confirmé (${facts.names[0]} ne pointe pas vers l’IP) : corrigez-le ${BEFORE.fr}`,
            `The reverse DNS of ${result.subject} is not forward-confirmed (${facts.names[0]} does not point back to it): fix it ${BEFORE.en}`,
          );
    case 'helo':
      return result.status === 'failed'
        ? text(
            `Le nom HELO ${result.subject} ne se résout pas : corrigez-le ${BEFORE.fr}`,
            `The HELO name ${result.subject} does not resolve: fix it ${BEFORE.en}`,
          )
        : text(
            `Le nom HELO ${result.subject} ne pointe pas vers l’IP d’envoi : alignez-le sur le PTR`,
            `The HELO name ${result.subject} does not point at the sending IP: align it with the PTR`,
          );
    case 'spf': {
      const outcome = facts.outcome;
      if (outcome?.result === 'none') {
        return text(
          `${facts.domain} n’a pas de SPF : publiez-en un qui autorise ${facts.ip} ${BEFORE.fr}`,
          `${facts.domain} has no SPF: publish one that authorises ${facts.ip} ${BEFORE.en}`,
        );
      }
      if (outcome?.result === 'permerror' && outcome.problem) {
        const why = spfProblemText(outcome.problem);
        return text(
          `Le SPF de ${facts.domain} est invalide (${why.fr}) : corrigez-le ${BEFORE.fr}`,
          `The SPF of ${facts.domain} is broken (${why.en}): fix it ${BEFORE.en}`,
        );
      }
      const name = outcome?.result ?? 'none';
      return result.status === 'failed'
        ? text(
            `Le SPF échoue pour ${facts.ip} (${name}) : corrigez-le ${BEFORE.fr}`,
            `SPF fails for ${facts.ip} (${name}): fix it ${BEFORE.en}`,
          )
        : text(
            `Le SPF de ${facts.domain} ne se prononce pas pour ${facts.ip} (${name}) : autorisez explicitement cette IP`,
            `The SPF of ${facts.domain} says nothing definite for ${facts.ip} (${name}): authorise this IP explicitly`,
          );
    }
    case 'dmarc':
      return result.status === 'failed'
        ? text(
            `Pas de DMARC valide pour ${result.subject} : publiez-en un ${BEFORE.fr}`,
            `No valid DMARC for ${result.subject}: publish one ${BEFORE.en}`,
          )
        : text(
            `DMARC de ${result.subject} en p=none : c’est accepté, mais une politique plus stricte aide la réputation`,
            `DMARC of ${result.subject} is p=none: accepted, but a stricter policy helps reputation`,
          );
    case 'dkim':
      return text(
        `La clé DKIM ${result.subject} est absente ou invalide : corrigez-la ${BEFORE.fr}`,
        `The DKIM key ${result.subject} is missing or invalid: fix it ${BEFORE.en}`,
      );
    case 'dnsbl': {
      const name = dnsblList(result.id.split(':')[1] as Parameters<typeof dnsblList>[0]).name;
      const ip = result.subject.split(' @ ')[0] ?? result.subject;
      return text(
        `${ip} figure sur la liste ${name} : demandez le retrait ${BEFORE.fr}`,
        `${ip} is listed on ${name}: request removal ${BEFORE.en}`,
      );
    }
    case 'orange-mx':
      return text(
        `Le MX d’Orange (${result.subject}) ne se résout pas depuis cette machine : son DNS semble en panne`,
        `Orange's MX (${result.subject}) does not resolve from this machine: its DNS looks broken`,
      );
    case 'none':
      return null;
  }
}

export function preflightFindings(results: readonly PreflightResult[]): Localized[] {
  const findings = results.map(finding).filter((item): item is Localized => item !== null);
  const unknown = results.filter((result) => result.status === 'could-not-check').length;
  if (unknown > 0) {
    findings.push(
      text(
        unknown === 1
          ? `1 vérification n’a pas abouti (délai, SERVFAIL, hors ligne) : relancez-la avant de conclure`
          : `${unknown} vérifications n’ont pas abouti (délai, SERVFAIL, hors ligne) : relancez-les avant de conclure`,
        unknown === 1
          ? '1 check could not be completed (timeout, SERVFAIL, offline): run it again before concluding'
          : `${unknown} checks could not be completed (timeout, SERVFAIL, offline): run them again before concluding`,
      ),
    );
  }
  const manual = results.filter((result) => result.status === 'manual').map((result) => result.subject);
  if (manual.length > 0) {
    findings.push(
      text(
        `À vérifier à la main (lien fourni) : ${manual.join(', ')}`,
        `To check by hand (link given): ${manual.join(', ')}`,
      ),
    );
  }
  if (findings.length === 0 && results.length > 0) {
    findings.push(
      text(
        'Toutes les vérifications DNS sont en ordre : vous pouvez contacter Orange',
        'All DNS checks pass: you can contact Orange',
      ),
    );
  }
  return findings;
}
