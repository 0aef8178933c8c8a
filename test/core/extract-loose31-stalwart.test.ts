/**
 * Stalwart's bounce (its DSN, crates/smtp/src/queue/dsn.rs) for a refusal at Orange's greeting: the
 * recipient's line says `rejected transaction` (no command was sent) and `(0.0.0)` (the reply had no
 * enhanced code), and the Status field spells the code digit by digit (test/fixtures/extract/loose31/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/loose31/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };
const ORANGE_102 =
  '550 mwinf5c10 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=198.51.100.25 [102]';

describe('Stalwart’s DSN of a refusal at Orange’s greeting', () => {
  it('reads the whole message: Orange’s reply as sent, no enhanced code Orange never gave', async () => {
    const { incidents } = await extract(fixture('stalwart-dsn-orange-102.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply).toMatchObject({ code: 550, enhanced: null, text: ORANGE_102 });
    expect(incident?.orange).toMatchObject({ token: 'OFR006_102', reason: 102, server: 'mwinf5c10' });
    expect(incident?.occurredAt).toBe('2025-03-14T08:02:10+00:00');
    expect(incident?.sendingIps).toEqual(['198.51.100.25']);
    expect(incident?.sendingHosts).toEqual(['mail.lettres-exemple.fr']);
    expect(incident?.sendingDomain).toBe('lettres-exemple.fr');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
  });

  it('reads its `rejected transaction ... (0.0.0)` line pasted with the notice’s headers, then the log: one incident', async () => {
    const { incidents } = await extract(fixture('stalwart-notice-headers-then-log.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply).toMatchObject({ code: 550, enhanced: null, text: ORANGE_102 });
    expect(incident?.orange?.token).toBe('OFR006_102');
    expect(incident?.occurredAt).toBe('2025-03-14T08:02:12+00:00');
    expect(incident?.sendingDomain).toBe('lettres-exemple.fr');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    // The MX address from the log's connection line below, cited there.
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.sources.remoteIp?.line).toBe(10);
  });

  it('reads Stalwart’s log lines mailed to the support as one refusal, every field from them', async () => {
    const { incidents } = await extract(fixture('stalwart-log-in-mail-to-support.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply).toMatchObject({ code: 550, enhanced: null, text: ORANGE_102 });
    expect(incident?.orange).toMatchObject({ token: 'OFR006_102', reason: 102, server: 'mwinf5c10' });
    expect(incident?.occurredAt).toBe('2025-03-14T08:02:11+00:00');
    expect(incident?.sendingIps).toEqual(['198.51.100.25']);
    expect(incident?.sendingDomain).toBe('lettres-exemple.fr');
    // The recipient is the event's `to`, never the address of its `from`.
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.65');
  });

  it('is one incident with the log’s remote address when a post quotes the notice above the log', async () => {
    const { incidents } = await extract(fixture('stalwart-notice-and-log-orange-102.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply).toMatchObject({ code: 550, enhanced: null, text: ORANGE_102 });
    expect(incident?.orange).toMatchObject({ token: 'OFR006_102', reason: 102, server: 'mwinf5c10' });
    expect(incident?.occurredAt).toBe('2025-03-14T08:02:11+00:00');
    expect(incident?.sendingIps).toEqual(['198.51.100.25']);
    expect(incident?.sendingDomain).toBe('lettres-exemple.fr');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.65');
  });

  it('is one incident with the MX address of the webhook’s connection event when its batch is pasted below', async () => {
    const { incidents } = await extract(fixture('stalwart-notice-then-webhook.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply).toMatchObject({ code: 550, enhanced: null, text: ORANGE_102 });
    expect(incident?.orange?.token).toBe('OFR006_102');
    expect(incident?.occurredAt).toBe('2025-03-14T08:02:11+00:00');
    expect(incident?.sendingIps).toEqual(['198.51.100.25']);
    expect(incident?.sendingDomain).toBe('lettres-exemple.fr');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.65');
  });
});
