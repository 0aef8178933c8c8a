/**
 * Tenth round of real input: outbound relays, mail gateways and small MTAs (msmtp, Cisco's mail_logs,
 * ZoneMTA, Amazon SES's SMTP interface). Fixtures and their sources: test/fixtures/extract/audit10/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { isContact, recipientIn, senderIn } from '../../core/extract/envelope-address';
import { unwrapped } from '../../core/extract/hard-wrap';

const dir = fileURLToPath(new URL('../fixtures/extract/audit10/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('whose address a line names', () => {
  it('skips the sender a log line names before the recipient', () => {
    expect(recipientIn('DEFERRED[network] from=bookings@example.com to=to@example.net src=x')).toBe(
      'to@example.net',
    );
    expect(senderIn('DEFERRED[network] from=bookings@example.com to=to@example.net src=x')).toBe(
      'bookings@example.com',
    );
    expect(recipientIn('MID 1 From: <wei@example.com> To: <claire@orange.fr> RID 0')).toBe(
      'claire@orange.fr',
    );
    expect(senderIn('MID 1 From: <wei@example.com> To: <claire@orange.fr> RID 0')).toBe('wei@example.com');
    expect(
      recipientIn('msmtp: envelope from address news@example.com not accepted by the server'),
    ).toBeNull();
    expect(recipientIn('MAIL FROM:<news@example.com> RCPT TO:<claire@orange.fr>')).toBe('claire@orange.fr');
  });

  it('keeps a VERP local part whole, `=` and all', () => {
    expect(recipientIn('<bounce-claire=orange.fr@news.example.com>: host x said: 550')).toBe(
      'bounce-claire=orange.fr@news.example.com',
    );
  });

  it('takes an address to write to for no recipient', () => {
    const reply =
      '553 5.3.0 alpd681 DNSBL:RBL 521< 51.xxx.x.xx >_is_blocked.For assistance forward this error to abuse_rbl@abuse-att.net';
    expect(recipientIn(reply)).toBeNull();
    expect(isContact(reply, 'abuse_rbl@abuse-att.net')).toBe(true);
    expect(recipientIn('550 5.7.1 <claire@orange.fr> refused, contact postmaster@orange.fr')).toBe(
      'claire@orange.fr',
    );
  });

  it('looks at a bounded number of addresses in a hostile line', () => {
    const line = `${'from=a@b.fr '.repeat(50_000)}to=c@d.fr`;
    expect(recipientIn(line)).toBeNull();
    expect(senderIn(line)).toBe('a@b.fr');
  });
});

describe("msmtp's error output", () => {
  it('reads the lines behind `server message:` as one reply, and the refused envelope sender as the sender', async () => {
    const { incidents } = await extract(fixture('msmtp-multiline-sender.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 550,
      enhanced: null,
      text: '550 Requested action not taken: mailbox unavailable Sender address is not allowed.',
    });
    // `example1@mail.domain` is the poster's stand-in, under no public suffix: no sending domain...
    expect(incidents[0]?.sendingDomain).toBeNull();
    expect(incidents[0]?.recipientDomain).toBeNull();
    // ...while a real one is taken, from the line that names the refused sender.
    const real = await extract(
      fixture('msmtp-multiline-sender.txt').replace('mail.domain', 'mail.example.fr'),
    );
    expect(real.incidents[0]?.sendingDomain).toBe('mail.example.fr');
    expect(real.incidents[0]?.sources.sendingDomain?.line).toBe(1);
    expect(real.incidents[0]?.recipientDomain).toBeNull();
  });

  it("reads each refusal of a paste, without msmtp's closing words", async () => {
    const { incidents } = await extract(fixture('msmtp-three-providers.txt'));
    expect(
      incidents.map((i) => [i.reply.code, i.reply.enhanced, i.sendingDomain, i.recipientDomain]),
    ).toEqual([
      [554, null, 'yahoo.com', null],
      [530, '5.7.0', 'gmail.com', null],
      [451, '5.7.3', 'hotmail.com', null],
    ]);
    for (const i of incidents) expect(i.reply.text).not.toContain('could not send mail');
    expect(incidents[1]?.reply.text).toBe(
      '530 5.7.0 Must issue a STARTTLS command first. z7sn5787689pfg.1 - gsmtp',
    );
  });

  it('names the refused recipient when msmtp says it was the recipient', async () => {
    const { incidents } = await extract(
      [
        'sendmail: recipient address claire@orange.fr not accepted by the server',
        'sendmail: server message: 550 5.7.1 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_506 [506]',
        'sendmail: could not send mail (account default from /etc/msmtprc)',
      ].join('\n'),
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
    expect(incidents[0]?.orange?.token).toBe('OFR_506');
    expect(incidents[0]?.reply.text).not.toContain('could not send');
  });

  it('are not joined as a hard wrap, though they end near the same column', () => {
    expect(unwrapped(fixture('msmtp-multiline-sender.txt'))).toBeNull();
  });
});

describe("Cisco Secure Email's mail_logs", () => {
  it('reads the reply tuple with its code, and the From and To around it for what they are', async () => {
    const { incidents } = await extract(fixture('ironport-mail-logs.log'));
    // The two `Bounced:` lines quote the appliance's own `('000', [...])`: no remote replied.
    expect(incidents).toHaveLength(2);
    for (const i of incidents) {
      expect(i.reply).toEqual({ code: 421, enhanced: '4.3.2', text: '421 4.3.2 try again later' });
      expect(i.sendingDomain).toBe('example.com');
      expect(i.recipientDomain).toBe('buttercupgames.com');
    }
    expect(incidents.map((i) => i.occurredAt)).toEqual([
      '2018-03-19T20:16:03+00:00',
      '2018-03-19T20:15:53+00:00',
    ]);
  });

  it("joins a reply's lines, as the server sent them, under their code", async () => {
    const line =
      "Wed Jan 29 00:06:30 2003 Info: Bounced: DCID 2 MID 15232 From:<news@example.com> To:<claire@gmail.com> RID 0 - 5.1.0 - Unknown address error ('550', ['5.1.1 The email account that you tried to reach does not exist. Please try', \"5.1.1 double-checking the recipient's email address for typos or\", '5.1.1 unnecessary spaces.'])";
    const { incidents } = await extract(line);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.enhanced).toBe('5.1.1');
    expect(incidents[0]?.reply.text).toBe(
      "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.",
    );
    expect([incidents[0]?.sendingDomain, incidents[0]?.recipientDomain]).toEqual([
      'example.com',
      'gmail.com',
    ]);
  });
});

describe('other relays', () => {
  it("ZoneMTA's line: from= is the sender, to= the recipient", async () => {
    const { incidents } = await extract(fixture('zonemta-deferred.log'));
    expect(incidents[0]?.reply.text).toBe(
      '554 Blocked - see https://ipcheck.proofpoint.com/?ip={MYSERVERIP}',
    );
    expect(incidents[0]?.sendingDomain).toBe('example.com');
    expect(incidents[0]?.recipientDomain).toBe('example.net');
    expect(incidents[0]?.sendingIps).toEqual([]);
  });

  it("takes no recipient from the address AT&T's reply says to write to", async () => {
    const { incidents } = await extract(fixture('att-dnsbl-contact.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(553);
    expect(incidents[0]?.recipientDomain).toBeNull();
  });

  it("reads Amazon SES's refusal after an application's words that sending failed", async () => {
    const go = await extract(fixture('ses-go-notifier.log'));
    expect(go.incidents).toHaveLength(1);
    expect(go.incidents[0]?.reply.code).toBe(554);
    expect(go.incidents[0]?.reply.text).toMatch(/^554 Message rejected: Email address is not verified\./);
    const listmonk = await extract(fixture('ses-listmonk.log'));
    expect(listmonk.incidents).toHaveLength(1);
    expect(listmonk.incidents[0]?.reply.code).toBe(554);
    // The identity SES could not verify may be the sender's or, in its sandbox, a recipient's.
    expect(listmonk.incidents[0]?.recipientDomain).toBeNull();
  });

  it('takes no HTTP status after such words for an SMTP reply', async () => {
    for (const line of [
      'failed to send email: 500 Internal Server Error',
      'error sending message: 503 Service Unavailable',
      'failed to send email: 404 page not found',
    ]) {
      const { incidents } = await extract(line);
      expect(incidents).toEqual([]);
    }
  });
});

describe("Exchange's status around the remote's reply", () => {
  it("quotes the remote's reply, not Exchange's summing-up code, and the server it names", async () => {
    const { incidents } = await extract(fixture('exchange-wrapper-quoted.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 550,
      enhanced: '5.7.1',
      text: '550 5.7.1 Content-Policy accept-into-freezer-1',
    });
    expect(incidents[0]?.remoteHost).toBe('vger.kernel.org');
  });

  it("drops Exchange's closing `>`", async () => {
    const hop = await extract(fixture('exchange-wrapper-hop-count.txt'));
    expect(hop.incidents[0]?.reply.text).toBe(
      '554 5.4.14 Hop count exceeded - possible mail loop ATTR34 [TO1CAN01FT011.eop-CAN01.prod.protection.outlook.com]',
    );
    expect(hop.incidents[0]?.remoteHost).toBe('domain-ca.mail.protection.outlook.com');
    const noHost = await extract(fixture('exchange-wrapper-no-host.txt'));
    expect(noHost.incidents[0]?.reply.text).toBe('550 5.1.1 RESOLVER.ADR.RecipNotFound; not found');
    expect(noHost.incidents[0]?.remoteHost).toBeNull();
  });

  it("reads the sender's domain Gmail's 5.7.26 names beside the IP it checked", async () => {
    const { incidents } = await extract(fixture('gmail-5726-spf-domain.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.enhanced).toBe('5.7.26');
    expect(incidents[0]?.remoteHost).toBe('gmail-smtp-in.l.google.com');
    expect(incidents[0]?.sendingIps).toEqual(['104.207.68.42']);
    expect(incidents[0]?.sendingDomain).toBe('citechnologies.io');
  });
});

describe("Google Workspace's SMTP relay", () => {
  it('takes the client address it names for the sending IP', async () => {
    const { incidents } = await extract(fixture('google-relay-denied.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['79.76.116.239']);
  });

  it('ends the reply where a glued Java stack trace begins', async () => {
    const { incidents } = await extract(fixture('java-glued-trace.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toMatch(/ - gsmtp$/);
    expect(incidents[0]?.reply.text).not.toContain('java.lang');
    expect(incidents[0]?.sendingIps).toEqual(['145.136.242.129']);
  });
});

describe("Exchange 2010's status line", () => {
  it('reads the code between its `#` and `##`', async () => {
    const { incidents } = await extract(fixture('exchange-2010-hash-status.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 550,
      enhanced: '5.1.1',
      text: '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found',
    });
    expect(incidents[0]?.recipientDomain).toBe('nintendo.com');
  });
});

describe('list and newsletter software (audit Z)', () => {
  it('joins a Postfix line a post wrapped and indented, its reply cut after the code', async () => {
    const { incidents } = await extract(fixture('postfix-wrapped-indented.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.enhanced).toBe('5.7.0');
    expect(incidents[0]?.reply.text).toBe(
      '550 5.7.0 (SNT004-MC4F16) Unfortunately, messages from (85.XXX.XXX.XXX) on behalf of (yahoo.com) could not be delivered due to domain owner policy restrictions.',
    );
    expect(incidents[0]?.remoteIp).toBe('65.55.92.184');
    expect(incidents[0]?.sendingIps).toEqual([]);
  });

  it("takes the address Exim could not verify for the sender's, not the recipient's", async () => {
    const { incidents } = await extract(fixture('exim-sender-verify-quoted.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingDomain).toBe('psrp.postalserver.com');
    expect(incidents[0]?.recipientDomain).toBeNull();
    // `example.com (0.0.0.0)` is the poster's placeholder.
    expect(incidents[0]?.remoteIp).toBeNull();
  });
});

describe("applications' own words around a reply", () => {
  it("ends Rails' quoted reply at its closing parenthesis, before Ruby's stack frames", async () => {
    const { incidents } = await extract(fixture('rails-net-smtp-trace.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(554);
    expect(incidents[0]?.reply.text).toMatch(/&time=1480382423$/);
    // The browser's address on the `Started POST` line is no sending IP, nor the user's ip=8.8.8.8.
    expect(incidents[0]?.sendingIps).toEqual([]);
  });

  it('ends a reply where the words that introduced it come again on the line', async () => {
    const { incidents } = await extract(fixture('dolibarr-repeated-words.txt'));
    expect(incidents[0]?.reply.text).toBe('501 5.5.2 : Helo command rejected: Invalid name');
  });

  it("reads Rust lettre's Response, its code spelt out in words, once though logged twice", async () => {
    const { incidents } = await extract(fixture('deltachat-lettre-twice.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 554,
      enhanced: '5.7.1',
      text: '554 5.7.1 [2] Message rejected under suspicion of SPAM; https://ya.cc/1IrBc 1631900360-h4Ajl35YEe-dK78OYi4',
    });
    expect(incidents[0]?.occurredAt).toBe('2021-09-17T17:39:17+00:00');
  });

  it("puts lettre's code before each line of a multi-line reply", async () => {
    const { incidents } = await extract(
      'Error: Transient(Response { code: Code { severity: TransientNegativeCompletion, category: Connections, detail: One }, message: ["mwinf5c77 ME Service refuse. Veuillez essayer plus tard.", "Service refused, please try later. OFR004_104 [104]"] })',
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(421);
    expect(incidents[0]?.orange?.token).toBe('OFR004_104');
    expect(incidents[0]?.reply.text).toBe(
      '421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_104 [104]',
    );
  });

  it('keeps the same refusal at two different times as two incidents', async () => {
    const { incidents } = await extract(
      [
        '2024-03-12 10:15:32 ERROR failed to send email: 421 4.7.0 Try again later',
        '2024-03-12 10:25:40 ERROR failed to send email: 421 4.7.0 Try again later',
      ].join('\n'),
    );
    expect(incidents.map((i) => i.occurredAt)).toEqual([
      '2024-03-12T10:15:32+00:00',
      '2024-03-12T10:25:40+00:00',
    ]);
  });
});

describe("hMailServer's notice", () => {
  it('gives the remote address it names, the recipient of the command it sent, and the reply', async () => {
    const { incidents } = await extract(fixture('hmailserver-notice.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      remoteIp: '104.47.59.161',
      remoteHost: 'dm6nam12ft051.eop-nam12.prod.protection.outlook.com',
      recipientDomain: 'hotmail.com',
      occurredAt: '2023-01-29T02:23:29+00:00',
      reply: { code: 550, enhanced: '5.5.0' },
    });
    expect(incidents[0]?.sources.remoteIp?.line).toBe(10);
  });
});

describe("Oracle Messaging Server's notice text", () => {
  it('gives the server, its address and the local address it saw from the `Remote system:` line', async () => {
    const { incidents } = await extract(fixture('messaging-server-notice.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      remoteHost: 'gmail-smtp-in.l.google.com',
      remoteIp: '74.125.138.27',
      sendingIps: ['17.164.24.103'],
      recipientDomain: 'gmail.com',
      reply: { code: 550, enhanced: '5.1.1' },
    });
    expect(incidents[0]?.sources.sendingIps?.line).toBe(11);
  });
});

describe("Barracuda's refusal as a program's string", () => {
  it('reads its written \\r\\n as line breaks and takes the client it names for the sending host', async () => {
    const { incidents } = await extract(fixture('barracuda-python-repr.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '554 Service unavailable; Client host [bl11-253-215.dsl.telepac.pt] blocked using Barracuda Reputation; http://www.barracudanetworks.com/reputation/?r=1&ip=85.244.xxx.yyy',
    );
    expect(incidents[0]?.sendingHosts).toEqual(['bl11-253-215.dsl.telepac.pt']);
    // The address is masked in the link: no sending IP.
    expect(incidents[0]?.sendingIps).toEqual([]);
  });
});

describe("Exchange Online's delivery history in a notice", () => {
  it('gives one incident, from the attempt, and says no server replied', async () => {
    const { incidents, warnings } = await extract(fixture('exchange-history-quoted-notice.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      remoteHost: null,
      remoteIp: '199.255.45.85',
      recipientDomain: 'wdc.com',
      reply: { code: null, enhanced: '4.4.317', text: '' },
    });
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
    // The attempt's history line dates it (the notice quoted without its headers gives no other date).
    expect(incidents[0]?.occurredAt).toBe('2026-07-07T15:48:53+00:00');
    expect(incidents[0]?.sources.occurredAt?.line).toBe(36);
  });
});

describe("MailKit's message without the basic code", () => {
  it('reads the refusal after `Failed:` by its enhanced code, with the client address Google names', async () => {
    const { incidents } = await extract(fixture('mailkit-relay-denied.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBeNull();
    expect(incidents[0]?.reply.enhanced).toBe('5.7.0');
    expect(incidents[0]?.reply.text).toMatch(/^5\.7\.0 Mail relay denied \[98\.144\.108\.17\]/);
    expect(incidents[0]?.sendingIps).toEqual(['98.144.108.17']);
  });

  it('takes no count after `Failed:` for a reply', async () => {
    const { incidents } = await extract('Campaign report\nFailed: 500 messages out of 12000\n');
    expect(incidents).toEqual([]);
  });
});

describe('an ESP event copied from its first member to its closing brace', () => {
  it('is read as the event, its recipient and time included', async () => {
    // The fixture's own reply is SES's (a mistyped domain: no server refused); a remote's in its place.
    const text = fixture('ses-bounce-members-to-end.json').replace(
      'smtp; 550 5.4.4 Invalid domain',
      'smtp; 550 5.1.1 user unknown',
    );
    const { incidents } = await extract(text);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      format: 'json-event',
      occurredAt: '2023-08-17T14:40:18+00:00',
      recipientDomain: 'gmail.ocm',
      reply: { code: 550, enhanced: '5.1.1', text: '550 5.1.1 user unknown' },
      // SES's name alone (`dns; amazonses.com`) names no host.
      sendingHosts: [],
    });
  });

  it("says SES's own `550 5.4.4 Invalid domain` is no server's refusal", async () => {
    const { incidents, warnings } = await extract(fixture('ses-bounce-members-to-end.json'));
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.text.en).join(' ')).toContain('Amazon SES handed the message to no server');
  });
});

describe("Exchange 2010's notice naming the server before `#`", () => {
  it('gives the server that refused, its reply and the recipient above it', async () => {
    // The shape of exchange-2010-hash-status.txt with a remote's refusal, as Exchange 2010 writes one.
    const { incidents } = await extract(
      [
        'Delivery has failed to these recipients or groups:',
        '',
        'claire@orange.fr',
        '',
        'Diagnostic information for administrators:',
        '',
        'Generating server: EXCH01.example.com',
        '',
        'claire@orange.fr',
        'smtp-in.orange.fr #550 5.7.1 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_506 [506] ##',
        '',
        'Original message headers:',
        '',
        'From: Jean <jean@example.com>',
        'Date: Mon, 30 Nov 2026 10:14:00 +0100',
      ].join('\n'),
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      remoteHost: 'smtp-in.orange.fr',
      recipientDomain: 'orange.fr',
      sendingDomain: 'example.com',
      reply: {
        code: 550,
        enhanced: '5.7.1',
        text: '550 5.7.1 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_506 [506]',
      },
      orange: { token: 'OFR_506', reason: 506 },
    });
    expect(incidents[0]?.sources.remoteHost?.line).toBe(10);
  });
});

describe("Postal's message page copied as text", () => {
  it('names the server tried from the line above the reply, though a blank line parts them', async () => {
    const { incidents } = await extract(fixture('postal-soft-fail-page.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      remoteHost: 'mta5.am0.yahoodns.net',
      remoteIp: '67.195.204.74',
      sendingIps: ['157.245.96.95'],
      reply: { code: 421, enhanced: '4.7.0' },
    });
    expect(incidents[0]?.reply.text).toMatch(/SLN3434\.html$/);
    expect(incidents[0]?.sources.remoteHost?.line).toBe(7);
    expect(incidents[0]?.sources.reply?.line).toBe(9);
  });
});
