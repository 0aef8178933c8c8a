/**
 * Twenty-third round of real input (test/fixtures/extract/audit23/SOURCES.md): bounces from other bounce
 * parsers' test corpora, log lines from log tools' test data.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit23/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('a DSN the receiving side wrote (Received-From-MTA names the sender)', () => {
  it('gives the sender the client it names and the remote the reporting MTA', async () => {
    const { incidents } = await extract(fixture('telia-receiver-dsn-quota.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.sendingIps).toEqual(['62.242.147.169']);
    expect(incident?.sendingHosts).toEqual(['mail.bruun-rasmussen.dk']);
    expect(incident?.remoteHost).toBe('v-smtpin5.han.skanova.net');
    expect(incident?.remoteIp).toBe('81.236.60.152');
    expect(incident?.sources.remoteHost?.text).toBe(
      'Reporting-MTA: dns; v-smtpin5.han.skanova.net [81.236.60.152]',
    );
    expect(incident?.reply.text).toBe('552 RCPT TO:<someone@example.com> Mailbox disk quota exceeded');
  });

  it('keeps the reporting MTA as the sender when the client it names is not in the sending domain', async () => {
    // The same DSN with the client an application server of another domain: Received-From-MTA then
    // names who submitted the message to the sender's own MTA, as most DSNs do.
    const text = fixture('telia-receiver-dsn-quota.eml').replaceAll(
      'mail.bruun-rasmussen.dk [62.242.147.169]',
      'app1.example.net [62.242.147.169]',
    );
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.sendingHosts).toContain('v-smtpin5.han.skanova.net');
    expect(incidents[0]?.remoteHost).toBeNull();
  });
});

describe('routing failures no server replied to', () => {
  it("takes 1&1's `no valid MX hosts found` as no reply, with a note", async () => {
    const { incidents, warnings } = await extract(fixture('kundenserver-no-valid-mx.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('');
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
    expect(warnings.find((w) => w.code === 'input.no-server-reply')?.text.en).toContain(
      'no valid MX hosts found',
    );
  });

  it("takes Exim's `Unrouteable address` under the address as no reply", async () => {
    const notice = [
      'From: Mail Delivery System <Mailer-Daemon@mx1.example.com>',
      'Subject: Mail delivery failed: returning message to sender',
      'Date: Tue, 02 May 2017 08:09:11 +0300',
      '',
      'This message was created automatically by mail delivery software.',
      '',
      'A message that you sent could not be delivered to one or more of its',
      'recipients. This is a permanent error. The following address(es) failed:',
      '',
      '  jean.dupont@example.org',
      '    Unrouteable address',
      '',
    ].join('\r\n');
    const { warnings } = await extract(notice, options);
    expect(warnings.find((w) => w.code === 'input.no-server-reply')?.text.en).toContain(
      'Unrouteable address',
    );
  });
});

describe('a log of clients refused by this server', () => {
  it('does not say a remote did not reply for an Exim sender check of an incoming client', async () => {
    // fail2ban's test log for Exim (tests/files/logs/exim): this server checking a client's sender.
    const log = [
      '2013-06-07 02:02:09 H=treeladders.kiev.ua [91.232.21.92] sender verify fail for <mailer@treeladders.kiev.ua>: all relevant MX records point to non-existent hosts',
      '2013-06-07 02:02:09 H=treeladders.kiev.ua [91.232.21.92] F=<mailer@treeladders.kiev.ua> rejected RCPT <info@example.com>: Sender verify failed',
    ].join('\n');
    const { incidents, warnings } = await extract(log, options);
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).not.toContain('input.no-server-reply');
  });
});

describe('a bounce the recipient side wrote and sent out through its own gateway', () => {
  it("does not take the gateway's hop in the copy for the sender's", async () => {
    const { incidents } = await extract(fixture('mailman-dsn13-exchange-via-gateway.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).not.toContain('143.98.167.31');
    expect(incidents[0]?.sendingHosts).not.toContain('smtp.cardhealth.com');
    expect(incidents[0]?.sendingDomain).toBe('grizz.org');
  });
});

describe("Sendmail's loop notice", () => {
  it('takes the address after `to`, not the sender after `from`, for the recipient', async () => {
    const { incidents } = await extract(fixture('mailman-sendmail01-too-many-hops.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('nfg.nl');
    expect(incidents[0]?.sendingDomain).toBe('python.org');
  });
});

describe('a bounce written well after the message arrived', () => {
  it('says the message waited in the queue when the bounce came 27 minutes after arrival', async () => {
    const { incidents } = await extract(fixture('bounceparser-spam-rejection25-queued.msg'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2011-10-09T18:13:23+01:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.queued-until-bounce');
  });
});

describe('a message larger than the remote announced it takes', () => {
  it('quotes no reply, names the server that announced the limit, and says why', async () => {
    const { incidents, warnings } = await extract(fixture('bounceparser-message-too-large-2.msg'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply).toEqual({ code: null, enhanced: '5.3.4', text: '' });
    expect(incident?.remoteHost).toBe('cluster.thor.test.co');
    expect(incident?.remoteIp).toBe('82.197.78.148');
    const note = warnings.find((w) => w.code === 'input.size-limit-announced');
    expect(note?.text.fr).toContain('il pèse 18\u202f876\u202f259\u00a0octets');
    expect(note?.text.en).toContain('advertises a limit of 10,485,760 bytes');
    // The reply is not asked for: there is none.
    expect(warnings.map((w) => w.code)).not.toContain('missing.reply');
  });
});

describe('a final recipient under a bare host name', () => {
  it('takes the original recipient the DSN also gives', async () => {
    const { incidents } = await extract(fixture('mailman-dsn01-bare-host-recipient.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('example.com');
    expect(incidents[0]?.sources.recipientDomain?.text).toBe('Original-recipient: rfc822;userx@example.com');
  });
});

describe("MDaemon's notice with its session transcript", () => {
  it('takes the remote address it connected to and the name the sender gave in EHLO', async () => {
    const { incidents } = await extract(fixture('mailman-simple01-mdaemon-transcript.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.text).toBe('552 Message for <bbbsss@example.com> would exceed mailbox quota');
    expect(incident?.remoteIp).toBe('63.118.43.130');
    expect(incident?.sendingHosts).toEqual(['receive.example.com']);
    expect(incident?.sources.sendingHosts?.text).toBe(' EHLO receive.example.com');
  });
});

describe("GroupWise's list of failed recipients", () => {
  it('reads the address followed by its reason in parentheses', async () => {
    const { incidents } = await extract(fixture('bounceparser-novell-user-not-found.msg'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('example.net');
    expect(incidents[0]?.sources.recipientDomain?.text).toBe('\trecipient@example.net (user not found)');
  });
});

describe('an old Postfix notice whose program was renamed', () => {
  it('reads the host of "This is the BNS Postfix program at host ..."', async () => {
    const { incidents } = await extract(fixture('mailman-postfix05-named-program.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingHosts).toEqual(['babylon.bucks.net']);
    expect(incidents[0]?.sendingIps).toEqual(['195.112.37.162']);
    expect(incidents[0]?.remoteHost).toBe('mail.btconnect.com');
  });
});

describe('a log excerpt without the lines that give the sender', () => {
  const status =
    'Jan 23 05:33:49 mx1 postfix/smtp[26267]: 4JfcKV3f3Bz1bwc: to=<jean.dupont@orange.fr>, relay=smtp-in.orange.fr[193.252.22.84]:25, delay=1, delays=0/0/0.5/0, dsn=5.0.0, status=bounced (host smtp-in.orange.fr[193.252.22.84] said: 550 5.7.1 Service refuse. Veuillez essayer plus tard. service refused, please try later. OFR004_104 [104] (in reply to MAIL FROM command))';
  const sender =
    'Jan 23 05:33:48 mx1 postfix/qmgr[900]: 4JfcKV3f3Bz1bwc: from=<news@example.com>, size=2001, nrcpt=1 (queue active)';

  it('says how many rejections lack their sending domain, and why', async () => {
    const { incidents, warnings } = await extract(status, options);
    expect(incidents[0]?.sendingDomain).toBeNull();
    const note = warnings.find((w) => w.code === 'log-no-sending-domain');
    expect(note?.text.fr).toContain('1 refus sans domaine d’envoi\u00a0:');
    expect(note?.text.en).toContain('1 rejection without a sending domain');
  });

  it('says nothing when the excerpt gives the sender', async () => {
    const { incidents, warnings } = await extract(`${sender}\n${status}`, options);
    expect(incidents[0]?.sendingDomain).toBe('example.com');
    expect(warnings.map((w) => w.code)).not.toContain('log-no-sending-domain');
  });
});

describe('a paste made a list', () => {
  it('reads log lines behind Markdown list marks', async () => {
    const { incidents } = await extract(fixture('postfix-relay-415-bulleted.log'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBe('2018-06-29T16:22:38+02:00');
    expect(incident?.sendingHosts).toEqual(['nuc']);
    expect(incident?.sendingDomain).toBe('orange.fr');
    expect(incident?.orange?.reason).toBe(415);
  });

  it('reads the same log as a numbered list', async () => {
    const numbered = fixture('postfix-relay-415-bulleted.log')
      .split('\n')
      .map((line, i) => (line.startsWith('- ') ? `  ${i + 1}. ${line.slice(2)}` : line))
      .join('\n');
    const { incidents } = await extract(numbered, options);
    expect(incidents[0]?.occurredAt).toBe('2018-06-29T16:22:38+02:00');
    expect(incidents[0]?.sendingDomain).toBe('orange.fr');
  });

  it("reads a notice behind list marks, its reply's wrapped line without the mark", async () => {
    const { incidents } = await extract(fixture('oneandone-416-bulleted.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    );
    expect(incidents[0]?.sendingDomain).toBe('europexportcar.eu');
    expect(incidents[0]?.occurredAt).toBe('2017-10-18T17:44:59+02:00');
  });

  it('leaves a single marked line alone', async () => {
    const { incidents } = await extract('- 550 5.7.1 Service refuse. OFR004_104 [104]', options);
    expect(incidents[0]?.orange?.reason).toBe(104);
  });
});

describe("Gmail's notice naming its sender in Received-From-MTA", () => {
  it('takes the sending domain from that address', async () => {
    const { incidents } = await extract(fixture('gmail-received-from-mta-sender.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingDomain).toBe('maildistribute.com');
    expect(incidents[0]?.sources.sendingDomain?.text).toBe(
      'Received-From-MTA: dns; k.lourd@maildistribute.com',
    );
  });
});

describe("Gmail's delay notice for a session that timed out", () => {
  it('says no remote server replied', async () => {
    const { incidents, warnings } = await extract(fixture('gmail-delay-transaction-timeout.txt'), options);
    expect(incidents).toEqual([]);
    const note = warnings.find((w) => w.code === 'input.no-server-reply');
    expect(note?.text.en).toContain('the session broke off before it completed');
    expect(note?.text.en).toContain('but was unable to complete the message transaction');
  });
});

describe('a policy filter naming the envelope sender it checked', () => {
  it('takes the sending domain from "for your MAIL FROM address <a@x>", wrapped by a mail', async () => {
    const { incidents } = await extract(fixture('exchange-vger-mail-from-address.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingDomain).toBe('mathworks.com');
    expect(incidents[0]?.remoteIp).toBe('23.128.96.18');
  });
});

describe("Exim's log of a reply whose second line has no code", () => {
  it('reads its written `\\n` as the line break it stands for', async () => {
    // The cPanel guide to exim_mainlog (2014), as quoted in ait-aecid/logdata-anomaly-miner's test script.
    const line =
      '2014-11-26 10:26:32 1XtYro-004Ecv-65 ** aaron@domain.com R=dkim_lookuphost T=dkim_remote_smtp: SMTP error from remote mail server after MAIL FROM:<aaron@domain.com> SIZE=1604: host mail.fictional.example [10.5.40.204]: 553 <aaron@domain.com> unable to verify address\\nVerify that SMPT authentication has been enabled.';
    const { incidents } = await extract(line, options);
    expect(incidents[0]?.reply.text).toBe(
      '553 <aaron@domain.com> unable to verify address Verify that SMPT authentication has been enabled.',
    );
  });
});

describe("a returned copy that kept only the receiver's Authentication-Results", () => {
  it('takes the sending domain from its smtp.mailfrom', async () => {
    // The notice of audit10, quoted on LKML (2026): its copy has neither Return-Path nor From.
    const text = readFileSync(
      fileURLToPath(
        new URL('../fixtures/extract/audit10/exchange-history-quoted-notice.txt', import.meta.url),
      ),
      'utf8',
    );
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.sendingDomain).toBe('kernel.org');
    expect(incidents[0]?.sources.sendingDomain?.text).toMatch(/Authentication-Results:/);
  });
});

describe('a reply quoted in a French sentence', () => {
  it('leaves out the closing guillemet and the period after it', async () => {
    // Microsoft's French documentation on NDRs (5.1.8), quoting the notice's words.
    const text =
      "Contactez votre administrateur pour obtenir de l’aide. Le serveur distant a renvoyé' 550 5.1.8 accès refusé, expéditeur sortant incorrect».";
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.reply.text).toBe('550 5.1.8 accès refusé, expéditeur sortant incorrect');
  });

  it('keeps a guillemet the reply opened itself', async () => {
    const { incidents } = await extract('550 5.7.1 Message refusé « contenu interdit ».', options);
    expect(incidents[0]?.reply.text).toBe('550 5.7.1 Message refusé « contenu interdit ».');
  });
});
