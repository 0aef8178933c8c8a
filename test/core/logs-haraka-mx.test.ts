/**
 * Haraka names the MX host of a delivery on its `Looking up A records for: HOST` line before the
 * attempts on that host's addresses (outbound/hmail.js). Fixture and sources in
 * test/fixtures/logs/real-world/ (SOURCES.md).
 */
import { at as incidentOn, scanFixture } from './extract/logs/fixture';

const result = scanFixture('real-world/haraka-mx-lookup.log');
const at = (line: number) => incidentOn(result, line);

describe('Haraka, the MX host looked up before the attempts', () => {
  it('is the remote host of the temporary refusal, beside the address attempted', () => {
    expect(at(7)).toMatchObject({
      occurredAt: '2026-05-04T09:11:59Z',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      sendingDomain: 'lettre.example.com',
      sendingHosts: ['mx-out1.example.com'],
      orange: { token: 'OFR005_104', reason: 104 },
    });
  });

  it('and of the bounce of the next attempt, on the next address', () => {
    expect(at(10)).toMatchObject({
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '80.12.242.10',
      sendingIps: ['203.0.113.25'],
      orange: { token: 'OFR006_102', reason: 102 },
    });
  });
});
