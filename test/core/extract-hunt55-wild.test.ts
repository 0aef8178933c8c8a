/**
 * Real texts in languages other than English and French, or from European providers a French postmaster
 * meets (GMX, T-Online, Outlook.com for a Spanish sender), each field checked by hand against the text
 * (test/fixtures/extract/hunt55/SOURCES.md): they guard against regressions. One row is fixed in the
 * branch that added them (Thunderbird's German error kept in a NixOS configuration's `#` comments). Three
 * texts hold no refusal (Exchange Online's user text alone, in German and in French and English; MDaemon's
 * transcript cut before its refusal) and give no incident. Row: date, sending IPs, sending hosts, sending
 * domain, recipient domain, rejecting host and address, basic and enhanced code, Orange's reason.
 */
import { type FieldCase, fieldTable } from './field-table';

const cases: FieldCase[] = [
  [
    "Exchange Online's German notice text without its diagnostic part: no reply, no incident",
    'cwa-quicktest-47-exchange-de-mailbox-full-no-reply.txt',
    [],
  ],
  [
    "Exchange Online's French and English notice text without its diagnostic part: no reply, no incident",
    'fpa-136-exchange-fr-en-mailbox-full-no-reply.md',
    [],
  ],
  [
    "MDaemon's Spanish and English notice, its transcript cut after `250` and `354` replies: no refusal",
    'perl5-5407-mdaemon-es-en-transcript-no-refusal.md',
    [],
  ],
  [
    "a French wiki's table of refusals, one per cell: Orange's `ofr_506 [506]`, Free, La Poste, SFR, Alstom",
    'gadz-wiki-fr-providers-refusals-table.txt',
    [
      [null, [], [], null, null, 'smtp-in.orange.fr', '80.12.242.9', 550, '5.2.0', 506],
      [null, [], [], null, null, 'mx1.free.fr', '212.27.48.6', 550, null, null],
      [null, [], [], null, null, 'smtpz4.laposte.net', '194.117.213.1', 550, '5.5.0', null],
      [null, [], [], null, null, 'smtp-in.sfr.fr', '93.17.128.123', 550, '5.7.1', null],
      [null, [], [], null, null, 'vip-smtp.alstom.com', '159.245.16.220', 550, null, null],
    ],
  ],
  [
    "Gmail's Italian notice, `La risposta del server remoto è:` and its DSN fields: the recipient's domain",
    'gmail-it-address-not-found-550.txt',
    [[null, [], [], null, 'vierreholding.com', null, null, 550, '5.1.1', null]],
  ],
  [
    "a German issue form quoting GMX's 554 and its case link `v=185.79.233.85`: the sending IP, no date",
    'hitobito-2671-gmx-554-case-link-de.md',
    [[null, ['185.79.233.85'], [], null, null, null, null, 554, null, null]],
  ],
  [
    "a Swiss recipient's greylisting `450 ... Grey\\r\\n` quoted with its escaped line end",
    'hygeia-177-swiss-greylist-450-escaped-crlf-de.md',
    [[null, [], [], null, null, null, null, 450, null, null]],
  ],
  [
    "a German user's Postfix report, GMX's 554 with `senderguidelines?ip=`, its masked MX not taken",
    'j-lawyer-904-postfix-dsn-gmx-554-masked-de.txt',
    [['2020-10-09T13:07:26+02:00', ['85.13.155.220'], [], null, 'gmx.net', null, null, 554, '5.0.0', null]],
  ],
  [
    "T-Online's `554 IP=***.***.***.*** ... (BL)`: its MX, the masked sending IP not taken",
    'mailcow-2532-postfix-tonline-554-bl-masked-ip.md',
    [[null, [], [], null, null, 'mx02.t-online.de', '194.25.134.9', 554, null, null]],
  ],
  [
    "Thunderbird's German error in a NixOS configuration's comments: the reply without `#`, the recipient its sentence names (fixed)",
    'nix-comment-thunderbird-de-helo-471.txt',
    [[null, [], [], null, 'dune2.de', null, null, null, '4.7.1', null]],
  ],
  [
    "a Spanish user's Postfix notice, Outlook.com's S3150 block: the sending IP and host, Microsoft's time",
    'windows-dev-docs-5744-postfix-hotmail-s3150-es.md',
    [
      [
        '2025-11-25T08:06:40+00:00',
        ['82.98.171.203'],
        ['hl1417.dinaserver.com'],
        null,
        'hotmail.com',
        'hotmail-com.olc.protection.outlook.com',
        '52.101.10.9',
        550,
        '5.7.1',
        null,
      ],
    ],
  ],
];

fieldTable('real texts in other languages (hunt55)', 'hunt55', '2026-12-07T12:00:00Z', cases);
