import { extractFromLog } from '../../../../core/extract/logs/index';
import { at, scanFixture } from './fixture';

describe('KumoMTA log records', () => {
  const result = scanFixture('kumomta.jsonl');

  it('makes incidents of Bounce and TransientFailure records only', () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([3, 4]);
    expect(result.counts.delivered).toBe(1);
  });

  it('reads the source address as sending IP and the peer as the remote MX', () => {
    const deferral = at(result, 3);
    expect(deferral).toMatchObject({
      format: 'kumomta',
      occurredAt: '2026-04-01T08:10:00Z',
      sendingIps: ['203.0.113.40'],
      sendingHosts: [],
      sendingDomain: 'mail.example.com',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      reply: { code: 421, enhanced: null },
      orange: { token: 'OFR004_999', reason: 999, server: 'mwinf5c18' },
      trigger: null,
    });
  });

  it('rebuilds the reply from code, enhanced code and content; prefers event_time; reads IPv6 sources', () => {
    const bounce = at(result, 4);
    expect(bounce.reply).toEqual({
      code: 550,
      enhanced: '5.7.1',
      text: '550 5.7.1 The email account that you tried to reach does not exist. gsmtp',
    });
    expect(bounce.occurredAt).toBe('2026-04-01T08:11:40Z');
    expect(bounce.sendingIps).toEqual(['2001:db8::40']);
    expect(bounce.recipientDomain).toBe('gmail.com');
    expect(bounce.isOrange).toBe(false);
  });

  it('keeps a reply whose content already starts with its code as it is, without a second code', () => {
    const { incidents } = extractFromLog(
      '{"type":"Bounce","recipient":"dead@example.org","queue":"mta1@example.org","response":{"code":550,"enhanced_code":{"class":5,"subject":1,"detail":1},"content":"550 5.1.1 no such user"},"egress_source":"mta1","source_address":{"address":"203.0.113.40:25"},"timestamp":1775031100}',
    );
    expect(incidents[0]?.reply.text).toBe('550 5.1.1 no such user');
    expect(incidents[0]?.reply.enhanced).toBe('5.1.1');
  });

  it('reads a pretty-printed record with // comments and trailing commas (documentation style)', () => {
    const text = [
      '{',
      '    // The record type',
      '    "type": "Bounce",',
      '    "sender": "news@mail.example.com",',
      '    "recipient": "anne@orange.fr",',
      '    "response": {',
      '        "code": 550,',
      '        "enhanced_code": null,',
      '        "content": "mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.41 [102]",',
      '    },',
      '    "peer_address": { "name": "smtp-in.orange.fr.", "addr": "193.252.22.65" },',
      '    "timestamp": now,',
      '    "egress_source": "source1",',
      '}',
    ].join('\n');
    const { incidents } = extractFromLog(text);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      occurredAt: null,
      sendingIps: ['203.0.113.41'],
      remoteIp: '193.252.22.65',
      orange: { reason: 102 },
    });
    expect(incidents[0]?.sources.reply?.line).toBe(1);
  });
});
