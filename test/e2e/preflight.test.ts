/**
 * Pre-flight checks run from the UI in Chromium, by the real main-process service, against a DNS server
 * this test starts on 127.0.0.1 (never the internet). The zone matches the pasted bounce: reverse DNS and
 * HELO are fine, SPF does not authorise the sending IP, DMARC exists, and Spamhaus ZEN lists the IP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPreflightService } from '../../electron/services/preflight/service';
import { startTestDnsServer, type TestDnsServer } from '../main/preflight/dns-server';
import { pasteAnywhere, uiFixture } from '../renderer/ui/e2e-helpers';
import { type AppSession, launchApp } from './harness';

// The bounce test/fixtures/ui/postfix-dsn-ofr102.eml: 203.0.113.25, mta1.example.com, example.com.
const ZONE = {
  '25.113.0.203.in-addr.arpa': { PTR: ['mta1.example.com'] },
  'mta1.example.com': { A: ['203.0.113.25'] },
  'example.com': {
    TXT: ['v=spf1 ip4:198.51.100.0/24 -all'],
    MX: [{ priority: 10, exchange: 'mta1.example.com' }],
  },
  '_dmarc.example.com': { TXT: ['v=DMARC1; p=reject; rua=mailto:dmarc@example.com'] },
  '25.113.0.203.zen.spamhaus.org': { A: ['127.0.0.2'] },
  'orange.fr': { MX: [{ priority: 10, exchange: 'smtp-in.orange.fr' }] },
  'wanadoo.fr': { MX: [{ priority: 10, exchange: 'smtp-in.orange.fr' }] },
  'smtp-in.orange.fr': { A: ['193.252.22.65'] },
};

describe('pre-flight checks from the UI (Chromium, loopback DNS)', () => {
  let dns: TestDnsServer;
  let app: AppSession;
  beforeAll(async () => {
    dns = await startTestDnsServer(ZONE);
    app = await launchApp({
      overrideServices: () => ({
        preflight: createPreflightService({ servers: [dns.server], timeoutMs: 3000 }),
      }),
    });
    await app.page.getByRole('heading', { name: 'Commencez par coller un rejet' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
    await dns?.close();
  });

  it('checks the pasted incident and reports each result, the take-aways and the ticket line', async () => {
    await pasteAnywhere(app.page, uiFixture('postfix-dsn-ofr102.eml'));
    const panel = app.page.locator('section.preflight');
    await panel.getByRole('button', { name: 'Vérifier' }).click();
    const progress = panel.getByRole('progressbar');
    await progress.waitFor();
    await app.page.waitForFunction(() => {
      const bar = document.querySelector('section.preflight [role="progressbar"]');
      return bar !== null && bar.getAttribute('aria-valuenow') === bar.getAttribute('aria-valuemax');
    });
    // The checks really went to our server, for the incident's own names.
    const asked = dns.queries.map((q) => `${q.type} ${q.name}`);
    expect(asked).toEqual(
      expect.arrayContaining([
        'PTR 25.113.0.203.in-addr.arpa',
        'TXT example.com',
        'TXT _dmarc.example.com',
        'A 25.113.0.203.zen.spamhaus.org',
      ]),
    );
    const findings = (await panel.locator('.preflight-findings').textContent()) ?? '';
    expect(findings).toMatch(/SPF/);
    expect(findings).toContain('203.0.113.25');
    expect(findings).toMatch(/Spamhaus/);
    const ticketLine = (await panel.locator('.preflight-ticket').textContent()) ?? '';
    expect(ticketLine).toMatch(/DNS inverse|reverse DNS/i);
    expect(app.pageErrors.filter((e) => !e.includes('frame-ancestors'))).toEqual([]);
    await app.screenshot('preflight-light-fr');
  });
});
