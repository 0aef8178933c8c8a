/**
 * Bounce and reply readings fixed on branch fix-bouncemisc (test/fixtures/extract/bouncemisc/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract, parseReply } from '../../core/extract';
import { advise } from '../../core/orange/advice';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/bouncemisc/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("Orange's token copied with a space for its `_`", () => {
  it('reads `OFR006 102 ... [102]` as OFR006_102, with the advice of 102', async () => {
    const { incidents } = await extract(fixture('derived-forum-post-spaced-token-102.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.orange).toEqual({ token: 'OFR006_102', reason: 102, server: 'mwinf5c04' });
    expect(incident?.sendingIps).toEqual(['198.51.100.23']);
    const advice = advise(incident as NonNullable<typeof incident>);
    expect(advice.nextStep).toBe('delist-elsewhere');
    // Cloudmark's reset form, without the sending IP: the derived sample's address is a documentation
    // one, no real sender (core/orange/link-ips.ts), and the advice says so.
    expect(advice.links.map((l) => l.url)).toEqual(['https://csi.cloudmark.com/reset-request/']);
    expect(advice.summary.en).toContain('198.51.100.23 is a documentation address');
  });

  it('reads no reason when the bracket names another one than the spaced token', () => {
    const parsed = parseReply(
      '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006 102 Ref http://csi.cloudmark.com/reset-request/?ip=198.51.100.23 [103]',
    );
    expect(parsed.isOrangeReply).toBe(true);
    expect(parsed.orange?.token).toBeNull();
    expect(parsed.orange?.reason).toBeNull();
  });

  it('does not take an IP after the prefix for the reason', () => {
    const parsed = parseReply(
      '550 mwinf5c20 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006 203.0.113.44',
    );
    expect(parsed.orange?.token).not.toBe('OFR006_203');
  });
});

describe("Orange's IP-block wording without token or [NNN]", () => {
  it('picks no reason, says why, and advises for both 101 and 102', async () => {
    const { incidents } = await extract(
      fixture('derived-postfix-notice-ip-block-cut-before-token.txt'),
      options,
    );
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.isOrange).toBe(true);
    expect(incident?.orange?.reason).toBeNull();
    expect(incident?.orange?.token).toBeNull();
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.assumptions.map((a) => a.code)).toContain('orange.reason-not-told');
    const note = incident?.assumptions.find((a) => a.code === 'orange.reason-not-told');
    expect(note?.text.en).toContain('101 or 102');
    expect(note?.text.fr).toContain('101 ou 102');
    const advice = advise(incident as NonNullable<typeof incident>);
    // Both entries ask to delist first, not to write to Orange's abuse desk.
    expect(advice.nextStep).toBe('delist-elsewhere');
    expect(advice.contactAbuseDesk).toBe(false);
    expect(advice.summary.en).not.toContain('Unknown Orange code');
    expect(advice.summary.en).toContain('Spamhaus');
    expect(advice.summary.en).toContain('Cloudmark');
    const urls = advice.links.map((l) => l.url);
    expect(urls.some((u) => u.includes('spamhaus'))).toBe(true);
    expect(urls.some((u) => u.includes('cloudmark'))).toBe(true);
  });

  it('keeps the reason the token gives to the same wording', async () => {
    const { incidents } = await extract(fixture('derived-forum-post-spaced-token-102.txt'), options);
    expect(incidents[0]?.assumptions.map((a) => a.code)).not.toContain('orange.reason-not-told');
  });
});

describe('a Remote-MTA naming a destination that did not resolve', () => {
  it('is not shown as the rejecting host, and a note says why', async () => {
    const { incidents } = await extract(fixture('sendmail-host-unknown-remote-mta.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.remoteHost).toBeNull();
    expect(incident?.remoteIp).toBeNull();
    expect(incident?.sources.remoteHost).toBeUndefined();
    expect(incident?.recipientDomain).toBe('wanadoo.fe');
    // Sendmail's own words are no reply of a server's.
    expect(incident?.reply.text).toBe('');
    const note = incident?.assumptions.find((a) => a.code === 'remote.not-reached');
    expect(note?.text.en).toContain('wanadoo.fe');
    expect(note?.text.fr).toContain('aucun serveur n’a été joint');
  });
});

describe("an abuse report's Original-Rcpt-To", () => {
  it('gives the recipient domain, not the list the reported copy was addressed to', async () => {
    const { incidents } = await extract(fixture('arf-original-rcpt-to-bcc.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.sources.recipientDomain?.text).toBe('Original-Rcpt-To: <jeanne.martin@orange.fr>');
    expect(incident?.sendingIps).toEqual(['198.51.100.77']);
  });
});

describe('a reply quoted in single quotes with an apostrophe in its words', () => {
  it("reads the whole reply, not up to the apostrophe of `That's`", async () => {
    const { incidents } = await extract(fixture('derived-forum-post-single-quoted-apostrophe.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 550,
      enhanced: '5.1.1',
      text: "550 5.1.1 <jdupont@example.org>: That's not a valid user here",
    });
    expect(incidents[0]?.recipientDomain).toBe('example.org');
  });
});
