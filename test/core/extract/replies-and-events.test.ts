import { describe, expect, it } from 'vitest';
import { extract, extractBytes } from '../../../core/extract';
import { fixtureText } from './fixtures';

describe('replies quoted by mail clients', () => {
  it('reads a French client quote and never turns xxx.xxx.xxx.xxx into an IP', async () => {
    const result = await extract(fixtureText('reply-fr-client.txt'));
    const i = result.incidents[0];
    expect(result.incidents).toHaveLength(1);
    expect(i?.format).toBe('smtp-reply');
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.text.startsWith('550 mwinf5c04 ME')).toBe(true);
    expect(i?.sendingIps).toEqual([]);
    expect(i?.recipientDomain).toBe('orange.fr');
    expect(i?.sources.reply?.line).toBe(4);
    expect(result.warnings.map((w) => w.code)).toContain('missing.sendingIps');
  });

  it('never takes the sender an error names for the recipient (Sender address rejected, MAIL FROM)', async () => {
    const alone = await extract(
      '550 5.7.1 <newsletter@news.example.com>: Sender address rejected: Emetteur invalide. Invalid Sender. OFR004_415 [415]\n',
    );
    expect(alone.incidents[0]?.recipientDomain).toBeNull();
    const transcript = await extract(
      '>>> MAIL FROM:<newsletter@news.example.com> SIZE=2048\n<<< 501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405 [405]\n',
    );
    expect(transcript.incidents[0]?.recipientDomain).toBeNull();
    // The recipient named before it is still read.
    const named = await extract(
      'Your message to jean@orange.fr was rejected:\n550 5.7.1 <newsletter@news.example.com>: Sender address rejected: OFR004_415 [415]\n',
    );
    expect(named.incidents[0]?.recipientDomain).toBe('orange.fr');
  });

  it('reads an English client quote wrapped over two lines, with an IPv6 in the Abusix link', async () => {
    const i = (await extract(fixtureText('reply-en-client.txt'))).incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.text).toContain('IP blocked by Abusix, OFR006_100');
    expect(i?.orange).toEqual({ token: 'OFR006_100', reason: 100, server: 'opmta1mti33nd1' });
    expect(i?.sendingIps).toEqual(['2001:db8:25::7']);
    expect(i?.sources.reply?.line).toBe(7);
  });

  it('makes several incidents from several pasted replies, in order, SPF one included', async () => {
    const { incidents } = await extract(fixtureText('replies-several.txt'));
    expect(incidents.map((i) => i.orange?.reason ?? null)).toEqual([416, 999, null]);
    expect(incidents.map((i) => i.sources.reply?.line)).toEqual([1, 3, 5]);
    expect(incidents[2]?.isOrange).toBe(true);
    expect(incidents[2]?.reply.code).toBe(421);
  });

  it('reads a Postfix log-style "said:" line pasted alone, the MX address as remote', async () => {
    const { incidents } = await extract(
      '<client@orange.fr>: host smtp-in.orange.fr[193.252.22.65] said: 421 mwinf5c41 ME Trop de connexions. OFR004_104 [104] (in reply to MAIL FROM command)',
    );
    expect(incidents[0]?.remoteIp).toBe('193.252.22.65');
    expect(incidents[0]?.sendingIps).toEqual([]);
    expect(incidents[0]?.reply.text).toBe('421 mwinf5c41 ME Trop de connexions. OFR004_104 [104]');
  });
});

describe('an SMTP session pasted whole', () => {
  it("makes no incident of Orange's own greeting and goodbye when nothing was refused", async () => {
    // As pasted in a Tautulli issue: a telnet test of smtp.orange.fr that went well.
    const session = [
      'telnet smtp.orange.fr 587',
      'Trying 193.252.22.86...',
      'Connected to smtp.orange.fr.',
      '220 mwinf5d36 ME ESMTP server ready',
      'EHLO test.example.com',
      '250-mwinf5d36 hello [203.0.113.9], pleased to meet you',
      '250 OK',
      'QUIT',
      '221 2.0.0 mwinf5d36 ME closing connection',
    ].join('\n');
    expect((await extract(session)).incidents).toEqual([]);
    const refused = session.replace(
      '250 OK',
      '421 mwinf5d36 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]',
    );
    const incidents = (await extract(refused)).incidents;
    expect(incidents.map((i) => i.reply.code)).toEqual([421]);
  });
});

describe('ESP JSON events', () => {
  it('Mailgun: code + message, envelope sending-ip, mx-host, Unix timestamp', async () => {
    const i = (await extract(fixtureText('mailgun-failed.json'))).incidents[0];
    expect(i?.format).toBe('json-event');
    expect(i?.reply.code).toBe(421);
    expect(i?.orange?.reason).toBe(104);
    expect(i?.sendingIps).toEqual(['198.51.100.45']);
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.recipientDomain).toBe('orange.fr');
    expect(i?.occurredAt).toBe('2019-12-16T21:00:18+00:00');
    expect(i?.sources.sendingIps?.line).toBe(11);
  });

  it('SES: per bounced recipient; remoteMtaIp is remote, sourceIp (the API caller) is not a sending IP', async () => {
    const i = (await extract(fixtureText('ses-bounce.json'))).incidents[0];
    expect(i?.reply).toMatchObject({ code: 550, enhanced: '5.2.0' });
    expect(i?.remoteIp).toBe('193.252.22.65');
    expect(i?.sendingIps).toEqual([]);
    expect(i?.sendingHosts).toEqual(['a8-30.smtp-out.amazonses.com']);
    expect(i?.sendingDomain).toBe('example.org');
  });

  it("an ESP's suppression (it did not send) is no incident, and says so: Mailgun 605, SES's suppression list", async () => {
    for (const [name, esp] of [
      ['mailgun-suppress-bounce.json', 'Mailgun'],
      ['ses-suppressed.json', 'Amazon SES'],
    ] as const) {
      const { incidents, warnings } = await extract(fixtureText(name));
      expect(incidents).toEqual([]);
      expect(warnings.map((w) => w.code)).toEqual(['input.esp-suppressed']);
      expect(warnings[0]?.text.en).toContain(`${esp} did not attempt delivery`);
      expect(warnings[0]?.text.fr).toContain(`${esp} n’a pas tenté la livraison`);
    }
    // Beside a real refusal, only the refusal is an incident.
    const both = `${fixtureText('mailgun-suppress-bounce.json').replace(/\s*\n\s*/g, ' ')}\n${fixtureText('ses-bounce.json')}`;
    const { incidents, warnings } = await extract(both);
    expect(incidents.map((i) => i.orange?.token)).toEqual(['OFR_506']);
    expect(warnings.map((w) => w.code)).toContain('input.esp-suppressed');
  });

  it('SES through SNS: the notification inside the Message string is read, not the envelope around it', async () => {
    const { incidents } = await extract(fixtureText('ses-sns-notification.json'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      format: 'json-event',
      occurredAt: '2026-11-28T14:03:22+00:00',
      sendingIps: [],
      sendingHosts: ['a1-23.smtp-out.eu-west-1.amazonses.com'],
      sendingDomain: 'news.example.com',
      recipientDomain: 'orange.fr',
      remoteIp: '80.12.242.15',
      reply: { code: 421 },
      orange: { token: 'OFR_999', reason: 999, server: 'mwinf5c77' },
    });
    expect(incidents[0]?.sources.reply?.line).toBe(5);
  });

  it('SendGrid: deferred and bounce events are incidents, a delivered event is not', async () => {
    const { incidents } = await extract(fixtureText('sendgrid-events.json'));
    expect(incidents.map((i) => i.orange?.reason)).toEqual([105, 416]);
    expect(incidents.every((i) => i.sendingIps[0] === '203.0.113.90')).toBe(true);
    expect(incidents[1]?.sources.reply?.line).toBe(4);
  });

  it('Postmark: Details with the smtp; prefix, From and BouncedAt', async () => {
    const i = (await extract(fixtureText('postmark-bounce.json'))).incidents[0];
    expect(i?.reply).toMatchObject({ code: 501, enhanced: '5.1.0' });
    expect(i?.orange?.token).toBe('OFR004_405');
    expect(i?.sendingDomain).toBe('shop.example.com');
    expect(i?.occurredAt).toBe('2024-02-11T09:12:45+00:00');
  });
});

describe('bad input', () => {
  it('says an empty text is empty', async () => {
    const r = await extract('  \n\n ');
    expect(r.incidents).toEqual([]);
    expect(r.warnings[0]?.code).toBe('input.empty');
    expect(r.warnings[0]?.text.fr).toBe('Le texte est vide.');
  });

  it('refuses binary bytes with a clear note', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const r = await extractBytes(png);
    expect(r.incidents).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['input.binary']);
  });

  it('says when nothing was recognised', async () => {
    const r = await extract('Bonjour, pouvez-vous m’aider ? Mes e-mails vers Orange ne partent plus.');
    expect(r.incidents).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['input.no-incident']);
  });

  it('reads Windows-1252 text when it is not valid UTF-8', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('R'),
      0xe9,
      ...new TextEncoder().encode('ponse du serveur : 550 5.1.1 OFR_416 [416]'),
    ]);
    const r = await extractBytes(bytes);
    expect(r.warnings[0]?.code).toBe('input.latin1');
    expect(r.incidents[0]?.sources.reply?.text).toBe('Réponse du serveur : 550 5.1.1 OFR_416 [416]');
  });
});

describe('several recipients in one bounce body', () => {
  it('Exim: one incident per recipient of a single paragraph', async () => {
    const text = [
      'From: Mail Delivery System <Mailer-Daemon@relay.example.net>',
      'Subject: Mail delivery failed: returning message to sender',
      '',
      'A message that you sent could not be delivered to one or more of its',
      'recipients. This is a permanent error. The following address(es) failed:',
      '',
      '  anne@orange.fr',
      '    SMTP error from remote mail server after RCPT TO:<anne@orange.fr>:',
      '    host smtp-in.orange.fr [193.252.22.65]: 550 5.1.1 Adresse d au moins un destinataire invalide. OFR_416 [416]',
      '  bruno@wanadoo.fr',
      '    SMTP error from remote mail server after RCPT TO:<bruno@wanadoo.fr>:',
      '    host smtp-in.orange.fr [80.12.242.9]: 552 5.1.1 Boite du destinataire pleine. OFR_417 [417]',
    ].join('\n');
    const { incidents } = await extract(text);
    expect(incidents.map((i) => [i.orange?.reason, i.remoteIp, i.recipientDomain])).toEqual([
      [416, '193.252.22.65', 'orange.fr'],
      [417, '80.12.242.9', 'wanadoo.fr'],
    ]);
  });

  it('OpenSMTPD: one `rcpt: reply` line per recipient', async () => {
    const text = [
      'From: MAILER-DAEMON@mx.example.org',
      'Subject: Delivery status notification: error',
      '',
      '    An error has occurred while attempting to deliver a message for',
      '    the following list of recipients:',
      '',
      'anne@orange.fr: 550 5.1.1 Adresse d au moins un destinataire invalide. OFR_416 [416]',
      'bruno@wanadoo.fr: 421 mwinf5c41 ME Trop de connexions. OFR004_104 [104]',
    ].join('\n');
    const { incidents } = await extract(text);
    expect(incidents.map((i) => [i.reply.code, i.recipientDomain, i.sources.reply?.line])).toEqual([
      [550, 'orange.fr', 7],
      [421, 'wanadoo.fr', 8],
    ]);
  });
});
