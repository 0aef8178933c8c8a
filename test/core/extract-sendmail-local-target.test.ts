/**
 * Sendmail's status for a program or a file of its own machine (core/extract/formats/message-local-
 * mailer.ts): `554 "|IFS=' ' && exec /usr/local/bin/procmail -f- || exit 75 #kijitora"... Service
 * unavailable`, without any Diagnostic-Code, is the code Sendmail's prog mailer failed with, no server's
 * reply: no reply, no rejecting host (the Reporting-MTA), a note that says so instead of asking for the
 * reply (Sisimai's rfc3464-04, test/fixtures/extract/left62).
 * Row: date, sending IPs, sending hosts, sending domain, recipient domain, rejecting host and address,
 * basic and enhanced code, Orange's reason.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { type FieldCase, fieldTable } from './field-table';

const NOW = '2026-12-08T12:00:00Z';
const FILE = 'sendmail-pipe-procmail-service-unavailable.eml';
const STATUS = `554 "|IFS=' ' && exec /usr/local/bin/procmail -f- || exit 75 #kijitora"... Service unavailable`;

const cases: FieldCase[] = [
  [
    'a pipe to procmail: `554 "|IFS=...#kijitora"... Service unavailable`, no Diagnostic-Code',
    FILE,
    [
      [
        '1999-04-29T23:34:45-05:00',
        ['192.0.2.68'],
        ['mx4.example.co.jp'],
        'example.com',
        'mailx-53.neko.example.edu',
        null,
        null,
        null,
        null,
        null,
      ],
    ],
  ],
];

fieldTable("Sendmail's status for a program or file of its own machine", 'left62', NOW, cases);

const fixture = () =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/left62/${FILE}`, import.meta.url)), 'utf8');

describe("Sendmail's status for a program or file of its own machine", () => {
  it('is quoted in a note, and no reply is asked for', async () => {
    const { warnings } = await extract(fixture(), { now: new Date(NOW) });
    const note = warnings.find((w) => w.code === 'input.local-target-failed');
    expect(note?.text.en).toContain(`("${STATUS}")`);
    expect(note?.text.fr).toContain(`«\u00a0${STATUS}\u00a0»`);
    expect(warnings.map((w) => w.code)).not.toContain('missing.reply');
  });

  it("is read the same for a mailbox file: `/var/mail/kijitora... Can't create output`", async () => {
    const text = fixture().replace(STATUS, "550 5.0.0 /var/mail/kijitora... Can't create output");
    const { incidents } = await extract(text, { now: new Date(NOW) });
    expect(incidents.map((i) => [i.reply.code, i.remoteHost])).toEqual([[null, null]]);
  });

  it('stays a reply when the words after the address are no exit status of Sendmail’s', async () => {
    const other = `554 "|IFS=' ' && exec /usr/local/bin/procmail -f- || exit 75 #kijitora"... Relaying denied`;
    const { incidents } = await extract(fixture().replace(STATUS, other), { now: new Date(NOW) });
    expect(incidents.map((i) => i.reply.text)).toEqual([other]);
  });

  it('stays a reply for an ordinary address', async () => {
    const other = '554 <kijitora@neko.example.edu>... Service unavailable';
    const { incidents } = await extract(fixture().replace(STATUS, other), { now: new Date(NOW) });
    expect(incidents.map((i) => i.reply.text)).toEqual([other]);
  });
});
