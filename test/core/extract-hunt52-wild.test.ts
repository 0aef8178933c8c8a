/**
 * Real pastes and vendors' documented examples of mail servers and tools no fixture had yet (maddy,
 * Mail-in-a-Box, mailcow, Xeams, ActivMail, IronPort's bounce log, OpenWrt's logread, eM Client, a
 * Mailman archive, Spamhaus's open-resolver refusals), each field checked by hand against the text
 * (test/fixtures/extract/hunt52/SOURCES.md): they guard against regressions. Five rows are fixed in the
 * branch that added them (Postfix's `Sender address [a@x] blocked using`, a reply's `#5.1.0` in a
 * sentence, a Mailman page's date for a quoted log line's year, a CSV log's `#Fields:` directive, eM
 * Client's refused recipient). Row: date, sending IPs, sending hosts, sending domain, recipient domain,
 * rejecting host and address, basic and enhanced code, Orange's reason.
 */
import { type FieldCase, fieldTable } from './field-table';

const cases: FieldCase[] = [
  [
    "Outlook.com's S3150 in a Markdown quote, the address masked (`IP.IP.IP.IP`): the reply alone, no sending IP",
    'simple-login-1875-outlook-s3150-masked-ip.md',
    [[null, [], [], null, null, null, null, 550, '5.7.1', null]],
  ],
  [
    "Postfix's `TLS is required, but was not offered by host`: no reply of the remote's, no incident",
    'power-mailinabox-34-postfix-tls-required-deferred.log',
    [],
  ],
  [
    "Exchange Online's 5.4.1 in a Postfix line, the relay's name and the recipient redacted: the server from Microsoft's bracket",
    'rb-sisimai-77-postfix-exchange-541-redacted.log',
    [
      [
        '2026-08-12T21:56:59+00:00',
        [],
        [],
        null,
        null,
        'bl2nam02ft061.eop-nam02.prod.protection.outlook.com',
        '207.46.163.74',
        550,
        '5.4.1',
        null,
      ],
    ],
  ],
  [
    "Exchange Online's 5.4.1 `AS(201806281)` in a code span in a sentence: the server from its bracket",
    'zone-mta-214-o365-541-sentence.md',
    [
      [
        null,
        [],
        [],
        null,
        null,
        'pr2fra01ft009.eop-fra01.prod.protection.outlook.com',
        null,
        550,
        '5.4.1',
        null,
      ],
    ],
  ],
  [
    "Exim's `defer (113): No route to host`: no reply, no incident",
    'hestiacp-3381-exim-defer-no-route.log',
    [],
  ],
  [
    "the poster's Postfix refusing GitHub's mail (`NOQUEUE: reject: RCPT from ...`): this server's own refusal, no incident",
    'yunohost-2162-postfix-noqueue-spamhaus-open-resolver.log',
    [],
  ],
  [
    "a French client's `Destinataire :` and `Erreur : 550 Error: open resolver; ...returnc/pub/IPv6`: the recipient's domain; the resolver's address is no sending IP",
    'osm-operations-674-fr-spamhaus-open-resolver-ipv6.txt',
    [[null, [], [], null, 'openstreetmap.org', null, null, 550, null, null]],
  ],
  [
    "Postfix's `Sender address [user@gmail.com] blocked using dbl.spamhaus.org`, wrapped: the sender's domain, no recipient (fixed)",
    'mailserver2-90-dbl-open-resolver-wrapped.txt',
    [[null, [], [], 'gmail.com', null, null, null, 554, '5.7.1', null]],
  ],
  [
    "maddy's `delivery attempt failed` for a null MX: maddy's own words, no incident (its note: extract-hunt52-maddy-null-mx.test.ts)",
    'maddy-328-queue-attempt-failed-null-mx.log',
    [],
  ],
  [
    "Mautic's Swift Mailer error with the session on the same line: dated with the zone assumed, the sending host from the dump's last `>> EHLO` (fixed)",
    'mautic-1704-swift-o365-5760-one-line.log',
    [['2016-05-09T10:27:03+00:00', [], ['www.finkmedia.de'], null, null, null, null, 550, '5.7.60', null]],
  ],
  [
    "Laravel's Symfony Mailer 454 and its exception's JSON: one incident, the recipient redacted",
    'anonaddy-619-symfony-454-relay-denied.log',
    [['2024-03-20T23:27:25+00:00', [], [], null, null, null, null, 454, '4.7.1', null]],
  ],
  [
    'a reply in quotes in a sentence: the reply alone',
    'forwardemail-423-554-quoted-sentence.md',
    [[null, [], [], null, null, null, null, 554, '5.7.1', null]],
  ],
  [
    "MailKit's protocol log, GMX's two-line 550: one reply",
    'mailkit-968-gmx-550-session-lines.txt',
    [[null, [], [], null, null, null, null, 550, null, null]],
  ],
  [
    "maddy refusing its own client's RCPT (`Use Submission for outgoing SMTP`): this server's refusal, no incident",
    'maddy-517-rcpt-error-use-submission.log',
    [],
  ],
  [
    "a Sober worm's fake notice, escaped by RT's Markdown: its numbers are no reply, no incident",
    'perl5-7605-sober-fake-notice-escaped.txt',
    [],
  ],
  [
    "Xeams' failure log, `550 #5.1.0 Address rejected.` in a sentence: the reply, the recipient's domain, the sender's third on the line as the vendor documents, the impossible address not taken (fixed)",
    'xeams-outbound-failure-log-doc.log',
    [
      [
        '2020-12-28T15:30:23+00:00',
        [],
        [],
        'synametrics.com',
        'mycompany.com',
        null,
        null,
        550,
        '5.1.0',
        null,
      ],
    ],
  ],
  [
    "ActivMail's send log under a `#Fields:` header, the addresses hidden by Cloudflare: the reply, dated by its row's `DateTime` (fixed)",
    'activmail-send-log-csv-doc.log',
    [['2002-01-31T19:54:48+00:00', [], [], null, null, null, null, 550, null, null]],
  ],
  [
    "a mailcow compose line in a Markdown quote, T-Online's 554 with `IP=*`: no sending IP, year and zone assumed",
    'mailcow-2532-compose-tonline-554-quoted.md',
    [
      [
        '2026-04-14T19:44:46+00:00',
        [],
        ['mail'],
        null,
        null,
        'mx01.t-online.de',
        '194.25.134.72',
        554,
        null,
        null,
      ],
    ],
  ],
  [
    "a relay on port 587 refusing the sender (`not owned by user`): the refused sender's domain, the host's full name and the zone from Postfix's Message-ID",
    'mailcow-241-postfix-587-sender-not-owned.log',
    [
      [
        '2015-12-17T16:12:32+01:00',
        [],
        ['mailcow01.newsxc.net'],
        'newsxc.net',
        'exchange24.net',
        'mailcow01.exchange24.net',
        '5.1.76.100',
        553,
        '5.7.1',
        null,
      ],
    ],
  ],
  [
    "IronPort's bounce log as its manual wraps it: two incidents, the recipient's domain from the record's `To:` on the line above the tuple, the private address and the stand-in domain not taken (fixed)",
    'ironport-bounce-log-manual-examples.txt',
    [
      ['2003-12-26T18:37:00+00:00', [], [], null, 'sampledomain.com', null, null, 451, null, null],
      ['2003-12-26T18:36:59+00:00', [], [], null, 'sampledomain.com', null, null, 550, null, null],
    ],
  ],
  [
    'the same with documentation domains and a public address, its lines no longer the width of a wrap: the tuple cut over lines read to its closing brackets, the sending IP from `from your IP address (...)`',
    'derived-ironport-bounce-log-example-domains-public-ip.txt',
    [
      [
        '2003-12-26T18:37:00+00:00',
        ['198.51.100.7'],
        [],
        'example.org',
        'example.net',
        null,
        null,
        451,
        null,
        null,
      ],
      ['2003-12-26T18:36:59+00:00', [], [], 'example.org', 'example.net', null, null, 550, null, null],
    ],
  ],
  [
    "a Postfix line quoted in a Mailman archive's page, amavis's 451 over `relay=[]:10024`: the year from the page's date line (fixed)",
    'amavis-users-2013-postfix-amavis-451-obfuscated.txt',
    [['2013-08-07T13:33:43+00:00', [], [], null, null, null, null, 451, '4.5.0', null]],
  ],
  [
    "OpenWrt's logread of msmtp, Spamhaus's `Client host [IP] blocked`: the sending IP, the recipient from msmtp's words",
    'openmptcprouter-1510-openwrt-logread-msmtp-spamhaus.log',
    [
      [
        '2021-01-06T09:33:59+00:00',
        ['37.170.107.123'],
        [],
        null,
        'prestafute.fr',
        null,
        null,
        554,
        '5.7.1',
        null,
      ],
    ],
  ],
  [
    "eM Client's log, `Recipient address '...' not accepted due to the following reason:` above Stalwart's `4.3.0 <sender>: Temporary lookup failure`: the recipient eM Client names (fixed), the sending domain from the account that starts the line (fixed, branch left55), no code but the enhanced one, no date (the log writes the time alone)",
    'stalwart-386-em-client-log-430-lookup-failure.txt',
    [[null, [], [], 'zeusman.lt', 'zeusit.lt', null, null, null, '4.3.0', null]],
  ],
  [
    "a Polish help page quoting Forpsi's two `550 5.1.0 ... policy violation, see ...` replies: two incidents, the replies alone (known miss: the second reply's text runs on into the page's next sentence, read as its wrapped line)",
    'forpsi-konto-pl-policy-violation-550.txt',
    [
      [null, [], [], null, null, null, null, 550, '5.1.0', null],
      [null, [], [], null, null, null, null, 550, '5.1.0', null],
    ],
  ],
];

fieldTable(
  'hunt52: real pastes of mail servers and tools no fixture had yet',
  'hunt52',
  '2026-12-07T12:00:00Z',
  cases,
);
