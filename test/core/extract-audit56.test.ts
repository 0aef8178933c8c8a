/**
 * Real bounces of Sisimai's set-of-emails read wrong in a hand audit of 40 of them (round 56), each field
 * checked against the text (test/fixtures/extract/audit56/SOURCES.md): Gmail's `The response was:<br/>`
 * in a notice's HTML part quotes the server's words inside layout tags, which are no part of the reply;
 * Hotmail's `due to being unable to connect successfully to the destination mail server` says no server
 * replied.
 * Row: date, sending IPs, sending hosts, sending domain, recipient domain, rejecting host and address,
 * basic and enhanced code, Orange's reason.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { type FieldCase, fieldTable } from './field-table';

const NOW = '2026-12-07T12:00:00Z';

const cases: FieldCase[] = [
  [
    "Gmail's notice for a misconfigured `Send mail as` account, the server's words without a code: the refused message's sender (the notice's To) and recipient (X-Failed-Recipients), no remote named",
    'gmail-send-as-response-in-html-part.eml',
    [
      [
        '2023-02-26T18:30:56-08:00',
        [],
        [],
        'google.example.com',
        'google-groups.example.com',
        null,
        null,
        null,
        null,
        null,
      ],
    ],
  ],
  [
    "Hotmail's `unable to connect successfully to the destination mail server` notice, `Status: 4.4.7` and no Diagnostic-Code: the queue entry's date, the address the notice left from, no remote and no reply",
    'hotmail-unable-to-connect-no-diagnostic.eml',
    [
      [
        '2015-01-28T21:29:14-08:00',
        ['65.54.190.29'],
        ['bay004-omc1s18.hotmail.com'],
        'outlook.example.com',
        'example.com',
        null,
        null,
        null,
        '4.4.7',
        null,
      ],
    ],
  ],
];

fieldTable('real bounces audited by hand (audit56)', 'audit56', NOW, cases);

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit56/${name}`, import.meta.url)), 'utf8');

describe("a reply quoted in a notice's HTML part read as source", () => {
  it("is Gmail's words alone, without the layout tags around them", async () => {
    const { incidents } = await extract(fixture('gmail-send-as-response-in-html-part.eml'), {
      now: new Date(NOW),
    });
    expect(incidents.map((i) => i.reply.text)).toEqual([
      'Unspecified Error (SENT_SECOND_EHLO): Smtp server does not advertise AUTH capability',
    ]);
  });

  it('keeps a reply written in plain text whole, its address in angle brackets included', async () => {
    const text =
      'Your message could not be delivered.\n\nThe server response was: 550 5.1.1 <jean@orange.fr>: Recipient address rejected\n';
    const { incidents } = await extract(text, { now: new Date(NOW) });
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '550 5.1.1 <jean@orange.fr>: Recipient address rejected',
    ]);
  });

  it('ends at the first layout tag after the reply', async () => {
    const text =
      '<p>The server response was:<br/>\n<p style="font-family:monospace">\n550 5.7.1 Service refused\n</p>\n<p>Contact your administrator.</p>\n';
    const { incidents } = await extract(`Subject: Undeliverable\n\n${text}`, { now: new Date(NOW) });
    expect(incidents.map((i) => i.reply.text)).toEqual(['550 5.7.1 Service refused']);
  });
});

describe("Hotmail's `due to being unable to connect successfully to the destination mail server`", () => {
  it('is said to be no reply of a server, not a reply to fill in', async () => {
    const result = await extract(fixture('hotmail-unable-to-connect-no-diagnostic.eml'), {
      now: new Date(NOW),
    });
    const codes = result.warnings.map((w) => w.code);
    expect(codes).toContain('input.no-server-reply');
    expect(codes).not.toContain('missing.replyCode');
    expect(codes).not.toContain('missing.reply');
    expect(result.incidents.map((i) => i.reply.text)).toEqual(['']);
  });
});
