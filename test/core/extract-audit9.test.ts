/**
 * Ninth round of real input: the errors of sending libraries (Python's smtplib, .NET's System.Net.Mail,
 * Go's log) as developers paste them. Fixtures and their sources: test/fixtures/extract/audit9/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/audit9/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const ORANGE_506 =
  'Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_506 [506]';

describe("Python's smtplib", () => {
  it('reads the sender smtplib names after a refused sender as the sender, not a recipient', async () => {
    const { incidents } = await extract(fixture('python-sender-refused-tuple.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 421,
      enhanced: '4.4.2',
      text: '421 4.4.2 qs51p00im-qukt01071702.me.com Error: timeout exceeded',
    });
    expect(incidents[0]?.sendingDomain).toBe('icloud.com');
    expect(incidents[0]?.recipientDomain).toBeNull();
  });

  it("takes Python 2's tuple, whose sender is a bare user name, without a recipient", async () => {
    const { incidents } = await extract(fixture('python2-sender-refused.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(553);
    expect(incidents[0]?.recipientDomain).toBeNull();
    expect(incidents[0]?.sendingDomain).toBeNull();
  });

  it('gives each recipient refused in one exception its own incident', async () => {
    const { incidents } = await extract(fixture('python-two-recipients.txt'));
    expect(incidents.map((i) => i.recipientDomain)).toEqual(['orange.fr', 'wanadoo.fr']);
    for (const i of incidents) {
      expect(i.reply.text).toBe(`550 5.7.1 ${ORANGE_506}`);
      expect(i.orange?.token).toBe('OFR_506');
      expect(i.sources.reply?.line).toBe(6);
    }
  });

  it('reads once the refusal an application logs and its traceback repeats', async () => {
    const { incidents } = await extract(fixture('python-traceback-repeats.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('501 5.1.5 Recipient address reserved by RFC 2606');
    expect(incidents[0]?.recipientDomain).toBe('example.com');
  });
});

describe(".NET's System.Net.Mail", () => {
  it("gives back the code .NET's words stand for, and says so", async () => {
    const { incidents } = await extract(fixture('dotnet-transaction-failed.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 554,
      enhanced: '5.7.1',
      text: '5.7.1 <ihdavis@gmail.com>: Relay access denied',
    });
    expect(incidents[0]?.assumptions.map((a) => a.code)).toEqual(['reply.code-from-client-words']);
    expect(incidents[0]?.assumptions[0]?.text.fr).toBe(
      'Le code 554 est déduit des mots de .NET «\u00a0Transaction failed.\u00a0», qui remplacent le code de la réponse du serveur.',
    );
  });

  it('ends the reply before the stack trace; "Mailbox unavailable." is 550 for a 5.x.x refusal', async () => {
    const { incidents, warnings } = await extract(fixture('dotnet-orange-trace.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({ code: 550, enhanced: '5.7.1', text: `5.7.1 ${ORANGE_506}` });
    expect(incidents[0]?.orange?.reason).toBe(506);
    expect(warnings.map((w) => w.code)).not.toContain('missing.replyCode');
  });

  it('leaves the code empty when "Mailbox unavailable." could be 450 or 550', async () => {
    const text = fixture('dotnet-orange-trace.txt').replace('5.7.1 Service', 'Service');
    const { incidents } = await extract(text);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBeNull();
    expect(incidents[0]?.assumptions).toEqual([]);
  });
});

describe("Go's log package", () => {
  it("dates the reply from the line's `2006/01/02 15:04:05` stamp, its zone assumed", async () => {
    const { incidents } = await extract(fixture('go-log-orange.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2024-03-12T10:15:32+00:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toEqual(['date.no-zone']);
    expect(incidents[0]?.orange?.token).toBe('OFR005_104');
  });
});

describe('a pasted SMTP session', () => {
  it("takes swaks's envelope and connection for the refusal at RCPT", async () => {
    const { incidents } = await extract(fixture('swaks-session.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.text).toBe(
      '550 5.1.1 <0xdf@writer.htb>: Recipient address rejected: User unknown in local recipient table',
    );
    expect(i?.sources.reply?.line).toBe(20);
    expect(i?.recipientDomain).toBe('writer.htb');
    // A lab's domain under no public suffix is no sending domain; a real one is taken from `MAIL FROM`.
    expect(i?.sendingDomain).toBeNull();
    const real = await extract(fixture('swaks-session.txt').replaceAll('writer.htb', 'writer.example.fr'));
    expect(real.incidents[0]?.sendingDomain).toBe('writer.example.fr');
    expect(i?.remoteIp).toBe('127.0.0.1');
    // `EHLO hacky` is no host name: not taken.
    expect(i?.sendingHosts).toEqual([]);
  });

  it("joins the line a terminal wrapped in swaks's reply, and reads its command line's envelope", async () => {
    const { incidents } = await extract(fixture('swaks-wrapped-reply.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toMatch(
      /^550 spam message rejected\. .* report details to abuse@corp\.mail\.ru\. Error code: BA35\S+ ID: 000000070000C81B1B6DD167\.$/,
    );
    expect(incidents[0]?.recipientDomain).toBe('mail.ru');
    expect(incidents[0]?.sendingDomain).toBe('gmail.com');
  });

  it('reads a session typed by hand: the envelope, the host connected to, no command glued to the reply', async () => {
    const { incidents } = await extract(fixture('openssl-typed-session.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.text).toBe('550 message rejected');
    expect(i?.sources.reply?.line).toBe(18);
    expect(i?.sendingDomain).toBe('zzdomain.org');
    expect(i?.recipientDomain).toBe('appmaildev.com');
    expect(i?.remoteHost).toBe('mail.zzdomain.org');
  });

  it("reads RFC 5321's S:/C: prefixes, the EHLO name and telnet's host", async () => {
    const { incidents } = await extract(fixture('rfc-style-session.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.text).toBe('550 No such user here');
    expect(i?.recipientDomain).toBe('foo.com');
    expect(i?.sources.recipientDomain?.text).toBe('C: RCPT TO:<Green@foo.com>');
    expect(i?.sendingDomain).toBe('bar.com');
    expect(i?.sendingHosts).toEqual(['bar.com']);
    expect(i?.remoteHost).toBe('smtp.foo.com');
  });

  it("reads Haraka's protocol log: the EHLO answer's client address, the greeting's host, no written line ends", async () => {
    const { incidents } = await extract(fixture('haraka-protocol-session.log'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.enhanced).toBe('5.7.26');
    expect(i?.reply.text).toMatch(/^550 5\.7\.26 Your email has been blocked .* - gsmtp$/);
    expect(i?.reply.text).not.toContain('\\r\\n');
    expect(i?.sendingIps).toEqual(['102.219.153.221']);
    expect(i?.sources.sendingIps?.text).toContain('[102.219.153.221]');
    expect(i?.sendingDomain).toBe('kb.openmailer.org');
    expect(i?.recipientDomain).toBe('gmail.com');
    expect(i?.remoteHost).toBe('mx.google.com');
    // `EHLO Bettys-MacBook-Pro-2.local`: a laptop's name, no host name.
    expect(i?.sendingHosts).toEqual([]);
  });
});

describe("what a user's redaction leaves", () => {
  it('leaves empty the names masked with x’s, and keeps the values left whole', async () => {
    const { incidents } = await extract(fixture('redacted-kasserver-gmx.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(554);
    expect(i?.sendingIps).toEqual(['85.13.155.220']);
    expect(i?.recipientDomain).toBe('gmx.net');
    // `xxxxxxx.kasserver.com`, `xxx.xxxxx.gmx.net`, `XXX@XXXX.de` are what the redaction left.
    expect(i?.sendingHosts).toEqual([]);
    expect(i?.remoteHost).toBeNull();
    expect(i?.sendingDomain).toBeNull();
  });

  it('drops a masked sending host from a quoted bounce', async () => {
    const { incidents, warnings } = await extract(fixture('redacted-host-quoted-bounce.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingHosts).toEqual([]);
    expect(incidents[0]?.sendingIps).toEqual(['62.210.211.239']);
    expect(incidents[0]?.remoteHost).toBe('mta6.am0.yahoodns.net');
    expect(warnings.map((w) => w.code)).toContain('missing.sendingHosts');
  });

  it('takes no sending IP from a reply that writes 1.2.3.4 in place of the address', async () => {
    const { incidents } = await extract(fixture('placeholder-ip-reply.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(554);
    expect(incidents[0]?.sendingIps).toEqual([]);
  });

  it('takes no remote IP from 0.0.0.0', async () => {
    const { incidents } = await extract(fixture('exchange-history-unspecified-ip.txt'));
    expect(incidents.length).toBeGreaterThan(0);
    for (const i of incidents) expect(i.remoteIp).toBeNull();
    expect(incidents.map((i) => i.sources.remoteIp)).toEqual(incidents.map(() => undefined));
  });
});

describe("Microsoft's bracket at the end of its replies", () => {
  it('gives the server that refused and the time of the refusal', async () => {
    const { incidents } = await extract(fixture('outlook-replies-with-time.txt'));
    expect(incidents.map((i) => [i.reply.enhanced, i.occurredAt, i.remoteHost, i.sendingIps])).toEqual([
      ['5.7.1', '2024-10-07T11:48:34+00:00', 'db3pepf0000885d.eurprd02.prod.outlook.com', ['198.61.254.59']],
      ['4.7.650', '2024-10-07T11:32:37+00:00', 'ams0epf000001b0.eurprd05.prod.outlook.com', ['69.72.42.6']],
    ]);
    // The stamp is in UTC: no zone is assumed, but the user is told where the date comes from.
    expect(incidents[0]?.assumptions.map((a) => a.code)).toEqual(['date.from-microsoft-reply']);
  });
});

describe("a bounce forwarded by a mail client in the user's language", () => {
  for (const [name, dateLine] of [
    ['thunderbird-de-forward.txt', 'Datum:  Fri, 12 Jul 2013 12:59:35 +0200 (CEST)'],
    ['thunderbird-fr-forward.txt', 'Date :  Fri, 12 Jul 2013 12:59:35 +0200 (CEST)'],
  ] as const) {
    it(`reads the forward's date and the address it went back to (${name})`, async () => {
      const { incidents } = await extract(fixture(name));
      expect(incidents).toHaveLength(1);
      const i = incidents[0];
      expect(i?.occurredAt).toBe('2013-07-12T12:59:35+02:00');
      expect(i?.sources.occurredAt).toEqual({ line: 5, text: dateLine });
      expect(i?.sendingDomain).toBe('fairnopoly.de');
      expect(i?.remoteHost).toBe('w00ec7a1.kasserver.com');
      expect(i?.reply.code).toBe(550);
    });
  }
});

describe('the EHLO name of a pasted session', () => {
  it('is taken whatever its case, from the line it was given on', async () => {
    const text = fixture('rfc-style-session.txt').replace('C: EHLO bar.com', 'C: EHLO Mail.Bar.com');
    const { incidents } = await extract(text);
    expect(incidents[0]?.sendingHosts).toEqual(['mail.bar.com']);
    expect(incidents[0]?.sources.sendingHosts).toEqual({ line: 3, text: 'C: EHLO Mail.Bar.com' });
  });

  it("is not a laptop's or an intranet's name", async () => {
    const text = fixture('rfc-style-session.txt').replace('C: EHLO bar.com', 'C: EHLO mail.empresa.local');
    const { incidents } = await extract(text);
    expect(incidents[0]?.sendingHosts).toEqual([]);
  });
});

describe("Exchange Online's delivery history", () => {
  it('quotes the reply of the server Exchange gave up on, once, from the attempt that names it', async () => {
    const { incidents, warnings } = await extract(fixture('exchange-history-starttls.txt'));
    // The first line, `Server at MN2PR13MB4005.namprd13.prod.outlook.com returned '550 5.4.317 Message
    // expired ...(451 5.7.3 ...)'`, is Exchange Online's own summing-up of the attempt below it.
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 451,
      enhanced: '5.7.3',
      text: '451 5.7.3 STARTTLS is required to send mail',
    });
    expect([incidents[0]?.remoteHost, incidents[0]?.remoteIp]).toEqual([
      'steinmetznet.com',
      '50.251.172.148',
    ]);
    expect(incidents[0]?.occurredAt).toBe('2020-12-09T21:47:12+00:00');
    expect(incidents[0]?.sources.reply?.line).toBe(2);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toEqual(['date.no-zone']);
    expect(warnings.map((w) => w.code)).not.toContain('input.no-server-reply');
  });

  it("keeps Exchange's summing-up when it is all the paste holds", async () => {
    const summary = fixture('exchange-history-starttls.txt').split('\n')[0] ?? '';
    const { incidents } = await extract(summary);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('451 5.7.3 STARTTLS is required to send mail');
    expect(incidents[0]?.remoteHost).toBeNull();
  });

  it('reads the history of a message Exchange could not even look up once, with no reply', async () => {
    const { incidents, warnings } = await extract(fixture('exchange-history-unspecified-ip.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('');
    expect(incidents[0]?.reply.enhanced).toBe('4.4.312');
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });

  it("keeps saying no server replied when the words in [Message=...] are Exchange's own", async () => {
    const { incidents, warnings } = await extract(fixture('exchange-tls-negotiation-own-words.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('');
    expect(incidents[0]?.reply.code).toBeNull();
    expect(incidents[0]?.remoteHost).toBe('email.domain.com');
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });

  it("quotes it in a bounce too, when Exchange's status carries the remote's last reply", async () => {
    const { incidents, warnings } = await extract(
      [
        'From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.com>',
        'To: <news@example.com>',
        'Subject: Undeliverable: Novembre',
        'Date: Wed, 09 Dec 2020 21:57:15 +0000',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain',
        '',
        'Delivery has failed to these recipients or groups: claire@steinmetznet.com',
        '',
        '--b1',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns;MN2PR13MB4005.namprd13.prod.outlook.com',
        '',
        'Final-Recipient: rfc822;claire@steinmetznet.com',
        'Action: failed',
        'Status: 5.4.317',
        'Diagnostic-Code: smtp;550 5.4.317 Message expired, cannot connect to remote server(451 5.7.3 STARTTLS is required to send mail)',
        '',
        '--b1--',
        '',
      ].join('\n'),
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 451,
      enhanced: '5.7.3',
      text: '451 5.7.3 STARTTLS is required to send mail',
    });
    expect(warnings.map((w) => w.code)).not.toContain('input.no-server-reply');
  });
});
