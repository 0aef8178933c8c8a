/**
 * Shapes found auditing the log reader on public MTA logs (sources in
 * test/fixtures/logs/real-world/SOURCES.md): what real logs hold that our own fixtures did not.
 */

import { scanLogText } from '../../../../core/extract/logs/index';
import { at, NOW, scanFixture } from './fixture';

describe("this machine's own filters and delivery agents", () => {
  it('makes no incident of amavisd-new on 127.0.0.1 nor of Dovecot LMTP on a local socket', () => {
    const result = scanFixture('real-world/postfix-amavis-lmtp-local.log');
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([8]);
    expect(result.counts.failuresWithoutReply).toBe(5);
    expect(at(result, 8)).toMatchObject({
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      sendingIps: ['203.0.113.25'],
      sendingDomain: 'shop.example.com',
      orange: { token: 'OFR006_102', reason: 102 },
    });
  });

  it("makes no incident of sendmail's submission program relaying to [127.0.0.1]", () => {
    const result = scanFixture('real-world/sendmail-msp-loopback.log');
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([4]);
    expect(result.counts.failuresWithoutReply).toBe(1);
    expect(at(result, 4)).toMatchObject({ remoteIp: '193.252.22.65', sendingDomain: 'web1.example.com' });
  });

  it('still takes a remote at an IPv4-mapped public address for a remote', () => {
    const line =
      'Dec  7 00:09:50 mta1 postfix/smtp[4719]: B174DABE16: to=<marie@orange.fr>, relay=smtp-in.orange.fr[::ffff:193.252.22.65]:25, delay=0.61, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[::ffff:193.252.22.65] refused to talk to me: 421 mwinf5c18 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_999 [999])';
    const result = scanLogText(line, { now: NOW });
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0]?.remoteIp).toBe('193.252.22.65');
  });
});
