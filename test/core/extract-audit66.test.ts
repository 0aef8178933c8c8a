/**
 * Real bounces of Sisimai's set-of-emails read in a hand audit of 40 of them (round 66), each field
 * checked against the text (test/fixtures/extract/audit66/SOURCES.md): Sendmail's copy of a notice for
 * its own postmaster is addressed to that postmaster, not to the sender, so its To gives no sending
 * domain; MailMarshal's `Additional Information` block names the rejecting server (`Remote-MTA: <ip>`);
 * iCloud's vacation message (`X-Apple-Action: VACATION`) is an automatic reply, no refusal.
 * Row: date, sending IPs, sending hosts, sending domain, recipient domain, rejecting host and address,
 * basic and enhanced code, Orange's reason.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { type FieldCase, fieldTable } from './field-table';

const NOW = '2026-12-08T12:00:00Z';

const cases: FieldCase[] = [
  [
    "Sendmail's postmaster copy of Google's `550 5.2.1` (To: postmaster@mail4.example.co.jp), the returned headers under a mistyped boundary: no sending domain, not the postmaster's",
    'sendmail-postmaster-notify-google.eml',
    [
      [
        '2013-05-11T00:00:00+09:00',
        ['192.0.2.1'],
        ['mail4.example.co.jp'],
        null,
        'example.ne.jp',
        'aspmx.l.google.com',
        null,
        550,
        '5.2.1',
        null,
      ],
    ],
  ],
  [
    "Sendmail's postmaster copy of Yahoo's refusal of a bounce sent from the null sender (Return-Path: <MAILER-DAEMON>): no sending domain, not the postmaster's",
    'sendmail-postmaster-notify-double-bounce.eml',
    [
      [
        '2016-09-13T04:50:30+09:00',
        ['192.0.2.222'],
        ['mx2.example.jp'],
        null,
        'yahoo.com',
        'mta6.am0.yahoodns.net',
        null,
        554,
        '5.0.0',
        null,
      ],
    ],
  ],
  [
    "MailMarshal's notice: the rejecting server's address from `Remote-MTA: <203.0.113.2>` in its `Additional Information` block",
    'mailmarshal-remote-mta-block.eml',
    [
      [
        '2015-04-29T23:34:45+00:00',
        [],
        [],
        'example.com',
        'nyaan.example.com',
        null,
        '203.0.113.2',
        550,
        '5.1.1',
        null,
      ],
    ],
  ],
];

fieldTable('real bounces audited by hand (audit66)', 'audit66', NOW, cases);

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit66/${name}`, import.meta.url)), 'utf8');

describe("Sendmail's copy of a notice for its own postmaster", () => {
  it('still reads the sender from the returned headers when they are found', async () => {
    // The boundary the sample mistyped, put right: the Return-Path of the returned headers is read.
    const text = fixture('sendmail-postmaster-notify-google.eml').replace(
      '--r4B00000000000.0000007/mail4.example.co.jp',
      '--r4B00000000000.0000000/mail4.example.co.jp',
    );
    const { incidents } = await extract(text, { now: new Date(NOW) });
    expect(incidents.map((i) => i.sendingDomain)).toEqual(['example.or.jp']);
  });
});

describe("MailMarshal's Additional Information block", () => {
  it('takes no private address for the rejecting server', async () => {
    const text = fixture('mailmarshal-remote-mta-block.eml').replace('<203.0.113.2>', '<10.0.0.1>');
    const { incidents } = await extract(text, { now: new Date(NOW) });
    expect(incidents.map((i) => i.remoteIp)).toEqual([null]);
  });

  it('takes a host name written there', async () => {
    const text = fixture('mailmarshal-remote-mta-block.eml').replace(
      '<203.0.113.2>',
      '<mx1.nyaan.example.com>',
    );
    const { incidents } = await extract(text, { now: new Date(NOW) });
    expect(incidents.map((i) => [i.remoteHost, i.remoteIp])).toEqual([['mx1.nyaan.example.com', null]]);
  });
});

describe("iCloud's vacation message", () => {
  it('is said to be an automatic reply, in French and English, with no incident', async () => {
    const { incidents, warnings } = await extract(fixture('icloud-vacation-auto-reply.eml'), {
      now: new Date(NOW),
    });
    expect(incidents).toEqual([]);
    const note = warnings.find((w) => w.code === 'input.auto-reply');
    expect(note?.text.en).toContain('iCloud’s X-Apple-Action: VACATION field');
    expect(note?.text.fr).toContain('champ X-Apple-Action\u00a0: VACATION d’iCloud');
  });

  it('is no mark when the field names another action', async () => {
    const text = fixture('icloud-vacation-auto-reply.eml').replace(
      'X-Apple-Action: VACATION',
      'X-Apple-Action: FORWARD',
    );
    const { warnings } = await extract(text, { now: new Date(NOW) });
    expect(warnings.map((w) => w.code)).not.toContain('input.auto-reply');
  });
});
