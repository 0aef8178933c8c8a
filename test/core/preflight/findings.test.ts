/** Advice and the ticket line, from results produced by the real checks over an in-memory zone. */
import { preflightFindings } from '../../../core/preflight/findings';
import { planPreflight } from '../../../core/preflight/plan';
import { runPreflightCheck } from '../../../core/preflight/run';
import { preflightTicketLine } from '../../../core/preflight/ticket-line';
import { type FakeEntry, fakeDns } from './fake-dns';

const healthy: Record<string, FakeEntry> = {
  '23.100.51.198.in-addr.arpa': { PTR: ['mail.example.com'] },
  'mail.example.com': { A: ['198.51.100.23'] },
  'example.com': { TXT: ['v=spf1 ip4:198.51.100.0/24 -all'] },
  '_dmarc.example.com': { TXT: ['v=DMARC1; p=reject'] },
  'orange.fr': { MX: [{ priority: 10, exchange: 'smtp-in.orange.fr' }] },
  'wanadoo.fr': { MX: [{ priority: 10, exchange: 'smtp-in.orange.fr' }] },
  'smtp-in.orange.fr': { A: ['193.252.22.65'] },
};

async function runAll(zone: Record<string, FakeEntry>) {
  const dns = fakeDns(zone);
  const plan = planPreflight({
    sendingIps: ['198.51.100.23'],
    sendingHosts: ['mail.example.com'],
    sendingDomain: 'example.com',
  });
  return Promise.all(plan.map((check) => runPreflightCheck(check, dns)));
}

const AT = new Date('2026-11-29T10:15:42Z');

describe('findings', () => {
  test('a healthy setup: only the manual checks remain, and the ticket line states what passed', async () => {
    const results = await runAll(healthy);
    expect(preflightFindings(results).map((finding) => finding.en)).toEqual([
      'To check by hand (link given): 198.51.100.23 @ Abusix Mail Intelligence, 198.51.100.23 @ Cloudmark',
    ]);
    expect(preflightTicketLine(results, 'fr', AT)).toBe(
      'DNS inverse et SPF vérifiés le 29/11/2026 à 10:15 UTC\u00a0: 198.51.100.23 (PTR mail.example.com, confirmé), SPF pass pour example.com (198.51.100.23), DMARC p=reject, aucune inscription sur Spamhaus ZEN, SpamCop, Barracuda BRBL, PSBL.',
    );
    expect(preflightTicketLine(results, 'en', AT)).toBe(
      'Reverse DNS and SPF verified on 2026-11-29 10:15 UTC: 198.51.100.23 (PTR mail.example.com, forward-confirmed), SPF pass for example.com (198.51.100.23), DMARC p=reject, not listed on Spamhaus ZEN, SpamCop, Barracuda BRBL, PSBL.',
    );
  });

  test('SPF failing, no DMARC, listed on Spamhaus: one finding each, ticket line keeps the reverse DNS only', async () => {
    const results = await runAll({
      ...healthy,
      'example.com': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] },
      '_dmarc.example.com': { TXT: [] },
      '23.100.51.198.zen.spamhaus.org': { A: ['127.0.0.2'] },
    });
    const findings = preflightFindings(results);
    expect(findings.map((finding) => finding.fr)).toEqual([
      'Le SPF échoue pour 198.51.100.23 (fail)\u00a0: corrigez-le avant de contacter Orange',
      'Pas de DMARC valide pour example.com\u00a0: publiez-en un avant de contacter Orange',
      '198.51.100.23 figure sur la liste Spamhaus ZEN\u00a0: demandez le retrait avant de contacter Orange',
      'À vérifier à la main (lien fourni)\u00a0: 198.51.100.23 @ Abusix Mail Intelligence, 198.51.100.23 @ Cloudmark',
    ]);
    expect(findings[0]?.en).toBe('SPF fails for 198.51.100.23 (fail): fix it before asking Orange');
    expect(preflightTicketLine(results, 'en', AT)).toBe(
      'Reverse DNS verified on 2026-11-29 10:15 UTC: 198.51.100.23 (PTR mail.example.com, forward-confirmed).',
    );
  });

  test('DNS trouble is reported as unknown, never as a failure, and no ticket line is offered', async () => {
    const results = await runAll(
      Object.fromEntries(Object.keys(healthy).map((name) => [name, { fail: 'timeout' as const }])),
    );
    const findings = preflightFindings(results).map((finding) => finding.en);
    expect(findings[0]).toMatch(/^\d+ checks could not be completed \(timeout, SERVFAIL, offline\)/);
    const fr = preflightFindings(results).map((finding) => finding.fr);
    expect(fr[0]).toMatch(/^\d+ vérifications n’ont pas abouti/);
    // One check: the verb agrees.
    const one = preflightFindings(results.slice(0, 1)).map((finding) => finding.fr);
    expect(one[0]).toMatch(/^1 vérification n’a pas abouti .* relancez-la avant de conclure$/);
    expect(findings.some((finding) => finding.includes('fix it'))).toBe(false);
    expect(preflightTicketLine(results, 'fr', AT)).toBeNull();
  });

  test('no SPF, and a broken SPF, get their own advice', async () => {
    const none = preflightFindings(await runAll({ ...healthy, 'example.com': { TXT: ['some text'] } }));
    expect(none[0]?.fr).toBe(
      'example.com n’a pas de SPF\u00a0: publiez-en un qui autorise 198.51.100.23 avant de contacter Orange',
    );
    const broken = preflightFindings(
      await runAll({ ...healthy, 'example.com': { TXT: ['v=spf1 include:gone.example -all'] } }),
    );
    expect(broken[0]?.en).toBe(
      'The SPF of example.com is broken (include:gone.example has no SPF record): fix it before asking Orange',
    );
  });

  test('reverse DNS not confirmed and HELO not resolving', async () => {
    const results = await runAll({ ...healthy, 'mail.example.com': { A: ['203.0.113.1'] } });
    const en = preflightFindings(results).map((finding) => finding.en);
    expect(en).toContain(
      'The reverse DNS of 198.51.100.23 is not forward-confirmed (mail.example.com does not point back to it): fix it before asking Orange',
    );
    expect(en).toContain(
      'The HELO name mail.example.com does not point at the sending IP: align it with the PTR',
    );
    // French says « DNS inverse », as the ticket's line and the knowledge base do.
    const fr = preflightFindings(results).map((finding) => finding.fr);
    expect(
      fr.some((finding) => finding.startsWith('Le DNS inverse de 198.51.100.23 n’est pas confirmé')),
    ).toBe(true);
  });
});
