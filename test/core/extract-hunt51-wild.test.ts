/**
 * Real pastes from issue trackers (and a Czech help page) of European mailbox providers' refusals
 * (T-Online, GMX, IONOS, Libero, mailbox.org) and of other notices in German, Italian, Polish and Czech
 * posts, each field checked by hand against the text (test/fixtures/extract/hunt51/SOURCES.md): they guard
 * against regressions. Three rows are fixed in the branch that added them (Postal's details, a Postfix
 * attempt's RCPT reply, a reply logged as an array of its lines). Row: date, sending IPs, sending hosts,
 * sending domain, recipient domain, rejecting host and address, basic and enhanced code, Orange's reason.
 */
import { type FieldCase, fieldTable } from './field-table';

const cases: FieldCase[] = [
  [
    "T-Online's 554 at greeting in one Postfix line: the sending IP from its `IP=` (the poster's documentation address), year and zone assumed",
    'mailu-1614-postfix-tonline-554-ip-bl.log',
    [
      [
        '2026-09-06T15:51:08+00:00',
        ['192.0.2.1'],
        ['smtp'],
        null,
        null,
        'mx03.t-online.de',
        '194.25.134.73',
        554,
        null,
        null,
      ],
    ],
  ],
  [
    "a Postfix notice under German sentences, T-Online's names cut by the poster and the IP masked: no rejecting host, no sending IP",
    'mailcow-2639-postfix-notice-de-tonline-cut-host.txt',
    [[null, [], [], null, 'infoinfoinfo.de', null, null, 554, null, null]],
  ],
  [
    "GMX's wrapped three-line 554 in a Markdown code span: the sending IP from the case link's `v=`",
    'hitobito-2671-gmx-554-wrapped-code-span.md',
    [[null, ['185.79.233.85'], [], null, null, null, null, 554, null, null]],
  ],
  [
    "Authelia's logrus lines with GMX's 554, the link's IP masked: one incident, dated with the line's zone",
    'authelia-2571-logrus-gmx-554-masked-ip.log',
    [['2021-11-09T07:28:39+01:00', [], [], null, null, null, null, 554, null, null]],
  ],
  [
    "Libero's 421 and Postal's `No SMTP servers were available for libero.it. Tried mx.libero.it`: the recipient's domain and the host tried (fixed)",
    'postal-83-libero-421-no-reverse-dns.txt',
    [[null, [], [], null, 'libero.it', 'mx.libero.it', null, 421, null, null]],
  ],
  [
    "mailbox.org's greylisting in Postfix's per-attempt line without its status line: the recipient's domain from the RCPT reply (fixed)",
    'greasyfork-1117-postfix-mailboxorg-greylisted.log',
    [
      [
        '2026-11-24T21:09:33+00:00',
        [],
        ['mail'],
        null,
        'mailbox.org',
        'mx2.mailbox.org',
        '80.241.60.215',
        450,
        '4.2.0',
        null,
      ],
    ],
  ],
  [
    "Exchange's Italian diagnostic section, the address a Markdown link: the generating server, no date of the refusal",
    'fse-support-2056-exchange-it-recipient-not-found.txt',
    [[null, [], [], null, 'sogei.it', 'sia-mbx04.domus.ad.sogei.it', null, 550, '5.1.10', null]],
  ],
  [
    "IONOS's 554 to a Mac's Postfix relaying through it, the link's address elided: IONOS's relay, no sending IP",
    'hm-email-13-postfix-ionos-554-elided-queue.txt',
    [[null, [], [], null, null, 'smtp.ionos.de', '213.165.67.113', 554, null, null]],
  ],
  [
    "IONOS's multi-line 554 logged as an array of its lines: read whole, the sending IP from IONOS's link (fixed)",
    'hm-email-13-swift-array-ionos-554.txt',
    [[null, ['141.64.50.178'], [], null, null, null, null, 554, null, null]],
  ],
  [
    "Trend Micro's 554 5.7.1 BLOCK-RCPT in a Postfix notice with Markdown links, in a Polish post",
    'allegro-api-11540-pl-postfix-trendmicro-markdown-links.md',
    [
      [
        null,
        [],
        [],
        null,
        'powiadomienia.allegro.pl',
        'allegro.in.tmes.trendmicro.eu',
        '18.185.115.145',
        554,
        '5.7.1',
        null,
      ],
    ],
  ],
  [
    "GMX's 550 quoted in a sentence in a code span: the reply alone",
    'sport-portal-462-gmx-550-prose-code-span.md',
    [[null, [], [], null, null, null, null, 550, null, null]],
  ],
  [
    "nodemailer 0.7's tree log of two GMX sessions, cut in its last reply: the recipient of connection 2's RCPT TO that the reply answers, GMX's echo of the client's address, the host GMX's greeting names (fixed, branch left55)",
    'nodemailer-548-tree-log-gmx-550-cut.txt',
    [[null, ['54.149.120.24'], [], null, 'yopmail.com', 'gmx.com', null, 550, null, null]],
  ],
  [
    "a Czech help page quoting a returned mail's `[x.x.x.x]: 550 5.1.1` and an SPF sentence without a code: the reply alone, the page's placeholders not taken",
    'c4-faq-cz-returned-mail-errors.txt',
    [[null, [], [], null, null, null, null, 550, '5.1.1', null]],
  ],
];

fieldTable(
  'hunt51: real pastes of European mailbox providers and notices in their users’ languages',
  'hunt51',
  '2026-12-07T12:00:00Z',
  cases,
);
