/**
 * Checking a sending host name: a syntactically valid fully qualified domain name (RFC 1123 labels),
 * under a public top-level domain (tldts), and not one of Orange's own servers.
 */
import { parse } from 'tldts';
import { isOrangeHost } from '../extract/reply';
import type { Verdict } from '../types';
import { error, ok, warning } from './verdict';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const MAX_NAME = 253;

/**
 * An internationalised name in its ASCII (punycode) form, as the DNS sees it; ASCII names unchanged.
 * The WHATWG URL parser does the IDNA conversion; a name it refuses is returned as is (and then fails).
 */
export function toAsciiName(name: string): string {
  if (/^[\x00-\x7f]*$/.test(name)) return name;
  try {
    return new URL(`http://${name}/`).hostname;
  } catch {
    return name;
  }
}

/** Problems in the syntax of a dotted name, or null when it is well formed. */
export function nameSyntaxProblem(name: string): { fr: string; en: string } | null {
  if (name.length > MAX_NAME)
    return { fr: 'nom trop long (253 caractères au plus)', en: 'name too long (253 characters at most)' };
  const labels = name.split('.');
  for (const label of labels) {
    if (label.length === 0) return { fr: 'point en trop ou étiquette vide', en: 'extra dot or empty label' };
    if (label.length > 63)
      return {
        fr: `étiquette « ${label.slice(0, 20)}… » trop longue (63 caractères au plus)`,
        en: `label "${label.slice(0, 20)}…" too long (63 characters at most)`,
      };
    if (!LABEL.test(label)) {
      return {
        fr: `étiquette « ${label} » invalide (lettres, chiffres et tirets seulement, sans tiret au début ni à la fin)`,
        en: `invalid label "${label}" (letters, digits and hyphens only, no hyphen at either end)`,
      };
    }
  }
  return null;
}

/**
 * `orange`: whether the refusal is Orange's (the default). Another provider's refusal is not told what
 * Orange expects: the rule holds for any receiving server.
 */
export function validateHostname(text: string, orange = true): Verdict {
  const value = text.trim();
  if (!value) return error('Nom d’hôte vide.', 'Empty host name.');
  const name = toAsciiName(value.endsWith('.') ? value.slice(0, -1) : value);
  const parsed = parse(name);
  if (parsed.isIp) {
    return error(
      `« ${value} » est une adresse IP, pas un nom d’hôte : indiquez le nom (celui du PTR et du HELO).`,
      `"${value}" is an IP address, not a host name: give the name (the PTR and HELO name).`,
    );
  }
  const problem = nameSyntaxProblem(name);
  if (problem) {
    return error(
      `« ${value} » n’est pas un nom d’hôte valide : ${problem.fr}.`,
      `"${value}" is not a valid host name: ${problem.en}.`,
    );
  }
  if (!name.includes('.')) {
    return orange
      ? error(
          `« ${value} » n’est pas un nom complet (FQDN) : Orange attend un nom comme « mail.example.com » qui se résout dans le DNS.`,
          `"${value}" is not a fully qualified name (FQDN): Orange expects a name like "mail.example.com" that resolves in the DNS.`,
        )
      : error(
          `« ${value} » n’est pas un nom complet (FQDN) : les serveurs de réception attendent un nom comme « mail.example.com » qui se résout dans le DNS.`,
          `"${value}" is not a fully qualified name (FQDN): receiving servers expect a name like "mail.example.com" that resolves in the DNS.`,
        );
  }
  if (!parsed.isIcann) {
    return error(
      `« ${value} » ne se termine pas par un domaine de premier niveau public : ce nom ne peut pas se résoudre sur Internet.`,
      `"${value}" does not end with a public top-level domain: this name cannot resolve on the Internet.`,
    );
  }
  if (isOrangeHost(name)) {
    return error(
      `« ${value} » est un serveur d’Orange, pas votre serveur d’envoi.`,
      `"${value}" is one of Orange's servers, not your sending server.`,
    );
  }
  if (!parsed.domain) {
    return warning(
      `« ${value} » est un suffixe public, pas le nom d’un serveur.`,
      `"${value}" is a public suffix, not a server's name.`,
    );
  }
  return ok();
}
