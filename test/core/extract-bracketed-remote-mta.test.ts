/**
 * MailMarshal's `Remote-MTA: <203.0.113.2>` (core/extract/bracketed-remote-mta.ts): in its notice's
 * `Additional Information` block, outside any DSN, the address in angle brackets without a `dns;` type
 * is the server whose reply the notice quotes, read as the rejecting host's address (Sisimai's
 * lhost-mailmarshal-02, test/fixtures/extract/left62).
 * Row: date, sending IPs, sending hosts, sending domain, recipient domain, rejecting host and address,
 * basic and enhanced code, Orange's reason.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { type FieldCase, fieldTable } from './field-table';

const NOW = '2026-12-08T12:00:00Z';
const FILE = 'mailmarshal-remote-mta-bracketed.eml';

const cases: FieldCase[] = [
  [
    'MailMarshal: `550 5.1.1 User unknown`, `Remote-MTA:\\t\\t\\t<203.0.113.2>`',
    FILE,
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

fieldTable("MailMarshal's bracketed Remote-MTA", 'left62', NOW, cases);

const fixture = () =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/left62/${FILE}`, import.meta.url)), 'utf8');

describe("MailMarshal's bracketed Remote-MTA", () => {
  it('cites its own line as the source of the address', async () => {
    const { incidents } = await extract(fixture(), { now: new Date(NOW) });
    expect(incidents[0]?.sources.remoteIp?.text).toBe('Remote-MTA:\t\t\t<203.0.113.2>');
  });

  it('is not read when the notice names two different servers so', async () => {
    const two = fixture().replace(
      'Remote-MTA:\t\t\t<203.0.113.2>',
      'Remote-MTA:\t\t\t<203.0.113.2>\nRemote-MTA:\t\t\t<198.51.100.7>',
    );
    const { incidents } = await extract(two, { now: new Date(NOW) });
    expect(incidents[0]?.remoteIp).toBeNull();
  });

  it('is not read when more than an address stands in the brackets’ line', async () => {
    const more = fixture().replace('<203.0.113.2>', '<203.0.113.2> (not contacted)');
    const { incidents } = await extract(more, { now: new Date(NOW) });
    expect(incidents[0]?.remoteIp).toBeNull();
  });
});
