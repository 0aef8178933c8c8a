/**
 * Seventeenth round of real input. Fixtures and their sources: test/fixtures/extract/audit17/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { findClientIps } from '../../core/extract/client-ip';
import { withoutCommentMarks } from '../../core/extract/comment-marks';
import { recipientIn } from '../../core/extract/envelope-address';
import { unquoteRuns } from '../../core/extract/mail-quote';

const dir = fileURLToPath(new URL('../fixtures/extract/audit17/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe("Odoo's messages for smtplib's exceptions", () => {
  it('keeps the whole quoted reply, its short last line after a long one included', async () => {
    const { incidents } = await extract(fixture('odoo-dialog-smtplib-dict-long-lines.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.text).toMatch(/missing the proper dns entries\. Sender verify failed$/);
    expect(incidents[0]?.recipientDomain).toBe('sam-it.biz');
    // The server Odoo sent through is the one that refused.
    expect(incidents[0]?.remoteHost).toBe('box1028.bluehost.com');
  });

  it('reads the code, the reply and the sender one per escaped line, after an escaped line break', async () => {
    const { incidents } = await extract(fixture('odoo-usererror-escaped-newlines.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.enhanced).toBe('5.7.1');
    expect(incidents[0]?.reply.text).toBe(
      "550 5.7.1Unauthorized shipping - Check your domain's MX and/or SPF",
    );
    // `'None'` names no server; the sender's domain is redacted (`loja.xxx.br`): neither is a value.
    expect(incidents[0]?.remoteHost).toBeNull();
    expect(incidents[0]?.sendingDomain).toBeNull();
  });

  it('reads them on real lines too, with the server named on the log record above', async () => {
    const text = [
      "2021-08-01 10:00:00,123 42 ERROR db odoo.addons.base.models.ir_mail_server: Mail delivery failed via SMTP server 'smtp.example.com'.",
      'SMTPSenderRefused: 550',
      '5.7.1 Sender address rejected: not owned by user',
      'bounce@mail.example.net',
    ].join('\n');
    const { incidents } = await extract(text);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('550 5.7.1 Sender address rejected: not owned by user');
    expect(incidents[0]?.remoteHost).toBe('smtp.example.com');
    expect(incidents[0]?.sendingDomain).toBe('mail.example.net');
  });

  it('names the server for every recipient of the dict', async () => {
    const { incidents } = await extract(fixture('odoo8-log-via-smtp-server.log'));
    expect(incidents.length).toBeGreaterThan(0);
    for (const incident of incidents) {
      expect(incident.reply.text).toBe('554 5.7.1 <localhost.localdomain>: Helo command rejected: Get lost!');
      expect(incident.remoteHost).toBe('smtp.test.com');
    }
  });
});

describe('refusals listed one per block, one of them quoted by a mail client', () => {
  it('reads every refusal, not only the one a wording introduced', async () => {
    const { incidents } = await extract(fixture('laposte-replies-checklist-one-quoted.txt'));
    const texts = incidents.map((i) => i.reply.text);
    expect(texts).toContain('4.2.1 service refusé');
    expect(texts).toContain('550 5.5.0 SPF: 80.12.242.126 is not allowed to send mail. LPN004_401');
    expect(texts).toContain(
      '550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. LPN416 416',
    );
    expect(incidents).toHaveLength(8);
    expect(incidents.find((i) => i.reply.text.includes('LPN004_401'))?.sendingIps).toEqual(['80.12.242.126']);
  });

  it("takes La Poste's `LPN416` for La Poste's, not Orange's, whatever its French words", async () => {
    const { incidents } = await extract(fixture('laposte-replies-checklist-one-quoted.txt'));
    for (const incident of incidents) expect(incident.orange).toBeNull();
  });

  it('still reads a pasted session as its refusal alone (the 501 answered a mistyped command)', async () => {
    const text = readFileSync(
      fileURLToPath(new URL('../fixtures/extract/audit13/nc-outlook-mistyped-command.txt', import.meta.url)),
      'utf8',
    );
    const { incidents } = await extract(text);
    expect(incidents.map((i) => i.reply.code)).toEqual([550]);
    expect(incidents[0]?.sendingIps).toEqual(['3.211.34.40']);
  });
});

describe("Exim's delivery log lines read without their format (ids cut short in a Go test)", () => {
  it("reads cPanel's `CV=yes : SMTP error`: the remote is Gmail's MX, never the sender", async () => {
    const { incidents } = await extract(fixture('cpanel-exim-go-test-short-ids.txt'));
    expect(incidents).toHaveLength(2);
    for (const incident of incidents) {
      expect(incident.remoteHost).toBe('gmail-smtp-in.l.google.com');
      expect(incident.remoteIp).toBe('66.102.1.26');
      expect(incident.sendingIps).toEqual([]);
      expect(incident.sendingHosts).toEqual([]);
      expect(incident.reply.code).toBe(550);
    }
  });

  it("does not take an Exim delivery line's `H=host [IP]` for the client's", () => {
    const line =
      '1wrx8k-x ** a@gmail.com R=lookuphost T=remote_smtp H=gmail-smtp-in.l.google.com [66.102.1.26] X=TLS1.3 CV=yes : SMTP error from remote mail server after RCPT TO:<a@gmail.com>: 550 5.1.1 no such user';
    expect(findClientIps(line)).toEqual([]);
    expect(findClientIps('550 5.7.1 rejected: H=mta.example.com [198.51.100.7] is listed')).toEqual([
      '198.51.100.7',
    ]);
  });
});

describe('an Exchange NDR for a recipient its directory does not know (RESOLVER.ADR)', () => {
  it('takes the generating server for the rejecting host, not the sending one', async () => {
    const { incidents } = await extract(fixture('exchange-fr-ndr-recipient-side-trendmicro.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('550 5.1.1 RESOLVER.ADR.RecipNotFound; not found');
    // The sender Trend Micro's filter took the message in from (left57: its hop into the filter, whose
    // `by` is the filter's internal name), never the town's generating server.
    expect(incidents[0]?.sendingHosts).toEqual(['regiesmtp1151-1.odiso.net']);
    expect(incidents[0]?.remoteHost).toBe('srv124.ville-saumur.fr');
    expect(incidents[0]?.sendingDomain).toBe('mb.newsletter-autos.fr');
  });

  it('keeps it a sending host when it is in the sending domain (mail inside one organisation)', async () => {
    const inside = fixture('exchange-fr-ndr-recipient-side-trendmicro.eml').replaceAll(
      'mb.newsletter-autos.fr',
      'ville-saumur.fr',
    );
    const { incidents } = await extract(inside);
    expect(incidents[0]?.sendingHosts).toContain('srv124.ville-saumur.fr');
  });
});

describe('the sending IP an autolinker made a link of', () => {
  it("reads T-Online's `IP=http://IP/`", () => {
    expect(
      findClientIps(
        '554 IP=http://95.216.152.144/ - Dialup/transient IP not allowed. Use a mailgateway (DIAL)',
      ),
    ).toEqual(['95.216.152.144']);
  });

  it('reads it in the pasted reply, wrapped as GitHub showed it', async () => {
    const { incidents } = await extract(fixture('t-online-dial-ip-autolinked.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(554);
    expect(incidents[0]?.sendingIps).toEqual(['95.216.152.144']);
  });
});

describe("a reply from the sending machine's own service, quoted without its log", () => {
  it('is no incident, and a note says why; the remote refusals beside it stay', async () => {
    const { incidents, warnings } = await extract(fixture('postfix-digest-loopback-said.txt'));
    expect(incidents.map((i) => i.remoteIp)).toEqual(['194.25.134.73']);
    expect(incidents[0]?.reply.code).toBe(554);
    expect(warnings.some((w) => w.code === 'input.local-service-reply')).toBe(true);
  });

  it('keeps a session the user ran against a server on this machine', async () => {
    const session = [
      '=== Trying 127.0.0.1:25...',
      '=== Connected to 127.0.0.1.',
      '<-  220 mx.example.net ESMTP Postfix',
      ' -> RCPT TO:<a@example.net>',
      '<** 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown',
    ].join('\n');
    const { incidents } = await extract(session);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteIp).toBe('127.0.0.1');
  });
});

describe("an ESP's event pasted as a string's escaped text", () => {
  it("reads SES's escaped bounce notification as the event it holds", async () => {
    const { incidents } = await extract(fixture('ses-bounce-escaped-json-string.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.text).toBe('550 5.1.1 user unknown');
    // The recipient is the bounced one, not the sender the notification also names.
    expect(i?.recipientDomain).toBe('simulator.amazonses.com');
    expect(i?.sendingDomain).toBe('foobar.com');
    expect(i?.remoteIp).toBe('205.251.242.49');
    expect(i?.occurredAt).toBe('2018-02-03T20:28:10+00:00');
  });
});

describe('addresses that are not the recipient', () => {
  it('skips the address a reply refuses as the sender, and a message id', () => {
    expect(recipientIn('550 5.1.0 <bounce@amazonses.com> sender rejected. AUP#In-1310')).toBeNull();
    expect(recipientIn('"messageid": "0100017258@email.amazonses.com",')).toBeNull();
    expect(recipientIn('Message-ID: <abc.123@mail.example.net>')).toBeNull();
    expect(recipientIn('550 5.1.1 <user@example.net>: Recipient address rejected')).toBe('user@example.net');
  });

  it('gives no recipient for a Sisimai record whose recipient is redacted', async () => {
    const { incidents } = await extract(fixture('sisimai-json-ses-sender-rejected.json'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.recipientDomain).toBeNull();
  });
});

describe('a list post that quotes a bounce in its body', () => {
  it('reads the quoted Postfix notice of a post with its full headers', async () => {
    const { incidents } = await extract(fixture('list-post-quoting-postfix-notice.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.text).toBe('550 5.1.1 Unknown recipient address.');
    expect(i?.remoteHost).toBe('aserp2030.oracle.com');
    expect(i?.remoteIp).toBe('141.146.126.74');
    expect(i?.recipientDomain).toBe('oracle.com');
    // The list post's own date is not the bounce's.
    expect(i?.occurredAt).toBeNull();
  });

  it('decodes a quoted-printable post first and points at the lines as they are in the message', async () => {
    const text = fixture('list-post-qp-quoting-exim-refusal.eml');
    const { incidents } = await extract(text);
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.text).toBe("554 RCPT (hanyu001@208suo.com) dosn't exist");
    expect(i?.remoteHost).toBe('mx1.qiye.aliyun.com');
    expect(i?.remoteIp).toBe('47.246.146.58');
    const lines = text.split(/\r?\n/);
    expect(lines[(i?.sources.remoteIp?.line ?? 0) - 1]).toContain('[47.246.146.58]');
    expect(lines[(i?.sources.reply?.line ?? 0) - 1]).toContain('554 RCPT');
  });
});

describe('a notice quoted in a blog post among more words than a quoted paste has', () => {
  it('reads the quote without its marks, the escaped stars as stars', async () => {
    const { incidents } = await extract(fixture('blog-markdown-quoted-postfix-notice-escaped-stars.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.text).toMatch(
      /^550 Rejected: No spam wanted here\. Your email was deemed to be spam and is not accepted\./,
    );
    expect(i?.reply.text).not.toContain('>');
    expect(i?.occurredAt).toBe('2007-08-02T17:53:05+09:00');
  });

  it("leaves a transcript's `>>>` client lines as they are", () => {
    const lines = ['>>> MAIL From:<a@example.org>', '<<< 250 ok', '>>> RCPT To:<b@example.net>', '>>> DATA'];
    expect(unquoteRuns(lines)).toBeNull();
    expect(unquoteRuns(['Hi,', '> one', '> two', '>', '> three', 'Thanks'])).toEqual([
      'Hi,',
      'one',
      'two',
      '',
      'three',
      'Thanks',
    ]);
  });
});

describe("ZMailer's policy refusal", () => {
  it('names the sending IP it greets', () => {
    expect(
      findClientIps(
        '553 5.7.1 Hello [210.76.114.181], for your MAIL FROM address <liyu@ccoss.com.cn> policy analysis reported: Your address is not liked source for email',
      ),
    ).toEqual(['210.76.114.181']);
    expect(findClientIps('250-mx.example.net Hello [198.51.100.7], pleased to meet you')).toEqual([]);
  });
});

describe('log lines kept in comments', () => {
  it("reads a Go comment's ISO-stamped Postfix lines as the log they are (the reply ends with its record)", async () => {
    const { incidents } = await extract(fixture('go-comments-postfix-iso-lines.txt'));
    const deferred = incidents.find((i) => i.reply.code === 421);
    expect(deferred?.reply.text).toBe('421 Service not available, closing transmission channel');
    expect(deferred?.occurredAt).toBe('2026-03-03T10:18:23+00:00');
    expect(deferred?.sendingHosts).toEqual(['mail']);
    expect(deferred?.remoteIp).toBe('216.40.42.4');
  });

  it("reads a shell script's `#` lines with their syslog stamp and host", async () => {
    const { incidents } = await extract(fixture('shell-comments-postfix-gmail-ipv6.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingHosts).toEqual(['server1']);
    expect(incidents[0]?.occurredAt).toMatch(/^\d{4}-08-23T18:08:08/);
    expect(incidents[0]?.sendingIps).toEqual(['2a01:e35:8b88:a850:4a5b:39ff:fe49:16cd']);
  });

  it('leaves a comment mark before words alone', () => {
    expect(withoutCommentMarks('# see the log below\n#Aug 23 18:08:08 host x')).toBe(
      '# see the log below\nAug 23 18:08:08 host x',
    );
  });
});

describe("PowerShell's error records", () => {
  it('end the reply at the position message on the next line', async () => {
    const { incidents } = await extract(fixture('powershell-send-mailmessage-commented.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('5.7.1 <nick@jeffrey.com>... Relaying denied');
    expect(incidents[0]?.reply.code).toBe(550);
  });

  it('end it at the position message glued to the quoted message', async () => {
    const { incidents } = await extract(fixture('powershell-exception-one-line.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('5.7.1 Client does not have permissions to send as this sender');
  });
});

describe("a reply naming the message's sender in parentheses", () => {
  it('takes `The message from (<a@x>)` for the sender, not the refused recipient', async () => {
    expect(
      recipientIn('554 5.7.1 The message from (<cert@sunnyvale.ca.gov>) with the subject of (x)'),
    ).toBeNull();
    const { incidents } = await extract(fixture('office365-ndr-message-from-sender-in-reply.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('amateur-radio.org');
    expect(incidents[0]?.sendingDomain).toBe('sunnyvale.ca.gov');
    expect(incidents[0]?.reply.code).toBe(554);
  });
});
