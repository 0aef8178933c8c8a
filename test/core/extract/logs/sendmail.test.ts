import { at, scanFixture } from './fixture';

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

describe('Sendmail’s own TLS policy refusals', () => {
  // `stat=Deferred: 403 4.7.0 TLS handshake failed.`: sendmail's tls_server ruleset, not the server's reply.
  const result = scanFixture('real-world/sendmail-tls-policy.log');

  it('make no incident, only the note that no server replied', () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([6]);
    expect(result.incidents.some((i) => i.reply.code === 403)).toBe(false);
    const note = result.warnings.find((w) => w.code === 'input.no-server-reply');
    expect(note?.text.en).toContain('403 4.7.0 TLS handshake failed.');
  });

  it('leave the server’s own refusal in the same run as it was', () => {
    expect(at(result, 6)).toMatchObject({
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '80.12.242.10',
      sendingDomain: 'compta.example.org',
      reply: { code: 421 },
      orange: { token: 'OFR005_104', reason: 104 },
    });
  });
});

describe('Sendmail at LogLevel 12: the outgoing interface', () => {
  const result = scanFixture('real-world/sendmail-outgoing-interface.log');

  it('gives the sending IP of the same process’s delivery line for the queue id', () => {
    expect(at(result, 4)).toMatchObject({
      sendingIps: ['203.0.113.25'],
      remoteIp: '193.252.22.65',
      orange: { reason: 104 },
    });
    expect(at(result, 4).sources.sendingIps?.line).toBe(3);
  });

  it('not of another process’s (a later queue run may leave from another address)', () => {
    expect(at(result, 6).orange?.reason).toBe(999);
    // The suspension takes the IP of the earlier Orange error it follows (trigger.ts), said so: from
    // that error's line, not from the other process's interface line.
    expect(at(result, 6).trigger?.line).toBe(4);
    expect(at(result, 6).sources.sendingIps?.line).toBe(4);
  });
});
