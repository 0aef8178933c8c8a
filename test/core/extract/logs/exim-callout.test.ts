/**
 * Exim as a verifying relay: Orange's refusal of its callout is logged on the line that refuses its own
 * client (`H=client [ip] F=<...> rejected RCPT <x@orange.fr>: response to "RCPT TO:<x@orange.fr>" from
 * smtp-in.orange.fr [193.252.22.65] was: 550 ...`; shapes in test/fixtures/extract/logs2/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scanLogText } from '../../../../core/extract/logs/index';
import { at, NOW } from './fixture';

const text = readFileSync(
  fileURLToPath(new URL('../../../fixtures/extract/logs2/exim-callout-orange.log', import.meta.url)),
  'utf8',
);

describe("Orange's reply to an Exim relay's verification callout", () => {
  const result = scanLogText(text, { now: NOW });

  it('is an incident: Orange, its MX, the address called and the date of the line', () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([1, 3, 4]);
    expect(at(result, 1)).toMatchObject({
      occurredAt: '2026-12-05T10:04:31+00:00',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      recipientDomain: 'orange.fr',
      orange: { token: 'OFR006_102', reason: 102 },
      reply: { code: 550, enhanced: '5.7.1' },
    });
    // A sender verified by callout: the address called is the one Orange answered for.
    expect(at(result, 4)).toMatchObject({ recipientDomain: 'orange.fr', sendingHosts: ['relay2'] });
  });

  it("never takes the client H= (refused by this relay) as the sending IP or host: Orange saw the relay's", () => {
    for (const incident of result.incidents) {
      expect(incident.sendingIps).not.toContain('198.51.100.20');
      expect(incident.sendingIps).not.toContain('198.51.100.33');
      expect(incident.sendingIps).not.toContain('198.51.100.41');
      // The relay's address, as Orange's Cloudmark or Abusix link gives it.
      expect(incident.sendingIps).toEqual(['203.0.113.25']);
      expect(incident.sendingHosts).not.toContain('app1.example.com');
      expect(incident.assumptions.map((n) => n.code)).toContain('exim-callout');
    }
  });

  it("leaves the sending domain empty: the callout's envelope sender is not the client's F=", () => {
    for (const incident of result.incidents) expect(incident.sendingDomain).toBeNull();
  });

  it('reads the refusal of a callout for a local client too (`U=` without `H=`)', () => {
    const line =
      '2026-12-05 10:09:30 U=www-data F=<contact@example.org> rejected RCPT <marc@orange.fr>: response to "RCPT TO:<marc@orange.fr>" from smtp-in.orange.fr [193.252.22.65] was: 550 5.7.1 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.25 [102]';
    expect(scanLogText(line, { now: NOW }).incidents[0]).toMatchObject({
      recipientDomain: 'orange.fr',
      sendingIps: ['203.0.113.25'],
      orange: { token: 'OFR006_102' },
    });
  });

  it('makes no incident of a callout that could not complete (no reply quoted)', () => {
    expect(result.incidents.some((i) => i.sources.reply?.line === 2)).toBe(false);
    expect(result.counts.inboundRejections).toBe(2);
  });
});
