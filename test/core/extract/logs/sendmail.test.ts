import { scanFixture } from './fixture';

describe('Sendmail logs', () => {
  const result = scanFixture('sendmail-orange.log');

  it('reads stat=Deferred with the relay as remote side and the from= line as sender', () => {
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0]).toMatchObject({
      format: 'sendmail',
      occurredAt: '2026-03-02T09:00:03+00:00',
      sendingHosts: ['relay1'],
      sendingIps: [],
      sendingDomain: 'example.com',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      reply: { code: 421, enhanced: null },
      orange: { token: 'OFR005_104', reason: 104, server: 'mwinf5c20' },
      isOrange: true,
    });
    expect(result.incidents[0]?.sources.sendingDomain?.line).toBe(1);
  });

  it('counts sent mail and rejections of incoming mail apart', () => {
    expect(result.counts.delivered).toBe(1);
    expect(result.counts.inboundRejections).toBe(1);
  });
});
