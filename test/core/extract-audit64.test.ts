/**
 * Real bounces of Sisimai's set-of-emails read in a hand audit of 40 of them (round 64), each field
 * checked against the text (test/fixtures/extract/audit64/SOURCES.md): a notice whose server gives only
 * its own reason for a mailbox it delivers to itself, under its software's heading (Biglobe's `-----
 * Non-delivered information -----`, Gmail's older `Technical details of permanent failure:`, Lotus Notes'
 * `------- Failure Reasons  --------`), quotes no server's reply: a note says so and no reply is asked for.
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
    "Biglobe's notice for a mailbox over its message limit, the message handed to `rcpt-impgw.biglobe.ne.jp` by `c31345.example.org (gw.example.org [192.0.2.1])`: no reply",
    'biglobe-own-reason-mailbox-limit.eml',
    [
      [
        '2014-02-11T00:00:00+09:00',
        ['192.0.2.1'],
        ['c31345.example.org'],
        'mx.example.com',
        'mxr.biglobe.ne.jp',
        null,
        null,
        null,
        null,
        null,
      ],
    ],
  ],
  [
    "Gmail's notice `Storage quota exceeded` for a mailbox of a domain it hosts, the message sent by `mail.example.com` from local addresses only: no reply, no sending IP",
    'gmail-own-reason-storage-quota.eml',
    [
      [
        '2017-04-29T23:34:45+00:00',
        [],
        ['mail.example.com'],
        'example.net',
        'google.example.com',
        null,
        null,
        null,
        null,
        null,
      ],
    ],
  ],
  [
    "Lotus Notes' notice with its own Japanese reason under `------- Failure Reasons  --------` (not in its directory), the message handed to its gateway `smtp-gw7.example.co.jp` from `[192.0.2.8]`: no reply",
    'notes-own-reason-directory-ja.eml',
    [
      [
        '2009-04-29T12:34:50+09:00',
        ['192.0.2.8'],
        [],
        'example.jp',
        'u1.example.co.jp',
        null,
        null,
        null,
        null,
        null,
      ],
    ],
  ],
];

fieldTable('real bounces audited by hand (audit64)', 'audit64', NOW, cases);

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit64/${name}`, import.meta.url)), 'utf8');

const codes = (notes: readonly { code: string }[]) => notes.map((n) => n.code);

describe("A notice giving only its own server's reason for a mailbox it delivers to", () => {
  it("says so in Biglobe's words, in French and English, and asks for no reply", async () => {
    const { warnings } = await extract(fixture('biglobe-own-reason-mailbox-limit.eml'), {
      now: new Date(NOW),
    });
    const note = warnings.find((w) => w.code === 'input.receiver-own-reason');
    expect(note?.text.en).toContain(
      `("The number of messages in recipient's mailbox exceeded the local limit.")`,
    );
    expect(note?.text.fr).toContain(
      "(«\u00a0The number of messages in recipient's mailbox exceeded the local limit.\u00a0»)",
    );
    expect(note?.text.fr).toContain('il n’y a pas de réponse SMTP');
    expect(codes(warnings)).not.toContain('missing.reply');
  });

  it("says so in Gmail's words, and asks for no reply", async () => {
    const { warnings } = await extract(fixture('gmail-own-reason-storage-quota.eml'), {
      now: new Date(NOW),
    });
    const note = warnings.find((w) => w.code === 'input.receiver-own-reason');
    expect(note?.text.en).toContain('("Storage quota exceeded")');
    expect(codes(warnings)).not.toContain('missing.reply');
  });

  it("says so in Lotus Notes' Japanese words, without the failed address below them", async () => {
    const { warnings } = await extract(fixture('notes-own-reason-directory-ja.eml'), {
      now: new Date(NOW),
    });
    const note = warnings.find((w) => w.code === 'input.receiver-own-reason');
    expect(note?.text.en).toContain('("ディレクトリのリストにありません")');
    expect(codes(warnings)).not.toContain('missing.reply');
  });

  it("is not said when Notes' reason is the sending server's own failure to reach a remote", async () => {
    const text = [
      'From: postmaster@n.example.co.jp',
      'Subject: Undeliverable message',
      '',
      '------- Failure Reasons  --------',
      '',
      'No route found to domain orange.fr from server n/example.',
      'jean@orange.fr',
      '',
    ].join('\n');
    const { warnings } = await extract(text, { now: new Date(NOW) });
    expect(codes(warnings)).not.toContain('input.receiver-own-reason');
  });

  it('is not said when the words under the heading quote a reply', async () => {
    const text = fixture('biglobe-own-reason-mailbox-limit.eml').replace(
      "The number of messages in recipient's mailbox exceeded the local limit.",
      '550 5.2.2 Mailbox full',
    );
    const { incidents, warnings } = await extract(text, { now: new Date(NOW) });
    expect(codes(warnings)).not.toContain('input.receiver-own-reason');
    expect(incidents.map((i) => i.reply.code)).toEqual([550]);
  });

  it("is not said for Gmail's notice quoting the remote's refusal", async () => {
    const text = [
      'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
      'Subject: Delivery Status Notification (Failure)',
      '',
      'Delivery to the following recipient failed permanently:',
      '',
      '     jean@orange.fr',
      '',
      'Technical details of permanent failure:',
      'Google tried to deliver your message, but it was rejected by the server for the recipient domain orange.fr by smtp-in.orange.fr. [192.0.2.5].',
      '',
    ].join('\n');
    const { warnings } = await extract(text, { now: new Date(NOW) });
    expect(codes(warnings)).not.toContain('input.receiver-own-reason');
  });
});
