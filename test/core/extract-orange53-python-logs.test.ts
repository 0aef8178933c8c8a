/**
 * Orange's refusals as Python applications log smtplib's exceptions (Apprise's e-mail lines, loguru's
 * default line), each field checked by hand (test/fixtures/extract/orange53/SOURCES.md). Row: date,
 * sending IPs, sending hosts, sending domain, recipient domain, rejecting host and address, basic and
 * enhanced code, Orange's reason.
 */
import { type FieldCase, fieldTable } from './field-table';

const cases: FieldCase[] = [
  [
    "Apprise's log of a refused sender: the URL's `user:****@smtp.my.local` is the password and the server; the recipient from `Sending email to \"...\" failed.`, the sender's internal domain not taken",
    'changedetection-3282-apprise-socket-exception.txt',
    [['2025-06-26T08:50:43+00:00', [], [], null, 'sibur.ru', null, null, 550, '5.7.60', null]],
  ],
  [
    "Apprise through Orange's submission relay, refused with 415: the sender from smtplib's tuple, the recipient from Apprise's failure line, not smtp.orange.fr",
    'derived-changedetection-3282-apprise-orange-relay-415.txt',
    [['2026-12-04T10:14:02+00:00', [], [], 'example.com', 'example.com', null, null, 550, '5.1.0', 415]],
  ],
  [
    "Apprise's newer failure line with smtplib's SMTPRecipientsRefused and Orange's 416: the sender from `Email From:`, the rejecting host from `Delivery: smtp-in.orange.fr:25`, the server smtplib talked to (fixed)",
    'derived-apprise-orange-mx-416-reason.txt',
    [
      [
        '2026-12-04T10:14:02+00:00',
        [],
        [],
        'example.com',
        'wanadoo.fr',
        'smtp-in.orange.fr',
        null,
        550,
        '5.1.1',
        416,
      ],
    ],
  ],
  [
    "loguru's line (an Exim log's stamp) with smtplib's SMTPSenderRefused and Orange's 415",
    'derived-loguru-smtplib-sender-refused-415.log',
    [['2026-12-04T10:14:03+00:00', [], [], 'example.com', null, null, null, 550, '5.1.0', 415]],
  ],
  [
    "loguru's line with smtplib's SMTPRecipientsRefused and Orange's 416 with its session token",
    'derived-loguru-smtplib-recipients-refused-416.log',
    [['2026-12-04T10:14:03+00:00', [], [], null, 'wanadoo.fr', null, null, 550, '5.1.1', 416]],
  ],
  [
    "loguru's line with smtplib's SMTPConnectError and Orange's 102 at the greeting: the sending IP from Cloudmark's link, the rejecting host from the line's label (Orange's MX name)",
    'derived-loguru-smtplib-connect-error-102.log',
    [
      [
        '2026-12-04T10:14:03+00:00',
        ['203.0.113.45'],
        [],
        null,
        null,
        'smtp-in.orange.fr',
        null,
        550,
        null,
        102,
      ],
    ],
  ],
  [
    "loguru's line with smtplib's SMTPDataError and Orange's 506 at the end of DATA: a case for Orange's form",
    'derived-loguru-smtplib-data-error-506.log',
    [['2026-12-04T10:14:03+00:00', [], [], null, null, null, null, 550, '5.2.0', 506]],
  ],
  [
    "The same line behind `docker compose logs`' service name: dated by the loguru stamp after the bar",
    'derived-compose-loguru-smtplib-data-error-506.log',
    [['2026-12-04T10:14:03+00:00', [], [], null, 'orange.fr', null, null, 550, '5.2.0', 506]],
  ],
  [
    "A campaign's loguru lines around one SMTPRecipientsRefused with Orange's 999: the refusal alone, dated by its line",
    'derived-loguru-campaign-log-999.log',
    [['2026-12-04T10:14:03+00:00', [], [], null, 'orange.fr', null, null, 421, null, 999]],
  ],
  [
    "structlog's JSON line with smtplib's SMTPSenderRefused tuple in its `error` value: the sender the tuple names",
    'derived-structlog-json-sender-refused-415.log',
    [['2026-12-04T10:14:03+00:00', [], [], 'example.com', 'orange.fr', null, null, 550, '5.1.0', 415]],
  ],
  [
    'An article naming OFR_999 and the start of its 421 (`421 mwinf... ME Service refuse.`) in prose: no incident',
    'suped-ofr999-article-sentence.txt',
    [],
  ],
];

fieldTable(
  "Orange's refusals in Python applications' logs (orange53)",
  'orange53',
  '2026-12-07T12:00:00Z',
  cases,
);
