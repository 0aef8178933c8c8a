/**
 * Fifth audit of real input (bounces, ESP events and logs gathered from public sources nobody here
 * wrote): each case is modelled on a shape the audit found wrong. Fixtures and their sources:
 * test/fixtures/extract/audit5/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/audit5/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe("Zoho's `ERROR CODE :550 - reply` notice", () => {
  it('takes the basic code before the dash and keeps the reply as the remote wrote it', async () => {
    const { incidents } = await extract(fixture('zoho-error-code-dash.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.enhanced).toBe('5.7.1');
    expect(i?.reply.text).toMatch(/^550 5\.7\.1 Service refuse\. .* OFR006_102 \[102\]$/);
    expect(i?.orange?.reason).toBe(102);
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.sources.reply?.line).toBe(4);
  });

  it('reads the notice line alone, without its DSN block', async () => {
    const { incidents } = await extract(
      'user@example.org, ERROR CODE :550 - Message headers fail syntax check\n',
    );
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.text).toBe('550 Message headers fail syntax check');
  });
});

describe("Exim's `SMTP error from remote mail server after ...:` with the reply right after", () => {
  it('reads each of several pasted alone, whatever command they name', async () => {
    const { incidents } = await extract(
      [
        'SMTP error from remote mail server after initial connection: 554 mx.example.net bizsmtp refused',
        '',
        'SMTP error from remote mail server after pipelined MAIL FROM:<news@shop.example.com> SIZE=14506: 550 5.7.1 Service refuse. OFR006_103 [103]',
        '',
        'SMTP error from remote mail server after end of data: 421 4.2.0 Service refuse. OFR_505 [505]',
      ].join('\n'),
    );
    expect(incidents.map((i) => [i.reply.code, i.sources.reply?.line])).toEqual([
      [554, 1],
      [550, 3],
      [421, 5],
    ]);
    expect(incidents[1]?.orange?.reason).toBe(103);
    // The sender named in MAIL FROM is no recipient.
    expect(incidents[1]?.recipientDomain).toBeNull();
  });

  it("reads Exim's debug output: the remote from `H=`, the recipient from RCPT TO, the reply to its line's end", async () => {
    const { incidents } = await extract(
      [
        ' 308 Connecting to smtp-in.orange.fr [193.252.22.65]:25 ... connected',
        '  308   SMTP<< 421 mwinf5c21 ME Trop de connexions. Too many connections, slow down. OFR005_104 [104]',
        '  308 LOG: MAIN',
        '  308   H=smtp-in.orange.fr [193.252.22.65]: SMTP error from remote mail server after RCPT TO:<jean.dupont@orange.fr>: 421 mwinf5c21 ME Trop de connexions. Too many connections, slow down. OFR005_104 [104]',
        '  308   SMTP>> QUIT',
      ].join('\n'),
    );
    const i = incidents[0];
    expect(i?.reply.text).toBe(
      '421 mwinf5c21 ME Trop de connexions. Too many connections, slow down. OFR005_104 [104]',
    );
    expect([i?.remoteHost, i?.remoteIp, i?.recipientDomain]).toEqual([
      'smtp-in.orange.fr',
      '193.252.22.65',
      'orange.fr',
    ]);
    expect(i?.sendingIps).toEqual([]);
  });
});

describe("Exchange's and MailEnable's own places for the remote's reply", () => {
  it('reads X-Supplementary-Info when the report has no Diagnostic-Code (Exchange 2007-2010, Hotmail)', async () => {
    const { incidents } = await extract(
      [
        'Reporting-MTA: dns; mail.example.com',
        '',
        'Final-recipient: RFC822; jean.dupont@orange.fr',
        'Action: failed',
        'Status: 5.7.1',
        'Remote-MTA: dns; smtp-in.orange.fr',
        'X-Supplementary-Info: <smtp-in.orange.fr #5.7.1 smtp;550 5.7.1 Service refuse. Veuillez essayer',
        ' plus tard. service refused, please try later. OFR006_103 [103]>',
      ].join('\n'),
    );
    const i = incidents[0];
    expect(i?.reply.text).toBe(
      '550 5.7.1 Service refuse. Veuillez essayer plus tard. service refused, please try later. OFR006_103 [103]',
    );
    expect(i?.orange?.reason).toBe(103);
    expect(i?.sources.reply?.line).toBe(7);
    const hotmail = await extract(
      'Final-recipient: RFC822; x@example.org\nAction: failed\nStatus: 5.5.0\nX-Supplementary-Info: < #5.5.0 smtp;550 Requested action not taken: mailbox\n unavailable (495782920:4198:-2147467259)>\n',
    );
    expect(hotmail.incidents[0]?.reply).toEqual({
      code: 550,
      enhanced: '5.5.0',
      text: '550 Requested action not taken: mailbox unavailable (495782920:4198:-2147467259)',
    });
  });

  it("reads MailEnable's `Reason: Remote SMTP Server Returned: 550 ...`", async () => {
    const { incidents } = await extract(
      [
        'MailEnable: Message could not be delivered to some recipients.',
        'The following recipient(s) could not be reached:',
        '',
        '\tRecipient: [SMTP:jean.dupont@orange.fr]',
        '\tReason: Remote SMTP Server Returned: 550 5.7.1 Service refuse. OFR006_103 [103]',
      ].join('\n'),
    );
    expect(incidents[0]?.reply.text).toBe('550 5.7.1 Service refuse. OFR006_103 [103]');
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
  });
});

describe("Postfix's notice before 2.3", () => {
  it('names the sending host: `This is the Postfix program at host ...`', async () => {
    const { incidents } = await extract(
      [
        'From: MAILER-DAEMON@example.com (Mail Delivery System)',
        'Subject: Undelivered Mail Returned to Sender',
        'Date: Tue,  3 Oct 2000 18:06:58 -0400 (EDT)',
        '',
        'This is the Postfix program at host mta1.example.com.',
        '',
        "I'm sorry to have to inform you that the message returned",
        'below could not be delivered to one or more destinations.',
        '',
        '<jean.dupont@wanadoo.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550 5.7.1',
        '    Service refuse. OFR006_103 [103]',
      ].join('\n'),
    );
    expect(incidents[0]?.sendingHosts).toEqual(['mta1.example.com']);
    expect(incidents[0]?.sources.sendingHosts?.line).toBe(5);
  });
});

describe('a bounce where no server replied', () => {
  const notice = (diagnostic: string) =>
    extract(
      [
        'Reporting-MTA: dns; mta1.example.com',
        'Arrival-Date: Fri, 29 Nov 2024 09:00:00 +0100 (CET)',
        '',
        'Final-Recipient: rfc822; jean.dupont@orange.fr',
        'Action: delayed',
        'Status: 4.4.1',
        `Diagnostic-Code: X-Postfix; ${diagnostic}`,
      ].join('\n'),
    );

  it('keeps the incident, names the server it could not reach and says there is no reply to quote', async () => {
    const { incidents, warnings } = await notice(
      'delivery temporarily suspended: connect to smtp-in.orange.fr[193.252.22.65]:25: Connection timed out',
    );
    const i = incidents[0];
    expect(i?.reply.code).toBeNull();
    // No reply for a ticket to quote as Orange's; the MTA's words are in the note.
    expect(i?.reply.text).toBe('');
    expect(i?.sources.reply).toBeUndefined();
    expect([i?.remoteHost, i?.remoteIp]).toEqual(['smtp-in.orange.fr', '193.252.22.65']);
    expect(i?.sources.remoteIp?.line).toBe(7);
    expect(i?.occurredAt).toBe('2024-11-29T09:00:00+01:00');
    const note = warnings.find((w) => w.code === 'input.no-server-reply');
    expect(note?.text.fr).toContain(
      '« delivery temporarily suspended: connect to smtp-in.orange.fr[193.252.22.65]:25: Connection timed out »',
    );
  });

  it('says so for a name that does not resolve, and not for a real reply', async () => {
    const dns = await notice(
      'Host or domain name not found. Name service error for name=orange.example type=MX: Host not found',
    );
    expect(dns.warnings.map((w) => w.code)).toContain('input.no-server-reply');
    const refused = await notice(
      'host smtp-in.orange.fr[193.252.22.65] said: 421 mwinf5c21 ME Trop de connexions. OFR005_104 [104]',
    );
    expect(refused.warnings.map((w) => w.code)).not.toContain('input.no-server-reply');
    expect(refused.incidents[0]?.reply.code).toBe(421);
  });
});

describe('a recipient whose local part was redacted', () => {
  it('still gives its domain: `<…@example.org>:`, `***@example.org`', async () => {
    const qmail = await extract(
      [
        'Hi. This is the qmail-send program at mta1.example.com.',
        "I'm afraid I wasn't able to deliver your message to the following addresses.",
        '',
        '<…@wanadoo.fr>:',
        '193.252.22.65 failed after I sent the message.',
        'Remote host said: 550 5.7.1 Service refuse. OFR006_103 [103]',
      ].join('\n'),
    );
    expect(qmail.incidents[0]?.recipientDomain).toBe('wanadoo.fr');
    const stars = await extract(
      '***@orange.fr: 550 5.1.1 Adresse d au moins un destinataire invalide. OFR_416 [416]\n',
    );
    expect(stars.incidents[0]?.recipientDomain).toBe('orange.fr');
    const marks = await extract(
      '<???@laposte.net>: host smtpz4.laposte.net[194.117.213.1] said: 550 5.7.1 refused\n',
    );
    expect(marks.incidents[0]?.recipientDomain).toBe('laposte.net');
  });
});

describe("Exchange's Get-MessageTrackingLog, as Format-List prints it", () => {
  it('reads the reply, the remote and its address from the wrapped RecipientStatus tags', async () => {
    const { incidents } = await extract(fixture('exchange-tracking-format-list.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.text).toBe(
      '550 5.7.1 Service refuse. Veuillez essayer plus tard. service refused, please try later. OFR006_103 [103]',
    );
    expect(i?.orange?.reason).toBe(103);
    expect([i?.remoteHost, i?.remoteIp]).toEqual(['smtp-in.orange.fr', '193.252.22.65']);
    expect(i?.recipientDomain).toBe('orange.fr');
    expect(i?.sendingIps).toEqual([]);
    expect(i?.sources.reply?.line).toBe(16);
  });
});

describe('redactions in a log', () => {
  it('never takes a redacted sender domain (`info@......`) as the sending domain', async () => {
    const { incidents } = await extract(
      [
        'Dec 25 08:20:01 sd-100195 postfix/qmgr[20734]: 7392D588C62: from=<info@......................>, size=15435, nrcpt=1 (queue active)',
        'Dec 25 08:22:11 sd-100195 postfix/smtp[26554]: 7392D588C62: to=<jean.dupont@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=130, delays=0.1/0/0.5/0, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c21 ME Trop de connexions. OFR005_104 [104])',
      ].join('\n'),
    );
    expect(incidents[0]?.orange?.reason).toBe(104);
    expect(incidents[0]?.sendingDomain).toBeNull();
  });
});

describe('more wordings that introduce a reply', () => {
  it("reads msmtp's `server message:` up to the next log line", async () => {
    const { incidents } = await extract(
      [
        'Wed Jan  6 09:33:59 2021 daemon.err omr-tracker[12717]: sendmail: recipient address jean.dupont@orange.fr not accepted by the server',
        'Wed Jan  6 09:33:59 2021 daemon.err omr-tracker[12717]: sendmail: server message: 554 5.7.1 Service unavailable; Client host [198.51.100.123] blocked using zen.spamhaus.org',
        'Wed Jan  6 09:33:59 2021 daemon.err omr-tracker[12717]: sendmail: could not send mail (account default from /etc/msmtprc)',
      ].join('\n'),
    );
    expect(incidents[0]?.reply.text).toBe(
      '554 5.7.1 Service unavailable; Client host [198.51.100.123] blocked using zen.spamhaus.org',
    );
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.123']);
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
  });

  it('reads `SMTP protocol diagnostic: 550 ...`', async () => {
    const { incidents } = await extract(
      "Your message could not be delivered.\n - SMTP protocol diagnostic: 550 <x@example.org>... We don't accept mail from spammers\n",
    );
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.text).toBe("550 <x@example.org>... We don't accept mail from spammers");
  });
});

describe("a PHP mailer's exception", () => {
  it('reads the reply Swift Mailer and Symfony Mailer quote after `but got code "NNN", with message`', async () => {
    const swift = await extract(
      'php renvoie l\'erreur :\nExpected response code 250 but got code "421", with message "421 4.7.0 mx.example.net Error: too many errors"\n',
    );
    expect(swift.incidents[0]?.reply.text).toBe('421 4.7.0 mx.example.net Error: too many errors');
    const symfony = await extract(
      'Expected response code "250" but got code "550", with message "550 5.7.1 Service unavailable; Client host [198.51.100.9] blocked using zen.spamhaus.org".\n',
    );
    expect(symfony.incidents[0]?.reply.code).toBe(550);
    expect(symfony.incidents[0]?.sendingIps).toEqual(['198.51.100.9']);
  });
});

describe("a sending library's error, as developers paste it", () => {
  it("PHPMailer's debug output: the reply after `command failed:`, even among dated lines", async () => {
    const { incidents } = await extract(fixture('phpmailer-debug.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.orange?.reason).toBe(103);
    // The server's own line of the session (`SERVER -> CLIENT: 550 ...`), which the error line repeats.
    expect(incidents[0]?.sources.reply?.line).toBe(1);
    const multi = await extract(
      '2024-11-29 09:07:25 SMTP ERROR: RCPT TO command failed: 550-5.7.1 [198.51.100.9] Our system has detected\n550 5.7.1 an unusual rate of unsolicited mail\n2024-11-29 09:07:25 SMTP Error: The following recipients failed: x@example.org\n',
    );
    expect(multi.incidents[0]?.reply.text).toBe(
      '550 5.7.1 [198.51.100.9] Our system has detected an unusual rate of unsolicited mail',
    );
  });

  it("Python's smtplib: the code and the bytes of each refused recipient", async () => {
    const { incidents } = await extract(fixture('python-smtplib-traceback.txt'));
    expect(incidents[0]?.reply.text).toBe(
      '554 5.7.1 Service unavailable; Client host [198.51.100.9] blocked using zen.spamhaus.org',
    );
    expect(incidents[0]?.recipientDomain).toBe('example.org');
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.9']);
    const data = await extract(
      "smtplib.SMTPDataError: (550, b'5.7.1 Service refuse. Veuillez essayer plus tard.\\n5.7.1 OFR006_103 [103]')\n",
    );
    expect(data.incidents[0]?.reply.code).toBe(550);
    expect(data.incidents[0]?.orange?.reason).toBe(103);
  });

  it("nodemailer's error: its response and its rejected recipient", async () => {
    const { incidents } = await extract(fixture('nodemailer-error.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(554);
    expect(incidents[0]?.recipientDomain).toBe('example.org');
    expect(incidents[0]?.sources.reply?.line).toBe(4);
  });
});

describe("Postfix's queue as `postqueue -j` prints it", () => {
  it('makes one incident per message and recipient, each with its own reply, remote and link IP, no date', async () => {
    const { incidents } = await extract(fixture('postqueue-j.jsonl'));
    expect(incidents).toHaveLength(2);
    const [first, second] = incidents;
    expect([first?.recipientDomain, first?.sendingDomain, first?.remoteIp]).toEqual([
      'orange.fr',
      'shop.example.com',
      '193.252.22.65',
    ]);
    expect(first?.orange?.reason).toBe(104);
    expect(first?.sendingIps).toEqual([]);
    // The arrival time is no refusal time: the date stays empty, the arrival is in a note.
    expect(first?.occurredAt).toBeNull();
    expect(first?.assumptions.map((a) => a.code)).toEqual(['queue.arrival-only']);
    expect(second?.sendingIps).toEqual(['203.0.113.25']);
    expect(second?.remoteIp).toBe('80.12.242.10');
    expect(second?.sources.reply?.line).toBe(2);
  });
});

describe("a message's own Exim log (`exim -Mvl`)", () => {
  it('reads its lines without a message id: the arrival gives the sender, each failure an incident', async () => {
    const { incidents } = await extract(fixture('exim-msglog.log'));
    expect(incidents.map((i) => [i.recipientDomain, i.reply.code, i.orange?.reason])).toEqual([
      ['orange.fr', 421, 104],
      ['wanadoo.fr', 550, 102],
    ]);
    const [deferral, failure] = incidents;
    expect(deferral?.format).toBe('exim');
    expect(deferral?.occurredAt).toBe('2024-11-29T09:07:27+00:00');
    expect(deferral?.sendingDomain).toBe('shop.example.com');
    expect(deferral?.sources.sendingDomain?.line).toBe(1);
    expect([deferral?.remoteHost, deferral?.remoteIp]).toEqual(['smtp-in.orange.fr', '193.252.22.65']);
    expect(failure?.sendingIps).toEqual(['203.0.113.25']);
    expect(failure?.remoteIp).toBe('80.12.242.10');
  });
});

describe('log lines in JSON dress', () => {
  it("Docker's json-file: the line inside, its year from Docker's capture time, cited on its JSON line", async () => {
    const { incidents } = await extract(fixture('docker-json-file.log'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.format).toBe('postfix');
    expect(i?.occurredAt).toBe('2024-11-29T09:07:27+00:00');
    expect(i?.sendingDomain).toBe('shop.example.com');
    expect(i?.sources.sendingDomain?.line).toBe(1);
    expect(i?.sources.reply?.line).toBe(2);
    // The sender's domain is never taken for the recipient's.
    expect(i?.recipientDomain).toBe('orange.fr');
  });

  it('journalctl -o json: host, program and time rebuilt from its fields', async () => {
    const { incidents } = await extract(fixture('journalctl-json.log'));
    expect(incidents[0]?.occurredAt).toBe('2024-11-29T09:07:27+00:00');
    expect(incidents[0]?.sendingHosts).toEqual(['mail']);
    expect(incidents[0]?.orange?.reason).toBe(104);
  });

  it("mailcow's log viewer, newest line first: read oldest first, so the sender is known", async () => {
    const { incidents } = await extract(fixture('mailcow-log-viewer.json'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2024-11-29T09:07:27+00:00');
    expect(incidents[0]?.sendingDomain).toBe('shop.example.com');
    expect(incidents[0]?.sendingHosts).toEqual([]);
  });
});

describe('addresses in a pasted reply that are not its recipient', () => {
  it('never takes an address the reply asks to write to, or a name without a dot', async () => {
    const contact = await extract(
      '554 IP=* - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)\n',
    );
    expect(contact.incidents[0]?.recipientDomain).toBeNull();
    const forward = await extract(
      '550 5.7.1 Service unavailable; Client host [198.51.100.2] blocked using FBLW15; To request removal from this list please forward this message to delist@messaging.microsoft.com\n',
    );
    expect(forward.incidents[0]?.recipientDomain).toBeNull();
    const job = await extract(
      'Net::SMTPFatalError in ActionMailer::MailDeliveryJob@mailers\n\n554 Message rejected\n',
    );
    expect(job.incidents[0]?.recipientDomain).toBeNull();
    // The recipient a reply names is still read.
    const named = await extract(
      '550 5.1.1 <jean.dupont@orange.fr>: Recipient address rejected: OFR_416 [416]\n',
    );
    expect(named.incidents[0]?.recipientDomain).toBe('orange.fr');
  });

  it('reads a single Postfix log line quoted with `> ` as the log line it is', async () => {
    const { incidents } = await extract(
      '> postfix-mailcow_1    | Apr 14 19:44:46 mail postfix/smtp[819]: 7DCA065C0A75: host mx01.t-online.de[194.25.134.72] refused to talk to me: 554 IP=* - A problem occurred. (BL)\n',
      { now: new Date('2026-11-30T00:00:00Z') },
    );
    expect(incidents[0]?.occurredAt).toBe('2026-04-14T19:44:46+00:00');
    expect(incidents[0]?.sendingHosts).toEqual(['mail']);
  });
});

describe('a Postfix notice pasted in part or with its names masked', () => {
  it('reads `name[IP] said:` at a line start, without `host` before it', async () => {
    const { incidents } = await extract(
      '  smtp-in.orange.fr[193.252.22.65] said: 550 5.7.1 Service refuse. Veuillez essayer\n    plus tard. OFR006_103 [103] (in reply to MAIL FROM command)\n',
    );
    expect([incidents[0]?.remoteHost, incidents[0]?.remoteIp]).toEqual([
      'smtp-in.orange.fr',
      '193.252.22.65',
    ]);
    expect(incidents[0]?.reply.text).toBe(
      '550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR006_103 [103]',
    );
  });

  it('keeps the address of a host whose name was masked with `???`, never the mask', async () => {
    const { incidents } = await extract(
      '<???@???.???>: host\n    ???-???.mail.protection.outlook.com[213.199.154.202] said: 550 5.7.606 Access\n    denied, banned sending IP [198.51.100.170]. (in reply to RCPT TO command)\n',
    );
    expect(incidents[0]?.remoteHost).toBeNull();
    expect(incidents[0]?.remoteIp).toBe('213.199.154.202');
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.170']);
  });
});

describe("Ruby's Net::SMTP errors", () => {
  it('reads the reply before or after the class name, and from an error tracker’s report', async () => {
    const before = await extract('Net::SMTPFatalError: 550 5.7.1 Reject for policy reason RULE3_2\n');
    expect(before.incidents[0]?.reply.text).toBe('550 5.7.1 Reject for policy reason RULE3_2');
    const after = await extract(
      "/usr/lib/ruby/3.2.0/net/smtp.rb:1133:in `check_response': 554 5.7.1 Service unavailable; Client host [198.51.100.9] blocked using zen.spamhaus.org (Net::SMTPFatalError)\n",
    );
    expect(after.incidents[0]?.reply.code).toBe(554);
    expect(after.incidents[0]?.sendingIps).toEqual(['198.51.100.9']);
    const tracker = await extract(
      '**Error type:** `Net::SMTPFatalError`\n**Error message:** `` 550 5.7.1  Reject for policy reason RULE3_2. See http://postmaster.example.net ``\n**Where:** `contacts#create`\n',
    );
    expect(tracker.incidents[0]?.reply.text).toBe(
      '550 5.7.1 Reject for policy reason RULE3_2. See http://postmaster.example.net',
    );
  });
});

describe("Exchange's tracking of a message coming in", () => {
  it('makes no incident of a refusal by its own agents', async () => {
    const event = (direction: string) =>
      [
        'SourceContext           : Sender Id Agent',
        'EventId                 : FAIL',
        'Recipients              : {jean.dupont@example.org}',
        'RecipientStatus         : {[{LED=550 5.7.1 Sender ID (PRA) Not Permitted};{MSG=};{FQDN=};{IP=192.0.2.8};{LRT=}]}',
        `Directionality          : ${direction}`,
      ].join('\n');
    expect((await extract(event('Incoming'))).incidents).toEqual([]);
  });
});

describe('a reply pasted with the log line that reported it', () => {
  it("dates the incident by the line's own stamp, the zone said to be assumed", async () => {
    const php = await extract(fixture('phpmailer-debug.txt'));
    expect(php.incidents[0]?.occurredAt).toBe('2024-11-29T09:07:25+00:00');
    expect(php.incidents[0]?.assumptions.map((a) => a.code)).toEqual(['date.no-zone']);
    expect(php.incidents[0]?.sources.occurredAt?.line).toBe(1);
    const laravel = await extract(
      '[2024-11-29 09:07:25] production.ERROR: Expected response code "250" but got code "550", with message "550 5.7.1 Service refuse. OFR006_103 [103]" {"exception":"[object] (Symfony\\\\Component\\\\Mailer\\\\Exception\\\\TransportException(code: 550)"}\n',
      { assumeZone: 'Europe/Paris' },
    );
    expect(laravel.incidents[0]?.occurredAt).toBe('2024-11-29T09:07:25+01:00');
    const msmtp = await extract(
      'Fri Nov 29 09:07:25 2024 daemon.err omr-tracker[12717]: sendmail: server message: 554 5.7.1 Service unavailable\n',
    );
    expect(msmtp.incidents[0]?.occurredAt).toBe('2024-11-29T09:07:25+00:00');
    // No date on the reply's line: none is made up.
    expect(
      (await extract('550 5.7.1 Service refuse. OFR006_103 [103]\n')).incidents[0]?.occurredAt,
    ).toBeNull();
  });
});

describe('a reply alone in parentheses', () => {
  it("reads Free's `(451 too many errors from your ip (IP), ...)` without the parentheses", async () => {
    const { incidents } = await extract(
      '(451 too many errors from your ip (198.51.100.17), please visit http://postmaster.free.fr/)\n',
    );
    expect(incidents[0]?.reply.text).toBe(
      '451 too many errors from your ip (198.51.100.17), please visit http://postmaster.free.fr/',
    );
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.17']);
  });
});
