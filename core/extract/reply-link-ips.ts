/**
 * The sending IP a reply writes in its links (Orange's Cloudmark and Abusix links, blocklists' lookup
 * pages, GMX's), never a host's or a placeholder's.
 */

import { findClientIps } from './client-ip';
import { extractIps, isNonPublicIp, normalizeIp } from './ip';
import { allMatches } from './matches';
import { includesAny } from './orange-reply-parts';
import { unwrappedLink } from './wrapped-link';

// (Or without its scheme, at the start of a word: pflogsumm's report cuts a reply at `http:`.)
const URL = /(?:\bhttps?:|(?<!\S))\/\/[^\s"'<>]{1,2048}/gi;

// `&amp;ip=`: the link as an HTML notice writes it, copied with its entity (a real Orange reply).
const GMX_IP_CASE = /[?&]i=ip(?:&|$)/i;

const GMX_IP_VALUE = /[?&]v=([^&#\s"'<>]{1,128})/gi;

const LINK_PARAM = /[?&;](?:ip|q|search|searchString|value)=([^&#\s"'<>]{1,128})/gi;

// SpamCop's lookup names the address as the whole query: `spamcop.net/bl.shtml?192.0.2.95`.
const BARE_QUERY = /\?([0-9A-Fa-f:.]{2,45})(?=[^0-9A-Fa-f:.]|$)/g;

// So does Proofpoint's older lookup: `https://support.proofpoint.com/dnsbl-lookup.cgi?192.0.2.1`.
const BARE_QUERY_PAGE = /\/dnsbl-lookup\.cgi\?[0-9A-Fa-f:.]/i;

const URL_HOST = /^(?:https?:)?\/\/([^/?#:]{1,253})/i;

const IP_AFTER_TOKEN = /^\s{0,3}(?:ip\s{0,2}[:=]?\s{0,2})?(\S{3,45})/i;

const TRAILING_PUNCTUATION = /[.,;)]$/;

/** A value cut short by an ellipsis (`...`, `…`): what is left of an address is no address. */
const CUT_VALUE = /(?:\.\.|…)$/;
/** An address (or its start) an ellipsis cut: left out of the words after Orange's token. */
const CUT_ADDRESS = /[0-9A-Fa-f:.]{1,45}(?:\.\.\.|…)/g;

// Sites whose `?ip=` links name the connecting client, as seen in real replies (Orange's own and its
// blocklists; GMX's rDNS page, Proofpoint's DNSBL lookup, Facebook's response codes; Cisco's
// `senderbase.org/search?searchBy=ipaddress&searchString=IP` and Talos's `lookup?search=IP`; Barracuda's
// `barracudanetworks.com/reputation/?r=1&ip=IP` and `barracudacentral.org/lookups/lookup-reputation`; IONOS's
// `554 For explanation visit https://www.ionos.com/help/index.php?id=2425&ip=IP&c=hd`, and web.de's, on the
// same platform as GMX: `554 For explanation visit https://web.de/email/senderguidelines?ip=IP&c=rdns`; the
// SPF project's `openspf.org/Why?id=sender&ip=IP&receiver=...`, SpamCop's `spamcop.net/bl.shtml?IP`).
const LINK_HOSTS = [
  'openspf',
  'spamcop',
  'cloudmark',
  'abusix',
  'orange',
  'wanadoo',
  'spamhaus',
  'gmx',
  'proofpoint',
  'facebook',
  'senderbase',
  'talosintelligence',
  'barracuda',
  'ionos',
  'web.de',
  // NiX Spam's lookup: `http://www.dnsbl.manitu.net/lookup.php?value=192.0.2.1`.
  'manitu',
  // NetEase's help page: `http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.1&hostid=smtp10&time=...`.
  'mail.163.com',
  'mail.126.com',
];

export function findLinkIps(text: string, tokenEnd: number): string[] {
  const ips: string[] = [];
  for (const match of allMatches(URL, text)) {
    // (A gateway's rewritten link read as the one it stands for: wrapped-link.ts.)
    const url = unwrappedLink(match[0]);
    const host = URL_HOST.exec(url)?.[1]?.toLowerCase() ?? '';
    if (!includesAny(host, LINK_HOSTS)) continue;
    // GMX's case links name the client as `i=ip&v=192.0.2.85`
    // (`postmaster.gmx.net/de/case?c=r0735&i=ip&v=...`).
    const params = GMX_IP_CASE.test(url)
      ? allMatches(GMX_IP_VALUE, url)
      : host.includes('spamcop') || BARE_QUERY_PAGE.test(url)
        ? allMatches(BARE_QUERY, url)
        : allMatches(LINK_PARAM, url);
    for (const p of params) {
      let value = p[1] ?? '';
      // Without '%' there is nothing to decode (and nothing to throw on).
      if (value.includes('%')) {
        try {
          value = decodeURIComponent(value);
        } catch {
          // keep the raw value; a broken escape cannot hide a valid IP anyway
        }
      }
      // A link cut there (`?ip=198.51.100.20...`, a log or a post that kept only the start of the reply,
      // Courier's 128 characters): the address may have lost its last digits.
      if (CUT_VALUE.test(value)) continue;
      // A link ending a sentence keeps its punctuation (`...lookup.cgi?ip=192.0.2.165:`).
      const ip = normalizeIp(value) ?? normalizeIp(value.replace(/[.,;:)\]]+$/, ''));
      if (ip && !ips.includes(ip)) ips.push(ip);
    }
  }
  if (tokenEnd >= 0) {
    // `OFR006_103 203.0.113.7 [103]`: an IP written right after the token.
    const after = text.slice(tokenEnd, tokenEnd + 80);
    const bracket = after.indexOf('[');
    const tail = (bracket >= 0 ? after.slice(0, bracket) : after).replace(CUT_ADDRESS, ' ');
    const first = IP_AFTER_TOKEN.exec(tail)?.[1]?.replace(TRAILING_PUNCTUATION, '');
    const ip = first ? normalizeIp(first) : null;
    if (ip && !ips.includes(ip)) ips.push(ip);
    for (const other of extractIps(tail)) if (!ips.includes(other)) ips.push(other);
  }
  // Wordings naming the connecting client (`Client host [IP] blocked`, `banned sending IP [IP]`...).
  for (const ip of findClientIps(text)) if (!ips.includes(ip)) ips.push(ip);
  // A private address in a link was put there by whoever redacted the bounce: never the sending IP.
  const publicIps: string[] = [];
  for (const ip of ips) if (!isNonPublicIp(ip)) publicIps.push(ip);
  return publicIps;
}
