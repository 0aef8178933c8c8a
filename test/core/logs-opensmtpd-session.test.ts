/**
 * OpenSMTPD's refusals at the greeting: no `mta delivery` line quotes them, only the session's error
 * line (`SESSION mta error reason=BANNER rejected: REPLY`, `smtp-out: Error on session ...` in earlier
 * releases), its remote named by the session's connecting line. Fixture and sources in
 * test/fixtures/logs/real-world/ (SOURCES.md).
 */
import { at as incidentOn, scanFixture } from './extract/logs/fixture';

const result = scanFixture('real-world/opensmtpd-banner-rejected.log');
const at = (line: number) => incidentOn(result, line);

describe('OpenSMTPD, a refusal at the greeting', () => {
  it('is an incident, its remote taken from the session’s connecting line', () => {
    expect(at(7)).toMatchObject({
      occurredAt: '2026-03-09T08:01:11+00:00',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      // The address in Cloudmark's link; OpenSMTPD logs no local address for such a session.
      sendingIps: ['192.0.2.44'],
      sendingHosts: ['relay1'],
      sendingDomain: null,
      recipientDomain: null,
      reply: { code: 550, enhanced: null },
      orange: { token: 'OFR006_102', reason: 102, server: 'mwinf5c04' },
      isOrange: true,
      format: 'opensmtpd',
    });
    expect(at(7).reply.text).toMatch(/^550 mwinf5c04 ME Adresse IP source bloquee .* \[102\]$/);
    expect(at(7).sources.remoteIp?.line).toBe(7);
    // The fields no line ties to such a refusal are left empty, and the incident says why.
    expect(at(7).assumptions.map((a) => a.code)).toContain('opensmtpd-refused-before-message');
  });

  it('keeps each session apart: the next MX’s refusal names that MX', () => {
    expect(at(10)).toMatchObject({
      remoteIp: '80.12.242.10',
      orange: { reason: 999 },
    });
    expect(at(10).trigger?.line).toBe(7);
  });

  it('reads the earlier releases’ `smtp-out: Error on session ...` line the same way', () => {
    expect(at(20)).toMatchObject({
      occurredAt: '2026-04-25T06:41:25+00:00',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '80.12.242.10',
      sendingHosts: ['leki'],
      reply: { code: 421 },
      orange: { token: 'OFR005_104', reason: 104 },
    });
  });

  it('makes no incident of an error without a reply, nor of this machine’s own LMTP server', () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([7, 10, 20]);
    expect(result.warnings.map((w) => w.code)).toContain('input.local-service-reply');
    expect(result.warnings.map((w) => w.code)).not.toContain('log-no-rejection');
  });
});
