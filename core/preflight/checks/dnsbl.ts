/** One sending IP against one DNS blocklist; Cloudmark, which has no DNS list, as a link to check by hand. */
import { cloudmarkResetLink } from '../../orange/links';
import type { DnsLookup } from '../dns';
import { dnsblList, dnsblQueryName } from '../dnsbl-lists';
import type { PreflightCheck, PreflightResult } from '../types';
import { couldNotCheck, result, text } from './common';

export async function runDnsblCheck(
  check: Extract<PreflightCheck, { kind: 'dnsbl' }>,
  dns: DnsLookup,
  key?: string | null,
): Promise<PreflightResult> {
  const list = dnsblList(check.list);
  const link = list.link(check.ip);
  const subject = `${check.ip} @ ${list.name}`;
  if (list.needsKey && !key) {
    return result(
      check,
      subject,
      'manual',
      text(
        `${list.name} demande une clé d’accès : vérifiez ${check.ip} sur sa page publique`,
        `${list.name} needs an access key: check ${check.ip} on its public page`,
      ),
      { kind: 'dnsbl', listed: null, codes: [] },
      { links: [link] },
    );
  }
  const answer = await dns.a(dnsblQueryName(check.ip, list.zone, key));
  if (!answer.ok)
    return couldNotCheck(check, subject, answer.failure, { kind: 'dnsbl', listed: null, codes: [] }, [link]);
  const codes = answer.records;
  const refusal = codes.map((code) => list.refusals[code]).find((meaning) => meaning !== undefined);
  if (refusal || codes.some((code) => code.startsWith('127.255.255.'))) {
    const why = refusal ?? text('requête refusée par la liste', 'query refused by the list');
    return result(
      check,
      subject,
      'could-not-check',
      text(
        `Vérification impossible chez ${list.name} : ${why.fr}`,
        `Could not check at ${list.name}: ${why.en}`,
      ),
      { kind: 'dnsbl', listed: null, codes },
      {
        links: [link],
        details: [
          text(
            'Utilisez un résolveur DNS à vous (pas 8.8.8.8, 1.1.1.1…) ou la page de vérification.',
            'Use a resolver of your own (not 8.8.8.8, 1.1.1.1…) or the look-up page.',
          ),
        ],
      },
    );
  }
  if (codes.length === 0) {
    return result(
      check,
      subject,
      'ok',
      text(`${check.ip} absente de ${list.name}`, `${check.ip} not listed on ${list.name}`),
      { kind: 'dnsbl', listed: false, codes },
    );
  }
  const details = codes.map((code) => {
    const meaning = list.codes[code];
    return meaning
      ? text(`${code} : ${meaning.fr}`, `${code}: ${meaning.en}`)
      : text(`${code} : code non documenté`, `${code}: undocumented code`);
  });
  return result(
    check,
    subject,
    'failed',
    text(`${check.ip} figure sur la liste ${list.name}`, `${check.ip} is listed on ${list.name}`),
    { kind: 'dnsbl', listed: true, codes },
    { details, links: [link] },
  );
}

export function cloudmarkCheck(check: Extract<PreflightCheck, { kind: 'cloudmark' }>): PreflightResult {
  return result(
    check,
    `${check.ip} @ Cloudmark`,
    'manual',
    text(
      `Cloudmark n’a pas de liste DNS : vérifiez ${check.ip} sur son formulaire`,
      `Cloudmark has no DNS list: check ${check.ip} on its form`,
    ),
    { kind: 'none' },
    {
      links: [cloudmarkResetLink(check.ip)],
    },
  );
}
