/**
 * Eleventh round of real input: logs as containers and log tools print them, refusals as mail clients
 * show them, and large providers' refusals. Fixtures and their sources: test/fixtures/extract/audit11/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { withoutBarQuotes } from '../../core/extract/bar-quote';

const dir = fileURLToPath(new URL('../fixtures/extract/audit11/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe("what a user's redaction leaves", () => {
  it('leaves empty the domains masked with y’s and z’s, and keeps the reply', async () => {
    const { incidents } = await extract(fixture('sympa-redacted-yyyy-zzzz.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply).toMatchObject({ code: 550, enhanced: '5.7.1', text: '550 5.7.1 Policy reason' });
    // `xxxx@yyyy.fr` and `mxd.relay.zzzz.fr` name nothing a ticket could use.
    expect(i?.recipientDomain).toBeNull();
    expect(i?.remoteHost).toBeNull();
  });

  it('leaves empty the names under no public suffix (`xxxxx@mydomain`, `mail.mydomain`)', async () => {
    const { incidents, warnings } = await extract(fixture('postfix-delay-redacted-mydomain.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.text).toBe('554 5.7.1 You are not allowed to connect.');
    expect(i?.remoteIp).toBe('80.11.178.84');
    expect(i?.occurredAt).toBe('2017-06-15T07:45:16+02:00');
    expect(i?.sendingDomain).toBeNull();
    expect(i?.sendingHosts).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['missing.sendingDomain', 'missing.sendingHosts']),
    );
  });

  it('keeps a name of one label as a sending host (a syslog host) and a mistyped recipient domain', async () => {
    const log =
      'Mar 14 10:00:01 mta1 postfix/smtp[2001]: 4BCDEF: to=<jean@gmail.ocm>, relay=none, delay=0.1, ' +
      'status=bounced (host mx.gmail.ocm[192.0.2.25] said: 550 5.1.2 Bad destination (in reply to RCPT TO command))';
    const { incidents } = await extract(log);
    expect(incidents[0]?.sendingHosts).toEqual(['mta1']);
    expect(incidents[0]?.recipientDomain).toBe('gmail.ocm');
  });
});

describe("PHP's PEAR Mail errors (Net_SMTP's `(code: N, response: ...)`)", () => {
  it('puts the code back before the response, and leaves the malformed recipient alone', async () => {
    const { incidents } = await extract(fixture('pear-osticket-501.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toMatchObject({
      code: 501,
      enhanced: '5.1.3',
      text: '501 5.1.3 Invalid address',
    });
    expect(incidents[0]?.recipientDomain).toBeNull();
  });

  it('reads the response to the end of its line when the closing brackets were cut off', async () => {
    const { incidents } = await extract(fixture('pear-ses-lowercased.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(554);
    expect(incidents[0]?.reply.text).toBe(
      '554 message rejected: email address is not verified. the following identities failed the check in region us-west-2',
    );
  });

  // Orange's published reply put into Mail_smtp's message (its `_error`): the recipient is named before.
  it("reads Orange's reply, its recipient, and a response with brackets of its own", async () => {
    const text =
      'Mailer returned: Failed to add recipient: jean.dupont@wanadoo.fr [SMTP: Invalid response code received ' +
      'from server (code: 550, response: 5.7.1 Service refuse. Veuillez essayer plus tard. service refused, ' +
      'please try later. OFR004_104 [104])]';
    const { incidents } = await extract(text);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 5.7.1 Service refuse. Veuillez essayer plus tard. service refused, please try later. OFR004_104 [104]',
    );
    expect(incidents[0]?.recipientDomain).toBe('wanadoo.fr');
    expect(incidents[0]?.orange).toMatchObject({ token: 'OFR004_104', reason: 104 });
  });

  it("takes `Failed to set sender:` for the sender, and Net_SMTP's lines for a multi-line reply", async () => {
    const text =
      'Failed to set sender: news@example.com [SMTP: Invalid response code received from server ' +
      '(code: 550, response: 5.7.1 Access denied\nInvalid HELO name (See RFC2821 4.1.1.1))]';
    const { incidents } = await extract(text);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    // The reply unwrapped, as every reply is: its second line's code dropped.
    expect(incidents[0]?.reply.text).toBe('550 5.7.1 Access denied Invalid HELO name (See RFC2821 4.1.1.1)');
    expect(incidents[0]?.sendingDomain).toBe('example.com');
    expect(incidents[0]?.recipientDomain).toBeNull();
  });
});

describe("Roundcube's send errors", () => {
  it('reads a reply without an enhanced code and the recipient Roundcube names', async () => {
    const { incidents } = await extract(fixture('roundcube-451-no-enhanced.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toMatchObject({
      code: 451,
      enhanced: null,
      text: '451 Temporary local problem - please try later',
    });
    expect(incidents[0]?.recipientDomain).toBe('example.com');
  });

  it('keeps the whole reply inside the parentheses, its own brackets included', async () => {
    const { incidents } = await extract(fixture('roundcube-client-host-rejected.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 5.7.1 <webmail18.sd4.0x35.net[10.200.201.18]>: Client host rejected: Blacklisted user: indicates my email address',
    );
    // The quoted words are no address, and 10.200.201.18 is private.
    expect(incidents[0]?.recipientDomain).toBeNull();
    expect(incidents[0]?.sendingIps).toEqual([]);
  });

  it('reads the `[code]` of a message refused after DATA', async () => {
    const { incidents } = await extract(fixture('roundcube-data-refused.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toMatchObject({ code: 550, text: '550 Incorrect sender header (LOCAL)' });
  });

  // Roundcube's French wordings (its fr_FR localisation), around Orange's published replies.
  it('reads the French wording, with the recipient between guillemets', async () => {
    const text =
      'Erreur SMTP (550) : échec lors de l’ajout du destinataire « jean.dupont@orange.fr » ' +
      '(5.7.1 Service refuse. Veuillez essayer plus tard. service refused, please try later. OFR005_104 [104])';
    const { incidents } = await extract(text);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toMatchObject({ code: 550, enhanced: '5.7.1' });
    expect(incidents[0]?.reply.text).toMatch(/^550 5\.7\.1 Service refuse\. .* OFR005_104 \[104\]$/);
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
    expect(incidents[0]?.orange).toMatchObject({ token: 'OFR005_104', reason: 104 });
  });

  it('takes the address of a refused sender for the sending domain, not the recipient', async () => {
    const text =
      "Erreur SMTP (550) : impossible de définir l'expéditeur « lettre@news.example.fr » (5.7.1 Sender address rejected)";
    const { incidents } = await extract(text);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingDomain).toBe('news.example.fr');
    expect(incidents[0]?.recipientDomain).toBeNull();
  });

  it('reads an error a mail client wrapped before its closing parenthesis', async () => {
    const wrapped = fixture('roundcube-451-no-enhanced.txt').replace('problem - ', 'problem -\n');
    const { incidents } = await extract(wrapped);
    expect(incidents[0]?.reply.text).toBe('451 Temporary local problem - please try later');
    const orange =
      'SMTP Error (550): Failed to add recipient "jean@orange.fr" (5.7.1 Service refuse.\n' +
      'Veuillez essayer plus tard. service refused, please try later. OFR005_104\n[104]).';
    expect((await extract(orange)).incidents[0]?.orange?.token).toBe('OFR005_104');
  });

  it("gives nothing for Roundcube's own errors, which quote no reply", async () => {
    const { incidents } = await extract('SMTP Error (535): Authentication failed.');
    expect(incidents).toEqual([]);
  });
});

describe('what a large provider names in its reply', () => {
  it("takes the domain of Gmail's `SPF check for [domain]` when the log gives no sender", async () => {
    const { incidents } = await extract(fixture('postfix-gmail-5726-spf-check-for.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingDomain).toBe('misp.gov.test');
    expect(incidents[0]?.sources.sendingDomain?.line).toBe(1);
    expect(incidents[0]?.sendingIps).toEqual(['199.203.204.1']);
  });

  it('keeps to the sender the log gives, even an empty one (a bounce has no SPF domain of its own)', async () => {
    const line = fixture('postfix-gmail-5726-spf-check-for.log').trim();
    const withSender = `Sep 12 10:08:09 misp postfix/qmgr[3100]: 91FE61053F6: from=<alerts@misp.example.org>, size=900, nrcpt=1 (queue active)\n${line}`;
    expect((await extract(withSender)).incidents[0]?.sendingDomain).toBe('misp.example.org');
    const bounce = withSender.replace('from=<alerts@misp.example.org>', 'from=<>');
    expect((await extract(bounce)).incidents[0]?.sendingDomain).toBeNull();
  });

  it("reads the client's address in web.de's explanation link, as in GMX's", async () => {
    const { incidents } = await extract(fixture('postfix-webde-nemesis-link.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(554);
    expect(incidents[0]?.sendingIps).toEqual(['136.244.93.80']);
    expect(incidents[0]?.remoteIp).toBe('212.227.15.17');
  });
});

describe("Thunderbird's error without the reply's code", () => {
  it('is a refusal: the reply without a code, the recipient Thunderbird names', async () => {
    const { incidents, warnings } = await extract(fixture('thunderbird-no-code-qp-break.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: null,
      enhanced: null,
      text: 'Requested action not taken: mailbox unavailable invalid DNS MX or A/AAAA resource record',
    });
    expect(incidents[0]?.recipientDomain).toBe('obbligato.org');
    expect(warnings.map((w) => w.code)).toContain('missing.replyCode');
  });

  it('takes the client address the reply names, and not the address to write to for the recipient', async () => {
    const { incidents } = await extract(fixture('thunderbird-no-code-bbcode.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toMatch(
      /^your host \[24\.56\.194\.30\] is blacklisted by sbl-xbl\.wavecable\.com/,
    );
    expect(incidents[0]?.sendingIps).toEqual(['24.56.194.30']);
    expect(incidents[0]?.recipientDomain).toBe('wavecable.com');
  });

  it('reads the French wording the same way', async () => {
    const text =
      'Une erreur est survenue lors de l’envoi du courrier. Le serveur de courrier a répondu : ' +
      'Sender address rejected: Domain not found. Veuillez vérifier le destinataire du message « jean@free.fr » et réessayer.';
    const { incidents } = await extract(text);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBeNull();
    expect(incidents[0]?.reply.text).toBe('Sender address rejected: Domain not found');
    expect(incidents[0]?.recipientDomain).toBe('free.fr');
  });

  it('gives nothing for words that are no reply (no letters)', async () => {
    const { incidents } = await extract(
      'An error occurred while sending mail. The mail server responded: ----.',
    );
    expect(incidents).toEqual([]);
  });
});

describe('logs as relays and containers write them', () => {
  it("takes the first name of an rsyslog relay's `HOST/FROMHOST` field as the sending host", async () => {
    const { incidents } = await extract(fixture('rsyslog-relay-host-field.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingHosts).toEqual(['eugeni']);
    expect(incidents[0]?.sendingIps).toEqual(['2a01:4f8:fff0:4f:266:37ff:fe48:41b8']);
    expect(incidents[0]?.remoteIp).toBe('2a00:1450:400c:c00::1a');
  });
});

describe('a log printed by `docker logs -t`', () => {
  // The container's stamp (UTC, with its year) before the syslog line, as anonaddy/docker issue #290
  // shows it (`2024-07-03T17:18:06.732276000Z Jul 03 19:18:06 mail postfix/smtpd[...]`).
  const line =
    '2024-07-03T17:18:06.732276000Z Jul 03 19:18:06 mail postfix/smtp[3006]: 4424441E46: to=<jean@orange.fr>, ' +
    'relay=smtp-in.orange.fr[193.252.22.65]:25, delay=0.58, delays=0.01/0.01/0.2/0.35, dsn=5.0.0, status=bounced ' +
    '(host smtp-in.orange.fr[193.252.22.65] said: 550 5.7.1 Service refuse. Veuillez essayer plus tard. service ' +
    'refused, please try later. OFR006_102 Ref http://www.orange.com/fr/ip?192.0.2.77 [102] (in reply to end of DATA command))';

  it('reads the syslog line behind the stamp, and dates it by the stamp, which has year and zone', async () => {
    const { incidents } = await extract(line);
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.format).toBe('postfix');
    expect(i?.sendingHosts).toEqual(['mail']);
    expect(i?.occurredAt).toBe('2024-07-03T17:18:06+00:00');
    expect(i?.assumptions.map((a) => a.code)).not.toContain('date.no-year');
    expect(i?.orange).toMatchObject({ token: 'OFR006_102', reason: 102 });
    expect(i?.remoteIp).toBe('193.252.22.65');
  });
});

describe("Mailgun's log entry", () => {
  it('takes the address before `->` for the sender and the one after for the recipient', async () => {
    const { incidents } = await extract(fixture('mailgun-log-arrow-fr.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.sendingDomain).toBe('mg.freesewing.org');
    expect(i?.sources.sendingDomain?.line).toBe(1);
    expect(i?.recipientDomain).toBe('hotmail.co.uk');
    expect(i?.sendingIps).toEqual(['104.130.122.15']);
    expect(i?.reply).toMatchObject({ code: 550, enhanced: '5.7.1' });
  });
});

describe("JavaMail's exceptions", () => {
  it('reads a multi-line reply from its first line, and the server the application names', async () => {
    const { incidents } = await extract(fixture('javamail-multiline-remote-mailserver.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(421);
    expect(i?.reply.enhanced).toBe('4.7.28');
    expect(i?.reply.text).toMatch(
      /^421 4\.7\.28 Gmail has detected an unusual rate of mail originating from your SPF domain/,
    );
    expect(i?.reply.text).toMatch(/Bulk Email Senders Guidelines\. _REDACTED_ - gsmtp$/);
    expect(i?.remoteHost).toBe('gmail-smtp-in.l.google.com');
    expect(i?.remoteIp).toBe('142.250.31.27');
  });

  it('gives each refused recipient of a chain its own incident, with its own recipient', async () => {
    const trace = [
      'javax.mail.SendFailedException: Invalid Addresses;',
      '  nested exception is:',
      '\tcom.sun.mail.smtp.SMTPAddressFailedException: 550 5.1.1 <a.martin@orange.fr>: Recipient unknown',
      '  nested exception is:',
      '\tcom.sun.mail.smtp.SMTPAddressFailedException: 550 5.1.1 <b.durand@wanadoo.fr>: Recipient unknown',
    ].join('\n');
    const { incidents } = await extract(trace);
    expect(incidents.map((i) => i.recipientDomain)).toEqual(['orange.fr', 'wanadoo.fr']);
  });
});

describe("RainLoop's and SnappyMail's logs", () => {
  it('reads the reply and the exception quoting it as one refusal, without the PHP file or a written `\\r\\n`', async () => {
    const { incidents } = await extract(fixture('rainloop-log-reply-then-exception.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '554 5.7.1 <user2@gmail.com>: Recipient address rejected: Access denied',
    );
    expect(incidents[0]?.recipientDomain).toBe('gmail.com');
  });

  it('dates the refusal by its line’s stamp, the zone assumed', async () => {
    const { incidents } = await extract(fixture('snappymail-log-dated.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '450 4.1.2 <info@naturevaudoise.ch>: Recipient address rejected: Domain not found',
    );
    expect(incidents[0]?.occurredAt).toBe('2024-03-26T17:14:27+00:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
  });

  it('drops the PHP file from a reply read from its code line', async () => {
    const line =
      '550 Sender address rejected @ /home/site/mail/snappymail/v/2.17.1/app/libraries/MailSo/Smtp/SmtpClient.php#568';
    expect((await extract(line)).incidents[0]?.reply.text).toBe('550 Sender address rejected');
  });

  it('keeps a refusal repeated on the next line in the same words: two attempts', async () => {
    const line =
      'SMTP ERROR: RCPT TO command failed: 550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR005_104 [104]';
    const { incidents } = await extract(`${line}\n${line}`);
    expect(incidents).toHaveLength(2);
  });
});

describe('sessions as clients and tools log them', () => {
  it("reads K-9 Mail's logcat session: sender, refused recipient and the greeting's host", async () => {
    const { incidents } = await extract(fixture('k9-logcat-session.log'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply).toMatchObject({ code: 556, enhanced: '5.1.10' });
    expect(i?.sendingDomain).toBe('nomagic.uk');
    expect(i?.recipientDomain).toBe('example.com');
    expect(i?.remoteHost).toBe('mail.nomagic.uk');
  });

  it('reads the `SERVER:` lines of a verification tool as one multi-line reply', async () => {
    const { incidents } = await extract(fixture('email-verify-server-lines.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '554 kundenserver.de (mxeue010) Nemesis ESMTP Service not available No SMTP service invalid DNS PTR resource record, IP=198.179.57.23',
    );
    expect(incidents[0]?.sendingIps).toEqual(['198.179.57.23']);
  });

  it("reads Roundcube's smtp_log `Recv:` lines, dated with their zone", async () => {
    const { incidents } = await extract(fixture('roundcube-smtp-log.log'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.text).toBe(
      '550 Message rejected because [69.89.31.218]:10503 is blacklisted see Blocked - Too many failed logins',
    );
    expect(i?.sendingIps).toEqual(['69.89.31.218']);
    expect(i?.occurredAt).toBe('2018-08-15T04:28:19-05:00');
  });
});

describe('the date of the attribution line above a quoted notice', () => {
  it('takes Outlook for Mac\'s `On 6/20/23, 11:47 PM, "Mail Delivery System" ... wrote:`, the zone assumed', async () => {
    const { incidents } = await extract(fixture('quoted-notice-outlook-mac-attribution.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2023-06-20T23:47:00+00:00');
    expect(incidents[0]?.sources.occurredAt?.line).toBe(1);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
  });

  const notice = [
    '',
    '    This is the mail system at host mta1.example.fr.',
    '',
    '    <jean@orange.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550 5.7.1',
    '        Service refuse. Veuillez essayer plus tard. service refused, please try later.',
    '        OFR006_102 Ref http://www.orange.com/fr/ip?192.0.2.77 [102] (in reply to end of DATA command)',
  ];
  it.each([
    [
      'Le mar. 20 juin 2023 à 23:47, Mail Delivery System <MAILER-DAEMON@mta1.example.fr> a écrit :',
      '2023-06-20T23:47:00+00:00',
    ],
    [
      'On Tue, Jun 20, 2023 at 11:47 PM Mail Delivery System <MAILER-DAEMON@mta1.example.fr> wrote:',
      '2023-06-20T23:47:00+00:00',
    ],
    [
      'On Jun 20, 2023, at 23:47, Mail Delivery System <MAILER-DAEMON@mta1.example.fr> wrote:',
      '2023-06-20T23:47:00+00:00',
    ],
  ])('reads %s', async (attribution, iso) => {
    const { incidents } = await extract([attribution, ...notice].join('\n'));
    expect(incidents[0]?.orange?.token).toBe('OFR006_102');
    expect(incidents[0]?.occurredAt).toBe(iso);
  });

  it("takes no date from a person's attribution, nor from a day-first form it cannot tell", async () => {
    const person = 'On Tue, Jun 20, 2023 at 11:47 PM Jean Dupont <jean@example.fr> wrote:';
    expect((await extract([person, ...notice].join('\n'))).incidents[0]?.occurredAt).toBeNull();
    const ambiguous = 'On 06/07/2023 23:47, Mail Delivery System <MAILER-DAEMON@mta1.example.fr> wrote:';
    expect((await extract([ambiguous, ...notice].join('\n'))).incidents[0]?.occurredAt).toBeNull();
  });
});

describe('a reply inside a JSON string inside a JSON string', () => {
  it('ends at the escaped quote that closes its string', async () => {
    const { incidents } = await extract(fixture('dotnet-in-json-string.json'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toMatch(
      /^5\.7\.606 Access denied, banned sending IP \[104\.146\.225\.177\]\./,
    );
    expect(incidents[0]?.reply.text).toMatch(/\[AM5EUR03FT007\.eop-EUR03\.prod\.protection\.outlook\.com\]$/);
    expect(incidents[0]?.sendingIps).toEqual(['104.146.225.177']);
  });
});

describe('a sender the reply refuses by name', () => {
  it('gives the sending domain in a notice (`<a@x> sender rejected`), not the recipient', async () => {
    const { incidents } = await extract(fixture('exim-notice-sender-rejected.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingDomain).toBe('newlavenderdental.co.uk');
    expect(incidents[0]?.recipientDomain).toBeNull();
    expect(incidents[0]?.remoteIp).toBe('18.215.58.191');
  });

  it('gives it in a log that names no sender (`<SRS0=...@x>: Sender address rejected`)', async () => {
    const { incidents } = await extract(fixture('postfix-srs-sender-rejected.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingDomain).toBe('nixos.org');
  });

  it('gives it for a reply pasted alone', async () => {
    const { incidents } = await extract(
      '554 5.7.1 <news@shop.example.fr>: Sender address rejected: Access denied',
    );
    expect(incidents[0]?.sendingDomain).toBe('shop.example.fr');
    expect(incidents[0]?.recipientDomain).toBeNull();
  });
});

describe('a Markdown attribute list under a pasted block', () => {
  it('is no part of the reply', async () => {
    const { incidents } = await extract(fixture('thunderbird-wiki-attribute-list.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('4.3.0 Error: queue file write error.');
  });

  it('leaves braces that are words alone', async () => {
    const text = 'Remote Server returned: 550 5.7.1 rejected {policy}';
    expect((await extract(text)).incidents[0]?.reply.text).toBe('550 5.7.1 rejected {policy}');
  });
});

describe("SendPulse's SMTP bounces", () => {
  it('reads each bounce as an event: its reply, recipient, sender, date, and the host Exim names', async () => {
    const { incidents } = await extract(fixture('sendpulse-smtp-bounces.json'));
    expect(incidents).toHaveLength(2);
    const [first, second] = incidents;
    expect(first?.reply.text).toBe('550 5.7.1 No such user!');
    expect(first?.recipientDomain).toBe('yandex.ru');
    expect(first?.sendingDomain).toBe('boomstream.com');
    expect(first?.remoteHost).toBe('mx.yandex.ru');
    expect(first?.remoteIp).toBe('93.158.134.89');
    // The recipient's MX is never the sender's.
    expect(first?.sendingIps).toEqual([]);
    expect(first?.occurredAt).toBe('2019-03-25T19:05:02+00:00');
    expect(second?.reply).toMatchObject({
      code: 552,
      text: '552 Mailbox limit exeeded for this email address',
    });
    expect(second?.remoteHost).toBe('mx5.mailboxy.fun');
  });
});

describe('an enhanced code away from the basic code', () => {
  it('is not read from a reference whose subject RFC 3463 does not define (Yahoo’s `- 4.16.50`)', async () => {
    const reply =
      '421 Message from (192.0.2.46) temporarily deferred - 4.16.50. Please refer to http://postmaster.yahoo.com/errors/postmaster-21.html';
    const { incidents } = await extract(reply);
    expect(incidents[0]?.reply.enhanced).toBeNull();
    expect(incidents[0]?.sendingIps).toEqual(['192.0.2.46']);
  });

  it('is still read when its subject is one (`... - 5.7.606 ...`)', async () => {
    const { incidents } = await extract('550 Access denied - 5.7.606 banned sending IP [192.0.2.47]');
    expect(incidents[0]?.reply.enhanced).toBe('5.7.606');
  });
});

describe('a placeholder in place of the remote address', () => {
  it.each([
    ['exim-placeholder-ip.txt', 'mail.adres.nl'],
    ['postfix-placeholder-ip-letters.txt', '0815.maildomain.de'],
  ])('%s keeps the remote host, with no address', async (file, host) => {
    const { incidents } = await extract(fixture(file));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteHost).toBe(host);
    expect(incidents[0]?.remoteIp).toBeNull();
    expect(incidents[0]?.reply.code).toBe(550);
  });

  it('keeps it behind a placeholder in capitals (`[MAILSERVER_IP]`)', async () => {
    const line =
      'host final-mailserver.example.com[MAILSERVER_IP] said: 554 5.7.1 Access denied (in reply to RCPT TO command)';
    expect((await extract(line)).incidents[0]?.remoteHost).toBe('final-mailserver.example.com');
  });
});

describe('a Reporting-MTA written with its address', () => {
  it('names the sending host by the name before the address', async () => {
    const { incidents } = await extract(fixture('tiscali-dsn-reporting-mta-ip.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingHosts).toContain('michael.mail.tiscali.it');
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.recipientDomain).toBe('testrun.org');
  });
});

describe("Exim's written-out line breaks at the ends of wrapped lines", () => {
  it('are line breaks of the reply, not words of it', async () => {
    const { incidents } = await extract(fixture('exim-wrapped-written-breaks.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).not.toContain('\\n');
    expect(incidents[0]?.reply.text).toMatch(
      /^550 5\.7\.1 \[37\.120\.52\.145\] The IP you're using to send mail is not authorized to send email directly/,
    );
    expect(incidents[0]?.sendingIps).toEqual(['37.120.52.145']);
  });
});

describe('a block quoted with bars', () => {
  it('is read without them, inside a mail quote: one refusal with its host', async () => {
    const { incidents } = await extract(fixture('exim-notice-bar-quoted.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteHost).toBe('aspmx.l.google.com');
    expect(incidents[0]?.remoteIp).toBe('2a00:1450:400c:c0c::1a');
    expect(incidents[0]?.recipientDomain).toBe('bluerivertech.com');
    expect(incidents[0]?.reply.text).toMatch(
      /^550 5\.2\.1 The email account that you tried to reach is disabled\. Learn more at https:/,
    );
  });

  it('leaves a Markdown table alone, and a single barred line', () => {
    const table = '| host | reply |\n| --- | --- |\n| smtp-in.orange.fr | 550 5.7.1 refused |';
    expect(withoutBarQuotes(table)).toBe(table);
    expect(withoutBarQuotes('a\n| one line\nb')).toBe('a\n| one line\nb');
    expect(withoutBarQuotes('| one\n|\n| two')).toBe('one\n\ntwo');
  });
});

describe('a Diagnostic-Code whose folded lines lost their indent', () => {
  it("is read whole from the notice's own words", async () => {
    const { incidents } = await extract(fixture('postfix-notice-dsn-lost-indent.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 5.7.1 Service unavailable; Client host [153.149.230.38] blocked using FBLW15; To request removal from this list please forward this message to delist@messaging.microsoft.com',
    );
    expect(incidents[0]?.sendingIps).toEqual(['153.149.230.38']);
  });
});

describe('a reply glued to Chinese words', () => {
  it('is read from its code, dated by the line’s stamp behind its level', async () => {
    const { incidents } = await extract(fixture('pmail-glued-cjk-code.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.text).toMatch(/^550 Mail content denied \[/);
    expect(incidents[0]?.occurredAt).toBe('2024-11-02T00:12:28+00:00');
    // `IP: 服务器ip` ("server ip") is the poster's stand-in: no address.
    expect(incidents[0]?.sendingIps).toEqual([]);
  });
});

describe("Exim's words after a reply it gave up retrying", () => {
  // The shape of an Exim notice's line in a cPanel forum post (audit 11), with Orange's reply.
  it('are no part of the reply', async () => {
    const line =
      'jean@orange.fr => host smtp-in.orange.fr [193.252.22.65] SMTP error from remote mail server after initial ' +
      'connection: 421 mwinf5c10 ME Trop de connexions, veuillez verifier votre configuration. Too many ' +
      'connections, slow down. OFR005_104 [104]: retry timeout exceeded';
    const { incidents } = await extract(line);
    expect(incidents[0]?.reply.text).toBe(
      '421 mwinf5c10 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]',
    );
    expect(incidents[0]?.orange).toMatchObject({ token: 'OFR005_104', server: 'mwinf5c10' });
  });
});

describe("a log whose dates' hyphens an editor turned into dashes", () => {
  it('is read as the log it is: date, remote host and address', async () => {
    const { incidents } = await extract(fixture('exim-log-en-dash-dates.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.format).toBe('exim');
    expect(incidents[0]?.occurredAt).toBe('2020-11-04T14:39:08+00:00');
    expect(incidents[0]?.remoteHost).toBe('mx1.mail7.freehost.com.ua');
    expect(incidents[0]?.remoteIp).toBe('194.0.200.210');
  });
});

describe('Postfix reasons pasted one a line without their notes', () => {
  // Two lines of coviserver.de's examples (audit 11), each a refusal of its own, their addresses masked.
  it('are two refusals even when the remote addresses are placeholders', async () => {
    const text = [
      'host 1234.mailserver.de[zzz.yyy.xxx.vvv] refused to talk to me: 554 IP=aaa.bbb.ccc.ddd - A problem occurred.',
      'host 0815.maildomain.de[vvv.xxx.yyy.zzz] said: 450 4.7.1 <adresse@domain.de>: Recipient address rejected: Service temporarily unavailable',
    ].join('\n');
    const { incidents } = await extract(text);
    expect(incidents.map((i) => [i.remoteHost, i.reply.code])).toEqual([
      ['1234.mailserver.de', 554],
      ['0815.maildomain.de', 450],
    ]);
  });
});

describe("msmtp's log file", () => {
  it('gives the server it submitted to, the envelope sender and the reply, its written line breaks read', async () => {
    const { incidents } = await extract(fixture('msmtp-log-file-line.log'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.remoteHost).toBe('smtp.web.de');
    expect(i?.sendingDomain).toBe('web.de');
    expect(i?.sendingIps).toEqual(['87.158.232.147']);
    expect(i?.reply.text).toMatch(
      /^554 Transaction failed Reject due to policy restrictions\. For explanation visit https:/,
    );
    // `me@TLD` is the poster's stand-in: no recipient domain.
    expect(i?.recipientDomain).toBeNull();
  });
});

describe("Sophos UTM's syslog lines", () => {
  it("read the Exim line behind them: date, host, the return path's domain", async () => {
    const { incidents } = await extract(fixture('sophos-utm-exim-out.log'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.format).toBe('exim');
    expect(i?.occurredAt).toBe('2022-03-19T10:51:50+00:00');
    expect(i?.sendingHosts).toEqual(['mailserver']);
    expect(i?.sendingDomain).toBe('gmail.com');
    expect(i?.reply.text).toBe('530 From/Sender name is not valid');
  });
});
