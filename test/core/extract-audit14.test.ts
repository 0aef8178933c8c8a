/**
 * Fourteenth round of real input: IPv6, sending-domain traps, deferrals, application errors, groupware
 * servers, dates, providers outside Western Europe, and replies naming their own server. Fixtures and
 * their sources: test/fixtures/extract/audit14/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { advise } from '../../core/orange';

const dir = fileURLToPath(new URL('../fixtures/extract/audit14/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('a reply that names its own server right after the code', () => {
  it('gives the rejecting host when nothing else names it (Exim’s errors pasted bare)', async () => {
    const { incidents } = await extract(fixture('exim-three-errors-aruba-banner.txt'));
    expect(incidents.map((i) => i.remoteHost)).toEqual([
      'mxdhfe12.ad.aruba.it',
      'db8eur06ft010.eop-eur06.prod.protection.outlook.com',
      null,
    ]);
    expect(incidents[0]?.sources.remoteHost?.line).toBe(4);
  });

  it('gives GoDaddy’s server and the address Cloudmark rates poorly', async () => {
    const { incidents } = await extract(fixture('godaddy-csi-markdown-link.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteHost).toBe('p3plibsmtp03-07.prod.phx3.secureserver.net');
    expect(incidents[0]?.sendingIps).toEqual(['52.38.96.198']);
  });

  it('reads the address GoDaddy names without the delisting link', async () => {
    const reply =
      '554 p3plibsmtp02-03.prod.phx3.secureserver.net bizsmtp IB103. Connection refused. 198.51.100.77 has a poor reputation on Cloudmark Sender Intelligence (CSI).';
    const { incidents } = await extract(reply);
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.77']);
    expect(incidents[0]?.remoteHost).toBe('p3plibsmtp02-03.prod.phx3.secureserver.net');
  });

  it('takes no name the reply speaks about (a listed host, a sender, an address)', async () => {
    for (const reply of [
      '554 5.7.1 mail.sender-example.com is listed in zen.spamhaus.org',
      '550 5.1.1 <someone@mx.example.com>: Recipient address rejected: User unknown',
      '553 5.1.8 mail.sender-example.com... Domain of sender address does not exist',
      '554 example.com rejected your message',
    ]) {
      const { incidents } = await extract(reply);
      expect(incidents[0]?.remoteHost, reply).toBeNull();
    }
  });
});

describe('a multi-line reply a client printed after its own words, the next lines with the enhanced code alone', () => {
  it('starts at the basic code in the client’s sentence (HaskellNet), keeping Gmail’s IPv6 address', async () => {
    const { incidents } = await extract(fixture('haskellnet-gmail-ipv6-continued.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.enhanced).toBe('5.7.1');
    expect(i?.reply.text).toBe(
      '550 5.7.1 [2a02:8109:8940:9de0:68b1:7de4:7eff:e76c] Our system has detected that this message does not meet IPv6 sending guidelines regarding PTR records and authentication. Please review https://support.google.com/mail/?p=IPv6AuthError for more information . b10si351447edj.250 - gsmtp',
    );
    expect(i?.sendingIps).toEqual(['2a02:8109:8940:9de0:68b1:7de4:7eff:e76c']);
    expect(i?.sources.reply?.line).toBe(1);
  });

  it('does the same after Chinese words glued to the code (PMail), dated by the log’s stamp', async () => {
    const { incidents } = await extract(fixture('pmail-gmail-ptr-continued.log'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.enhanced).toBe('5.7.25');
    expect(i?.reply.text).toMatch(/^550 5\.7\.25 \[2401:3400:8000:1::69\] The IP address .* - gsmtp$/);
    expect(i?.sendingIps).toEqual(['2401:3400:8000:1::69']);
    expect(i?.occurredAt).toBe('2024-07-31T16:43:53+00:00');
  });

  it('keeps a reply whose next lines carry another enhanced code as it was', async () => {
    const paste = 'the server said 550 5.7.1 Message refused\n5.1.1 <a@example.org> unknown';
    const { incidents } = await extract(paste);
    expect(incidents.map((i) => i.reply.text)).not.toContain(
      '550 5.7.1 Message refused\n5.1.1 <a@example.org> unknown',
    );
  });
});

describe('a library’s label before a reply without an enhanced code', () => {
  const cases: [string, number, string][] = [
    ['javamail-exception-no-enhanced.txt', 550, '550 Access denied - Invalid HELO name (See RFC2821 4.1.3)'],
    ['gogs-gomail-rcpt-550.log', 550, '550 Mailbox not found or access denied'],
    [
      'gitea-mail-command-502.txt',
      502,
      '502 Invalid input from xxxIPxxx to newxmesmtplogicsvrszb20-1.qq.com',
    ],
    [
      'nodemailer-mail-command-553.txt',
      553,
      '553 Local user only,163 smtp5,HdxpCgA3f+63sTNhtiNZDA--.2001S2 1630777785',
    ],
  ];
  for (const [name, code, text] of cases) {
    it(`reads ${name}`, async () => {
      const { incidents } = await extract(fixture(name));
      expect(incidents.map((i) => [i.reply.code, i.reply.text])).toEqual([[code, text]]);
    });
  }

  it('dates the Gogs line by its log stamp, with the zone assumed and said', async () => {
    const { incidents } = await extract(fixture('gogs-gomail-rcpt-550.log'));
    expect(incidents[0]?.occurredAt).toBe('2017-11-16T10:38:35+00:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
  });

  it('reads both replies after `Message failed:`, with and without an enhanced code', async () => {
    const { incidents } = await extract(fixture('message-failed-451-450.txt'));
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced])).toEqual([
      [451, null],
      [450, '4.2.1'],
    ]);
  });

  it('reads a key=value record’s `response=421-4.7.0 ...`', async () => {
    const { incidents } = await extract(fixture('nodemailer-response-equals-421.txt'));
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '421 4.7.0 Try again later, closing connection. (EHLO)',
    ]);
  });

  it('reads a reply after a line break spelled out in a JSON string, up to the string’s end', async () => {
    const { incidents } = await extract(fixture('pocketbase-raw-error-json.json'));
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '554 5.7.1 Message rejected under suspicion of SPAM; https://ya.cc/1IrBc 1668911002-iGAH3fbul4-NLVGGnGB.',
    ]);
  });

  it('takes no HTTP status after such a label for a refusal', async () => {
    for (const paste of [
      'Error: 500 Internal Server Error',
      'HttpException: 503 Service Unavailable',
      'request failed: 502 Bad Gateway',
    ]) {
      const { incidents } = await extract(paste);
      expect(incidents, paste).toEqual([]);
    }
  });
});

describe('NetEase’s refusals (163.com, 126.com)', () => {
  it('give the client address of the help link and the Unix time of the refusal, said to be read there', async () => {
    const { incidents } = await extract(fixture('nodemailer-163-dtspm-link.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(554);
    expect(i?.sendingIps).toEqual(['219.143.176.2']);
    expect(i?.occurredAt).toBe('2019-07-27T23:50:11+00:00');
    expect(i?.sources.occurredAt?.line).toBe(1);
    expect(i?.assumptions.map((a) => a.code)).toContain('date.from-netease-reply');
  });

  it('read the same inside a Chinese sentence', async () => {
    const { incidents } = await extract(fixture('smtplib-163-dtspm-chinese-prose.txt'));
    expect(incidents.map((i) => [i.occurredAt, i.sendingIps])).toEqual([
      ['2019-08-19T13:33:52+00:00', ['59.42.123.65']],
    ]);
  });

  it('keep a date found elsewhere', async () => {
    const paste =
      'Aug 19 15:33:55 app1 postfix/smtp[811]: 4F0A21C2: to=<a@163.com>, relay=163mx01.mxmail.netease.com[220.181.12.1]:25, dsn=5.0.0, status=bounced (host 163mx01.mxmail.netease.com[220.181.12.1] said: 554 DT:SPM 163 smtp10,DsCowAA3D+JApVpd78gMKg--.16104S2 1566221632 (in reply to end of DATA command))';
    const { incidents } = await extract(paste, {
      assumeZone: '+02:00',
      now: new Date('2019-12-01T00:00:00Z'),
    });
    expect(incidents[0]?.occurredAt).toBe('2019-08-19T15:33:55+02:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).not.toContain('date.from-netease-reply');
  });
});

describe('addresses and names a poster typed in place of real ones', () => {
  it('drops `1.123.123.123` and `71.123.123.123` from a Postfix line', async () => {
    const { incidents } = await extract(fixture('postfix-gmail-ips-redacted-123.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual([]);
    expect(incidents[0]?.remoteIp).toBeNull();
    expect(incidents[0]?.remoteHost).toBe('aspmx.l.google.com');
  });

  it('drops the address of `domain.de[123.123.123.123]`, keeping the name (some domain is called that)', async () => {
    const { incidents, warnings } = await extract(fixture('postfix-placeholder-domain-de.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect([i?.remoteHost, i?.remoteIp, i?.recipientDomain]).toEqual(['domain.de', null, 'domain.de']);
    expect(warnings.map((w) => w.code)).toContain('missing.remoteIp');
  });

  it('reads no remote address out of a queue listing’s `[108.000.000.000]`', async () => {
    const { incidents } = await extract(fixture('mailq-gmail-ips-masked-zeros.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteIp).toBeNull();
    expect(incidents[0]?.remoteHost).toBe('alt1.gmail-smtp-in.l.google.com');
    expect(incidents[0]?.sendingIps).toEqual([]);
  });

  it('keeps real addresses that merely look regular', async () => {
    const paste =
      'host mx.example.net[193.252.22.65] said: 550 5.7.1 Client host [203.0.113.123] blocked using zen.spamhaus.org';
    const { incidents } = await extract(paste);
    expect(incidents[0]?.remoteIp).toBe('193.252.22.65');
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.123']);
  });
});

describe('more of what a reply or a notice says of the two ends', () => {
  it('reads the recipient domain of an address whose local part is in Japanese', async () => {
    const { incidents } = await extract(fixture('postfix-gmail-ipv6-japanese-local-part.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('gmail.com');
    expect(incidents[0]?.sendingIps).toEqual([]);
  });

  it('reads the sending IP of Outlook’s `Please try again later from [IP]`', async () => {
    const { incidents } = await extract(fixture('postfix-outlook-4.7.500-from-ip.log'));
    expect(incidents.length).toBeGreaterThan(0);
    for (const i of incidents) expect(i.sendingIps).toEqual(['174.136.107.245']);
  });

  it('keeps the remote’s name beside a masked address (`host gmail-smtp-in.l.google.com [xx.xx.xx.xx]`)', async () => {
    const { incidents } = await extract(fixture('exim-gmail-host-ip-masked.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteHost).toBe('gmail-smtp-in.l.google.com');
    expect(incidents[0]?.remoteIp).toBeNull();
  });

  it('reads the server Yahoo names at its reply’s end, and drops the help page’s 123.45.67.89', async () => {
    const { incidents } = await extract(fixture('qmail-yahoo-help-example.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteHost).toBe('mta123.mail.mud.yahoo.com');
    expect(incidents[0]?.remoteIp).toBeNull();
  });
});

describe('a sender the remote could not verify, and a report with a blank line after each field', () => {
  it('gives the unverified address as the sender’s, not the recipient’s', async () => {
    const { incidents } = await extract(fixture('node-recipient-error-sender-verify.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingDomain).toBe('cnode1.devion.intelliverse.com');
    expect(incidents[0]?.recipientDomain).toBeNull();
  });

  it('reads the recipient’s fields as one block: one incident, not three', async () => {
    const { incidents } = await extract(fixture('postfix-dsn-forwarded-blank-lines.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect([i?.reply.code, i?.reply.enhanced, i?.remoteHost, i?.remoteIp]).toEqual([
      554,
      '5.2.3',
      'mx.zoho.com',
      '204.141.32.121',
    ]);
    expect(i?.recipientDomain).toBe('appcity.co.tz');
  });
});

describe('Exchange’s own status quoting the remote’s reply in words', () => {
  it('gives the remote’s reply after `Target host responded with error. ->`', async () => {
    const { incidents } = await extract(fixture('exchange-queue-4395-starttls.txt'));
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced, i.reply.text])).toEqual([
      [451, '5.7.3', '451 5.7.3 STARTTLS is required to send mail'],
    ]);
  });

  it('gives the remote’s reply quoted after `responded with:`, however deep the wrappers go', async () => {
    for (const [name, text] of [
      ['exchange-queue-viewer-454.txt', '454 4.7.0 Temporary authentication failure.'],
      ['exchange-proxy-frontend-nested.txt', '451 5.7.3 STARTTLS is required to send mail.'],
    ]) {
      const { incidents } = await extract(fixture(name as string));
      expect(
        incidents.map((i) => i.reply.text),
        name,
      ).toEqual([text]);
    }
  });

  it('says no server replied when the innermost status is Exchange’s own failure to connect', async () => {
    for (const name of ['exchange-server-at-4397-refused.txt', 'exchange-expired-4397-reset.txt']) {
      const { incidents, warnings } = await extract(fixture(name));
      expect(incidents, name).toHaveLength(1);
      expect(incidents[0]?.reply.text, name).toBe('');
      expect(
        warnings.map((w) => w.code),
        name,
      ).toContain('input.no-server-reply');
    }
    const { incidents } = await extract(fixture('exchange-server-at-4397-refused.txt'));
    expect([incidents[0]?.remoteHost, incidents[0]?.remoteIp]).toEqual([
      'domain.mail.onmicrosoft.com',
      '52.47.64.127',
    ]);
  });
});

describe('a relay host refusing Postfix’s login', () => {
  it('is an incident with the relay as the remote, and the advice says the message never left', async () => {
    const { incidents } = await extract(fixture('postfix-relayhost-sasl-535.log'), {
      now: new Date('2026-11-30T12:00:00Z'),
    });
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect([i?.reply.code, i?.reply.enhanced, i?.remoteHost, i?.remoteIp]).toEqual([
      535,
      '5.7.8',
      'smtp.gmail.com',
      '142.251.2.108',
    ]);
    expect(i?.occurredAt).toBe('2026-04-29T12:46:28+00:00');
    expect(i && advise(i).nextStep).toBe('not-an-abuse-desk-case');
  });
});

describe('a multi-line reply whose first line follows an application’s words', () => {
  it('starts at the code on that line when the next lines carry the same codes (npm sendmail), one incident for the error logged twice', async () => {
    const { incidents } = await extract(fixture('node-sendmail-gmail-5725-twice.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.text).toMatch(
      /^550 5\.7\.25 \[65\.220\.21\.34\] The IP address sending this message does not have a PTR record setup/,
    );
    expect(i?.sendingIps).toEqual(['65.220.21.34']);
  });

  it('keeps the first clause of Gmail’s reply in GoDaddy’s notice', async () => {
    const { incidents } = await extract(fixture('godaddy-dsn-gmail-5726-markdown.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toMatch(
      /^550 5\.7\.26 This message does not pass authentication checks \(SPF and DKIM both do not pass\)/,
    );
  });

  it('keeps two equal Gmail replies apart when their transaction ids differ', async () => {
    const reply = (id: string) =>
      `550-5.7.1 [203.0.113.9] Our system has detected that this message is\n550 5.7.1 likely unsolicited mail. ${id} - gsmtp`;
    const { incidents } = await extract(
      `first try:\n${reply('a1b2c3d4e5f6.101')}\n\nsecond try:\n${reply('f6e5d4c3b2a1.202')}`,
    );
    expect(incidents).toHaveLength(2);
  });
});

describe('a refusal an application logged with its enhanced code only', () => {
  it('reads Monolog’s `main.CRITICAL: 5.7.57 ...`, dated by the log', async () => {
    const { incidents } = await extract(fixture('magento-monolog-5757.log'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect([i?.reply.code, i?.reply.enhanced]).toEqual([null, '5.7.57']);
    expect(i?.reply.text).toMatch(/^5\.7\.57 SMTP; Client was not authenticated/);
    expect(i?.occurredAt).toBe('2020-09-29T19:30:20+00:00');
    expect(i && advise(i).nextStep).toBe('not-an-abuse-desk-case');
  });

  it('reads MailKit’s `Message=5.2.0 STOREDRV...SendAsDenied...`', async () => {
    const { incidents } = await extract(fixture('mailkit-exception-sendasdenied.txt'));
    expect(incidents.map((i) => i.reply.enhanced)).toEqual(['5.2.0']);
    expect(incidents[0] && advise(incidents[0]).nextStep).toBe('not-an-abuse-desk-case');
  });

  it('takes the basic code PHPMailer writes on the next line', async () => {
    const { incidents } = await extract(fixture('phpmailer-detail-5760-code-below.txt'));
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced])).toEqual([[550, '5.7.60']]);
  });
});

describe('a label alone on its line, the address on the next', () => {
  it('keeps a console’s `Sender:` address out of the recipient domain', async () => {
    const { incidents } = await extract(fixture('workspace-log-search-sender-label.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBeNull();
    expect(incidents[0]?.reply.enhanced).toBe('5.7.26');
  });

  it('still reads a recipient labelled that way', async () => {
    const paste =
      'Recipient:\njean.dupont@orange.fr\n\n550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR_506 [506]';
    const { incidents } = await extract(paste);
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
  });
});

describe('a one-line reply behind a client’s label', () => {
  it('reads `Answer: 550 ...`', async () => {
    const { incidents } = await extract(fixture('modoboa-answer-550.txt'));
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '550 inconsistent / missing DNS PTR record (RFC 1912 2.1)',
    ]);
  });

  it('reads `Erreur : 550 ...` with the recipient of the `Destinataire :` line above, and no sending IP from the resolver’s link', async () => {
    const { incidents } = await extract(fixture('client-erreur-550-destinataire.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.recipientDomain).toBe('openstreetmap.org');
    expect(incidents[0]?.sendingIps).toEqual([]);
  });

  it('reads `permanent error (554): 5.7.1 ...` with its code', async () => {
    const { incidents } = await extract(fixture('idlemail-permanent-error-554.txt'));
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced, i.reply.text])).toEqual([
      [554, '5.7.1', '554 5.7.1 Spam message rejected'],
    ]);
  });
});

describe('Microsoft’s codes as notices and quotes give them', () => {
  it('reads `Status code: 550 5.7.1` under “More Info for Email Admins”, without the page’s explanation', async () => {
    const { incidents } = await extract(fixture('o365-more-info-status-code.txt'));
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced, i.reply.text])).toEqual([
      [550, '5.7.1', '550 5.7.1'],
    ]);
  });

  it('joins a quoted reply wrapped over two quoted lines without the second line’s `>`', async () => {
    const { incidents } = await extract(fixture('list-reply-quoted-541-wrapped.txt'));
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '550 5.4.1 Recipient address rejected: Access denied. AS(201806281)',
    ]);
  });
});

describe('ESP records that name their fields their own way', () => {
  it('reads Vero’s `bounce_message`, dated by `bounced_at`', async () => {
    const { incidents } = await extract(fixture('vero-bounced-event.json'));
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced, i.occurredAt])).toEqual([
      [521, '5.2.1', '2015-06-22T23:37:18+00:00'],
    ]);
  });

  it('reads addy.io’s `code`, `remote_mta`, `recipient_email` and `attempted_at`', async () => {
    const { incidents } = await extract(fixture('addy-bounce-records.json'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect([i?.reply.code, i?.remoteHost, i?.recipientDomain, i?.occurredAt]).toEqual([
      554,
      'mail.icloud.com',
      'recipient.com',
      '2019-10-01T09:00:00+00:00',
    ]);
  });
});

describe('a Microsoft 365 notice with the returned message’s headers', () => {
  it('is dated by the stamp Microsoft’s server wrote in its reply, not by the returned message’s Date', async () => {
    const { incidents } = await extract(fixture('o365-ndr-hop-count-stamp.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.occurredAt).toBe('2024-04-21T13:47:53+00:00');
    expect(i?.sources.occurredAt?.text).toMatch(/^Diagnostic-Code: /);
    expect(i?.assumptions.map((a) => a.code)).toContain('date.from-microsoft-reply');
  });
});

describe('session transcripts with their own line marks', () => {
  it('reads MDaemon’s: dated by the reply’s line, the sender of `--> MAIL From:`, the host it connected to', async () => {
    const { incidents } = await extract(fixture('mdaemon-warning-session-transcript.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.text).toBe(
      '450 4.7.25 Client host rejected: cannot find your hostname, [190.104.194.67]',
    );
    expect(i?.occurredAt).toBe('2022-08-09T07:47:32+00:00');
    expect(i?.sendingDomain).toBe('nb.com.ar');
    expect(i?.recipientDomain).toBe('tvpublica.com.ar');
    // The MX its `Attempting SMTP connection to [host:25]` line names, with the address it connected to
    // (`*  Connection established (192.168.0.15:60296 -> 181.15.247.213:25)`), not the name the
    // greeting gives itself; the private local address is not the sending IP.
    expect(i?.remoteHost).toBe('host213.181-15-247.tvpublica.com.ar');
    expect(i?.remoteIp).toBe('181.15.247.213');
    expect(i?.sendingIps).toEqual(['190.104.194.67']);
  });

  it('reads DokuWiki’s `Sent:` / `Got:` lines: one refusal, by the host of the greeting', async () => {
    const { incidents } = await extract(fixture('dokuwiki-smtp-sent-got.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('553 5.7.1 Sender address rejected: not owned by auth user.');
    expect(incidents[0]?.remoteHost).toBe('vla1-ee05250d997a.qloud-c.yandex.net');
  });
});

describe('Microsoft’s bracket cut before its end', () => {
  it('still gives the server and the time of the refusal', async () => {
    const { incidents } = await extract(fixture('outlook-4650-stamp-cut.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2025-06-30T18:23:32+00:00');
    expect(incidents[0]?.remoteHost).toBe('ch1pepf0000ad79.namprd04.prod.outlook.com');
  });

  it('but not from a bracket that goes on with other words', async () => {
    const { incidents } = await extract(
      '550 5.7.1 Service unavailable [CH1PEPF0000AD79.namprd04.prod.outlook.com is our server, see above',
    );
    expect(incidents[0]?.remoteHost).not.toBe('ch1pepf0000ad79.namprd04.prod.outlook.com');
  });
});

describe('a host a documentation writes in place of a real one', () => {
  it('is no sending host (`yourhostname` in a syslog line)', async () => {
    const line =
      'Oct 16 07:06:16 yourhostname postfix/smtp[28516]: 570517A73: to=<a@gmx.net>, relay=mx01.emig.gmx.net[212.227.17.5]:25, delay=1, dsn=5.0.0, status=bounced (host mx01.emig.gmx.net[212.227.17.5] refused to talk to me: 554 gmx.net (mxgmx116) Nemesis ESMTP Service not available)';
    const { incidents } = await extract(line, { now: new Date('2026-11-30T12:00:00Z') });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingHosts).toEqual([]);
  });
});

describe('one attempt logged several times', () => {
  it('is one incident when the lines repeat within a minute (Exim, four identical lines)', async () => {
    const { incidents } = await extract(fixture('exim-same-attempt-four-lines.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2017-01-09T12:33:59+00:00');
    expect(incidents[0]?.sendingIps).toEqual(['99.99.9.20']);
  });

  it('while a retry an hour later stays an incident of its own', async () => {
    const line = (time: string) =>
      `2017-01-09 ${time} 1cP42S-0001RJ-5L SMTP error from remote mail server after MAIL FROM:<myuser@mysite.com> SIZE=1789: 421 4.7.0 [TSS04] Messages from 99.99.9.20 temporarily deferred due to user complaints`;
    const { incidents } = await extract([line('12:33:59'), line('13:34:10')].join('\n'));
    expect(incidents.map((i) => i.occurredAt)).toEqual([
      '2017-01-09T12:33:59+00:00',
      '2017-01-09T13:34:10+00:00',
    ]);
  });
});

describe('Postfix’s `(in reply to` left alone at a line’s end by the wrap', () => {
  it('is no part of the reply', async () => {
    const { incidents } = await extract(fixture('postfix-in-reply-to-cut.txt'));
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '550 <Mailserver-ip-address> is not allowed to send mail from <sender-domain>. Help at/Hilfe unter www.mfaq.info',
    ]);
  });
});

describe('Outlook’s notice quoted in a list post', () => {
  it('gives kernel.org’s reply inside Microsoft’s 5.7.350, and the server of `Message rejected by:` a blank line below', async () => {
    const { incidents } = await extract(fixture('kernel-org-rejected-by.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect([i?.reply.code, i?.reply.enhanced, i?.remoteHost]).toEqual([554, '5.7.1', 'smtp.kernel.org']);
    expect(i?.sources.remoteHost?.line).toBe(9);
    expect(i?.sendingIps).toEqual([]);
  });
});

describe('Amazon SES giving up on a message', () => {
  it('gives the remote’s last reply it quotes, not its own 554 with a 4.4.7, and keeps its own words when it quotes none', async () => {
    const { incidents } = await extract(fixture('ses-expired-gmail-last-reply.json'));
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced, i.reply.text])).toEqual([
      [
        421,
        '4.7.28',
        '421 4.7.28 Gmail has detected an unusual rate of mail originating from your SPF domain',
      ],
      [554, '4.4.7', '554 4.4.7 Message expired: unable to deliver in 840 minutes.'],
    ]);
  });
});
