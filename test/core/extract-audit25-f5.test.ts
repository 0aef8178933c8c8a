/**
 * Bounces kept as test fixtures by ticketing, CRM and mailing-list projects (OTRS, CiviCRM, Dada Mail),
 * read wrong by the engine as audit a2 found (sources: ../fixtures/extract/audit25/SOURCES-f5.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/audit25/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('a notice of a failure before any server was contacted', () => {
  it("gives no reply for SES's `Delivery expired (message too old) 'no valid ip addresses'`", async () => {
    const result = await extract(fixture('otrs-amazonses-547-expired-DERIVED-sprintf-filled.eml'), options);
    expect(result.incidents).toHaveLength(1);
    const i = result.incidents[0];
    expect(i?.recipientDomain).toBe('foo.com');
    expect(i?.reply.code).toBeNull();
    expect(i?.reply.text).toBe('');
    const codes = result.warnings.map((w) => w.code);
    expect(codes).toContain('input.no-server-reply');
    expect(result.warnings.find((w) => w.code === 'input.no-server-reply')?.text.en).toContain(
      "'no valid ip addresses'",
    );
    expect(codes).not.toContain('missing.replyCode');
  });
});

describe("a copy whose receiver's inner host wrote its address for its name", () => {
  it('gives the client of the hop into that inner host, and the recipient Yahoo wrote', async () => {
    const result = await extract(
      fixture('dada-yahoo-failure-notice-no-reason-DERIVED-ymail-headers-elided.eml'),
      options,
    );
    expect(result.incidents).toHaveLength(1);
    const i = result.incidents[0];
    expect(i?.sendingHosts).toEqual(['mout.perfora.net']);
    expect(i?.sendingIps).toEqual(['74.208.4.196']);
    expect(i?.sources.sendingHosts?.text).toBe('Received: from 74.208.4.196 (EHLO mout.perfora.net)');
    // The copy's To is its own From (the list's address, anonymised): Yahoo's envelope recipient is read.
    expect(i?.recipientDomain).toBe('example.com');
    expect(i?.sources.recipientDomain?.text).toMatch(/^X-Apparently-To: subscriber@example\.com;/);
  });
});

describe('a reply cut by a wrap inside a word or a link', () => {
  it("joins IONOS's 74-character pieces of Gmail's reply as they were", async () => {
    const { incidents } = await extract(fixture('dada-ionos-gmail-521-disabled-midword.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.text).toBe(
      '550 5.2.1 The email account that you tried to reach is disabled. Learn more at https://support.google.com/mail/?p=DisabledUser h16si851737uar.253 - gsmtp',
    );
  });

  it("gives Orange's Abusix link whole when IONOS cut it", async () => {
    const { incidents } = await extract(fixture('DERIVED-ionos-notice-orange-100-cut-at-74.eml'), options);
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.orange?.token).toBe('OFR006_100');
    expect(i?.sendingIps).toEqual(['121.127.44.66']);
    expect(i?.reply.text).toContain(
      'Adresse IP source bloquee par Abusix. IP blocked by Abusix, OFR006_100 please visit https://lookup.abusix.com/search?q=121.127.44.66 [100]',
    );
  });

  it('joins a bracketed link an unindented Diagnostic-Code line cut', async () => {
    const { incidents } = await extract(fixture('civicrm-nested-message-DERIVED-images-elided.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(552);
    expect(incidents[0]?.reply.text).toMatch(
      /page\. <https:\/\/checkspam\.secureserver\.net\/\?sid=a{19}&mid=b{19}>$/,
    );
  });
});
