/**
 * Fifteenth round of real input. Fixtures and their sources: test/fixtures/extract/audit15/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { exchangeQueueDate } from '../../core/extract/exchange-queue-date';
import { looksLikeHtmlSource } from '../../core/extract/html-source';

const dir = fileURLToPath(new URL('../fixtures/extract/audit15/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe("Exchange's queue: the last retry dates the error it shows", () => {
  it('reads Queue Viewer’s {LRT=...} day first when the day is above 12', async () => {
    const { incidents } = await extract(fixture('exchange-queueviewer-lrt-day-first.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2025-07-15T09:21:04+00:00');
    expect(incidents[0]?.sources.occurredAt?.text).toContain('{LRT=15/07/2025 09:21:04}');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toEqual(['date.last-retry', 'date.no-zone']);
  });

  it('reads Get-Queue’s year-first stamp, in the zone the user gives', async () => {
    const { incidents } = await extract(fixture('exchange-getqueue-lastretrytime.txt'), {
      assumeZone: 'Asia/Shanghai',
    });
    expect(incidents[0]?.reply.text).toBe('454 4.7.0 Temporary authentication failure');
    expect(incidents[0]?.occurredAt).toBe('2019-11-04T13:31:03+08:00');
  });

  it('leaves a date that reads both ways, or with a two-digit year, alone', () => {
    expect(exchangeQueueDate('{LRT=12/03/2025 10:00:00}')).toBeNull();
    expect(exchangeQueueDate('LastRetryTime : 15-01-21 23:50:05')).toBeNull();
    expect(exchangeQueueDate('LastRetryTime : 12/3/2025 9:21:04 PM')).toBe('2025-12-03T21:21:04');
    expect(exchangeQueueDate('LastRetryTime    : 03.12.2025 13:00:00')).toBeNull();
    expect(exchangeQueueDate('LastRetryTime    : 31.11.2025 13:00:00')).toBeNull();
    expect(exchangeQueueDate('NextRetryTime : 2019/11/4 13:41:05')).toBeNull();
  });
});

describe('the sending address a reputation refusal names', () => {
  it('reads Gmail’s bracket before its Message-ID refusal, through the poster’s bold, and no masked host', async () => {
    const { incidents } = await extract(fixture('postfix-gmail-msgid-bold-masked-host.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['2001:41d0:302:1000::21a9']);
    expect(incidents[0]?.remoteIp).toBe('2a00:1450:400c:c07::1b');
    expect(incidents[0]?.sendingHosts).toEqual([]);
    expect(incidents[0]?.reply.text).toContain(
      '[2001:41d0:302:1000::21a9] Messages missing a valid messageId header are not accepted. ',
    );
  });

  it('reads Proofpoint’s `Mail from IP refused` and its lookup link without `ip=`', async () => {
    const { incidents } = await extract(fixture('proofpoint-mail-from-refused-bare-lookup.txt'));
    expect(incidents[0]?.sendingIps).toEqual(['18.234.87.196']);
    const link = '550 5.7.0 Blocked, see https://support.proofpoint.com/dnsbl-lookup.cgi?192.0.2.77';
    expect((await extract(link)).incidents[0]?.sendingIps).toEqual(['192.0.2.77']);
  });

  it('reads Trend Micro’s `Mail from IP has been blocked`', async () => {
    const { incidents } = await extract(fixture('trendmicro-ers-mail-from-blocked.txt'));
    expect(incidents[0]?.sendingIps).toEqual(['23.129.64.183']);
  });
});

describe('a notice copied from a page’s source', () => {
  it('decodes its typographic entities and drops bold italics, so Gmail’s bracket is read', async () => {
    const { incidents } = await extract(fixture('postfix-notice-blog-entities-bold-italics.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['77.49.112.75']);
    expect(incidents[0]?.remoteIp).toBe('72.14.221.114');
    expect(incidents[0]?.reply.text).toContain(
      'The IP you’re using to send mail is not authorized to send email directly to our servers. Please use the SMTP relay at your service provider instead.',
    );
  });

  it('takes numeric and typographic entities as a sign of HTML source, not an ampersand or a raw tag beside them', () => {
    expect(looksLikeHtmlSource('It&#8217;s attached below.')).toBe(true);
    expect(looksLikeHtmlSource('you&rsquo;re')).toBe(true);
    expect(looksLikeHtmlSource('http://x.example/?a=1&amp;ip=192.0.2.1 & more')).toBe(false);
    expect(looksLikeHtmlSource('<jean@orange.fr> It&#8217;s <b>x</b>')).toBe(false);
  });
});

describe('newer sending services’ events', () => {
  it('reads ZeptoMail’s hard bounce: the reply, the recipient and its time, the zone said', async () => {
    const { incidents } = await extract(fixture('zeptomail-hardbounce-webhook.json'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      format: 'json-event',
      recipientDomain: 'example.com',
      occurredAt: '2025-01-08T15:30:45+00:00',
      reply: { code: 550, enhanced: '5.1.1', text: '550 5.1.1 User unknown' },
    });
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
  });

  it('reads Azure Communication Services’ delivery report inside its Event Grid envelope', async () => {
    const { incidents } = await extract(fixture('azure-acs-eventgrid-bounced.json'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      format: 'json-event',
      recipientDomain: 'invalid-domain.com',
      // `noreply@yourdomain.com`: a placeholder, no domain.
      sendingDomain: null,
      occurredAt: '2025-11-01T12:05:00+00:00',
      reply: { code: 550, text: '550 5.1.1 User unknown' },
    });
    const report = {
      deliveryAttemptTimestamp: '2025-11-11T21:17:05.36+00:00',
      deliveryStatusDetails: {
        recipientMailServerHostName: 'mx01.mail.icloud.com',
        statusMessage: '554 5.7.1 [HM08] Message rejected due to local policy',
      },
      recipient: 'jean@icloud.com',
      sender: 'news@mail.example.com',
      status: 'Failed',
    };
    const [one] = (await extract(JSON.stringify(report, null, 2))).incidents;
    expect(one).toMatchObject({
      remoteHost: 'mx01.mail.icloud.com',
      sendingDomain: 'mail.example.com',
      occurredAt: '2025-11-11T21:17:05+00:00',
    });
  });
});

describe('Amazon SES failing to connect on its own side', () => {
  const bounce = (diagnosticCode: string) =>
    JSON.stringify({
      eventType: 'Bounce',
      bounce: {
        bounceType: 'Transient',
        bounceSubType: 'General',
        bouncedRecipients: [{ emailAddress: 'jean@orange.fr', diagnosticCode }],
        timestamp: '2026-05-12T10:00:00Z',
      },
      mail: { messageId: 'msg-4', source: 'news@example.com' },
    });

  it('is no refusal, expired or delayed', async () => {
    for (const text of [
      bounce(
        'smtp; 550 4.4.7 Message expired: unable to deliver in 840 minutes. <421 4.4.1 Failed to establish connection>',
      ),
      JSON.stringify({
        eventType: 'DeliveryDelay',
        deliveryDelay: {
          delayType: 'TransientCommunicationFailure',
          delayedRecipients: [
            {
              emailAddress: 'jean@orange.fr',
              status: '4.4.1',
              diagnosticCode: 'smtp; 421 4.4.1 Connection timed out',
            },
          ],
          timestamp: '2025-01-15T10:35:00.000Z',
        },
        mail: { source: 'news@example.com' },
      }),
    ]) {
      const result = await extract(text);
      expect(result.incidents, text).toEqual([]);
      expect(result.warnings.map((w) => w.text.en).join(' ')).toContain(
        'Amazon SES handed the message to no server',
      );
    }
  });

  it('keeps the remote’s reply it gave up on', async () => {
    const { incidents } = await extract(
      bounce(
        'smtp; 554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.7.0 [TSS04] Messages from 192.0.2.7 temporarily deferred>',
      ),
    );
    expect(incidents[0]?.reply.text).toBe('421 4.7.0 [TSS04] Messages from 192.0.2.7 temporarily deferred');
  });
});

describe('JSON as documentation and people write it', () => {
  it('reads an event with a comma after its last member, and the address its reply names', async () => {
    const { incidents } = await extract(fixture('sparkpost-bounce-trailing-comma.json'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      format: 'json-event',
      occurredAt: '2016-04-18T14:25:07+00:00',
      recipientDomain: 'example.com',
      sendingIps: ['17.99.99.99'],
      reply: { code: 554, text: '554 MAIL REFUSED - IP (17.99.99.99) is in black list' },
    });
  });

  it('reads comments, single quotes and names without quotes', async () => {
    const event = [
      '{',
      '  // a hard bounce, as the provider documents it',
      "  event: 'bounce',",
      "  email: 'jean@orange.fr',",
      "  reason: '550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR_999 [999]',",
      '  timestamp: 1700000000,',
      '}',
    ].join('\n');
    const { incidents } = await extract(event);
    expect(incidents[0]).toMatchObject({
      format: 'json-event',
      recipientDomain: 'orange.fr',
      occurredAt: '2023-11-14T22:13:20+00:00',
      orange: { reason: 999 },
    });
  });
});

describe('the remote a notice names', () => {
  it('reads Exim’s `host NAME [masked]: reply` with its reply and the name', async () => {
    const { incidents } = await extract(fixture('exim-notice-forum-masked-remote-ip.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      remoteHost: 'local.com',
      remoteIp: null,
      reply: { code: 550, enhanced: '5.7.1', text: '550 5.7.1 Unable to relay for rahmath@local.com' },
    });
  });

  it('reads ZMailer’s Remote-MTA: the remote’s address, then the sending one', async () => {
    const { incidents } = await extract(fixture('zmailer-dsn-forwarded-as-attachment.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      remoteHost: 'ke.lynx.sk',
      remoteIp: '85.159.105.18',
      sendingIps: ['209.132.176.167'],
      occurredAt: '2007-06-20T06:36:35-04:00',
    });
  });
});

describe('a reply without an enhanced code, quoted in a sentence', () => {
  it('is read after the diagnostic’s type (`says: smtp; 550-...`)', async () => {
    // github.com/LukeSmithxyz/emailwiz issue #82 (2020): web.de's reply, as the poster quoted it.
    const sentence =
      'The Diagnostic-Code says: smtp; 550-Requested action not taken: mailbox unavailable 550 invalid DNS MX or A/AAAA resource record.';
    const { incidents } = await extract(sentence);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 550,
      enhanced: null,
      text: '550 Requested action not taken: mailbox unavailable invalid DNS MX or A/AAAA resource record',
    });
  });

  it('is not a count in a sentence', async () => {
    expect((await extract('The server said: we sent 550 messages today.')).incidents).toEqual([]);
  });
});

describe('a connection lost in the middle of the session', () => {
  it('is said to have no reply to quote, not that nothing was recognised', async () => {
    for (const line of [
      // github.com/whyscream/postfix-grok-patterns issue #87 (2016): postfix/error's line without its prefix.
      '2DC5552A34: to=<testtest@yahoo.com>, relay=none, delay=63495, delays=63350/144/0/0, dsn=4.4.2, status=deferred (delivery temporarily suspended: lost connection with mta7.am0.yahoodns.net[98.136.216.22] while sending RCPT TO)',
      // Postfix's other wording, on a line as github.com/hardware/mailserver issue #195 (2017) shows them.
      'Nov 22 07:48:36 mail postfix/smtp[27541]: C948D1F7B3A: to=<jean@tiscali.it>, relay=etb-3.mail.tiscali.it[213.205.33.64]:25, delay=61555, delays=61426/0/79/50, dsn=4.4.2, status=deferred (conversation with etb-3.mail.tiscali.it[213.205.33.64] timed out while sending end of data -- message may be sent more than once)',
    ]) {
      const result = await extract(line);
      expect(result.incidents, line).toEqual([]);
      expect(
        result.warnings.map((w) => w.code),
        line,
      ).toContain('input.no-server-reply');
    }
  });
});

describe('a sender named where a recipient could be', () => {
  it('is not the recipient when the line above labels it (`for your MAIL FROM address` / `<a@b> ...`)', async () => {
    const { incidents } = await extract(fixture('exim-notice-quoted-mail-from-wrapped.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBeNull();
    expect(incidents[0]?.remoteHost).toBe('vger.kernel.org');
    expect(incidents[0]?.reply.code).toBe(553);
    // The envelope sender Exim echoes in the command it names (`after MAIL FROM:<marc@perkel.com>`).
    expect(incidents[0]?.sendingDomain).toBe('perkel.com');
  });
});

describe('a reply in a word processor’s curly quotes', () => {
  it('ends at its closing quote', async () => {
    // A help center's page (Desk365, found through the public code index), as it quotes Microsoft's notice.
    const line =
      '‘Remote Server returned ‘550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)’.';
    const { incidents } = await extract(line);
    expect(incidents[0]?.reply.text).toBe(
      '550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)',
    );
    const at =
      'Remote Server at mx.example.net (192.0.2.1) returned “550 5.1.1 User unknown”. Then more words.';
    const [one] = (await extract(at)).incidents;
    expect(one).toMatchObject({ remoteHost: 'mx.example.net', reply: { text: '550 5.1.1 User unknown' } });
  });
});

describe('where a reply ends', () => {
  it('before qmail’s separator when no blank line is left above it', async () => {
    const { incidents } = await extract(fixture('winmail-qmail-notice-no-blank-before-copy.txt'));
    expect(incidents[0]?.reply.text).toBe(
      '554 Service unavailable; Client host [111.111.111.111] blocked using zen.spamhaus.org',
    );
  });

  it('before the separator under a `host ... said:` reply too', async () => {
    const notice = [
      '<jean@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 User unknown',
      '--- Below this line is a copy of the message.',
      'Return-Path: <a@example.com>',
    ].join('\n');
    expect((await extract(notice)).incidents[0]?.reply.text).toBe('550 5.1.1 User unknown');
  });

  it('inside Exchange 2003’s `#<host #5.7.1 smtp; ...> #SMTP#`', async () => {
    const { incidents } = await extract(fixture('exchange2003-hash-smtp-norwegian.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 550,
      enhanced: '5.7.1',
      text: '550 5.7.1 Message rejected as spam by Content Filtering.',
    });
  });
});

describe('names and addresses in an ESP’s list of bounces', () => {
  it('takes the client Exim names in its relay refusal, and no host masked as `smtp-xxxxxx`', async () => {
    // SendGrid's documented bounce list (its Web API v2 docs), one entry.
    const entry =
      '[{"status": "5.0.0", "created": "2012-06-01 14:10:15", "reason": "550 support.sendgrid.net [74.63.202.100] is currently not permitted to relay through this server. Perhaps you have not logged into the pop/imap server in the last 30 minutes or do not have SMTP Authentication turned on in your email client.", "email": "example@example.com"}]';
    expect((await extract(entry)).incidents[0]?.sendingIps).toEqual(['74.63.202.100']);
    const zonemta =
      'info Sender/default/827[14] 17ee78226740009630.001 CONNECTED domain=example.net mx=smtp-xxxxxx[192.0.2.17] src=server[192.0.2.7]\ninfo Sender/default/827[14] id=svd5unyzzguhz22p 17ee78226740009630.001 REJECTED[other] from=a@example.com to=b@example.net src=192.0.2.7 mx=smtp-xxxxxx id=<x@example.com> (550 Invalid Recipient)';
    const [one] = (await extract(zonemta)).incidents;
    expect(one?.reply.text).toBe('550 Invalid Recipient');
    expect(one?.remoteHost).toBeNull();
  });
});

describe('a forward inside another forward', () => {
  it('reads the inner forward’s date and the address the notice went back to, not the outer forward’s', async () => {
    const { incidents } = await extract(fixture('outlook-quote-of-gmail-forwarded-notice.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      occurredAt: '2022-02-16T11:29:00+00:00',
      sendingDomain: 'gmail.com',
      sendingIps: ['172.105.152.211'],
      remoteHost: 'gmail-smtp-in.l.google.com',
    });
    expect(incidents[0]?.sources.occurredAt?.text).toContain('Date: Wed, Feb 16, 2022 at 11:29 AM');
  });
});

describe('one delivery run refused by several servers of the domain', () => {
  it('gives one incident per distinct reply, not one per MX address tried', async () => {
    const { incidents } = await extract(fixture('postfix-yahoo-ts03-several-mx.log'), {
      now: new Date('2026-11-30T12:00:00Z'),
    });
    // Five attempt lines and a status line: the same reply from mta7 (twice) and mta6 is one refusal;
    // the first line (cut by its poster) and the status line's (another URL) are other replies.
    expect(incidents).toHaveLength(3);
    expect(incidents.map((i) => i.remoteIp)).toEqual(['66.196.118.33', '66.196.118.36', '98.136.217.202']);
  });
});

describe('the sending domain a bulk-sender refusal names', () => {
  it('reads Outlook.com’s 5.7.515 and Gmail’s 2022 wording of 5.7.26', async () => {
    // A project's test of bounce diagnostics (found through the public code index): the Diagnostic-Code value.
    const microsoft =
      "smtp; 550 5.7.515 Access denied, sending domain RAMADA.COM.BR doesn't meet the required authentication level. Spf= Pass , Dkim= Pass , DMARC= Fail";
    expect((await extract(microsoft)).incidents[0]?.sendingDomain).toBe('ramada.com.br');
    const { incidents } = await extract(fixture('gmail-5726-older-wording-spf-check.txt'));
    expect(incidents[0]).toMatchObject({ sendingDomain: 'aspades.xyz', sendingIps: ['75.127.7.127'] });
  });

  it('reads a row whose codes a page set two spaces apart', async () => {
    // github.com/melaniearbor/FiveUp issue #25 (2020): an ESP's activity table as the issue shows it.
    const row =
      "hellomelaniec@gmail.com | 2020/10/17 12:48pm | 550  5.7.26 Unauthenticated email from heroku.com is not accepted due to  domain's DMARC policy. jx2si1966735ejb.241 - gsmtp";
    const [one] = (await extract(row)).incidents;
    expect(one).toMatchObject({ sendingDomain: 'heroku.com', reply: { code: 550, enhanced: '5.7.26' } });
  });
});

describe('Thunderbird’s French sentence after the reply', () => {
  it('is no part of the reply', async () => {
    // github.com/YunoHost-Apps/mailman_ynh issue #6 (2018).
    const error =
      'Une erreur est survenue lors de l’envoi du courrier. Le serveur de courrier a répondu : 5.1.1 <test@liste.domain.tld>: Recipient address rejected: User unknown in virtual mailbox table. Veuillez vérifier l’adresse du destinataire test@liste.domain.tld et essayer à nouveau.';
    expect((await extract(error)).incidents[0]?.reply.text).toBe(
      '5.1.1 <test@liste.domain.tld>: Recipient address rejected: User unknown in virtual mailbox table',
    );
  });
});

describe('a domain a poster wrote in place of theirs, in the reply’s brackets', () => {
  it('is no sending domain', async () => {
    for (const stand of ['domain.com', 'xyz.com']) {
      const reply = `550-5.7.26 This message does not pass authentication checks (SPF and DKIM both do not pass). SPF check for [${stand}] does not pass with ip: [192.0.2.7].`;
      expect((await extract(reply)).incidents[0]?.sendingDomain, stand).toBeNull();
    }
  });
});

describe('an ESP’s reply field cut from a notice', () => {
  it('ends at its first empty line', async () => {
    const { incidents } = await extract(fixture('mandrill-diag-with-mime-tail.json'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 Requested action not taken: mailbox unavailable (-1389492669:4198:-2147467259)',
    );
    expect(incidents[0]?.recipientDomain).toBe('hotmail.com');
  });
});

describe('Postal’s details with the address first', () => {
  it('give the server that refused and its address', async () => {
    const { incidents } = await extract(fixture('postal-details-address-first.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      remoteHost: 'mail.zaporeaz.com',
      remoteIp: '185.23.70.7',
      recipientDomain: 'zaporeaz.com',
      reply: { code: 550 },
    });
  });
});

describe('a destination that did not resolve', () => {
  it('names no rejecting server: the Remote-MTA field is the domain looked up', async () => {
    const { incidents } = await extract(fixture('kmail-forward-dsn-domain-not-found.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      recipientDomain: 'vgr.kernel.org',
      remoteHost: null,
      reply: { code: null, enhanced: '5.1.2' },
    });
  });
});

describe('Zoho’s labelled line wrapped by a mail client', () => {
  it('goes on over the lines that carry on its sentence', async () => {
    const { incidents } = await extract(fixture('zoho-notice-outlook-copy-wrapped.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.text).toContain('The email you sent has an invalid DKIM signature');
    expect(incidents[0]?.reply.text).toContain('or visit https://forwardemail.net');
  });
});

describe('a session logged behind `recv HOST>` and `send HOST>`', () => {
  it('gives the reply without the log’s prefixes, its lines joined', async () => {
    const { incidents } = await extract(fixture('node-client-recv-send-gmail-571.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 5.7.1 This message does not have authentication information or fails to pass authentication checks. To best protect our users from spam, the message has been blocked. Please visit https://support.google.com/mail/answer/81126#authentication for more information. f89si1889517pje.50 - gsmtp',
    );
  });
});
