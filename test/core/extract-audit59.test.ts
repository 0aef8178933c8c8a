/**
 * Real bounces of Sisimai's set-of-emails read wrong in a hand audit of 40 of them (round 59), each field
 * checked against the text (test/fixtures/extract/audit59/SOURCES.md): Exchange's summary of the message
 * (`Your Message`, `To:`, `Subject:`, `Date:` at the left margin) is no copy of the returned message, and
 * the recipient it lists after it (`Did not reach the following recipient: x@y`) gives the domain.
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
    "Exchange's summary of the message at the left margin, then `Did not reach the following recipient: x@y`: the recipient domain is that address's",
    'exchange-summary-block-did-not-reach.eml',
    [['2007-05-03T23:34:45+00:00', [], [], 'example.org', 'nyaan.example.net', null, null, null, null, null]],
  ],
  [
    "X6's `SMTP Server <ip> refused to accept your message (DATA), with the following error message: [554 ...]`: the refusing server's address, the reply without its bracket, and X6's host as the sender, not the client that handed it the message",
    'x6-smtp-server-refused-bracketed-reply.eml',
    [
      [
        '2012-04-29T23:34:45+00:00',
        [],
        ['x6-mx6.smtp.example.org'],
        'example.co.jp',
        'nyaan.example.org',
        null,
        '192.0.2.223',
        554,
        '5.4.6',
        null,
      ],
    ],
  ],
];

fieldTable('real bounces audited by hand (audit59)', 'audit59', NOW, cases);

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit59/${name}`, import.meta.url)), 'utf8');

describe("X6's refusal line", () => {
  it('ends its reply at the closing bracket', async () => {
    const { incidents } = await extract(fixture('x6-smtp-server-refused-bracketed-reply.eml'), {
      now: new Date(NOW),
    });
    expect(incidents.map((i) => i.reply.text)).toEqual(['554 5.4.6 Hop count exceeded - possible mail loop']);
  });
});

describe("Exchange's summary of the message", () => {
  it('gives no recipient of its own: its To line is the message header, not the failed address', async () => {
    const text =
      'Subject: Undeliverable: Hello\n\nYour Message\n\nTo:      <anne@example.net>\n\nSubject: Hello\n\nThe message could not be delivered.\n';
    const { incidents } = await extract(text, { now: new Date(NOW) });
    expect(incidents.map((i) => i.recipientDomain)).not.toContain('example.net');
  });

  it('ends at the first line that is none of its fields: a returned copy after it still stops the search', async () => {
    const text =
      'Subject: Undeliverable: Hello\n\nYour message\n\nTo: anne@example.net\n\nThe message could not be delivered.\n\nFrom: bob@example.org\nTo: anne@example.net\n\nbody\n';
    const { incidents } = await extract(text, { now: new Date(NOW) });
    expect(incidents.map((i) => i.recipientDomain)).not.toContain('example.net');
  });
});
