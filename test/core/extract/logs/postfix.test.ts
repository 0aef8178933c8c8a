import { extractFromLog } from '../../../../core/extract/logs/index';
import { at, NOW, ORANGE_MX_IPS, scanFixture } from './fixture';

describe('Postfix logs', () => {
  const result = scanFixture('postfix-orange.log');

  it('turns each remote rejection into an incident, and nothing else', () => {
    // Lines 5 and 6: the same refusal from two of Orange's MX addresses within a second, for one queue
    // id: one incident, its status line's.
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([6, 9, 11, 16, 17]);
    expect(result.counts.delivered).toBe(1);
    expect(result.counts.inboundRejections).toBe(1);
    expect(result.counts.failuresWithoutReply).toBe(1);
    expect(result.counts.orangeRejections).toBe(4);
    expect(result.counts.rejectionsByProvider).toEqual({ orange: 4, 'google.com': 1 });
  });

  it("keeps a reply's last parenthesis when the status's own closing one was cut off", () => {
    const line = (end: string) =>
      `Aug 21 01:35:40 mx1 postfix/smtp[1]: 12D16CA9684: to=<a@hotmail.com>, relay=mx.example.net[192.0.2.41]:25, dsn=4.7.652, status=deferred (host mx.example.net[192.0.2.41] said: 451 4.7.652 The mail server [192.0.2.9] has exceeded the maximum number of connections. (S3115)${end}`;
    const replyOf = (text: string) => extractFromLog(text, { now: NOW }).incidents[0]?.reply.text;
    const reply =
      '451 4.7.652 The mail server [192.0.2.9] has exceeded the maximum number of connections. (S3115)';
    expect(replyOf(line(''))).toBe(reply);
    expect(replyOf(line(' (in reply to MAIL FROM command))'))).toBe(reply);
    expect(replyOf(line(')'))).toBe(reply);
  });

  it('takes the basic code from the reply, not from dsn=4.0.0', () => {
    const deferred = at(result, 6);
    expect(deferred.reply.code).toBe(550);
    expect(deferred.reply.enhanced).toBeNull();
    expect(deferred.orange).toEqual({ token: 'OFR006_102', reason: 102, server: 'mwinf5c04' });
  });

  it('reads the sending IP from the Cloudmark link, never the Orange MX address', () => {
    const deferred = at(result, 6);
    expect(deferred.sendingIps).toEqual(['203.0.113.7']);
    expect(deferred.remoteIp).toBe('80.12.242.10');
    expect(deferred.remoteHost).toBe('smtp-in.orange.fr');
    for (const incident of result.incidents) {
      for (const ip of ORANGE_MX_IPS) expect(incident.sendingIps).not.toContain(ip);
    }
    expect(at(result, 9).sendingIps).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toContain('log-no-sending-ip');
  });

  it('gets the envelope sender from the qmgr line of the same queue id', () => {
    const deferred = at(result, 6);
    expect(deferred.sendingDomain).toBe('news.example.com');
    expect(deferred.sources.sendingDomain?.line).toBe(4);
    expect(deferred.recipientDomain).toBe('orange.fr');
    expect(at(result, 9).sendingDomain).toBe('shop.example.org');
  });

  it('names the syslog host as sending host and says where it came from', () => {
    const incident = at(result, 9);
    expect(incident.sendingHosts).toEqual(['mta1']);
    expect(incident.assumptions.map((a) => a.code)).toContain('sending-host-from-syslog');
  });

  it('states the year and zone assumed for a classic syslog stamp', () => {
    const incident = at(result, 6);
    expect(incident.occurredAt).toBe('2026-03-16T02:27:31+00:00');
    const note = incident.assumptions.find((a) => a.code === 'assumed-year-and-zone');
    expect(note?.text.en).toContain('2026');
    expect(note?.text.fr).toContain('2026');
  });

  it('uses the assumed zone from the options', () => {
    const paris = scanFixture('postfix-orange.log', { assumeZone: 'Europe/Paris' });
    expect(at(paris, 6).occurredAt).toBe('2026-03-16T02:27:31+01:00');
  });

  it('links a 999 to the earlier Orange error of the same sending host, not of another host', () => {
    const suspension = at(result, 16);
    expect(suspension.orange?.reason).toBe(999);
    expect(suspension.trigger).toMatchObject({ line: 9, token: 'OFR_506', reason: 506 });
    expect(suspension.trigger?.occurredAt).toBe('2026-03-16T02:28:03+00:00');
    expect(at(result, 17).trigger).toBeNull();
    expect(result.counts.suspensions).toBe(2);
    expect(result.counts.suspensionsLinked).toBe(1);
  });

  it('unwraps a multi-line reply that the log joined on one line', () => {
    const gmail = at(result, 11);
    expect(gmail.isOrange).toBe(false);
    expect(gmail.reply.code).toBe(421);
    expect(gmail.reply.enhanced).toBe('4.7.28');
    expect(gmail.reply.text).not.toContain('421-4.7.28');
    expect(gmail.reply.text).toContain('temporarily rate limited');
  });

  it('keeps the offset of RFC 3339 stamps and reads CRLF logs', () => {
    const crlf = scanFixture('postfix-rfc3339-crlf.log');
    expect(crlf.incidents).toHaveLength(1);
    const incident = crlf.incidents[0];
    expect(incident?.occurredAt).toBe('2026-03-16T02:27:29+01:00');
    expect(incident?.assumptions.map((a) => a.code)).not.toContain('assumed-year-and-zone');
    expect(incident?.sendingIps).toEqual(['198.51.100.23']);
    expect(incident?.sendingHosts).toEqual(['mta1.example.com']);
    expect(incident?.orange).toEqual({ token: 'OFR006_100', reason: 100, server: 'opmta1mti07aub' });
    expect(incident?.sources.reply?.text).not.toContain('\r');
  });

  it('reports an attempt once when the status line repeats the same reply from the same MX', () => {
    const text = [
      'Mar 16 02:27:30 mta1 postfix/smtp[5058]: 4PcV4K5FPLz3tBr: host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c20 ME Trop de connexions. OFR005_104 [104]',
      'Mar 16 02:27:30 mta1 postfix/smtp[5058]: 4PcV4K5FPLz3tBr: to=<a@orange.fr>, relay=none, delay=1, delays=1/0/0/0, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c20 ME Trop de connexions. OFR005_104 [104])',
    ].join('\n');
    const { incidents } = extractFromLog(text, { now: NOW });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sources.reply?.line).toBe(2);
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
  });

  it('gives an attempt on another MX the recipient of its status line, citing that line', () => {
    const text = [
      'Mar 16 02:27:30 mta1 postfix/smtp[5058]: 4PcV4K5FPLz3tBr: host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c20 ME Trop de connexions. OFR005_104 [104]',
      'Mar 16 02:27:31 mta1 postfix/smtp[5058]: 4PcV4K5FPLz3tBr: to=<a@wanadoo.fr>, relay=smtp-in.orange.fr[80.12.242.10]:25, delay=1, delays=1/0/0/0, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[80.12.242.10] said: 421 mwinf5c41 ME Service refuse. OFR_999 [999] (in reply to MAIL FROM command))',
    ].join('\n');
    const { incidents } = extractFromLog(text, { now: NOW });
    expect(incidents.map((i) => [i.remoteIp, i.orange?.reason, i.recipientDomain])).toEqual([
      ['193.252.22.65', 104, 'wanadoo.fr'],
      ['80.12.242.10', 999, 'wanadoo.fr'],
    ]);
    expect(incidents[0]?.sources.reply?.line).toBe(1);
    expect(incidents[0]?.sources.recipientDomain?.line).toBe(2);
  });

  it('reads Postfix message parts without a syslog prefix', () => {
    const { incidents } = extractFromLog(
      '2DC5552A34: to=<user@wanadoo.fr>, relay=smtp-in.orange.fr[80.12.242.10]:25, delay=3, delays=0/0/3/0, dsn=5.0.0, status=bounced (host smtp-in.orange.fr[80.12.242.10] said: 550 5.1.1 g1aPogOQcUQ7x Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416] (in reply to RCPT TO command))',
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      occurredAt: null,
      format: 'postfix',
      isOrange: true,
      reply: { code: 550, enhanced: '5.1.1' },
      orange: { token: 'OFR_416', reason: 416 },
    });
  });
});
