/**
 * ESP events and bounce bodies as users paste them: a piece of a Mailgun event copied without its
 * braces, a piece of an SES event cut mid-object, a French Exchange notice without its headers, and the
 * webhook payloads of SparkPost, Mailjet, Mandrill and Brevo.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import { fixtureText } from './fixtures';

describe('bounce bodies and events pasted in part', () => {
  it('French Exchange notice without its headers: read as a bounce, returned headers included', async () => {
    const i = (await extract(fixtureText('exchange-fr-body.txt'))).incidents[0];
    expect(i?.format).toBe('exchange');
    expect(i?.reply.text).toBe(
      '550 5.7.1 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_106 [106]',
    );
    expect(i?.sources.reply?.text).toMatch(/^Le serveur distant a retourné/);
    expect(i?.recipientDomain).toBe('wanadoo.fr');
    expect(i?.sendingDomain).toBe('boutique.example');
    // Exchange Online's mailbox server that wrote the notice never connects to Orange: its outbound servers do
    // (exchange-online-relay.ts).
    expect(i?.sendingHosts).toEqual([]);
    expect(i?.assumptions.map((a) => a.code)).toContain('sender.exchange-online-relay');
  });

  it('Exchange notice without its headers: the host line above `Remote Server returned` is the remote', async () => {
    const i = (await extract(fixtureText('exchange-diagnostic-en-body.txt'))).incidents[0];
    expect(i?.format).toBe('exchange');
    expect(i?.reply.text).toBe('550 mwinf5c21 ME Mail rejete. Mail rejected. ofr_506 [506]');
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.sources.remoteHost?.line).toBe(11);
    expect(i?.recipientDomain).toBe('orange.fr');
    expect(i?.sendingDomain).toBe('corp.example.com');
    // The only address in the Received lines is private: no sending IP rather than a wrong one.
    expect(i?.sendingIps).toEqual([]);
  });

  it('Yahoo notice without its headers: read as a bounce, with the copy of the message below it', async () => {
    const i = (await extract(fixtureText('yahoo-bounce-pasted.txt'))).incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.orange).toEqual({ token: 'OFR006_102', reason: 102, server: 'mwinf5c04' });
    expect(i?.recipientDomain).toBe('orange.fr');
    expect(i?.sendingDomain).toBe('yahoo.fr');
    expect(i?.sources.sendingDomain?.line).toBe(10);
    expect(i?.occurredAt).toBe('2026-11-28T15:03:18+01:00');
    // Cloudmark's link names the IP Orange refused; X-Originating-IP (the writer's computer) is not it.
    expect(i?.sendingIps).toEqual(['98.136.1.2']);
  });

  it("Gmail notice forwarded as text: read as a bounce from the forward's header lines, the forwarded original gives the date", async () => {
    const i = (await extract(fixtureText('gmail-delay-forwarded.txt'))).incidents[0];
    expect(i?.reply.text).toBe(
      '421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]',
    );
    expect(i?.recipientDomain).toBe('orange.fr');
    expect(i?.sendingDomain).toBe('example.com');
    // The forward's header lines are the notice's: its To is the address it went back to, the sender's.
    expect(i?.sources.sendingDomain?.line).toBe(5);
    // Its subject says it is a delay notice.
    expect(i?.assumptions.map((a) => a.code)).toContain('input.delay-notice');
    // Gmail's own date (`Sat, Nov 28, 2026 at 3:03 PM`) has no zone; the original's Date has one.
    expect(i?.occurredAt).toBe('2026-11-28T15:02:41+01:00');
    expect(i?.sources.occurredAt?.line).toBe(20);
  });

  it('a Mailgun "delivery-status" member copied without braces: code, message and MX host', async () => {
    const result = await extract(fixtureText('mailgun-fragment.txt'));
    const i = result.incidents[0];
    expect(i?.format).toBe('json-event');
    expect(i?.reply).toEqual({
      code: 501,
      enhanced: '5.1.0',
      text: '501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405 [405]',
    });
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    // The reply's source is the line that holds Orange's words (the code is on a line of its own).
    expect(i?.sources.reply?.line).toBe(8);
  });

  it('a piece of an SES event cut mid-object is not JSON: the reply is still found in its text', async () => {
    const { incidents } = await extract(
      '"bouncedRecipients": [{"emailAddress": "lea@orange.fr", "action": "failed", "status": "5.7.1",\n' +
        '  "diagnosticCode": "smtp; 550 5.7.1 Service refuse. OFR_106 [106]"',
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.orange?.reason).toBe(106);
  });
});

describe('more ESP events (field names from each provider’s webhook documentation)', () => {
  it('SparkPost: raw_reason, sending_ip, ip_address (the MX it delivered to), rcpt_to, msg_from', async () => {
    const i = (await extract(fixtureText('sparkpost-bounce.json'))).incidents[0];
    expect(i?.reply.code).toBe(421);
    expect(i?.orange?.reason).toBe(999);
    expect(i?.sendingIps).toEqual(['198.51.100.7']);
    expect(i?.remoteIp).toBe('193.252.22.65');
    expect(i?.sendingDomain).toBe('example.com');
    expect(i?.recipientDomain).toBe('orange.fr');
    expect(i?.occurredAt).toBe('2016-04-18T14:25:07+00:00');
    expect(i?.sources.reply?.text).toContain('"raw_reason"');
  });

  it('Mailjet: smtp_reply and the Unix time', async () => {
    const i = (await extract(fixtureText('mailjet-bounce.json'))).incidents[0];
    expect(i?.reply).toMatchObject({ code: 550, enhanced: '5.1.1' });
    expect(i?.orange?.reason).toBe(416);
    expect(i?.occurredAt).toBe('2015-05-05T07:49:55+00:00');
    expect(i?.recipientDomain).toBe('orange.fr');
  });

  it('Mandrill: msg.diag with its smtp; prefix, msg.sender', async () => {
    const i = (await extract(fixtureText('mandrill-hard-bounce.json'))).incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.text.startsWith('550 5.1.1 Adresse')).toBe(true);
    expect(i?.sendingDomain).toBe('mandrillapp.com');
  });

  it('Brevo: reason, sending_ip and ts_event', async () => {
    const i = (await extract(fixtureText('brevo-hard-bounce.json'))).incidents[0];
    expect(i?.orange?.reason).toBe(106);
    expect(i?.sendingIps).toEqual(['203.0.113.109']);
    expect(i?.occurredAt).toBe('2026-03-03T11:45:02+00:00');
  });
});
