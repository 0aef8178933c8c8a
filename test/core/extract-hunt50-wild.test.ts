/**
 * Real pastes from issue trackers the engine reads right (other MTAs' logs and notices, gateways, ESP
 * events, DSN fragments), each field checked by hand against the text (test/fixtures/extract/hunt50/
 * SOURCES.md): they guard against regressions. Row: date, sending IPs, sending hosts, sending domain,
 * recipient domain, rejecting host and address, basic and enhanced code, Orange's reason.
 */
import { type FieldCase, fieldTable } from './field-table';

const cases: FieldCase[] = [
  [
    "Postal's hard fails as a user lists them: Gmail's sending IP from its bracket, Yahoo's TSS09 for two domains (no recipient domain)",
    'postal-docs-17-hard-fail-gmail-yahoo-tss09.md',
    [
      [null, ['5.182.17.60'], [], null, null, null, null, 550, '5.7.1', null],
      [null, [], [], null, null, null, null, 553, '5.7.2', null],
    ],
  ],
  [
    "Gmail's multi-line unsolicited-mail reply run together on one line: the sending IP from `[145.239.80.210 12]`",
    'postal-266-gmail-unsolicited-one-line.md',
    [[null, ['145.239.80.210'], [], null, null, null, null, 550, '5.7.1', null]],
  ],
  [
    "ZoneMTA's SMTPERR at greeting from iCloud's MX (Proofpoint's 554 5.7.0): the source address as written, never the MX's",
    'zonemta-301-icloud-proofpoint-greeting-blocked.log',
    [
      [
        '2026-02-11T08:39:37+00:00',
        ['1.1.1.1'],
        ['zmta1'],
        null,
        null,
        'mx01.mail.icloud.com',
        '17.56.9.17',
        554,
        '5.7.0',
        null,
      ],
    ],
  ],
  [
    "Exim's notice lines quoting Mimecast's 550 envelope blocked after RCPT TO",
    'writetothem-364-exim-mimecast-envelope-blocked.md',
    [
      [
        null,
        [],
        [],
        null,
        'rhondda-cynon-taff.gov.uk',
        'eu-smtp-inbound-1.mimecast.com',
        '195.130.217.211',
        550,
        null,
        null,
      ],
    ],
  ],
  [
    "Exim's `after end of data:` with the host and the reply quoted with `>`: no recipient named",
    'writetothem-364-exim-end-of-data-header-not-allowed.md',
    [[null, [], [], null, null, 'chpseg01n.somerset.gov.uk', '194.74.187.85', 550, null, null]],
  ],
  [
    'a `(reason: 554 ...)` quoted in prose: the reply alone',
    'writetothem-190-reason-554-click-link.md',
    [[null, [], [], null, null, null, null, 554, null, null]],
  ],
  [
    "mail.ru's Exim notice fragment, the address a Markdown link: Mailgun's MX and its address",
    'inboxkitten-99-mailru-exim-mailgun-relaying-denied.md',
    [[null, [], [], null, 'inboxkitten.com', 'mxa.mailgun.org', '34.149.236.64', 550, '5.7.1', null]],
  ],
  [
    "Haraka's outbound `recipient <...> rejected: 550 5.1.1`: the sender's domain from the core's `sender=`",
    'haraka-936-outbound-gmail-550-5.1.1.log',
    [[null, [], [], 'app.ssm01.com', 'gmail.com', null, null, 550, '5.1.1', null]],
  ],
  [
    "Free's 421 at greeting in three Postfix lines: one incident per line, year and zone assumed, no recipient",
    'iredmail-156-postfix-free-421-reverse-dns.log',
    [
      [
        '2026-01-23T05:33:49+00:00',
        [],
        ['pixel-games'],
        null,
        null,
        'mx2.free.fr',
        '212.27.42.58',
        421,
        null,
        null,
      ],
      [
        '2026-01-23T05:33:49+00:00',
        [],
        ['pixel-games'],
        null,
        null,
        'mx2.free.fr',
        '212.27.42.58',
        421,
        null,
        null,
      ],
      [
        '2026-01-23T05:33:49+00:00',
        [],
        ['pixel-games'],
        null,
        null,
        'mx1.free.fr',
        '212.27.48.7',
        421,
        null,
        null,
      ],
    ],
  ],
  [
    'three Postfix status fragments in code spans without syslog prefix: each remote and its address',
    'mailcow-3860-postfix-relay-fragments-outlook-office365.md',
    [
      [null, [], [], null, null, 'hotmail-com.olc.protection.outlook.com', '104.47.8.33', 550, '5.7.1', null],
      [null, [], [], null, null, 'mail.protection.outlook.com', '104.47.71.138', 550, '5.4.1', null],
      [null, [], [], null, null, 'smtp.office365.com', '52.98.3.178', 554, '5.2.0', null],
    ],
  ],
  [
    'Postfix lines in a container wrapped by the terminal, the relay masked: no remote, no sending host from the container id',
    'postfixrelay-46-hetzner-wrapped-sender-not-allowed.log',
    [['2026-08-04T12:36:31+00:00', [], [], null, 'test.mail', null, null, 550, null, null]],
  ],
  [
    "a Postfix notice's 554 at end of DATA, the reply folded over three lines",
    'derived-mailcow-471-postfix-notice-malformed-mime-554.txt',
    [
      [
        null,
        [],
        ['mail.bravocontrols.com'],
        null,
        'summitmechanical.net',
        'summitmechanical.net.mx1.inddc.rcimx.net',
        '208.80.204.98',
        554,
        null,
        null,
      ],
    ],
  ],
  [
    'a Postfix notice with HTML entities and mailto links around the addresses',
    'openhatch-605-postfix-notice-html-escaped.txt',
    [
      [
        null,
        [],
        ['mail.ibboard.co.uk'],
        null,
        'forwarder.openhatch.org',
        'linode.openhatch.org',
        '74.207.229.254',
        550,
        '5.1.1',
        null,
      ],
    ],
  ],
  [
    "a Postfix notice whose reply repeats the address on its second line (AOL's 550 5.1.1), from `host host.com`, a stand-in: no sending host",
    'phpmailer-bmh-1-postfix-notice-aim.txt',
    [[null, [], [], null, 'aim.com', 'mailin-03.mx.aol.com', '64.12.90.97', 550, '5.1.1', null]],
  ],
  [
    "Proton Mail's notice and DSN with Markdown links everywhere, the remote's address masked",
    'stalwart-698-protonmail-notice-markdown-links-503.md',
    [
      [
        '2024-08-20T12:03:47+00:00',
        [],
        ['mail-43166.protonmail.ch'],
        'external.com',
        'stalwartdomain.com',
        'mail.stalwartdomain.com',
        null,
        503,
        '5.5.1',
        null,
      ],
    ],
  ],
  [
    "`Remote server response:` then Postfix's 550 5.1.1: the recipient's domain from the reply",
    'tracim-1457-remote-server-response-550-5.1.1.md',
    [[null, [], [], null, 'tracim.fr', null, null, 550, '5.1.1', null]],
  ],
  [
    "Exchange Online's German diagnostic with two attempts, Exchange's own connection-refused words: no reply code",
    'fundersclub-441-outlook-de-diagnose-two-attempts.txt',
    [
      [
        '2025-08-23T13:12:14+00:00',
        [],
        [],
        null,
        'fire.fundersclub.com',
        'fire.fundersclub.com',
        '13.248.132.87',
        null,
        '4.4.316',
        null,
      ],
    ],
  ],
  [
    "a DSN fragment of Exchange's own 5.4.317 (message expired): no reply code",
    'mautic-3154-dsn-exchange-5.4.317-expired.txt',
    [[null, [], [], null, 'example.com', null, null, null, '5.4.317', null]],
  ],
  [
    'an Exim notice in Markdown italics with `retry timeout exceeded` and a DSN fragment: no reply',
    'roundcube-9442-exim-retry-timeout-transip.md',
    [
      [
        null,
        [],
        ['placeholder.transip.us'],
        null,
        'foodticketsupport.zendesk.com',
        null,
        null,
        null,
        '5.0.0',
        null,
      ],
    ],
  ],
  [
    "a SendGrid bounce event: its Unix time, Exchange Online's 5.1.10",
    'sendgrid-docs-5177-event-bounce-5.1.10.json',
    [['2019-04-30T12:40:23+00:00', [], [], null, 'bar.com', null, null, 550, '5.1.10', null]],
  ],
  [
    "Stalwart's JMAP deliveryStatus: the reply and the recipient's domain, `sendAt` not taken for the refusal's time",
    'bulwark-933-stalwart-jmap-delivery-status.json',
    [[null, [], [], null, 'acme.org', null, null, 550, '5.1.2', null]],
  ],
  [
    "members of a Sisimai JSON record for Orange's ofr_506",
    'sisimai-189-json-members-orange-506.txt',
    [[null, [], [], null, 'orange.fr', 'smtp-in.orange.fr', null, 550, '5.2.0', 506]],
  ],
  [
    "a Windows mail server's `Failed Recipient:` / `Reason: Remote host said:` notice quoted in a blog: the reply alone",
    'dotlic-2007-blog-failed-recipient-gmail-bulk.txt',
    [[null, [], [], null, null, null, null, 550, '5.7.1', null]],
  ],
  [
    "Winmail's notice of Gmail's refusal, the sending IP masked: the date and sender from the returned copy, no IP",
    'magicwinmail-doc-winmail-notice-gmail-masked-ip.txt',
    [['2022-09-06T11:20:55+08:00', [], [], 'winmail.cn', 'gmail.com', null, null, 550, '5.7.1', null]],
  ],
  [
    "Exim's notice with every address masked by the page: Barracuda's 554 alone, nothing guessed",
    'csail-tig-exim-barracuda-reputation-masked.txt',
    [[null, [], [], null, null, null, null, 554, null, null]],
  ],
  [
    "SendGrid's old Bounces API entry: the reply and the recipient's domain, no time",
    'sendgrid-docs-485-bounces-api-array.json',
    [[null, [], [], null, 'domain.com', null, null, 550, '5.1.1', null]],
  ],
  [
    "OpenSMTPD's PermFail from a content filter on 127.0.0.1: no incident",
    'derived-opensmtpd-541-relay-permfail-local-filter.log',
    [],
  ],
  [
    "Gmail's notice of a socket error, no SMTP reply: no incident",
    'doaj-963-gmail-notice-socket-error.md',
    [],
  ],
];

fieldTable(
  'hunt50: real pastes of other MTAs, gateways and ESP events',
  'hunt50',
  '2026-12-07T12:00:00Z',
  cases,
);
