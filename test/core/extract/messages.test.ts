import { describe, expect, it } from 'vitest';
import { extract, extractBytes } from '../../../core/extract';
import type { ExtractionResult } from '../../../core/types';
import { deliveryReport, fixtureBytes, fixtureText } from './fixtures';

function lineOf(text: string, needle: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  return lines.findIndex((l) => l.includes(needle)) + 1;
}

describe('Postfix DSN with the greeting trap (Status 4.0.0, reply 550)', () => {
  const text = fixtureText('postfix-orange-greeting.eml');

  it('takes 550 from the reply, never an enhanced code from Status 4.0.0', async () => {
    const { incidents } = await extract(text);
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.enhanced).toBeNull();
    expect(i?.orange).toEqual({ token: 'OFR006_102', reason: 102, server: 'mwinf5c04' });
    expect(i?.isOrange).toBe(true);
    expect(i?.format).toBe('postfix');
  });

  it('keeps Orange MX address as the remote side and the Cloudmark link IP as the sending IP', async () => {
    const i = (await extract(text)).incidents[0];
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.remoteIp).toBe('193.252.22.65');
    expect(i?.sendingIps).toEqual(['203.0.113.7']);
    expect(i?.sendingIps).not.toContain('10.20.0.13');
  });

  it('reads sender facts: envelope sender first, reporting MTA, recipient domain, Arrival-Date with offset', async () => {
    const i = (await extract(text)).incidents[0];
    expect(i?.sendingDomain).toBe('news.example.com');
    expect(i?.sendingHosts).toContain('mta1.example.com');
    expect(i?.recipientDomain).toBe('orange.fr');
    expect(i?.occurredAt).toBe('2019-12-16T22:00:18+01:00');
  });

  it('points each field at its line in the original text', async () => {
    const i = (await extract(text)).incidents[0];
    expect(i?.sources.reply?.line).toBe(lineOf(text, 'Diagnostic-Code: smtp; 550'));
    expect(i?.sources.occurredAt?.line).toBe(lineOf(text, 'Arrival-Date:'));
    expect(i?.sources.recipientDomain?.line).toBe(lineOf(text, 'Final-Recipient:'));
    expect(i?.sources.remoteHost?.text).toBe('Remote-MTA: dns; smtp-in.orange.fr');
    expect(i?.sources.sendingDomain?.line).toBe(lineOf(text, 'X-Postfix-Sender:'));
  });

  it('gives the same answer and the same line numbers with CRLF line ends', async () => {
    const lf = await extract(text);
    const crlf = await extractBytes(fixtureBytes('postfix-orange-greeting-crlf.eml'));
    expect(crlf.incidents).toEqual(lf.incidents);
  });
});

describe('Exim bounce in ISO-8859-1', () => {
  it('decodes Latin-1, reads the reply on the line after the host, and refuses the app-server hop IP', async () => {
    const result = await extractBytes(fixtureBytes('exim-latin1.eml'));
    expect(result.warnings.map((w) => w.code)).toContain('input.latin1');
    const i = result.incidents[0];
    expect(i?.format).toBe('exim');
    expect(i?.reply.code).toBe(421);
    expect(i?.orange?.token).toBe('OFR004_104');
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.remoteIp).toBe('80.12.242.9');
    expect(i?.recipientDomain).toBe('wanadoo.fr');
    expect(i?.sendingDomain).toBe('example.net');
    expect(i?.sendingHosts).toContain('relay2.example.net');
    // 198.51.100.23 is the application server handing the message to the relay, not what Orange saw.
    expect(i?.sendingIps).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toContain('missing.sendingIps');
  });
});

describe('Exim bounce for two recipients (modern layout: address, host, SMTP error, reply), CRLF', () => {
  it('makes one incident per recipient, each with its own host, reply and link IP', async () => {
    const result = await extract(fixtureText('exim-two-recipients.eml'));
    const [lea, paul] = result.incidents;
    expect(result.incidents).toHaveLength(2);
    expect(lea?.recipientDomain).toBe('orange.fr');
    expect(lea?.remoteIp).toBe('193.252.22.65');
    expect(lea?.orange?.reason).toBe(416);
    expect(lea?.reply.text).toBe(
      '550 5.1.1 <lea@orange.fr>: Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    );
    // The Cloudmark link naming 203.0.113.25 is in the second recipient's reply only.
    expect(lea?.sendingIps).toEqual([]);
    expect(paul?.recipientDomain).toBe('wanadoo.fr');
    expect(paul?.remoteIp).toBe('80.12.242.10');
    expect(paul?.orange?.reason).toBe(102);
    expect(paul?.sendingIps).toEqual(['203.0.113.25']);
    expect(paul?.sources.remoteIp?.text).toBe('    host smtp-in.orange.fr [80.12.242.10]');
    expect(result.incidents.map((i) => i.sendingDomain)).toEqual(['shop.example', 'shop.example']);
  });
});

describe('Sendmail bounce for two recipients: reasons, transcript and summary lines', () => {
  it('makes one incident per recipient, named by the transcript’s host, without the summary lines', async () => {
    const { incidents } = await extract(fixtureText('sendmail-two-recipients.eml'));
    expect(incidents.map((i) => [i.recipientDomain, i.reply.code, i.orange?.reason])).toEqual([
      ['orange.fr', 550, 416],
      ['wanadoo.fr', 552, 417],
    ]);
    expect(incidents.map((i) => i.remoteHost)).toEqual(['smtp-in.orange.fr', 'smtp-in.orange.fr']);
    expect(incidents[1]?.sources.reply?.text).toBe(
      '    (reason: 552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417 [417])',
    );
    expect(incidents[0]?.sources.remoteHost?.text).toBe('... while talking to smtp-in.orange.fr.:');
  });
});

describe('Sendmail DSN with quoted-printable and base64 parts', () => {
  it('reads the base64 delivery-status part and says the line is where the encoded part starts', async () => {
    const text = fixtureText('sendmail-qp-base64.eml');
    const result = await extract(text);
    const i = result.incidents[0];
    expect(i?.reply).toMatchObject({ code: 550, enhanced: '5.1.1' });
    expect(i?.orange?.reason).toBe(416);
    expect(i?.occurredAt).toBe('2017-10-31T16:46:17+09:00');
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.sources.reply?.line).toBe(lineOf(text, 'Content-Type: message/delivery-status'));
    expect(result.warnings.map((w) => w.code)).toContain('source.decoded.reply');
  });

  it('finds the reporting MTA public address in the bounce’s own Received line', async () => {
    const i = (await extract(fixtureText('sendmail-qp-base64.eml'))).incidents[0];
    expect(i?.sendingHosts).toContain('relay.example.org');
    expect(i?.sendingIps).toEqual(['192.0.2.222']);
  });
});

describe('qmail bounce with CR-only line ends', () => {
  it('reads the reply, the IP written after OFR006_103, and counts lines on CR', async () => {
    const bytes = fixtureBytes('qmail-cr-only.eml');
    const result = await extractBytes(bytes);
    const i = result.incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.orange?.reason).toBe(103);
    expect(i?.sendingIps).toEqual(['203.0.113.44']);
    expect(i?.remoteIp).toBe('193.252.22.65');
    expect(i?.recipientDomain).toBe('wanadoo.fr');
    const text = new TextDecoder().decode(bytes);
    expect(i?.sources.reply?.line).toBe(lineOf(text, 'Remote host said:'));
    expect(i?.sources.reply?.line).toBeGreaterThan(1);
  });
});

describe("qmail's own verdict after the remote's reply", () => {
  it("is not part of the reply (`Giving up on ...`, `I'm not going to try again; ...`)", async () => {
    const notice = [
      'From: MAILER-DAEMON@mta1.example.com',
      'To: news@example.com',
      'Subject: failure notice',
      '',
      'Hi. This is the qmail-send program at mta1.example.com.',
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      "This is a permanent error; I've given up. Sorry it didn't work out.",
      '',
      '<claire@orange.fr>:',
      '193.252.22.65 does not like recipient.',
      'Remote host said: 552 5.1.1 mwinf5c20 ME Boite du destinataire pleine. Recipient mailbox full. OFR_417 [417]',
      'Giving up on 193.252.22.65.',
      "I'm not going to try again; this message has been in the queue too long.",
      '',
      '--- Below this line is a copy of the message.',
    ].join('\n');
    const i = (await extract(notice)).incidents[0];
    expect(i?.reply.text).toBe(
      '552 5.1.1 mwinf5c20 ME Boite du destinataire pleine. Recipient mailbox full. OFR_417 [417]',
    );
    expect(i?.remoteIp).toBe('193.252.22.65');
  });

  it('names the remote by the address qmail says it failed after sending the message to', async () => {
    const notice = [
      'Hi. This is the qmail-send program at mta1.example.com.',
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      '',
      '<claire@orange.fr>:',
      '193.252.22.65 failed after I sent the message.',
      'Remote host said: 550 5.2.0 mwinf5c77 ME Mail refuse. Mail rejected. OFR_506 [506]',
    ].join('\n');
    const i = (await extract(notice)).incidents[0];
    expect(i?.remoteIp).toBe('193.252.22.65');
    expect(i?.orange?.reason).toBe(506);
  });
});

describe('a notice whose report follows the reply without a blank line', () => {
  it('ends the reply before the report fields', async () => {
    // As pasted in an ethmail.cc issue: the Postfix notice, then its delivery report at once.
    const notice = [
      'This is the mail system at host mail.example.com.',
      '',
      '<claire@orange.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550 5.7.1',
      '    mwinf5c04 ME Adresse IP source bloquee pour incident de spam. OFR006_102 [102] (in reply to MAIL',
      '    FROM command)',
      'Reporting-MTA: dns; mail.example.com',
      'X-Postfix-Queue-ID: E4A596E73E1',
      'Arrival-Date: Mon, 20 Jun 2022 02:39:37 +0000 (UTC)',
    ].join('\n');
    const i = (await extract(notice)).incidents[0];
    expect(i?.reply.text).toBe(
      '550 5.7.1 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. OFR006_102 [102]',
    );
  });
});

describe('a Postfix notice quoted in a reply (every line after `> `)', () => {
  it('gives the reply without the quote marks', async () => {
    // As pasted in a hardware/mailserver issue, the sending IP masked by its author.
    const text = [
      '> This is the mail system at host mail.example.fr.',
      '> ',
      '>                    The mail system',
      '> ',
      '>     kamel@yahoo.com: host mta6.am0.yahoodns.net[74.6.137.64] said: 553 5.7.2',
      '>     [TSS06] All messages from 62.xxx.xxx.xxxx will be permanently deferred;',
      '>     Retrying will NOT succeed. See',
      '>     https://help.yahoo.com/kb/postmaster/SLN3436.html (in reply to MAIL FROM',
      '>     command)',
    ].join('\n');
    const i = (await extract(text)).incidents[0];
    expect(i?.reply.text).toBe(
      '553 5.7.2 [TSS06] All messages from 62.xxx.xxx.xxxx will be permanently deferred; Retrying will NOT succeed. See https://help.yahoo.com/kb/postmaster/SLN3436.html',
    );
    expect(i?.sendingIps).toEqual([]);
    expect(i?.remoteIp).toBe('74.6.137.64');
    expect(i?.sources.reply?.line).toBe(5);
  });
});

describe("an Exchange notice's text pasted alone, in German", () => {
  it('names the generating server as the sending host', async () => {
    // As pasted in a weg-li issue (a German Exchange NDR's administrator section).
    const text = [
      'Diagnoseinformationen für Administratoren:',
      '',
      'Generierender Server: smtp8.goneo.de',
      '',
      'verkehrsordnungswidrigkeiten@augsburg.de',
      'mailserv1.augsburg.de',
      "Remote server returned '554 5.4.4 <mailserv1.augsburg.de #5.4.4 smtp; 550 5.4.4 Unable to relay>'",
    ].join('\n');
    const i = (await extract(text)).incidents[0];
    expect(i?.sendingHosts).toEqual(['smtp8.goneo.de']);
    // Exchange's 554 sums up the remote's reply it quotes after `smtp;`.
    expect(i?.reply).toEqual({ code: 550, enhanced: '5.4.4', text: '550 5.4.4 Unable to relay' });
    expect(i?.remoteHost).toBe('mailserv1.augsburg.de');
    expect(i?.recipientDomain).toBe('augsburg.de');
  });
});

describe("the DSN's Status beside a reply without an enhanced code", () => {
  const dsn = (reply: string, status: string) => deliveryReport('claire@orange.fr', status, `smtp; ${reply}`);

  it("is not given as Orange's enhanced code when it is only the class (Postfix's 4.0.0)", async () => {
    const orange =
      '421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]';
    const i = (await extract(dsn(orange, '4.0.0'))).incidents[0];
    expect(i?.orange?.reason).toBe(999);
    expect(i?.reply.enhanced).toBeNull();
  });

  it('is given when it says more than the class, or for another remote', async () => {
    const orange = '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. OFR006_102 [102]';
    expect((await extract(dsn(orange, '5.7.1'))).incidents[0]?.reply.enhanced).toBe('5.7.1');
    const other = '550 Requested action not taken: mailbox unavailable';
    expect((await extract(dsn(other, '5.0.0'))).incidents[0]?.reply.enhanced).toBe('5.0.0');
  });
});

describe('Exchange / Office 365 NDR (quoted-printable)', () => {
  it('reads "Remote Server at X (ip) returned" up to the closing quote', async () => {
    const i = (await extract(fixtureText('exchange-ndr.eml'))).incidents[0];
    expect(i?.format).toBe('exchange');
    expect(i?.reply.text).toBe('550 5.2.0 Mail rejete. Mail rejected. OFR_506 [506]');
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.remoteIp).toBe('193.252.22.65');
    expect(i?.sendingDomain).toBe('contoso.example.com');
    expect(i?.sendingIps).toEqual([]);
  });
});

describe('1&1-style bounce', () => {
  it('reads "host: X (ip) reason:" and dates it by the bounce’s own Date, not the returned one', async () => {
    const i = (await extract(fixtureText('oneandone-ofr506.eml'))).incidents[0];
    expect(i?.reply).toMatchObject({ code: 550, enhanced: '5.2.0' });
    expect(i?.orange?.token).toBe('OFR_506');
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.remoteIp).toBe('193.252.22.65');
    // The Mail Delivery System wrote its Date when it gave up, an hour after the message was written.
    expect(i?.occurredAt).toBe('2019-12-16T13:54:40+01:00');
    expect(i?.sources.occurredAt?.line).toBe(9);
  });

  it('leaves the notice’s own Date when it is a person’s (a forward’s header), for the returned copy’s', async () => {
    const text = fixtureText('oneandone-ofr506.eml').replace(
      'From: "Mail Delivery System" <mailer-daemon@mail.example.de>',
      'From: Jean Dupont <jean@example.fr>',
    );
    const i = (await extract(text)).incidents[0];
    // Its top hop (13:54:29), an hour after its Date (12:54:27): when 1&1 took it in (returned-hop-date.ts).
    expect(i?.occurredAt).toBe('2019-12-16T13:54:29+01:00');
    expect(i?.assumptions.map((a) => a.code)).toEqual(['date.returned-hop']);
  });
});

describe('mbox with two bounces', () => {
  let result: ExtractionResult;
  it('gives one incident per message, with lines of the whole file', async () => {
    const text = fixtureText('mbox-two-bounces.mbox');
    result = await extract(text);
    expect(result.incidents).toHaveLength(2);
    const [a, b] = result.incidents;
    expect(a?.orange?.reason).toBe(506);
    expect(b?.orange?.reason).toBe(505);
    expect(b?.remoteIp).toBe('80.12.242.9');
    expect(b?.occurredAt).toBe('2019-12-17T11:45:02+01:00');
    expect(b?.sources.reply?.line).toBe(lineOf(text, '<c.petit@wanadoo.fr>'));
    expect(b?.sendingHosts).toEqual(['out2.example.com']);
    expect(a?.sendingDomain).toBe('example.com');
  });

  it('numbers missing-field warnings per incident across messages', () => {
    const en = result.warnings.map((w) => w.text.en);
    expect(en).toContain('Incident 1: the sending IP address was not found in the text; please fill it in.');
    expect(en).toContain('Incident 2: the sending IP address was not found in the text; please fill it in.');
  });
});

describe('a bounce forwarded as an attachment (message/rfc822 in a customer’s message)', () => {
  it('reads the attached bounce as if pasted alone, with the line numbers of the whole paste', async () => {
    const forwarded = fixtureText('forwarded-bounce-attached.eml');
    const alone = (await extract(fixtureText('postfix-orange-greeting.eml'))).incidents;
    const { incidents } = await extract(forwarded);
    expect(incidents).toHaveLength(1);
    const { sources, ...fields } = incidents[0] as NonNullable<(typeof incidents)[0]>;
    const { sources: aloneSources, ...aloneFields } = alone[0] as NonNullable<(typeof alone)[0]>;
    // The bounce's own Received line (into the sender's mailbox, by mx.example.com) is no sending hop.
    expect(fields.sendingHosts).toEqual(['mta1.example.com']);
    expect(fields).toEqual(aloneFields);
    for (const [field, ref] of Object.entries(sources)) {
      expect(ref?.text).toBe(aloneSources[field as keyof typeof aloneSources]?.text);
      expect(forwarded.split('\n')[(ref?.line ?? 0) - 1]).toBe(ref?.text);
    }
  });
});
