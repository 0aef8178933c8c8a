/**
 * Parsing of one SPF record into directives and modifiers (RFC 7208 §4.6.1, §5, §6 and the ABNF of §12).
 * Any syntax error makes the whole record a permerror, as the RFC requires, before anything is evaluated.
 */
import ipaddr from 'ipaddr.js';
import { MacroSyntaxError, parseMacroString } from './macro';

export type Qualifier = '+' | '-' | '~' | '?';

export type Mechanism =
  | { kind: 'all' }
  | { kind: 'include' | 'exists'; domainSpec: string }
  | { kind: 'a' | 'mx'; domainSpec: string | null; cidr4: number; cidr6: number }
  | { kind: 'ptr'; domainSpec: string | null }
  | { kind: 'ip4'; network: string; cidr: number }
  | { kind: 'ip6'; network: string; cidr: number };

export interface Directive {
  qualifier: Qualifier;
  mechanism: Mechanism;
  /** The term as written in the record, for reporting. */
  text: string;
}

export interface SpfRecord {
  directives: Directive[];
  redirect: string | null;
  exp: string | null;
}

export class SpfSyntaxError extends Error {}

/** True when a TXT string is an SPF version 1 record (§4.5: "v=spf1" then a space or the end). */
export function isSpfRecord(txt: string): boolean {
  const head = txt.slice(0, 7).toLowerCase();
  return head === 'v=spf1' || head === 'v=spf1 ';
}

const MODIFIER_NAME = /^[A-Za-z][A-Za-z0-9._-]{0,62}$/;
const MECHANISM_NAME = /^([+\-~?]?)([A-Za-z][A-Za-z0-9]{0,9})/;
// toplabel = (*alphanum ALPHA *alphanum) / (1*alphanum "-" *(alphanum / "-") alphanum); labels are short.
const TOPLABEL =
  /^(?:[A-Za-z0-9]{0,62}[A-Za-z][A-Za-z0-9]{0,62}|[A-Za-z0-9]{1,61}-[A-Za-z0-9-]{0,60}[A-Za-z0-9])$/;

/** domain-spec = macro-string domain-end; domain-end = ("." toplabel ["."]) / macro-expand (§7.1). */
function checkDomainSpec(spec: string, term: string): string {
  if (spec === '') throw new SpfSyntaxError(`empty domain in "${term}"`);
  try {
    parseMacroString(spec);
  } catch (error) {
    if (error instanceof MacroSyntaxError) throw new SpfSyntaxError(`${error.message} in "${term}"`);
    throw error;
  }
  if (spec.endsWith('}')) return spec;
  const body = spec.endsWith('.') ? spec.slice(0, -1) : spec;
  const dot = body.lastIndexOf('.');
  const top = body.slice(dot + 1);
  if (dot < 0 || !TOPLABEL.test(top)) throw new SpfSyntaxError(`"${spec}" is not a domain name in "${term}"`);
  return spec;
}

function cidrValue(text: string, max: number, term: string): number {
  if (!/^(?:0|[1-9][0-9]{0,2})$/.test(text) || Number(text) > max) {
    throw new SpfSyntaxError(`invalid CIDR length "/${text}" in "${term}"`);
  }
  return Number(text);
}

/** Splits "[:domain-spec][/cidr4][//cidr6]" (§5.3, §5.4). */
function parseDomainAndCidr(rest: string, term: string) {
  let spec = rest;
  let cidr4 = 32;
  let cidr6 = 128;
  const double = spec.lastIndexOf('//');
  if (double >= 0) {
    cidr6 = cidrValue(spec.slice(double + 2), 128, term);
    spec = spec.slice(0, double);
  }
  const single = spec.lastIndexOf('/');
  if (single >= 0 && /^[0-9]+$/.test(spec.slice(single + 1))) {
    cidr4 = cidrValue(spec.slice(single + 1), 32, term);
    spec = spec.slice(0, single);
  }
  if (spec === '') return { domainSpec: null, cidr4, cidr6 };
  if (!spec.startsWith(':')) throw new SpfSyntaxError(`unexpected "${spec}" in "${term}"`);
  return { domainSpec: checkDomainSpec(spec.slice(1), term), cidr4, cidr6 };
}

function parseIpNetwork(kind: 'ip4' | 'ip6', rest: string, term: string): Mechanism {
  if (!rest.startsWith(':')) throw new SpfSyntaxError(`missing address in "${term}"`);
  const body = rest.slice(1);
  const slash = body.indexOf('/');
  const network = slash < 0 ? body : body.slice(0, slash);
  const max = kind === 'ip4' ? 32 : 128;
  const cidr = slash < 0 ? max : cidrValue(body.slice(slash + 1), max, term);
  const valid =
    kind === 'ip4'
      ? ipaddr.IPv4.isValidFourPartDecimal(network)
      : ipaddr.IPv6.isValid(network) && network.includes(':');
  if (!valid) throw new SpfSyntaxError(`invalid address "${network}" in "${term}"`);
  return { kind, network, cidr };
}

function parseMechanism(name: string, rest: string, term: string): Mechanism {
  switch (name) {
    case 'all':
      if (rest !== '') throw new SpfSyntaxError(`unexpected "${rest}" after "all"`);
      return { kind: 'all' };
    case 'include':
    case 'exists':
      if (!rest.startsWith(':')) throw new SpfSyntaxError(`"${name}" needs a domain in "${term}"`);
      return { kind: name, domainSpec: checkDomainSpec(rest.slice(1), term) };
    case 'a':
    case 'mx':
      return { kind: name, ...parseDomainAndCidr(rest, term) };
    case 'ptr':
      if (rest === '') return { kind: 'ptr', domainSpec: null };
      if (!rest.startsWith(':')) throw new SpfSyntaxError(`unexpected "${rest}" in "${term}"`);
      return { kind: 'ptr', domainSpec: checkDomainSpec(rest.slice(1), term) };
    case 'ip4':
    case 'ip6':
      return parseIpNetwork(name, rest, term);
    default:
      throw new SpfSyntaxError(`unknown mechanism "${name}"`);
  }
}

/** Parses a record already known to start with v=spf1. Throws SpfSyntaxError. */
export function parseSpfRecord(txt: string): SpfRecord {
  const terms = txt
    .slice(6)
    .split(/[ \t]+/)
    .filter((term) => term !== '');
  const record: SpfRecord = { directives: [], redirect: null, exp: null };
  for (const term of terms) {
    const eq = term.indexOf('=');
    if (eq > 0 && MODIFIER_NAME.test(term.slice(0, eq))) {
      const name = term.slice(0, eq).toLowerCase();
      const value = term.slice(eq + 1);
      if (name === 'redirect' || name === 'exp') {
        if (record[name] !== null) throw new SpfSyntaxError(`"${name}=" appears twice`);
        record[name] = checkDomainSpec(value, term);
      } else {
        try {
          parseMacroString(value, true);
        } catch (error) {
          if (error instanceof MacroSyntaxError) throw new SpfSyntaxError(`${error.message} in "${term}"`);
          throw error;
        }
      }
      continue;
    }
    const head = MECHANISM_NAME.exec(term);
    if (!head) throw new SpfSyntaxError(`unreadable term "${term}"`);
    const qualifier = (head[1] || '+') as Qualifier;
    const name = (head[2] as string).toLowerCase();
    const mechanism = parseMechanism(name, term.slice(head[0].length), term);
    record.directives.push({ qualifier, mechanism, text: term });
  }
  return record;
}
