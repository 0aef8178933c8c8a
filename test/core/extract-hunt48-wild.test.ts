/**
 * Refusals pasted in public issue trackers that the engine already read right, each field checked by
 * hand against the text (test/fixtures/extract/hunt48/SOURCES.md): they guard against regressions.
 * Row: date, sending IPs, sending hosts, sending domain, recipient domain, rejecting host and address,
 * basic and enhanced code, Orange's reason.
 */
import { type FieldCase, fieldTable } from './field-table';

const cases: FieldCase[] = [
  [
    "Orange's ofr_506 in a Postfix notice whose Reporting-MTA the poster blanked: no sending host",
    'derived-mailcow-984-postfix-dsn-ofr506.md',
    [
      [
        '2018-01-31T23:35:45+01:00',
        [],
        [],
        null,
        'orange.fr',
        'smtp-in.orange.fr',
        '80.12.242.9',
        550,
        '5.2.0',
        506,
      ],
    ],
  ],
  [
    "Yahoo's TSS04 at MAIL FROM in Postfix lines, the sending IP from the reply, one line without `to=`",
    'derived-mailu-1458-yahoo-tss04-postfix.log',
    [
      [
        '2026-04-21T08:45:22+00:00',
        ['78.225.183.108'],
        ['mail'],
        null,
        'aol.com',
        'mx-aol.mail.gm0.yahoodns.net',
        '98.136.96.92',
        421,
        '4.7.0',
        null,
      ],
      [
        '2026-04-21T08:45:22+00:00',
        ['78.225.183.108'],
        ['mail'],
        null,
        null,
        'mta7.am0.yahoodns.net',
        '67.195.228.110',
        421,
        '4.7.0',
        null,
      ],
    ],
  ],
  [
    "Tuta's notice pasted without its header: no date, the host from `This is the mail system at host`",
    'derived-tutanota-7113-yahoo-tss04-notice.txt',
    [
      [
        null,
        ['185.205.69.214'],
        ['mail.w14.tutanota.de'],
        null,
        'ymail.com',
        'mta7.am0.yahoodns.net',
        '67.195.228.94',
        421,
        '4.7.0',
        null,
      ],
    ],
  ],
  [
    "GMX's greeting refusal on one line: the sending IP from its `?ip=` link, GMX's own address as the remote",
    'edsm-21-gmx-rdns-one-line.txt',
    [[null, ['94.23.55.190'], [], null, null, 'mx00.emig.gmx.net', '212.227.15.9', 554, null, null]],
  ],
  [
    'the same refusal as a Postfix notice wraps it',
    'jeboehm-82-gmx-rdns-wrapped.md',
    [[null, ['217.160.241.84'], [], null, null, 'mx00.emig.gmx.net', '212.227.15.9', 554, null, null]],
  ],
  [
    "qmail's `failed after I sent the message` lines: GMX's address as the remote, the link's as the sender's",
    'nextcloud-mail-6497-gmx-qmail.txt',
    [[null, ['85.158.181.12'], [], null, null, null, '212.227.15.9', 554, null, null]],
  ],
  [
    "web.de's reply alone under `> `",
    'zammad-4630-webde-quoted-reply.md',
    [[null, [], [], null, null, null, null, 554, null, null]],
  ],
  [
    "two `S: 550-` lines of MailKit's protocol log",
    'mailkit-968-gmx-protocol-lines.md',
    [[null, [], [], null, null, null, null, 550, null, null]],
  ],
  [
    "a qmail bounce: its Date, its host, the list's envelope domain, Google's address as the remote",
    'ezmlm-11-qmail-gmail-dmarc.eml',
    [
      [
        '2017-12-11T19:07:47+00:00',
        [],
        ['example.ca'],
        'thethirdmanifesto.com',
        'umail.ucc.ie',
        null,
        '64.233.184.27',
        550,
        '5.7.1',
        null,
      ],
    ],
  ],
  [
    "a forwarder's 550 quoting the Proofpoint link of its own address: that address is the remote's, not the sender's",
    'forwardemail-219-icloud-proofpoint-notice.txt',
    [[null, [], [], null, 'example.com', 'mx1.forwardemail.net', '138.197.213.185', 550, null, null]],
  ],
  [
    "La Poste's and Free's refusals in two fences: one incident each",
    'jambrain-270-laposte-free-notices.md',
    [
      [null, [], [], null, 'laposte.net', 'smtpz4.laposte.net', '194.117.213.1', 550, '5.5.0', null],
      [null, [], [], null, 'free.fr', 'mx1.free.fr', '212.27.48.7', 550, null, null],
    ],
  ],
  [
    // The returned copy, cut after its first field, names the sender by its DKIM d= alone: the sending
    // domain when no envelope sender or From names one (README), as in a bounce with its headers.
    "Yahoo's own notice of iCloud's refusal: no remote named, the sending domain from the copy's DKIM d=",
    'mailcore-1738-yahoo-notice-icloud.txt',
    [[null, [], [], 'yahoo.com', 'icloud.com', null, null, 550, '5.7.1', null]],
  ],
  [
    'a remote address the poster replaced by `[ip]`: left empty',
    'modoboa-webmail-213-aol-masked-ip.txt',
    [
      [
        null,
        [],
        ['mail.example-info.com'],
        null,
        'aol.com',
        'mx-aol.mail.gm0.yahoodns.net',
        null,
        550,
        null,
        null,
      ],
    ],
  ],
  [
    "Hotmail's 2012 refusal in a Postfix notice from `host host.com`, a stand-in: no sending host",
    'phpmailer-bmh-3-hotmail-2012.txt',
    [[null, [], [], null, 'hotmail.com', 'mx3.hotmail.com', '65.54.188.110', 550, null, null]],
  ],
  [
    "Outlook's block with Microsoft's stamp in an Exim notice copied from Roundcube: the stamp dates it, the returned message's `De` row gives the sending domain",
    'derived-hestiacp-2901-exim-outlook-markdown-links.md',
    [
      [
        '2023-02-01T02:52:56+00:00',
        ['185.234.69.116'],
        ['panel1.pacal.cl'],
        'ventas.pacal.cl',
        'hotmail.com',
        'hotmail-com.olc.protection.outlook.com',
        '104.47.59.161',
        550,
        '5.7.1',
        null,
      ],
    ],
  ],
  [
    "Mailgun's `Server response: 550 550 OU-001 ...`: the sending IP Outlook names",
    'portier-128-mailgun-outlook-ou001.md',
    [[null, ['104.130.122.18'], [], null, null, null, null, 550, null, null]],
  ],
  [
    "a Postfix reply paragraph without its recipient: Outlook's AS3140 block",
    'vmail-91-outlook-as3140-fragment.md',
    [
      [
        null,
        ['62.210.82.129'],
        [],
        null,
        null,
        'outlook-com.olc.protection.outlook.com',
        '104.47.40.33',
        550,
        '5.7.1',
        null,
      ],
    ],
  ],
  [
    "Outlook's reply in quotes without its basic code: the code left to fill in, Microsoft's server named",
    'o365itpro-661-outlook-s3140-quoted.md',
    [
      [
        null,
        ['104.130.122.30'],
        [],
        null,
        null,
        'he1eur04ft035.eop-eur04.prod.protection.outlook.com',
        null,
        null,
        '5.7.1',
        null,
      ],
    ],
  ],
  [
    "a Spamhaus refusal naming the client: that address is the sender's, the remote's stays the remote's",
    'osm-fr-207-free-sender-pbl.txt',
    [[null, ['213.36.253.193'], [], null, null, 'buzz.phyks.me', '62.210.192.218', 554, '5.7.1', null]],
  ],
  [
    "the Sober worm's fake notice, its words escaped by a Markdown converter: no SMTP reply in it",
    'perl5-7667-sober-fake-notice-escaped.md',
    [],
  ],
  [
    "the user's own Postfix refusing mail coming in (`NOQUEUE: reject`): no remote refused the user's mail",
    'spamassassin-dqs-53-noqueue-open-resolver.log',
    [],
  ],
  [
    "Gmail's client address padded with spaces in its brackets (`[193.95.241.239      12]`) in an Exim notice",
    'cgeo-5737-exim-gmail-spaced-ip.md',
    [[null, ['193.95.241.239'], [], null, null, 'aspmx.l.google.com', '74.125.133.26', 550, '5.7.1', null]],
  ],
  [
    'an enhanced code written after `#`',
    'mailsherpa-19-hash-enhanced.md',
    [[null, [], [], null, null, null, null, 550, '5.1.0', null]],
  ],
  [
    "a Sendmail notice of 2003 to Wanadoo's old MX: dated when Sendmail took the message in, the submitting client's address not taken for the sending IP",
    'derived-platal-sendmail-wanadoo-2003-rendered.txt',
    [['2003-01-23T13:30:30+01:00', [], [], null, 'wanadoo.fr', 'smtp.wanadoo.fr', null, 550, null, null]],
  ],
  [
    "hMailServer's notice of a connection it would not make: no server's reply in it",
    'hmailserver-367-connect-to-myself.md',
    [],
  ],
];

fieldTable('refusals pasted in issue trackers (hunt48)', 'hunt48', '2026-12-07T12:00:00Z', cases);
