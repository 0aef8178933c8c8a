/**
 * Bounces from the public corpus of Mail-DeliveryStatus-BounceParser, reshaped
 * (test/fixtures/extract/audit28bp/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit28bp/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('a filtering service passing on its customer’s refusal', () => {
  it('does not take the filter’s own outgoing address, named in the reply, for the sending IP', async () => {
    const { incidents } = await extract(fixture('filter-relayed-refusal.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.remoteIp).toBe('65.49.42.61');
    expect(incident?.reply.code).toBe(550);
    expect(incident?.sendingIps).not.toContain('65.49.42.68');
    // The address the bounce left the sending server from, said to be an assumption.
    expect(incident?.sendingIps).toEqual(['203.0.113.212']);
    expect(incident?.sources.sendingIps?.text).toMatch(/^Received: from mta4\.shop-mailer\.example/);
  });
});

describe('a relay on the receiving side naming the inner server that refused by its address alone', () => {
  it('takes the sending address from the hop into the relay, not the relay’s own', async () => {
    const { incidents } = await extract(fixture('receiving-relay-inner-refusal.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.text).toBe('550 5.1.1 <tom@client-firm.example> is not a valid mailbox');
    expect(incident?.remoteIp).toBe('198.51.100.10');
    expect(incident?.sendingIps).toEqual(['203.0.113.1']);
    expect(incident?.sendingHosts).toEqual(['pool.shopfinder.example']);
    expect(incident?.sources.sendingIps?.line).toBe(63);
  });
});

describe("the recipient's own gateway refused by an inner server at a private address", () => {
  it('names no sending host rather than the gateway', async () => {
    const { incidents } = await extract(fixture('recipient-relay-private-inner.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.code).toBe(500);
    expect(incident?.recipientDomain).toBe('trust-hospital.example');
    expect(incident?.sendingDomain).toBe('news.shop-mailer.example');
    expect(incident?.sendingHosts).not.toContain('gw.trust-hospital.example');
    expect(incident?.sendingHosts).toEqual([]);
  });
});

describe('a relay of the receiving side refused by a server of its own network', () => {
  it('takes the sender from the copy’s hop into the relay, not the relay’s own address', async () => {
    const { incidents } = await extract(fixture('receiving-relay-same-network.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.text).toBe('534 SIZE=Message too big.');
    expect(incident?.remoteIp).toBe('196.33.120.18');
    expect(incident?.sendingIps).toEqual(['203.0.113.212']);
    expect(incident?.sendingHosts).toEqual(['mta4.shop-mailer.co.example']);
    expect(incident?.sources.sendingIps?.text).toMatch(/^Received: from mta4\.shop-mailer\.co\.example/);
  });
});

describe("Postfix's resolver failing on a next hop in brackets", () => {
  it('says no server was reached, not that the sending server decided it itself', async () => {
    const { incidents, warnings } = await extract(fixture('postfix-nexthop-unresolved.eml'), options);
    const codes = warnings.map((w) => w.code);
    expect(codes).not.toContain('input.sender-own-diagnostic');
    expect(codes).toContain('input.no-server-reply');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBeNull();
    expect(incidents[0]?.recipientDomain).toBe('client-firm.example');
  });
});

describe("Boxbe's challenge-response notice", () => {
  it('says it is no refusal, in English and French', async () => {
    const { warnings } = await extract(fixture('boxbe-guest-confirmed.eml'), options);
    const said = warnings.find((w) => w.code === 'input.challenge-notice');
    expect(said?.text.en).toMatch(/^This message is a challenge-response notice \(Boxbe/);
    expect(said?.text.fr).toMatch(/^Ce message est un avis de filtrage par challenge-réponse/);
  });
});

describe('a returned Return-Path folded right after its name', () => {
  it('cites the line of the address for the sending domain, not the bounce’s own Return-Path', async () => {
    const { incidents } = await extract(fixture('exchange-folded-return-path.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingDomain).toBe('news.shop-mailer.example');
    expect(incidents[0]?.sources.sendingDomain).toEqual({
      line: 64,
      text: ' bounces+452B07FA@news.shop-mailer.example',
    });
  });
});

describe('a hosting provider failing its own local delivery to a full mailbox', () => {
  it('reads it as the receiving side, the sender being the client of the copy’s hop into it', async () => {
    const { incidents } = await extract(fixture('hosting-local-delivery-full.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.sendingIps).toEqual(['203.0.113.212']);
    expect(incident?.sendingHosts).toEqual(['mta4.shop-mailer.co.example']);
    expect(incident?.sendingHosts).not.toContain('m1.mailhosting.example');
    expect(incident?.remoteHost).toBe('m1.mailhosting.example');
  });
});

describe("the recipient's server refused by its own filter on the loopback address", () => {
  it('names that server as the remote, without the loopback address as its IP', async () => {
    const { incidents } = await extract(fixture('receiver-loopback-filter.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.text).toBe('550 Rejected by ESETS_SMTP (spam)');
    expect(incident?.remoteHost).toBe('mx2.mail.client-firm.example');
    expect(incident?.remoteIp).toBeNull();
    expect(incident?.sources.remoteIp).toBeUndefined();
    expect(incident?.sendingIps).toEqual(['203.0.113.212']);
  });
});
