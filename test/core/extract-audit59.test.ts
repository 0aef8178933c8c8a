/**
 * Real bounces of Sisimai's set-of-emails read wrong in a hand audit of 40 of them (round 59), each field
 * checked against the text (test/fixtures/extract/audit59/SOURCES.md): Exchange's summary of the message
 * (`Your Message`, `To:`, `Subject:`, `Date:` at the left margin) is no copy of the returned message, and
 * the recipient it lists after it (`Did not reach the following recipient: x@y`) gives the domain.
 * Row: date, sending IPs, sending hosts, sending domain, recipient domain, rejecting host and address,
 * basic and enhanced code, Orange's reason.
 */
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
];

fieldTable('real bounces audited by hand (audit59)', 'audit59', NOW, cases);

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
