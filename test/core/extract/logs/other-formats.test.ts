import { decodeQmailText } from '../../../../core/extract/logs/formats/qmail';
import { at, scanFixture } from './fixture';

describe('Haraka outbound log', () => {
  const result = scanFixture('haraka.log');

  it('reads Temp failing and bouncing mail lines, and the host from the queue file name', () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([1, 3]);
    const deferral = at(result, 1);
    expect(deferral).toMatchObject({
      format: 'haraka',
      occurredAt: '2026-05-04T09:12:01Z',
      sendingHosts: ['mx-out1.example.com'],
      reply: { code: 421 },
      orange: { reason: 104 },
    });
    expect(deferral.assumptions.map((a) => a.code)).toEqual(['sending-host-from-haraka-queue']);
    expect(at(result, 3).reply).toMatchObject({ code: 550, enhanced: '5.2.0' });
    expect(result.counts.delivered).toBe(1);
  });
});

describe('OpenSMTPD mta delivery lines', () => {
  const result = scanFixture('opensmtpd.log');

  it('reads source= as sending IP and relay= as the remote side', () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([2, 3]);
    expect(at(result, 2)).toMatchObject({
      format: 'opensmtpd',
      sendingIps: ['203.0.113.50'],
      sendingHosts: ['mx-out2'],
      sendingDomain: 'mail.example.com',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      reply: { code: 421, enhanced: null },
    });
    expect(at(result, 3)).toMatchObject({
      remoteIp: '80.12.242.10',
      reply: { code: 550, enhanced: '5.2.0' },
    });
  });
});

describe('qmail-send log', () => {
  const result = scanFixture('qmail-send.log');

  it('turns qmail’s _ and / back into spaces and lines, keeping Orange’s token whole', () => {
    expect(
      decodeQmailText('Remote_host_said:_550-first_line./550_OFR006_102_Ref_http://x.example/?ip=1_[102]/'),
    ).toBe('Remote host said: 550-first line.\n550 OFR006_102 Ref http://x.example/?ip=1 [102]');
  });

  it('reads deferrals and failures with recipient and sender from the earlier lines', () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([4, 6]);
    const deferral = at(result, 4);
    expect(deferral).toMatchObject({
      format: 'qmail',
      remoteIp: '193.252.22.65',
      recipientDomain: 'orange.fr',
      sendingDomain: 'mail.example.com',
      reply: { code: 421 },
      orange: { token: 'OFR005_104', reason: 104 },
    });
    expect(deferral.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const failure = at(result, 6);
    expect(failure.reply.text).toBe(
      '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.60 [102]',
    );
    expect(failure.sendingIps).toEqual(['203.0.113.60']);
    expect(failure.remoteIp).toBe('80.12.242.10');
    expect(failure.recipientDomain).toBe('wanadoo.fr');
    expect(result.counts.delivered).toBe(1);
  });
});

describe('Exchange message tracking log', () => {
  const result = scanFixture('exchange-tracking.log');

  it('reads FAIL rows with the tagged recipient-status', () => {
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0]).toMatchObject({
      format: 'exchange',
      occurredAt: '2026-06-01T08:15:30Z',
      sendingIps: ['203.0.113.70'],
      sendingDomain: 'example.com',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      reply: { code: 550, enhanced: '5.7.1' },
      orange: { reason: 102 },
    });
    expect(result.counts.delivered).toBe(1);
  });
});
