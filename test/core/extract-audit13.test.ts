/**
 * Thirteenth round of real input: Postfix behind filters and relays, European mailbox providers,
 * blocklists, ESP events, pastes that are no refusal, SMTP sessions. Fixtures and their sources:
 * test/fixtures/extract/audit13/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { advise } from '../../core/orange/advice';
import type { Incident } from '../../core/types';

const dir = fileURLToPath(new URL('../fixtures/extract/audit13/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('a notice copied from a mail client that labels its header lines in another language', () => {
  it('is dated by `Datum: 03.05.2020 23:07` (day first), in the assumed zone', async () => {
    const { incidents } = await extract(fixture('postfix-bluewin-german-client-header.txt'), {
      assumeZone: '+02:00',
    });
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.occurredAt).toBe('2020-05-03T23:07:00+02:00');
    expect(i?.sources.occurredAt?.line).toBe(2);
    expect(i?.assumptions.map((a) => a.code)).toContain('date.no-zone');
    expect(i?.reply.code).toBe(554);
    expect(i?.remoteHost).toBe('mxbw.lb.bluewin.ch');
    expect(i?.sendingHosts).toEqual(['mxout1.prod.zrh.appuio.ch']);
  });

  it('reads Thunderbird’s French labels the same way, the notice’s `Pour :` being the sender', async () => {
    const paste = [
      'Sujet : Undelivered Mail Returned to Sender',
      'Date : 03/05/2020 23:07',
      'De : MAILER-DAEMON@mta1.example.net (Mail Delivery System)',
      'Pour : jean@example.com',
      '',
      'This is the mail system at host mta1.example.net.',
      '',
      '<a@orange.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550 5.0.0 mwinf5c04 ME Adresse IP',
      '    source bloquee pour cause de spam. OFR006_102 [102] (in reply to end of DATA command)',
    ].join('\n');
    const { incidents } = await extract(paste, { assumeZone: '+02:00' });
    expect(incidents[0]?.occurredAt).toBe('2020-05-03T23:07:00+02:00');
    expect(incidents[0]?.sendingDomain).toBe('example.com');
    expect(incidents[0]?.orange?.reason).toBe(102);
  });

  it('leaves words that only start like a label alone', async () => {
    const paste = [
      'Objet : votre commande',
      '',
      'Bonjour, voici la réponse du serveur :',
      '550 5.7.1 Service unavailable; client [203.0.113.9] blocked',
    ].join('\n');
    const { incidents } = await extract(paste);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBeNull();
  });
});

describe('ESP events an application logged after its own prefix', () => {
  it('reads Mailgun webhooks behind Go’s `2025/09/02 01:52:10` stamp as events, and no opened or accepted one', async () => {
    const { incidents } = await extract(fixture('go-log-mailgun-webhooks.log'));
    expect(
      incidents.map((i) => [
        i.occurredAt,
        i.reply.code,
        i.reply.enhanced,
        i.sendingIps,
        i.sendingDomain,
        i.recipientDomain,
      ]),
    ).toEqual([
      [
        '2025-09-02T01:52:10+00:00',
        451,
        '4.7.650',
        ['198.244.55.36'],
        'mail.trackingmore.net',
        'outlook.com',
      ],
      [
        '2025-09-02T01:26:09+00:00',
        451,
        '4.7.650',
        ['159.112.252.164'],
        'mail.trackingmore.net',
        'live.co.uk',
      ],
    ]);
    expect(incidents.map((i) => i.remoteHost)).toEqual([
      'outlook-com.olc.protection.outlook.com',
      'eur.olc.protection.outlook.com',
    ]);
    // Each value points at the line its event was logged on.
    expect(incidents.map((i) => i.sources.reply?.line)).toEqual([2, 4]);
  });

  it('reads an SES notification a Lambda logged after `RAW NOTIFICATION:`, dated by the bounce', async () => {
    const { incidents } = await extract(fixture('lambda-log-ses-raw-notification.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2026-04-30T15:05:57+00:00');
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.enhanced).toBe('5.4.1');
    expect(incidents[0]?.sendingDomain).toBe('example.com');
  });
});

describe('reports that tell of no refusal', () => {
  it('makes no incident of a read receipt, and says what it is', async () => {
    const { incidents, warnings } = await extract(fixture('read-receipt-displayed.eml'));
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.read-receipt']);
  });

  it('makes no incident of a DMARC failure report, and gives its delivery result', async () => {
    const { incidents, warnings } = await extract(fixture('dmarc-failure-report-delivered.eml'));
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.auth-failure-report']);
    expect(warnings[0]?.text.en).toContain('delivery result given: delivered');
    expect(warnings[0]?.text.fr).toContain('résultat de la remise indiqué\u00a0: delivered');
  });

  it('believes Exchange’s `Action: delivered` over the `Status: 5.4.0` it writes beside it', async () => {
    const { incidents, warnings } = await extract(fixture('exchange-delivered-receipt-status-5.eml'));
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.delivered-report']);
  });

  it('still reads a refusal quoted beside `Action: delivered`', async () => {
    const dsn = [
      'From: MAILER-DAEMON@mta1.example.com',
      'Subject: Delivery Status Notification',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mta1.example.com',
      '',
      'Final-Recipient: rfc822; jean@orange.fr',
      'Action: delivered',
      'Status: 5.0.0',
      'Diagnostic-Code: smtp; 550 5.0.0 mwinf5c04 ME Mail rejete. Mail rejected. OFR_506 [506]',
      '--b--',
    ].join('\r\n');
    const { incidents } = await extract(dsn);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.orange?.reason).toBe(506);
  });

  it('keeps a complaint report’s incident (its reported IP helps find the cause)', async () => {
    const arf = [
      'From: scomp@aol.net',
      'Subject: Email Feedback Report',
      'Content-Type: multipart/report; report-type=feedback-report; boundary="b"',
      '',
      '--b',
      'Content-Type: message/feedback-report',
      '',
      'Feedback-Type: abuse',
      'Source-IP: 198.51.100.34',
      '--b--',
    ].join('\r\n');
    const { incidents, warnings } = await extract(arf);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.34']);
    expect(warnings.map((w) => w.code)).toContain('input.abuse-report');
  });
});

describe('the sending IP a refusal names', () => {
  it('keeps an IPv6 address that ends with `::`', async () => {
    const { incidents } = await extract(fixture('gmail-ipv6-ending-double-colon.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['2001:41d0:1000:16da::']);
  });

  it('reads blocklists’ `IP is in a black list` and `[IP]:port is in an RBL`, and Mailgun’s `sender → recipient`', async () => {
    const { incidents } = await extract(fixture('mailgun-dashboard-blocklists.txt'));
    expect(incidents.map((i) => [i.sendingIps, i.sendingDomain, i.recipientDomain])).toEqual([
      [['198.61.254.12'], 'micromasters.odl.mit.edu', null],
      [['198.61.254.12'], 'micromasters.odl.mit.edu', 'ceruti.net'],
    ]);
  });

  it('takes no address a blocklist names for another reason', async () => {
    const { incidents } = await extract(
      '554 5.7.1 Service unavailable; the DNSBL at 192.0.2.53 is in a maintenance window, try later',
    );
    expect(incidents[0]?.sendingIps).toEqual([]);
  });
});

describe('a Postfix log whose error replies come from the server itself', () => {
  it.each([
    ['postfix-amavis-451.log', 'a content filter on 127.0.0.1:10024'],
    ['postfix-lmtp-dovecot-quota.log', 'the mail store behind LMTP'],
  ])('makes no incident of %s (%s) and says why', async (name) => {
    const { incidents, warnings } = await extract(fixture(name));
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.postfix-own-refusal']);
  });

  it('still reads a remote’s refusal logged beside the filter’s', async () => {
    const log = [
      fixture('postfix-amavis-451.log').trimEnd(),
      'Nov 12 23:58:01 Directories postfix/smtp[3795]: D1A2B1BC16A: to=<jean@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.0.0, status=bounced (host smtp-in.orange.fr[193.252.22.65] said: 550 5.0.0 mwinf5c04 ME Mail rejete. Mail rejected. OFR_506 [506] (in reply to end of DATA command))',
    ].join('\n');
    const { incidents } = await extract(log);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.orange?.reason).toBe(506);
    expect(incidents[0]?.occurredAt).not.toBeNull();
  });
});

describe('PowerMTA’s `while connected from ... to ...`', () => {
  it('gives both ends of the connection and the line’s date', async () => {
    const { incidents } = await extract(fixture('powermta-monitor-last-errors.txt'));
    expect(
      incidents.map((i) => [
        i.occurredAt,
        i.sendingIps,
        i.sendingHosts,
        i.remoteHost,
        i.remoteIp,
        i.reply.code,
      ]),
    ).toEqual([
      [
        '2026-06-17T07:14:01+00:00',
        ['54.36.75.159'],
        ['ceres.streamad.in'],
        'mta6.am0.yahoodns.net',
        '98.136.96.91',
        421,
      ],
      [
        '2026-06-17T03:13:59+00:00',
        ['54.36.75.159'],
        ['ceres.streamad.in'],
        'mta5.am0.yahoodns.net',
        '98.136.96.75',
        421,
      ],
    ]);
  });

  it('reads Orange’s refusal the same way, the sender named by its address alone', async () => {
    const line =
      '2026-06-17 07:14:01 Error: "550 5.7.1 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 [102]" while connected from 203.0.113.7 to smtp-in.orange.fr (193.252.22.65)';
    const { incidents } = await extract(line);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.7']);
    expect(incidents[0]?.remoteIp).toBe('193.252.22.65');
    expect(incidents[0]?.orange?.reason).toBe(102);
  });
});

describe('PHPMailer’s debug output', () => {
  it('reads its session: one refusal, though the error line repeats the server’s reply, with the MAIL FROM', async () => {
    const { incidents } = await extract(fixture('phpmailer-debug-relay-denied.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('554 5.7.1 <foo@bar.com>: Relay access denied');
    expect(incidents[0]?.sendingDomain).toBe('domain.com');
    expect(incidents[0]?.sources.sendingDomain?.line).toBe(1);
  });

  it('takes the sender of the client’s lines when only the error line gives the reply', async () => {
    const { incidents } = await extract(fixture('phpmailer-debug1-451.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(451);
    expect(incidents[0]?.sendingDomain).toBe('trot.com');
    expect(incidents[0]?.recipientDomain).toBe('pineisland48.com');
  });
});

describe('an ESP’s own failures, no server having answered', () => {
  it('are no incident: Mailgun’s `498 No MX` (no server writes a code with a 9 in second place)', async () => {
    const { incidents, warnings } = await extract(fixture('mailgun-failed-498-no-mx.json'));
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.esp-not-sent']);
    expect(warnings[0]?.text.en).toContain('No MX for nomx.example.com');
  });

  it('are no incident: SES’s `Message expired` after failing to look up the domain', async () => {
    const { incidents, warnings } = await extract(fixture('ses-expired-dns-lookup.json'));
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.esp-not-sent']);
  });

  it('keep SES’s `Message expired` that quotes a remote’s last reply', async () => {
    const text = fixture('ses-expired-dns-lookup.json').replace(
      '421 4.4.0 Unable to lookup DNS for mailinatorc.com',
      '421 4.7.0 [TSS04] Messages from 54.240.9.1 temporarily deferred due to user complaints',
    );
    const { incidents } = await extract(text);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['54.240.9.1']);
  });
});

describe('Mandrill’s deferral event', () => {
  it('takes the sender and recipient from the message it wraps', async () => {
    const { incidents } = await extract(fixture('mandrill-deferral.json'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(454);
    expect(incidents[0]?.sendingDomain).toBe('example.com');
    expect(incidents[0]?.recipientDomain).toBe('example.com');
    expect(incidents[0]?.occurredAt).toBe('2016-02-11T14:30:28+00:00');
  });

  it("gives the remote's relay refusal as the remote's, not as the sender's own relay", async () => {
    const { incidents } = await extract(fixture('mandrill-deferral.json'));
    const incident = incidents[0] as Incident;
    expect(advise(incident).nextStep).not.toBe('not-an-abuse-desk-case');
  });
});

describe('a status Exchange wrote itself, in its tracking log', () => {
  it.each([
    ['exchange-tracking-agent-drop.txt', 'QUEUE.TransportAgent'],
    ['exchange-tracking-resolver-auth-required.txt', 'RESOLVER.RST.AuthRequired'],
  ])('makes no incident of %s and names the status', async (name, status) => {
    const { incidents, warnings } = await extract(fixture(name));
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.exchange-own-status']);
    expect(warnings[0]?.text.en).toContain(status);
  });

  it('still reads a remote’s reply Exchange logged', async () => {
    const { incidents } = await extract(
      'RecipientStatus : {[{LED=550 5.7.1 mwinf5c04 ME Mail rejete. Mail rejected. OFR_506 [506]};{MSG=};{FQDN=smtp-in.orange.fr};{IP=193.252.22.65};{LRT=}]}',
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteIp).toBe('193.252.22.65');
  });
});

describe('Sendmail’s status without a space after its comma', () => {
  it('is still read as a refusal logged without its reply', async () => {
    const { incidents, warnings } = await extract(fixture('sendmail-qq-status-no-space.log'));
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.sendmail-status-without-reply']);
    expect(warnings[0]?.text.en).toContain('mxdomain.qq.com');
  });
});

describe('MXToolbox’s SMTP test of the user’s own server', () => {
  it('makes no incident of its probe refused as a relay, and says what the session is', async () => {
    const { incidents, warnings } = await extract(fixture('mxtoolbox-own-server-relay-denied.txt'));
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.test-probe']);
  });

  it('reads no code in the time it writes after each reply (`[562 ms]`)', async () => {
    const { incidents } = await extract(fixture('mxtoolbox-transcript-all-accepted.txt'));
    expect(incidents).toEqual([]);
  });

  it('leaves the time out of a refusal’s text', async () => {
    const { incidents } = await extract(
      'RCPT TO:<jean@orange.fr>\n550 5.7.1 mwinf5c04 ME Mail rejete. Mail rejected. OFR_506 [506] [307 ms]\n',
    );
    expect(incidents[0]?.reply.text).toBe('550 5.7.1 mwinf5c04 ME Mail rejete. Mail rejected. OFR_506 [506]');
  });
});

describe('a session typed by hand', () => {
  it('is dated by the greeting when nothing else dates it, and says so', async () => {
    const { incidents } = await extract(fixture('telnet-outlook-greeting-date.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2019-09-26T10:51:20+00:00');
    expect(incidents[0]?.sources.occurredAt?.line).toBe(5);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toEqual(['date.from-greeting']);
    expect(incidents[0]?.sendingIps).toEqual([]);
  });

  it('makes no incident of the syntax error answering a mistyped command', async () => {
    const { incidents } = await extract(fixture('nc-outlook-mistyped-command.txt'));
    expect(incidents.map((i) => [i.reply.code, i.sendingIps])).toEqual([[550, ['3.211.34.40']]]);
    expect(incidents[0]?.occurredAt).toBe('2019-04-19T20:03:00+00:00');
  });
});

describe('swaks refused before RCPT TO', () => {
  it('keeps the recipient its command line names, and reads QQ’s `[token IP: address]`', async () => {
    const { incidents } = await extract(fixture('swaks-qq-spf-refused.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('qq.com');
    expect(incidents[0]?.remoteHost).toBe('mx3.qq.com');
    expect(incidents[0]?.sendingIps).toEqual(['60.233.9.39']);
  });
});

describe('a Postfix bounce whose remote address is partly redacted', () => {
  it('keeps each refusal apart, with its remote host and no address', async () => {
    const { incidents } = await extract(fixture('postfix-two-bounces-partly-redacted.txt'));
    expect(incidents.map((i) => [i.remoteHost, i.remoteIp, i.sendingIps])).toEqual([
      ['in.sjc.mx.trendmicro.com', null, []],
      ['mail.wsplastics.com.au', null, []],
    ]);
    expect(incidents[0]?.reply.text).toContain('Trend Micro RBL+');
  });
});

describe('Gmail’s multi-line reply wrapped again in a Postfix fragment', () => {
  it('is read whole, to its `- gsmtp`', async () => {
    const { incidents } = await extract(fixture('postfix-gmail-wrapped-fragment.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 5.7.25 [MY_IPV6] The IP address sending this message does not have a PTR record setup. As a policy, Gmail does not accept messages from IPs with missing PTR records. Please visit support.google.com/mail/answer/81126#authentication for more information. s12si10692358edy.381 - gsmtp',
    );
    expect(incidents[0]?.remoteIp).toBe('2a00:1450:4013:c07::1b');
  });
});

describe('listmonk’s campaign log', () => {
  it('reads the reply after `error sending message in campaign x: subscriber 31:`, dated by its line', async () => {
    const { incidents } = await extract(fixture('listmonk-campaign-421.log'));
    expect(incidents.length).toBeGreaterThan(0);
    for (const i of incidents) {
      expect(i.reply.text).toBe('421 Service not available, closing transmission channel');
      expect(i.occurredAt).toBe('2023-09-09T07:28:56+00:00');
    }
  });
});

describe('a greeting’s refusal KumoMTA quotes in its own words', () => {
  it('is read from the `Response { code, enhanced_code, content }` it prints', async () => {
    const { incidents } = await extract(fixture('kumomta-internal-banner-refusal.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.enhanced).toBe('5.7.1');
    expect(incidents[0]?.reply.text).toContain(
      'Connection refused - IB115. OUR_IP is blacklisted. If you believe this',
    );
  });

  it('gives Orange’s greeting refusal in a TransientFailure record, with the address it connected to', async () => {
    // KumoMTA's record shape (its documentation); the content as KumoMTA words a refused greeting.
    const record = {
      type: 'TransientFailure',
      sender: 'news@example.com',
      recipient: 'jean.dupont@orange.fr',
      queue: 'orange.fr',
      site: 'orange.fr->smtp-in.orange.fr',
      response: {
        code: 400,
        enhanced_code: null,
        content:
          'KumoMTA internal: failed to connect to any candidate hosts: connect to 193.252.22.65:25 and read initial banner: Command rejected Response { code: 421, enhanced_code: None, content: "mwinf5c10 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]", command: None }',
      },
      peer_address: null,
      timestamp: 1700000000,
      source_address: { address: '203.0.113.7:0' },
      egress_pool: 'pool0',
      nodeid: '557f3ad4-2c8c-11ee-976e-782d7e12e173',
    };
    const { incidents } = await extract(JSON.stringify(record));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.orange?.reason).toBe(999);
    expect(incidents[0]?.remoteIp).toBe('193.252.22.65');
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.7']);
  });

  it('still makes no incident of KumoMTA’s own failure to connect', async () => {
    const record = {
      type: 'TransientFailure',
      recipient: 'jean.dupont@orange.fr',
      response: {
        code: 400,
        enhanced_code: null,
        content:
          'KumoMTA internal: failed to connect to any candidate hosts: connect to 193.252.22.65:25: Connection timed out',
      },
      timestamp: 1700000000,
      egress_pool: 'pool0',
    };
    const { incidents } = await extract(JSON.stringify(record));
    expect(incidents).toEqual([]);
  });
});

describe('a ZoneMTA verdict line cut in its reply', () => {
  it('keeps the reply as far as it goes', async () => {
    const { incidents } = await extract(fixture('zonemta-deferred-cut-reply.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('550 5.7.26 Your email has been blocked be');
    expect(incidents[0]?.remoteIp).toBe('142.251.163.26');
    expect(incidents[0]?.sendingIps).toEqual([]);
  });
});

describe('a delay notice that says no server could be reached', () => {
  it('keeps its incident without a reply and says no server replied', async () => {
    const { incidents, warnings } = await extract(fixture('gmail-delay-could-not-connect.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('');
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });
});

describe('PHPMailer’s error message (its ErrorInfo)', () => {
  it('reads `MAIL FROM command failed,<words>,550,5.1.0` with the sender it names, in French', async () => {
    const { incidents } = await extract(fixture('phpmailer-error-orange-starttls-fr.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply).toMatchObject({
      code: 550,
      enhanced: '5.1.0',
      text: '550 5.1.0 q8UotF0nQgqdO StartTLS obligatoire. StartTLS mandatory.OFR203_199 [199]',
    });
    expect(i?.orange).toEqual({ token: 'OFR203_199', reason: 199, server: null });
    expect(i?.sendingDomain).toBe('orange.fr');
  });

  it('reads it in English', async () => {
    const { incidents } = await extract(fixture('phpmailer-error-gmail-auth-en.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(530);
    expect(incidents[0]?.reply.enhanced).toBe('5.5.1');
    expect(incidents[0]?.reply.text).toMatch(/^530 5\.5\.1 Authentication Required\. .* - gsmtp$/);
  });
});

describe('a Sendmail transcript', () => {
  it('makes no incident of DATA’s `554 Error: no valid recipients` after a refusal', async () => {
    const { incidents } = await extract(fixture('sendmail-transcript-no-valid-recipients.txt'));
    expect(incidents.length).toBeGreaterThan(0);
    expect(incidents.some((i) => /no valid recipients/.test(i.reply.text))).toBe(false);
    expect(incidents.map((i) => i.reply.code)).toContain(421);
  });
});

describe('the year and zone of a Sendmail line from the Message-ID Sendmail made', () => {
  it('reads them from `QID: from=..., msgid=<YYYYMMDDhhmm.QID@...>` (the minute in UTC)', async () => {
    const log = fixture('sendmail-own-msgid-clock.log');
    const { incidents } = await extract(log, { now: new Date('2026-11-30T12:00:00Z') });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2014-02-17T03:43:38-05:00');
    const note = incidents[0]?.assumptions.find((a) => a.code === 'year-and-zone-from-message-id');
    expect(note?.text.en).toContain('Sendmail made from the UTC time');
  });

  it('keeps the assumption when the Message-ID was made elsewhere (another queue id inside)', async () => {
    const log = fixture('sendmail-own-msgid-clock.log').replace(
      'msgid=<201402170850.s1H8olxa024921@server.eptent.com>, relay=root@localhost',
      'msgid=<201402170850.q1AbCdEf000001@server.eptent.com>, relay=root@localhost',
    );
    const { incidents } = await extract(log, { now: new Date('2026-11-30T12:00:00Z') });
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('assumed-year-and-zone');
  });
});

describe('`sendmail -v` output', () => {
  it('reads the relay’s `050 ` lines as one session: one refusal, the host it connected to', async () => {
    const { incidents } = await extract(fixture('sendmail-verbose-gmail-ipv6.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.text).toMatch(/^550 5\.7\.1 \[2a01:\*\*:.*Our system has detected .* - gsmtp$/);
    expect(i?.remoteHost).toBe('gmail-smtp-in.l.google.com');
    expect(i?.recipientDomain).toBe('gmail.com');
  });
});

describe('a delivery report whose per-message block holds a recipient’s fields', () => {
  it('makes one incident, for the block that names the recipient', async () => {
    const { incidents } = await extract(fixture('boxbe-challenge-per-message-action.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('googlemail.com');
    expect(incidents[0]?.remoteHost).toBeNull();
    expect(incidents[0]?.reply.enhanced).toBe('4.7.0');
  });
});

describe('a delivery report flattened into one line', () => {
  it('reads the reply after `Diagnostic-Code:` up to the next field, with the IP Proofpoint’s link names', async () => {
    const { incidents } = await extract(fixture('esp-csv-flattened-dsn-proofpoint.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '554 Blocked - see https://ipcheck.proofpoint.com/?ip=58.220.4.150',
    );
    expect(incidents[0]?.sendingIps).toEqual(['58.220.4.150']);
    expect(incidents[0]?.recipientDomain).toBe('louisvuitton.com');
  });
});

describe('Python smtplib’s debug output', () => {
  it('is read as a session: the sender, the client address the EHLO answer gives, the greeting’s host and date', async () => {
    const { incidents } = await extract(fixture('smtplib-debug-exim-invalid-helo.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.text).toBe('550 Access denied - Invalid HELO name (See RFC2821 4.1.1.1)');
    expect(i?.sendingDomain).toBe('domain.com');
    expect(i?.sendingIps).toEqual(['206.189.142.106']);
    expect(i?.remoteHost).toBe('shared87.accountservergroup.com');
    expect(i?.occurredAt).toBe('2020-08-26T06:05:14-05:00');
  });

  it('takes no fragment of a reply the paste cut before any command', async () => {
    const { incidents } = await extract(fixture('smtplib-debug-cut-gmail.txt'));
    expect(incidents.length).toBeGreaterThan(0);
    for (const i of incidents) expect(i.reply.text).toMatch(/^550 5\.7\.1 \[ip 7\] Gmail has detected/);
  });
});

describe('log lines some of which lost their stamps', () => {
  it('does not date a stamp-less record by the record above it, another message’s', async () => {
    const { incidents } = await extract(fixture('ironport-lines-with-and-without-stamps.log'));
    expect(incidents.map((i) => [i.reply.code, i.occurredAt])).toEqual([
      [554, '2004-01-10T09:45:42+00:00'],
      [501, null],
    ]);
  });
});
