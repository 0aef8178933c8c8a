/**
 * The DNS blocklists the pre-flight checks query, with their answer codes and where to ask for removal.
 * Facts from each operator's public documentation (Spamhaus "DNSBL return codes"; SpamCop, Barracuda and
 * PSBL usage pages; Abusix Mail Intelligence docs: the zone needs a per-user key in the query name).
 */
import { abusixLookupLink, spamhausLookupLink } from '../orange/links';
import type { Link, Localized } from '../types';
import { reversedIp } from './reverse-name';

export type DnsblId = 'spamhaus-zen' | 'abusix' | 'spamcop' | 'barracuda' | 'psbl';

export interface DnsblList {
  id: DnsblId;
  name: string;
  zone: string;
  ipv6: boolean;
  needsKey: boolean;
  /** Meaning of each answer; an answer not listed here is "listed, code not documented". */
  codes: Record<string, Localized>;
  /** Answers that mean "your query was refused", not "listed": reported as could-not-check. */
  refusals: Record<string, Localized>;
  link(ip: string): Link;
}

const PUBLIC_RESOLVER: Localized = {
  fr: 'requête refusée : elle passe par un résolveur DNS public ou ouvert (Spamhaus ne répond pas à ceux-ci)',
  en: 'query refused: it came through a public or open DNS resolver (Spamhaus does not answer those)',
};

export const DNSBL_LISTS: readonly DnsblList[] = [
  {
    id: 'spamhaus-zen',
    name: 'Spamhaus ZEN',
    zone: 'zen.spamhaus.org',
    ipv6: true,
    needsKey: false,
    codes: {
      '127.0.0.2': { fr: 'SBL : source de spam connue', en: 'SBL: known spam source' },
      '127.0.0.3': {
        fr: 'SBL CSS : envois « snowshoe » ou de faible réputation',
        en: 'SBL CSS: snowshoe or low-reputation sending',
      },
      '127.0.0.4': { fr: 'XBL : machine compromise ou infectée', en: 'XBL: compromised or infected host' },
      '127.0.0.5': { fr: 'XBL : machine compromise', en: 'XBL: compromised host' },
      '127.0.0.6': { fr: 'XBL : machine compromise', en: 'XBL: compromised host' },
      '127.0.0.7': { fr: 'XBL : machine compromise', en: 'XBL: compromised host' },
      '127.0.0.9': {
        fr: 'SBL DROP : réseau détourné ou malveillant',
        en: 'SBL DROP: hijacked or malicious network',
      },
      '127.0.0.10': {
        fr: 'PBL (déclaré par le FAI) : plage d’adresses qui ne doit pas envoyer de courrier directement',
        en: 'PBL (ISP-maintained): address range that should not send mail directly',
      },
      '127.0.0.11': {
        fr: 'PBL (Spamhaus) : plage d’adresses qui ne doit pas envoyer de courrier directement',
        en: 'PBL (Spamhaus-maintained): address range that should not send mail directly',
      },
    },
    refusals: {
      '127.255.255.252': { fr: 'erreur de nom de zone dans la requête', en: 'typing error in the zone name' },
      '127.255.255.254': PUBLIC_RESOLVER,
      '127.255.255.255': { fr: 'trop de requêtes : quota dépassé', en: 'excessive number of queries' },
    },
    link: (ip) => spamhausLookupLink(ip),
  },
  {
    id: 'abusix',
    name: 'Abusix Mail Intelligence',
    zone: 'combined.mail.abusix.zone',
    ipv6: true,
    needsKey: true,
    codes: {},
    refusals: {},
    link: (ip) => abusixLookupLink(ip),
  },
  {
    id: 'spamcop',
    name: 'SpamCop',
    zone: 'bl.spamcop.net',
    ipv6: false,
    needsKey: false,
    codes: {
      '127.0.0.2': {
        fr: 'signalée par des destinataires de SpamCop (l’inscription expire d’elle-même après 24 h sans signalement)',
        en: 'reported by SpamCop users (the listing expires by itself after 24 h without reports)',
      },
    },
    refusals: {},
    link: (ip) => ({
      label: { fr: `Statut SpamCop de ${ip}`, en: `SpamCop status of ${ip}` },
      url: `https://www.spamcop.net/bl.shtml?${encodeURIComponent(ip)}`,
    }),
  },
  {
    id: 'barracuda',
    name: 'Barracuda BRBL',
    zone: 'b.barracudacentral.org',
    ipv6: false,
    needsKey: false,
    codes: { '127.0.0.2': { fr: 'mauvaise réputation chez Barracuda', en: 'poor reputation at Barracuda' } },
    refusals: {},
    link: () => ({
      label: { fr: 'Demande de retrait Barracuda', en: 'Barracuda removal request' },
      url: 'https://www.barracudacentral.org/rbl/removal-request',
    }),
  },
  {
    id: 'psbl',
    name: 'PSBL',
    zone: 'psbl.surriel.com',
    ipv6: false,
    needsKey: false,
    codes: { '127.0.0.2': { fr: 'a envoyé vers des pièges à spam', en: 'sent to spam traps' } },
    refusals: {},
    link: (ip) => ({
      label: {
        fr: `Fiche PSBL de ${ip} (retrait en libre-service)`,
        en: `PSBL entry for ${ip} (self-service removal)`,
      },
      url: `https://psbl.org/listing?ip=${encodeURIComponent(ip)}`,
    }),
  },
];

export function dnsblList(id: DnsblId): DnsblList {
  const list = DNSBL_LISTS.find((candidate) => candidate.id === id);
  if (!list) throw new Error(`unknown DNSBL ${id}`);
  return list;
}

/** The query name: IPv4 octets reversed, IPv6 as 32 reversed nibbles, then the zone (and key). */
export function dnsblQueryName(ip: string, zone: string, key?: string | null): string {
  const reversed = reversedIp(ip);
  return key ? `${reversed}.${key}.${zone}` : `${reversed}.${zone}`;
}
