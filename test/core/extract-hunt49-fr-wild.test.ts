/**
 * French-context refusals and logs pasted in issue trackers and pastebins that the engine reads right,
 * each field checked by hand against the text (test/fixtures/extract/hunt49fr/SOURCES.md): they guard
 * against regressions. Row: date, sending IPs, sending hosts, sending domain, recipient domain, rejecting
 * host and address, basic and enhanced code, Orange's reason.
 */
import { type FieldCase, fieldTable } from './field-table';

const cases: FieldCase[] = [
  [
    "Free's `451 too many errors detected from your IP (IP)` in a Postfix line: the IP from the reply, not `dsn=4.0.0` for the enhanced code",
    'mozfr-besogne-226-free-451-postfix.md',
    [
      [
        '2026-10-30T07:51:37+00:00',
        ['95.142.174.97'],
        ['gandi'],
        null,
        'free.fr',
        'mx1.free.fr',
        '212.27.48.7',
        451,
        null,
        null,
      ],
    ],
  ],
  [
    "Exchange Online's banned sending IP in a Postfix notice pasted from `The mail system` on",
    'nextinpact-nxiv6-24-outlook-5.7.606-notice.txt',
    [
      [
        null,
        ['65.52.141.8'],
        [],
        null,
        'nextinpact.com',
        'nextinpact-com.mail.protection.outlook.com',
        '213.199.154.87',
        550,
        '5.7.606',
        null,
      ],
    ],
  ],
  [
    "La Poste's LPN007_510 in two Postfix lines: the sender's domain from `from=<>`, no sending IP written",
    'osm-fr-344-laposte-lpn007-510-postfix.md',
    [
      [
        '2025-12-31T10:36:25+00:00',
        [],
        ['mastodon'],
        'fr.osm.social',
        'laposte.net',
        'smtpz4.laposte.net',
        '160.92.124.66',
        550,
        '5.7.1',
        null,
      ],
    ],
  ],
  [
    "OVH's forwarding relay refused by a ministry's MX as an internal sender coming from the internet",
    'derived-mtes-numerique-16-ovh-notice-gouv-internal-sender.md',
    [
      [
        null,
        [],
        ['mo53.mail-out.ovh.net'],
        null,
        'developpement-durable.gouv.fr',
        'relternet-01.developpement-durable.gouv.fr',
        '194.5.170.13',
        554,
        '5.7.1',
        null,
      ],
    ],
  ],
  [
    'a greylisting in a Postfix line a Trac migration mangled: the reply read, date and host left empty',
    'vlm-3-trac-postfix-greylist-mangled.md',
    [
      [
        null,
        [],
        [],
        null,
        'virtual-loup-de-mer.org',
        'mx01.actilis.net',
        '87.98.179.123',
        450,
        '4.2.0',
        null,
      ],
    ],
  ],
  [
    "a PHP application's sendmail refusal line: the client's IP from `<unknown[IP]>`, no rejecting host named",
    'derived-collec-science-85-sendmail-rcpt-554-apache-log.txt',
    [[null, ['193.49.134.150'], [], null, 'cefe.cnrs.fr', null, null, 554, '5.7.1', null]],
  ],
  [
    "the admin's own Postfix greylisting Orange's outgoing relays: no remote refused the admin's mail",
    'postgrey-6-orange-smtpout-greylisted-inbound.md',
    [],
  ],
  [
    '`mailq` entries of lost connections: no SMTP reply, no refusal',
    'derived-hardware-mailserver-234-mailq-lost-connection.md',
    [],
  ],
  [
    "invaluement's ivmSIP refusal in o2switch's notice forwarded from Apple Mail: the sending IP from the lookup link",
    'derived-pastebin-iAp1b4gm-apple-mail-fr-forward-o2switch-notice.txt',
    [
      [
        '2019-01-08T11:45:07+01:00',
        ['109.234.163.22'],
        ['sortant-01.o2switch.net'],
        'objetdelacom.fr',
        'padsworld.com',
        'mx.stackmail.com',
        '185.151.28.67',
        550,
        '5.0.0',
        null,
      ],
    ],
  ],
  [
    "a mail accepted by Orange's submission relay, then Orange's outgoing relay refused by the poster's own server",
    'pastebin-kdZs2AAp-fr-postfix-orange-relay-then-own-relay-denied.log',
    [],
  ],
  [
    '`Client host rejected` naming the client by its reverse name, from an MX whose address the poster hid',
    'pastebin-ktv8Gjkw-fr-postfix-client-host-rejected-masked-mx.log',
    [
      [
        '2010-01-27T10:03:01+01:00',
        ['94.23.42.58'],
        ['serverb.srv.monentreprise.info'],
        null,
        'monsite.net',
        'mx1.monsite.net',
        null,
        554,
        '5.7.1',
        null,
      ],
    ],
  ],
  [
    "SFR's Spamhaus refusal at greeting in 1&1's notice, the list's name cut by the copy: the client's IP, not SFR's",
    'derived-pastebin-J9kXXSdZ-ionos-notice-sfr-spamhaus-wrapped.txt',
    [
      [
        '2019-10-21T17:29:32+02:00',
        ['82.165.159.9'],
        ['mrelayeu.kundenserver.de'],
        'creacio.es',
        'sfr.fr',
        'smtp-in.sfr.fr',
        '93.17.128.123',
        554,
        '5.7.1',
        null,
      ],
    ],
  ],
  [
    "Postfix's `refused to talk to me: 554 host` with `Status: 4.0.0`: 554 kept, the submitting ADSL client not the sender",
    'derived-pastebin-zvxsPjWy-firstheberg-notice-socgen-554-refused.txt',
    [
      [
        '2015-09-02T13:43:46+02:00',
        [],
        ['mail.firstheberg.net'],
        'sensiogp.com',
        'socgen.com',
        'nycmail.iap.socgen.com',
        '207.45.243.143',
        554,
        null,
        null,
      ],
    ],
  ],
  [
    "a notice from Free's relay whose addresses a page hid: domains left empty",
    'derived-pastebin-L9SRCXyH-free-notice-cloudflare-masked-unrouteable.txt',
    [
      [
        '2017-10-24T19:14:29+02:00',
        [],
        ['smtp2-g21.free.fr'],
        null,
        null,
        'denisjanin.fr',
        '109.234.162.147',
        550,
        null,
        null,
      ],
    ],
  ],
  [
    "a French client's `OBJET :` / `EXPEDITEUR :` above a Postfix notice of three Outlook refusals: no date written",
    'derived-pastebin-r35f04G9-fr-client-labels-postfix-notice-hotmail-fr.txt',
    [
      [
        null,
        [],
        ['rev26.sitiv.fr'],
        null,
        'hotmail.fr',
        'eur.olc.protection.outlook.com',
        '104.47.2.33',
        550,
        '5.5.0',
        null,
      ],
      [
        null,
        [],
        ['rev26.sitiv.fr'],
        null,
        'hotmail.fr',
        'eur.olc.protection.outlook.com',
        '104.47.2.33',
        550,
        '5.5.0',
        null,
      ],
      [
        null,
        [],
        ['rev26.sitiv.fr'],
        null,
        'hotmail.fr',
        'eur.olc.protection.outlook.com',
        '104.47.2.33',
        550,
        '5.5.0',
        null,
      ],
    ],
  ],
  [
    "Orange's abuse desk saying a customer's sending rights are restored: no refusal",
    'pastebin-E4K6C8gi-orange-abuse-desk-rights-restored.txt',
    [],
  ],
];

fieldTable(
  'French-context refusals from trackers and pastebins (hunt49)',
  'hunt49fr',
  '2026-12-07T12:00:00Z',
  cases,
);
