/** Orange's MX for orange.fr / wanadoo.fr resolves: a sanity check that this machine's DNS works. */
import type { DnsLookup } from '../dns';
import { normalizeName } from '../dns';
import type { PreflightCheck, PreflightResult } from '../types';
import { couldNotCheck, result, text } from './common';

export async function runOrangeMxCheck(
  check: Extract<PreflightCheck, { kind: 'orange-mx' }>,
  dns: DnsLookup,
): Promise<PreflightResult> {
  const answer = await dns.mx(check.domain);
  if (!answer.ok) return couldNotCheck(check, check.domain, answer.failure, { kind: 'orange-mx', hosts: [] });
  const hosts = answer.records
    .slice()
    .sort((a, b) => a.priority - b.priority)
    .map((mx) => normalizeName(mx.exchange));
  if (hosts.length === 0) {
    return result(
      check,
      check.domain,
      'failed',
      text(
        `Aucun MX pour ${check.domain} : le DNS de cette machine semble anormal`,
        `No MX for ${check.domain}: this machine's DNS looks wrong`,
      ),
      { kind: 'orange-mx', hosts },
    );
  }
  const first = hosts[0] as string;
  const address = await dns.a(first);
  if (!address.ok) return couldNotCheck(check, check.domain, address.failure, { kind: 'orange-mx', hosts });
  if (address.records.length === 0) {
    return result(
      check,
      check.domain,
      'failed',
      text(
        `${first} (MX de ${check.domain}) ne se résout pas`,
        `${first} (MX of ${check.domain}) does not resolve`,
      ),
      { kind: 'orange-mx', hosts },
    );
  }
  return result(
    check,
    check.domain,
    'ok',
    text(
      `MX de ${check.domain} : ${first} (${address.records[0]})`,
      `MX of ${check.domain}: ${first} (${address.records[0]})`,
    ),
    { kind: 'orange-mx', hosts },
  );
}
