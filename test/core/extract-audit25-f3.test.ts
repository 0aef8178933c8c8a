/**
 * Twenty-fifth round of real input (f3's share). Fixtures and their sources: test/fixtures/extract/audit25/
 * (SOURCES-f3.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/audit25/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("a PHP array of providers' replies (WHEP's test fixture)", () => {
  it("gives Orange's 417 no recipient from iCloud's reply three lines above", async () => {
    const { incidents } = await extract(fixture('whep-provider-messages.php'), options);
    const orange = incidents.find((i) => i.orange?.reason === 417);
    expect(orange?.sources.reply?.line).toBe(19);
    expect(orange?.recipientDomain).toBeNull();
    expect(orange?.sources.recipientDomain).toBeUndefined();
    const icloud = incidents.find((i) => i.sources.reply?.line === 16);
    expect(icloud?.recipientDomain).toBe('example.com');
  });
});

describe("Postfix's refusals as a script's string literals, each followed by more fields", () => {
  it('ends each reply at its closing quote', async () => {
    const { incidents } = await extract(fixture('realworld-classifier-array.ts'), options);
    const orange = incidents.find((i) => i.orange?.reason === 103);
    expect(orange?.sources.reply?.line).toBe(30);
    expect(orange?.reply.text).toBe(
      '550 opmta1mti37nd1 smtp.orange.fr xZBIwcGuCj51b Service refuse. Service refused. OFR006_103 - please visit: https://postmaster.orange.fr/ [103]',
    );
    expect(orange?.remoteIp).toBe('193.252.22.1');
    expect(orange?.sendingIps).toEqual([]);
    expect(incidents.map((i) => i.reply.text.includes('dsn:'))).not.toContain(true);
    expect(incidents.find((i) => i.sources.reply?.line === 14)?.reply.text).toBe('550 [S10] Blocked');
  });

  it("gives Cisco's refusal no recipient from the abuse address in KPN's string above it", async () => {
    const { incidents } = await extract(fixture('realworld-classifier-array.ts'), options);
    expect(incidents.map((i) => i.recipientDomain)).toEqual([null, null, null, null, null, null]);
  });
});

describe("Orange's and Yahoo's replies quoted in backticks in one French sentence", () => {
  it("ends Orange's reply at its closing backtick, with no enhanced code of Yahoo's", async () => {
    const { incidents } = await extract(fixture('prose-fr-501-ofr515-and-yahoo.md'), options);
    const orange = incidents.find((i) => i.isOrange);
    expect(orange?.reply).toEqual({ code: 501, enhanced: null, text: '501 OFR_515' });
    expect(orange?.orange?.reason).toBe(515);
  });

  it("reads Yahoo's as a second incident, not Orange's", async () => {
    const { incidents } = await extract(fixture('prose-fr-501-ofr515-and-yahoo.md'), options);
    expect(incidents.map((i) => i.reply.text)).toEqual(['501 OFR_515', '554 5.7.9']);
    expect(incidents[1]?.isOrange).toBe(false);
  });
});

describe("Exim's deferrals of one message: Orange's Abusix refusal, then a 999 suspension", () => {
  it('links the suspension to the earlier error for the same message, and takes its IP with a note', async () => {
    const { incidents } = await extract(fixture('derived-exim-abusix-then-999.log'), options);
    const suspension = incidents.find((i) => i.orange?.reason === 999);
    expect(suspension?.sources.reply?.line).toBe(2);
    expect(suspension?.trigger?.line).toBe(1);
    expect(suspension?.trigger?.reason).toBe(100);
    expect(suspension?.sendingIps).toEqual(['193.200.42.126']);
    expect(suspension?.sources.sendingIps?.line).toBe(1);
    const note = suspension?.assumptions.find((a) => a.code === 'sending-ip-from-trigger');
    expect(note?.text.en).toContain('same message');
    // Orange's MX addresses stay the remote's.
    expect(suspension?.remoteIp).toBe('193.252.22.84');
  });
});
