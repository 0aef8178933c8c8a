/** The DKIM public key record of a selector (from the pasted DKIM-Signature's s= and d=). */

import { parseDkimKeyRecord } from '../dkim';
import type { DnsLookup } from '../dns';
import { normalizeName } from '../dns';
import type { PreflightCheck, PreflightResult } from '../types';
import { couldNotCheck, result, text } from './common';

const PROBLEM = {
  syntax: text('syntaxe illisible', 'unreadable syntax'),
  version: text('v= doit être « DKIM1 » et venir en premier', 'v= must be "DKIM1" and come first'),
  revoked: text('clé révoquée (p= vide)', 'key revoked (empty p=)'),
  'no-key': text('pas de clé publique (p= absent)', 'no public key (p= missing)'),
  'key-type': text('type de clé k= inconnu', 'unknown key type k='),
  base64: text('p= n’est pas du base64 valide', 'p= is not valid base64'),
};

export async function runDkimCheck(
  check: Extract<PreflightCheck, { kind: 'dkim' }>,
  dns: DnsLookup,
): Promise<PreflightResult> {
  const name = `${check.selector}._domainkey.${normalizeName(check.domain)}`;
  const answer = await dns.txt(name);
  const none = { kind: 'dkim' as const, keyType: null, hasKey: false };
  if (!answer.ok) return couldNotCheck(check, name, answer.failure, none);
  const candidates = answer.records.filter((record) => /(?:^|;)\s*(?:v\s*=\s*DKIM1|p\s*=)/i.test(record));
  if (candidates.length === 0) {
    return result(
      check,
      name,
      'failed',
      text(`Aucune clé DKIM publiée sur ${name}`, `No DKIM key published at ${name}`),
      none,
    );
  }
  const parsed = parseDkimKeyRecord(candidates[0] as string);
  if (!parsed.ok) {
    return result(
      check,
      name,
      'failed',
      text(
        `Clé DKIM invalide sur ${name} : ${PROBLEM[parsed.problem].fr}`,
        `Invalid DKIM key at ${name}: ${PROBLEM[parsed.problem].en}`,
      ),
      none,
    );
  }
  return result(
    check,
    name,
    'ok',
    text(`Clé DKIM ${parsed.keyType} publiée sur ${name}`, `DKIM ${parsed.keyType} key published at ${name}`),
    {
      kind: 'dkim',
      keyType: parsed.keyType,
      hasKey: true,
    },
  );
}
