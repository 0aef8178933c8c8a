/**
 * Checking the sending domain: a registrable domain under a public suffix (tldts, ICANN section of the
 * Public Suffix List), or a name under one.
 */
import { parse } from 'tldts';
import { isOrangeHost } from '../extract/reply';
import type { Verdict } from '../types';
import { nameSyntaxProblem, toAsciiName } from './hostname';
import { error, ok, warning } from './verdict';

export function validateDomain(text: string): Verdict {
  const value = text.trim();
  if (!value) return error('Domaine vide.', 'Empty domain.');
  if (value.includes('@')) {
    return error(
      `« ${value} » ressemble à une adresse e-mail : indiquez seulement le domaine (après « @ »).`,
      `"${value}" looks like an e-mail address: give only the domain (after "@").`,
    );
  }
  const name = toAsciiName(value.endsWith('.') ? value.slice(0, -1) : value).toLowerCase();
  const parsed = parse(name);
  if (parsed.isIp) {
    return error(
      `« ${value} » est une adresse IP, pas un domaine.`,
      `"${value}" is an IP address, not a domain.`,
    );
  }
  const problem = nameSyntaxProblem(name);
  if (problem) {
    return error(
      `« ${value} » n’est pas un domaine valide : ${problem.fr}.`,
      `"${value}" is not a valid domain: ${problem.en}.`,
    );
  }
  if (!parsed.isIcann || !parsed.publicSuffix) {
    return error(
      `« ${value} » ne se termine pas par un domaine de premier niveau public.`,
      `"${value}" does not end with a public top-level domain.`,
    );
  }
  if (!parsed.domain) {
    return error(
      `« ${value} » est un suffixe public (comme « co.uk ») : il manque le nom du domaine lui-même.`,
      `"${value}" is a public suffix (like "co.uk"): the domain's own name is missing.`,
    );
  }
  if (isOrangeHost(name)) {
    return warning(
      `« ${value} » est un domaine d’Orange : le domaine d’envoi est normalement le vôtre, pas celui du destinataire.`,
      `"${value}" is an Orange domain: the sending domain is normally yours, not the recipient's.`,
    );
  }
  if (parsed.domain !== name) {
    return ok(`Valide (sous-domaine de ${parsed.domain}).`, `Valid (subdomain of ${parsed.domain}).`);
  }
  return ok();
}
