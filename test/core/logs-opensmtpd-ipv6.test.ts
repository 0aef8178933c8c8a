/**
 * OpenSMTPD writes an IPv6 address behind `IPv6:` (sa_to_text in to.c) in its delivery lines' source
 * and relay: `source="IPv6:2001:db8:25::44" relay="IPv6:2001:db8:1::26 (mx.example.net)"`. Fixture and
 * sources in test/fixtures/logs/real-world/ (SOURCES.md).
 */
import { at as incidentOn, scanFixture } from './extract/logs/fixture';

const result = scanFixture('real-world/opensmtpd-ipv6-relay.log');
const at = (line: number) => incidentOn(result, line);

describe('OpenSMTPD over IPv6', () => {
  it('reads the sending and remote addresses of a current delivery line', () => {
    expect(at(7)).toMatchObject({
      sendingIps: ['2001:db8:25::44'],
      remoteIp: '2001:db8:1::26',
      remoteHost: 'mx.example.net',
      reply: { code: 550, enhanced: '5.7.1' },
    });
  });

  it('reads them in the older `relay: TempFail for ...` line too', () => {
    expect(at(9)).toMatchObject({
      sendingIps: ['2001:db8:25::44'],
      remoteIp: '2001:db8:1::26',
      remoteHost: 'mx.example.net',
      reply: { code: 421 },
    });
  });

  it('knows a filter on the IPv6 loopback for this machine’s own service', () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([7, 9]);
    expect(result.warnings.map((w) => w.code)).toContain('input.local-service-reply');
  });
});
