/**
 * Sixth audit of real input (bounces, admin tools' exports and French providers' refusals gathered from
 * public sources nobody here wrote): each case is modelled on a shape the audit found wrong. Fixtures
 * and their sources: test/fixtures/extract/audit6/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/audit6/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const codes = (notes: readonly { code: string }[] | undefined) => (notes ?? []).map((n) => n.code);

describe('delay notices: the sending MTA is still trying', () => {
  it("says so on a DSN whose recipient's Action is delayed, the reply and fields still read", async () => {
    const { incidents } = await extract(fixture('postfix-delayed-orange.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(codes(i?.assumptions)).toContain('input.delay-notice');
    expect(i?.reply.code).toBe(421);
    expect(i?.orange?.token).toBe('OFR004_104');
    expect(i?.sendingDomain).toBe('example.com');
  });

  it("says so on a notice without a DSN block, from its subject (Sendmail's `Warning: could not send`)", async () => {
    const { incidents } = await extract(fixture('sendmail-warning-no-dsn.txt'));
    expect(incidents).toHaveLength(1);
    expect(codes(incidents[0]?.assumptions)).toContain('input.delay-notice');
    expect(incidents[0]?.orange?.reason).toBe(103);
    // Sendmail's `<rcpt>... Deferred: 421 ...` line: the reply ends with the line, before Sendmail's words.
    expect(incidents[0]?.reply.text).toMatch(/^421 mwinf5c12 ME Service refuse\. .* OFR005_103 \[103\]$/);
    expect(incidents[0]?.sources.reply?.line).toBe(15);
  });

  it('says nothing of the kind on a final failure', async () => {
    const failed = fixture('postfix-delayed-orange.eml')
      .replace('Subject: Delayed Mail (still being retried)', 'Subject: Undelivered Mail Returned to Sender')
      .replace('Action: delayed', 'Action: failed');
    const { incidents } = await extract(failed);
    expect(incidents).toHaveLength(1);
    expect(codes(incidents[0]?.assumptions)).not.toContain('input.delay-notice');
    // A failed DSN under a delay subject is a failure: the recipient's action decides.
    const { incidents: mixed } = await extract(
      failed.replace('Undelivered Mail Returned to Sender', 'Delayed Mail (still being retried)'),
    );
    expect(codes(mixed[0]?.assumptions)).not.toContain('input.delay-notice');
  });
});

describe("Sendmail's `<rcpt>... Deferred: 421 ...` line", () => {
  it('keeps the remote the transcript above it names (the line alone names none)', async () => {
    const { incidents } = await extract(
      [
        '   ----- Transcript of session follows -----',
        '... while talking to smtp-in.orange.fr.:',
        '>>> MAIL From:<billing@example.org> SIZE=4211',
        '<<< 421 mwinf5c12 ME Service refuse. Veuillez essayer plus tard. OFR005_103 [103]',
        '<jean.martin@wanadoo.fr>... Deferred: 421 mwinf5c12 ME Service refuse. Veuillez essayer plus tard. OFR005_103 [103]',
        'Warning: message still undelivered after 4 hours',
        '',
      ].join('\n'),
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '421 mwinf5c12 ME Service refuse. Veuillez essayer plus tard. OFR005_103 [103]',
    );
    expect(incidents[0]?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incidents[0]?.recipientDomain).toBe('wanadoo.fr');
  });
});

describe('Postfix notice lines pasted without their empty lines', () => {
  it('ends each reply at the next `<rcpt>: host ...` line: one incident per recipient', async () => {
    const { incidents } = await extract(
      [
        '<claire@orange.fr>: host smtp-in.orange.fr[193.252.22.84] said: 550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506] (in reply to end of DATA command)',
        '<paul@free.fr>: host mx1.free.fr[212.27.48.6] said: 550 spam detected (in reply to end of DATA command)',
        '<lea@laposte.net>: host smtpz4.laposte.net[194.117.213.1] said: 550 5.5.0',
        '    Rejected by LPN007_510 (in reply to end of DATA command)',
        '',
      ].join('\n'),
    );
    expect(incidents.map((i) => [i.recipientDomain, i.remoteHost, i.reply.text])).toEqual([
      ['orange.fr', 'smtp-in.orange.fr', '550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]'],
      ['free.fr', 'mx1.free.fr', '550 spam detected'],
      ['laposte.net', 'smtpz4.laposte.net', '550 5.5.0 Rejected by LPN007_510'],
    ]);
  });

  it('keeps a wrapped reply whose next line starts with the refused address (indented)', async () => {
    const { incidents } = await extract(
      '<jean@wanadoo.fr>: host smtp-in.orange.fr[193.252.22.84] said: 550 5.1.1\n    <jean@wanadoo.fr>: Recipient address rejected (in reply to RCPT TO command)\n',
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('550 5.1.1 <jean@wanadoo.fr>: Recipient address rejected');
  });
});

describe('the sending client named in a reply', () => {
  it("takes Free's `Your IP (x)` as the sending IP, in smtplib's SMTPConnectError too", async () => {
    const { incidents } = await extract(
      "smtplib.SMTPConnectError: (421, b'Your IP (198.51.100.23) is temporary blacklisted by an anti-troyan rule, retry later and/or visit http://postmaster.free.fr/')\n",
    );
    expect(incidents[0]?.reply.code).toBe(421);
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.23']);
  });

  it("takes the name a log's reply gives the client (`<name[IP]>: Client host rejected`)", async () => {
    const { incidents } = await extract(
      'Mar  4 10:12:01 mta1 postfix/smtp[2211]: AFBB511F85A: to=<marc@sfr.fr>, relay=smtp-in.sfr.fr[93.17.128.123]:25, delay=0.4, dsn=5.7.1, status=bounced (host smtp-in.sfr.fr[93.17.128.123] refused to talk to me: 554 5.7.1 <out1.example.com[198.51.100.8]>: Client host rejected: Abus detecte GU_EIB_02)\n',
    );
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.8']);
    expect(incidents[0]?.sendingHosts).toEqual(['mta1', 'out1.example.com']);
  });
});

describe('a delivery-status part pasted alone (`Reporting-MTA:` first)', () => {
  it('reads its first block as DSN fields, not as a mail header: sender, host and date come back', async () => {
    const { incidents } = await extract(
      [
        'Reporting-MTA: dns; mail.example.com',
        'X-Postfix-Queue-ID: 14130238EB',
        'X-Postfix-Sender: rfc822; billing@example.com',
        'Arrival-Date: Sun, 24 Jan 2021 18:40:57 -0600 (CST)',
        '',
        'Final-Recipient: rfc822; marie@wanadoo.fr',
        'Action: failed',
        'Status: 5.0.0',
        'Remote-MTA: dns; smtp-in.orange.fr',
        'Diagnostic-Code: smtp; 554 5.7.1 mwinf5c77 ME Service refuse. OFR_999 [999]',
        '',
      ].join('\n'),
    );
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.sendingHosts).toEqual(['mail.example.com']);
    expect(i?.sendingDomain).toBe('example.com');
    expect(i?.occurredAt).toBe('2021-01-24T18:40:57-06:00');
    expect(i?.sources.occurredAt?.line).toBe(4);
    expect(i?.orange?.reason).toBe(999);
  });

  it('reads it too when no empty line parts the per-message and recipient fields', async () => {
    const { incidents } = await extract(fixture('dsn-fields-pasted-alone.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.orange?.token).toBe('OFR006_102');
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.sendingHosts).toEqual(['mta1.example.com']);
    expect(i?.sendingDomain).toBe('example.com');
    expect(i?.occurredAt).toBe('2024-11-12T09:58:07+01:00');
  });
});

describe("Exchange's own codes for a server it could not reach (4.4.31x, 5.4.31x)", () => {
  it('give no reply to quote in a bounce, with the note that no server replied', async () => {
    const { incidents, warnings } = await extract(
      [
        'From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.com>',
        'To: <news@example.com>',
        'Subject: Undeliverable: Novembre',
        'Date: Tue, 12 Nov 2024 09:58:07 +0000',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain',
        '',
        'Delivery has failed to these recipients or groups: claire@orange.fr',
        '',
        '--b1',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns;PR3PR02MB6012.eurprd02.prod.outlook.com',
        '',
        'Final-Recipient: rfc822;claire@orange.fr',
        'Action: failed',
        'Status: 5.4.317',
        'Diagnostic-Code: smtp;550 5.4.317 Message expired, cannot connect to remote server',
        '',
        '--b1--',
        '',
      ].join('\n'),
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({ code: null, enhanced: '5.4.317', text: '' });
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
    expect(codes(warnings)).toContain('input.no-server-reply');
  });

  it('and none in a pasted message trace line, the server it tried named', async () => {
    const { incidents, warnings } = await extract(
      '450 4.4.317 Cannot connect to remote server [Message=SubjectMismatch Expected Subject: *.example.net. Presented Subject: CN=mx01.] [LastAttemptedServerName=mail.example.net] [LastAttemptedIP=192.0.2.30:25]\n',
    );
    expect(incidents[0]?.reply.code).toBeNull();
    expect(incidents[0]?.reply.text).toBe('');
    expect(incidents[0]?.remoteHost).toBe('mail.example.net');
    expect(incidents[0]?.remoteIp).toBe('192.0.2.30');
    expect(codes(warnings)).toContain('input.no-server-reply');
  });

  it('a reply of the remote with the same enhanced class is still a reply', async () => {
    const { incidents, warnings } = await extract('550 5.4.316 mx.example.net: loop detected, rejected\n');
    expect(incidents[0]?.reply.code).toBe(550);
    expect(codes(warnings)).not.toContain('input.no-server-reply');
  });
});

describe("Get-MessageTrackingLog's labels beside the status", () => {
  it('takes the recipient from `To :`, the sender from `Sender :` and the date from `Timestamp :`', async () => {
    const { incidents } = await extract(fixture('exchange-tracking-fl-sender-to.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.recipientDomain).toBe('orange.fr');
    expect(i?.sendingDomain).toBe('example.com');
    expect(i?.sources.sendingDomain?.line).toBe(4);
    // Day first with dots: 11 August, not 8 November; no zone in the output, so one is assumed.
    expect(i?.occurredAt).toBe('2026-08-11T09:47:13+00:00');
    expect(i?.sources.occurredAt?.line).toBe(3);
    expect(codes(i?.assumptions)).toContain('date.no-zone');
    expect(i?.orange?.token).toBe('OFR004_103');
    expect(i?.remoteIp).toBe('193.252.22.84');
  });

  it("reads LRT's US form (month first, AM/PM) and joins a multi-line LED without its repeated code", async () => {
    const { incidents } = await extract(
      'RecipientStatus : {[{LED=451-4.7.23 Message deferred - unable to verify SPF policy for 451 4.7.23 example.com. IB305};{MSG=};{FQDN=extmail.bigpond.com};{IP=203.42.22.10};{LRT=1/21/2025 3:45:12 PM}]}\n',
    );
    expect(incidents[0]?.reply.text).toBe(
      '451 4.7.23 Message deferred - unable to verify SPF policy for example.com. IB305',
    );
    expect(incidents[0]?.occurredAt).toBe('2025-01-21T15:45:12+00:00');
  });

  it('leaves the date empty when its order is not certain (slashes without AM/PM)', async () => {
    const { incidents } = await extract(
      'RecipientStatus : {[{LED=550 5.7.1 Rejected};{MSG=};{FQDN=mx.example.net};{IP=203.0.113.9};{LRT=05/06/2025 13:45:12}]}\n',
    );
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.occurredAt).toBeNull();
  });
});

describe("Barracuda's reputation link", () => {
  it('names the sending IP, as Cloudmark’s and Proofpoint’s do', async () => {
    const { incidents } = await extract(
      'host mx.example.net[203.0.113.5] said: 550 permanent failure for one or more recipients (jean@example.net:blocked) Client host [smtp1.example.com] blocked using Barracuda Reputation; http://www.barracudanetworks.com/reputation/?r=1&ip=198.51.100.61 (in reply to end of DATA command)\n',
    );
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.61']);
    expect(incidents[0]?.remoteIp).toBe('203.0.113.5');
  });
});

describe("OpenSMTPD's debug trace (`smtpd -dv`)", () => {
  it('reads the remote lines of a session (`mta: 0x...: <<< 554-...`) as one multi-line reply', async () => {
    const { incidents } = await extract(
      [
        'mta: 0xea6710: MTA_INIT -> MTA_BANNER',
        'mta: 0xea6710: <<< 554-gmx.net (mxgmx008) Nemesis ESMTP Service not available',
        'mta: 0xea6710: <<< 554-No SMTP service',
        'mta: 0xea6710: <<< 554-Bad DNS PTR resource record.',
        'mta: 0xea6710: <<< 554 For explanation visit http://postmaster.gmx.com/en/error-messages?ip=198.51.100.41&c=rdns',
        'mta: 0xea6710: MTA_BANNER -> MTA_EHLO',
        'mta: 0xea6710: >>> EHLO mail.example.com',
        'debug: mta: 0xea6710: disconnected in state MTA_EHLO',
        '',
      ].join('\n'),
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '554 gmx.net (mxgmx008) Nemesis ESMTP Service not available No SMTP service Bad DNS PTR resource record. For explanation visit http://postmaster.gmx.com/en/error-messages?ip=198.51.100.41&c=rdns',
    );
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.41']);
    expect(incidents[0]?.sources.reply?.line).toBe(2);
  });
});

describe("a sending IP read on the bounce's own way back", () => {
  const bounce = (returned: string) =>
    [
      'Received: from mta1.example.com (mta1.example.com [198.51.100.7])',
      '\tby mx.example.com (Postfix) with ESMTP id 7F2D2F225; Tue, 12 Nov 2024 10:02:41 +0100 (CET)',
      'Date: Tue, 12 Nov 2024 10:02:41 +0100 (CET)',
      'From: MAILER-DAEMON@mta1.example.com (Mail Delivery System)',
      'To: news@example.com',
      'Subject: Undelivered Mail Returned to Sender',
      '',
      'This is the mail system at host mta1.example.com.',
      '',
      '<claire.petit@orange.fr>: host smtp-in.orange.fr[193.252.22.84] said: 550 5.7.1',
      '    Service refuse. OFR004_103 [103] (in reply to MAIL FROM command)',
      '',
      returned,
    ].join('\n');

  it('says so: it is the address the bounce left from, most often the one the remote saw', async () => {
    const { incidents } = await extract(bounce(''));
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.7']);
    expect(incidents[0]?.sources.sendingIps?.line).toBe(1);
    expect(codes(incidents[0]?.assumptions)).toContain('ip.from-bounce-route');
  });

  it("says nothing when the remote's reply names the address itself", async () => {
    const { incidents } = await extract(
      bounce('').replace(
        'OFR004_103 [103]',
        'OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=198.51.100.7 [102]',
      ),
    );
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.7']);
    expect(codes(incidents[0]?.assumptions)).not.toContain('ip.from-bounce-route');
  });
});

describe("Exchange's wordings that name the remote's reply", () => {
  it("`Server at HOST (IP) returned '...'` without `Remote`, several listed: each read", async () => {
    const { incidents, warnings } = await extract(
      [
        'Diagnoseinformationen für Administratoren:',
        '',
        'Generierender Server: AS2P250MB1014.EURP250.PROD.OUTLOOK.COM',
        'claire.petit@orange.fr',
        "11/12/2024 1:23:09 PM - Server at smtp-in.orange.fr (193.252.22.84) returned '550 5.7.1 Service refuse. OFR004_103 [103]'",
        "11/12/2024 1:12:14 PM - Server at smtp-in.orange.fr (193.252.22.65) returned '421 4.7.0 Trop de connexions. OFR004_104 [104]'",
        '',
      ].join('\n'),
    );
    expect(incidents.map((i) => [i.orange?.reason, i.remoteHost, i.remoteIp])).toEqual([
      [103, 'smtp-in.orange.fr', '193.252.22.84'],
      [104, 'smtp-in.orange.fr', '193.252.22.65'],
    ]);
    expect(codes(warnings)).not.toContain('input.no-incident');
  });

  it("Office 365's text notice: `Reported error:` when the remote's reply follows", async () => {
    const { incidents } = await extract(
      'Error Details\nReported error:    550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient jean@example.net not found by SMTP address lookup\nDSN generated by:    FR1PR80MB0423.lamprd80.prod.outlook.com\n',
    );
    expect(incidents[0]?.reply.text).toBe(
      '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient jean@example.net not found by SMTP address lookup',
    );
  });
});

describe('a Postfix notice whose remote address was replaced by a placeholder', () => {
  it('keeps the remote name, no address (`host NAME[ip] said:`, `[x.x.x.x]`)', async () => {
    for (const placeholder of ['[ip]', '[x.x.x.x]', '[xxx.xxx.xxx.xxx]']) {
      const { incidents } = await extract(
        `<jean@wanadoo.fr>: host smtp-in.orange.fr${placeholder} said: 550 5.7.1 Service refuse. OFR004_103 [103] (in reply to MAIL FROM command)\n`,
      );
      expect(incidents[0]?.remoteHost).toBe('smtp-in.orange.fr');
      expect(incidents[0]?.remoteIp).toBeNull();
      expect(incidents[0]?.orange?.reason).toBe(103);
    }
  });
});

describe("Microsoft's server named at the end of its reply", () => {
  it('is the rejecting host when nothing else names one', async () => {
    const { incidents } = await extract(
      "550 5.7.1 Unfortunately, messages from [198.51.100.59] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). [VI1EUR05FT033.eop-eur05.prod.protection.outlook.com]\n",
    );
    expect(incidents[0]?.remoteHost).toBe('vi1eur05ft033.eop-eur05.prod.protection.outlook.com');
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.59']);
    const named = await extract(
      'host example-net.mail.protection.outlook.com[192.0.2.7] said: 550 5.7.1 Service unavailable, Client host [198.51.100.59] blocked using Spamhaus. [DM6NAM11FT044.eop-nam11.prod.protection.outlook.com] (in reply to RCPT TO command)\n',
    );
    expect(named.incidents[0]?.remoteHost).toBe('example-net.mail.protection.outlook.com');
  });
});
