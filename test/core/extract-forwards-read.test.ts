/**
 * Forwards of a notice that were read right before any rule of their own, kept as tests
 * (test/fixtures/extract/forward-blocks/SOURCES.md, second table): the date is the notice's, the sending
 * side the one Orange's reply and the notice name, never the forwarding message's (its Date, a day
 * later; its From, the customer; its relays, Orange's own when the customer is Orange's).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../core/extract';

const path = (name: string) =>
  fileURLToPath(new URL(`../fixtures/extract/forward-blocks/${name}`, import.meta.url));
const read = (name: string) =>
  extractBytes(new Uint8Array(readFileSync(path(name))), { now: new Date('2026-12-05T12:00:00Z') });

// The sending domain of a forward is its notice's To (`À : contact@boutique-durand.example`), the refused
// message's envelope sender (forward-notice-to.ts), never the forwarder's From (`marie.durand@yahoo.example`).
describe('forwards read right', () => {
  it.each([
    [
      'yahoo-fr-message-transfere.eml',
      '2026-12-04T10:12:03+01:00',
      ['198.51.100.23'],
      'boutique-durand.example',
    ],
    [
      'samsung-email-message-d-origine.eml',
      '2026-12-04T10:12:00+01:00',
      ['198.51.100.23'],
      'boutique-durand.example',
    ],
    // Exchange Online's Date is UTC: the forward's time, zone-less, is read as UTC with a note.
    [
      'outlook-android-envoye-english-date.eml',
      '2026-12-04T10:12:03+00:00',
      ['198.51.100.23'],
      'boutique-durand.example',
    ],
    [
      'thunderbird-attached-via-orange-relay.eml',
      '2026-12-04T10:12:01+01:00',
      ['198.51.100.23'],
      'boutique-durand.example',
    ],
    [
      'thunderbird-fr-inline-whole-report.eml',
      '2026-12-04T10:12:01+01:00',
      ['198.51.100.23'],
      'boutique-durand.example',
    ],
    [
      'gmail-fr-forward-of-gmail-notice-qp.eml',
      '2026-12-04T10:12:00+01:00',
      ['203.0.113.44'],
      'boutique-durand.example',
    ],
  ])('%s', async (name, date, ips, domain) => {
    const { incidents } = await read(name);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBe(date);
    expect(incident?.sendingIps).toEqual(ips);
    expect(incident?.sendingDomain).toBe(domain);
    expect(incident?.orange?.reason).toBe(103);
    // Orange's relays and the customer's own address (X-ME-IP) are the forward's, not the sender's.
    for (const ip of ['80.12.242.14', '192.0.2.60', '193.252.22.84'])
      expect(incident?.sendingIps).not.toContain(ip);
    expect(incident?.sendingHosts.some((h) => /orange|hebergeur/.test(h))).toBe(false);
  });
});
