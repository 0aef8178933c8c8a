import { scanLogText } from '../../../../core/extract/logs/index';
import { at, NOW, readFixture, scanFixture } from './fixture';

describe('Exim main log', () => {
  const result = scanFixture('exim-orange.log');

  it('is read with CR-only line ends', () => {
    expect(readFixture('exim-orange.log')).not.toContain('\n');
    expect(result.counts.lines).toBe(10);
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([2, 4, 9]);
    expect(result.counts.delivered).toBe(1);
  });

  it('uses the outgoing interface I= as sending IP and H= as the remote host', () => {
    const deferral = at(result, 2);
    expect(deferral.sendingIps).toEqual(['203.0.113.25']);
    expect(deferral.remoteHost).toBe('smtp-in.orange.fr');
    expect(deferral.remoteIp).toBe('80.12.242.10');
    expect(deferral.reply.code).toBe(421);
    expect(deferral.orange?.reason).toBe(104);
  });

  it('gets the envelope sender from the <= line of the same message id', () => {
    const deferral = at(result, 2);
    expect(deferral.sendingDomain).toBe('mail.example.com');
    expect(deferral.sources.sendingDomain?.line).toBe(1);
  });

  it('joins a wrapped ** record and takes F=<> as the sender', () => {
    const bounce = at(result, 4);
    expect(bounce.reply).toEqual({
      code: 550,
      enhanced: '5.2.0',
      text: '550 5.2.0 mwinf5c77 ME Mail refuse. Mail rejected. OFR_506 [506]',
    });
    expect(bounce.recipientDomain).toBe('wanadoo.fr');
    expect(bounce.remoteIp).toBe('193.252.22.65');
    expect(bounce.sendingIps).toEqual(['203.0.113.25']);
    expect(bounce.sources.reply?.text).toContain('R=dnslookup T=remote_smtp');
  });

  it('assumes only the zone when the line has a year, and keeps a logged zone', () => {
    expect(at(result, 2).occurredAt).toBe('2026-01-02T10:11:14+00:00');
    expect(at(result, 2).assumptions.map((a) => a.code)).toEqual(['assumed-zone']);
    expect(at(result, 9).occurredAt).toBe('2026-01-02T10:14:02+01:00');
    expect(at(result, 9).assumptions).toEqual([]);
  });

  it('links the 999 to the latest earlier Orange error from the same sending IP', () => {
    const suspension = at(result, 9);
    expect(suspension.orange?.reason).toBe(999);
    expect(suspension.trigger).toMatchObject({ line: 4, reason: 506, token: 'OFR_506' });
  });
});

describe('Exim lines pasted without the <= line of their message', () => {
  // The ** line of a rotated-away message: no F= (log_selector default), no <= line in the paste.
  const bounce =
    '2026-11-17 09:42:20 1tCbXr-000Abd-3E ** paul@wanadoo.fr R=dnslookup T=remote_smtp H=smtp-in.orange.fr [80.12.242.15] I=[203.0.113.25]:47112 X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 CV=yes: SMTP error from remote mail server after pipelined MAIL FROM:<newsletter@example.com> SIZE=18234: 550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.25 [102]';

  it('takes the envelope sender Exim echoes in `after MAIL FROM:<...>`', () => {
    const [incident] = scanLogText(bounce, { now: NOW }).incidents;
    expect(incident?.sendingDomain).toBe('example.com');
    expect(incident?.sources.sendingDomain?.line).toBe(1);
    expect(incident?.recipientDomain).toBe('wanadoo.fr');
  });

  it('still prefers the <= line of the message when the paste has it', () => {
    const arrival =
      '2026-11-17 09:42:18 1tCbXr-000Abd-3E <= bounces+42@mail.example.org H=app1.example.com [192.0.2.51] P=esmtpsa S=18234';
    const [incident] = scanLogText(`${arrival}\n${bounce}`, { now: NOW }).incidents;
    expect(incident?.sendingDomain).toBe('mail.example.org');
    expect(incident?.sources.sendingDomain?.line).toBe(1);
  });

  it('gives no sending domain for a null sender echoed as MAIL FROM:<>', () => {
    const [incident] = scanLogText(bounce.replace('MAIL FROM:<newsletter@example.com>', 'MAIL FROM:<>'), {
      now: NOW,
    }).incidents;
    expect(incident?.sendingDomain).toBeNull();
  });

  it('unwraps a multi-line reply that Exim logs on one line, its line breaks written as \\n', () => {
    // As Exim writes it (a Gmail refusal quoted in a 2008 forum post, addresses documentation ones here).
    const line = String.raw`2008-09-28 12:54:17 1KjzXB-0003Xe-RZ ** jean@gmail.com R=dnslookup T=remote_smtp H=gmail-smtp-in.l.google.com [192.0.2.27] I=[203.0.113.25]: SMTP error from remote mail server after end of data: 550-5.7.1 [203.0.113.25] The IP you're using to send mail is not authorized\n550-5.7.1 to send email directly to our servers. Please use the SMTP\n550 5.7.1 relay at your service provider instead. 6si1089221ywp.3`;
    const [incident] = scanLogText(line, { now: NOW }).incidents;
    expect(incident?.reply).toEqual({
      code: 550,
      enhanced: '5.7.1',
      text: "550 5.7.1 [203.0.113.25] The IP you're using to send mail is not authorized to send email directly to our servers. Please use the SMTP relay at your service provider instead. 6si1089221ywp.3",
    });
    expect(incident?.sendingIps).toEqual(['203.0.113.25']);
  });
});

describe('Exim failure lines with the return path (log_selector +return_path_on_delivery)', () => {
  // The shape of an Exim line behind a Sophos UTM prefix in a forum post (audit 11), with Orange's reply.
  it('takes P=<sender> as the envelope sender when no <= line is in the paste', () => {
    const line =
      '2022-03-19 10:51:50 1nVVkU-0000Ii-Fq ** jean@orange.fr P=<news@shop.example.fr> R=dnslookup T=remote_smtp ' +
      'H=smtp-in.orange.fr [193.252.22.65]: SMTP error from remote mail server after end of data: ' +
      '550 5.7.1 Service refuse. Veuillez essayer plus tard. service refused, please try later. OFR006_102 [102]';
    const result = scanLogText(line, { now: NOW });
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0]?.sendingDomain).toBe('shop.example.fr');
    expect(result.incidents[0]?.recipientDomain).toBe('orange.fr');
  });
});

describe('Exim main log without I= (no sending IP nor host on its lines)', () => {
  // A 999 is linked by its message id to the earlier Orange error of the same message (trigger.ts
  // remembers an error's message only when it has no host name, as here).
  const log = [
    '2026-11-17 09:40:00 1tCbXr-000Abd-3E <= news@example.com H=app.example.net [192.0.2.10] P=esmtp S=4200',
    '2026-11-17 09:40:02 1tCbXr-000Abd-3E == paul@wanadoo.fr R=dnslookup T=remote_smtp defer (-44) H=smtp-in.orange.fr [80.12.242.15]: SMTP error from remote mail server after RCPT TO:<paul@wanadoo.fr>: 421 mwinf5c04 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR005_100 [100]',
    '2026-11-17 09:55:02 1tCbXr-000Abd-3E == paul@wanadoo.fr R=dnslookup T=remote_smtp defer (-44) H=smtp-in.orange.fr [80.12.242.15]: SMTP error from remote mail server after initial connection: 421 mwinf5c18 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_999 [999]',
    '2026-11-17 09:58:00 1tCbYz-000Abd-4F == marie@orange.fr R=dnslookup T=remote_smtp defer (-44) H=smtp-in.orange.fr [80.12.242.15]: SMTP error from remote mail server after initial connection: 421 mwinf5c18 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_999 [999]',
  ].join('\n');
  const result = scanLogText(log, { now: NOW });

  it('links a 999 to the earlier error of the same message, and not to another message’s', () => {
    expect(result.incidents.map((i) => i.orange?.reason)).toEqual([100, 999, 999]);
    expect(result.incidents.map((i) => i.sendingHosts.length + i.sendingIps.length)).toEqual([0, 0, 0]);
    expect(result.incidents[1]?.trigger).toMatchObject({ line: 2, reason: 100, token: 'OFR005_100' });
    expect(result.incidents[2]?.trigger).toBeNull();
  });
});
