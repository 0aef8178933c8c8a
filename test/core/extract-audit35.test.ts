/**
 * Bounces from public repositories not used before, round 35 (test/fixtures/extract/audit35/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit35/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('Sendmail’s DSN for a refusal of MAIL FROM', () => {
  it('names the server its transcript was talking to, as the DSN has no Remote-MTA', async () => {
    const { incidents } = await extract(fixture('sendmail-dsn-mail-from-405-no-remote-mta.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.sources.remoteHost?.line).toBe(27);
    expect(incident?.remoteIp).toBeNull();
    expect(incident?.reply.text).toBe('501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405 [405]');
    expect(incident?.orange?.reason).toBe(405);
    expect(incident?.occurredAt).toBe('2026-06-04T09:41:17+02:00');
    expect(incident?.sendingHosts).toEqual(['mail.example.com']);
    expect(incident?.sendingIps).toEqual([]);
  });

  it('names no server when two servers gave the same words to two recipients', async () => {
    const { incidents } = await extract(fixture('sendmail-dsn-two-size-refusals-same-words.eml'), options);
    expect(incidents.map((i) => [i.recipientDomain, i.reply.code, i.remoteHost])).toEqual([
      ['example.net', 552, null],
      ['example.org', 552, null],
    ]);
  });
});

describe('BlackBerry’s notice for a recipient at a subdomain of its own', () => {
  it('takes neither its reporting host nor the address it sent the bounce from for the sender’s', async () => {
    const { incidents } = await extract(fixture('blackberry-dsn-recipient-subdomain.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.recipientDomain).toBe('docomo.blackberry.com');
    expect(incident?.sendingDomain).toBe('example.com');
    // The sender's own server, the one that received the copy from its user; not BlackBerry's.
    expect(incident?.sendingHosts).toEqual(['mail.example.com']);
    expect(incident?.sendingIps).toEqual([]);
    expect(incident?.reply.code).toBe(550);
    expect(incident?.reply.enhanced).toBe('5.1.1');
  });
});

describe('qmail’s notice', () => {
  it('cites the line naming the server that refused for its address', async () => {
    const { incidents } = await extract(fixture('qmail-rcpt-416-host-line.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.remoteIp).toBe('80.12.242.15');
    expect(incident?.sources.remoteIp?.line).toBe(13);
    expect(incident?.sources.remoteIp?.text).toBe('80.12.242.15 does not like recipient.');
    expect(incident?.sources.reply?.line).toBe(14);
    expect(incident?.orange?.reason).toBe(416);
    expect(incident?.sendingIps).toEqual([]);
  });
});
