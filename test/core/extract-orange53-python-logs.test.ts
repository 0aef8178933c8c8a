/**
 * Orange's refusals as Python applications log smtplib's exceptions (Apprise's e-mail lines), each
 * field checked by hand (test/fixtures/extract/orange53/SOURCES.md). Row: date, sending IPs, sending
 * hosts, sending domain, recipient domain, rejecting host and address, basic and enhanced code,
 * Orange's reason.
 */
import { type FieldCase, fieldTable } from './field-table';

const cases: FieldCase[] = [
  [
    "Apprise's log of a refused sender: the URL's `user:****@smtp.my.local` is the password and the server, no recipient",
    'changedetection-3282-apprise-socket-exception.txt',
    [['2025-06-26T08:50:43+00:00', [], [], null, null, null, null, 550, '5.7.60', null]],
  ],
  [
    "Apprise through Orange's submission relay, refused with 415: the sender from smtplib's tuple, smtp.orange.fr no recipient domain",
    'derived-changedetection-3282-apprise-orange-relay-415.txt',
    [['2026-12-04T10:14:02+00:00', [], [], 'example.com', null, null, null, 550, '5.1.0', 415]],
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
