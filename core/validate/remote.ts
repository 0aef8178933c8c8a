/**
 * Checking the refusing side: the rejecting host, its IP address and the recipient's domain, all optional.
 * For Orange's refusal each is expected to be Orange's, and a warning says so when it is not (a hint that
 * the refusal may be another provider's). For another provider's refusal (`orange` false) that warning is
 * only noise, the advice card already naming whose refusal it is: the values are checked for their form
 * alone, without naming Orange.
 */
import ipaddr from 'ipaddr.js';
import { isOrangeIp } from '../extract/ip';
import { isOrangeHost } from '../extract/reply';
import type { Verdict } from '../types';
import { nameSyntaxProblem, toAsciiName } from './hostname';
import { error, ok, warning } from './verdict';

const notGiven = () => ok('Non renseigné (facultatif).', 'Not given (optional).');

/** A name's form only (another provider's host or domain): a warning, as the field is optional. */
function nameForm(value: string): Verdict {
  const name = toAsciiName(value.trim().replace(/\.$/, ''));
  const problem = nameSyntaxProblem(name);
  if (!problem) return ok();
  return warning(
    `« ${value} » n’est pas un nom valide : ${problem.fr}.`,
    `"${value}" is not a valid name: ${problem.en}.`,
  );
}

export function checkRecipientDomain(domain: string | null, orange = true): Verdict {
  if (!domain?.trim()) return notGiven();
  if (isOrangeHost(domain)) return ok();
  if (!orange) return nameForm(domain);
  return warning(
    `« ${domain} » n’est pas un domaine d’Orange (orange.fr, wanadoo.fr) : vérifiez que le rejet vient bien d’Orange.`,
    `"${domain}" is not an Orange domain (orange.fr, wanadoo.fr): check that the rejection really comes from Orange.`,
  );
}

export function checkRemoteHost(host: string | null, orange = true): Verdict {
  if (!host?.trim()) return notGiven();
  if (isOrangeHost(host)) return ok();
  if (!orange) return nameForm(host);
  return warning(
    `« ${host} » n’est pas un serveur d’Orange connu.`,
    `"${host}" is not a known Orange server.`,
  );
}

export function checkRemoteIp(ip: string | null, orange = true): Verdict {
  if (!ip?.trim()) return notGiven();
  if (!ipaddr.isValid(ip.trim())) {
    return error(`« ${ip} » n’est pas une adresse IP valide.`, `"${ip}" is not a valid IP address.`);
  }
  if (isOrangeIp(ip) || !orange) return ok();
  return warning(
    `${ip} n’appartient pas aux réseaux d’Orange connus : vérifiez qu’il s’agit bien du serveur d’Orange.`,
    `${ip} is not in Orange's known networks: check that it really is Orange's server.`,
  );
}
