/**
 * Real bounces of Sisimai's set-of-emails read in a hand audit of 40 of them (round 65), each field
 * checked against the text (test/fixtures/extract/audit65/SOURCES.md): the X6 server's refused recipient
 * names the remote by its host name; OpenSMTPD's own words for MXs it could not reach (`No MX found for
 * domain`, `Network error on destination MXs`) and Lotus Domino's own reason under `because:` are no
 * server's reply: a note says so and no reply is asked for.
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
    "X6's `SMTP Server <smtpd.libsisimai.org> rejected recipient <...> (Error following RCPT command). It responded as follows: [550 5.1.1 User unknown]`: the remote's host name",
    'x6-rejected-recipient-host-name.eml',
    [
      [
        '2012-04-29T23:34:45+00:00',
        [],
        ['smtpd-22.libsisimai.org'],
        'libsisimai.org',
        'libsisimai.org',
        'smtpd.libsisimai.org',
        null,
        550,
        '5.1.1',
        null,
      ],
    ],
  ],
  [
    "OpenSMTPD's delay notice `No MX found for domain`: no server reached, no reply",
    'opensmtpd-delay-no-mx-found.eml',
    [
      [
        '2024-06-17T07:44:38+00:00',
        [],
        ['df.example.jp'],
        'df.example.jp',
        'nyaan.jp',
        null,
        null,
        null,
        '4.0.0',
        null,
      ],
    ],
  ],
  [
    "Lotus Domino's plain notice with its own reason under `because:`: no reply",
    'domino-own-reason-not-in-directory.eml',
    [['2010-04-29T10:54:01-07:00', [], [], 'example.com', 'example.jp', null, null, null, null, null]],
  ],
];

fieldTable('real bounces audited by hand (audit65)', 'audit65', NOW, cases);

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit65/${name}`, import.meta.url)), 'utf8');

const codes = (notes: readonly { code: string }[]) => notes.map((n) => n.code);

describe("OpenSMTPD's own words for MXs it could not reach", () => {
  it.each([
    ['opensmtpd-delay-no-mx-found.eml', 'neko@nyaan.jp: No MX found for domain'],
    ['opensmtpd-delay-network-error-mxs.eml', 'kijitora@neko.example.jp: Network error on destination MXs'],
  ])('%s says no server replied, and asks for no reply', async (name, words) => {
    const { warnings } = await extract(fixture(name), { now: new Date(NOW) });
    const note = warnings.find((w) => w.code === 'input.no-server-reply');
    expect(note?.text.en).toContain(`("${words}")`);
    expect(codes(warnings)).not.toContain('missing.reply');
  });
});

describe("Lotus Domino's own reason under `because:`", () => {
  it('says so in its words, and asks for no reply', async () => {
    const { warnings } = await extract(fixture('domino-own-reason-not-in-directory.eml'), {
      now: new Date(NOW),
    });
    const note = warnings.find((w) => w.code === 'input.receiver-own-reason');
    expect(note?.text.en).toContain(
      '("User some.name (kijitora@example.jp) not listed in Domino Directory")',
    );
    expect(codes(warnings)).not.toContain('missing.reply');
  });

  it("is not said for Domino's quote of a remote's refusal under `because:`", async () => {
    const text = fixture('domino-own-reason-not-in-directory.eml').replace(
      'User some.name (kijitora@example.jp) not listed in Domino Directory',
      'Error transferring to smtp-in.orange.fr; SMTP Protocol Returned a Permanent Error 550 5.1.1 Invalid recipient',
    );
    const { incidents, warnings } = await extract(text, { now: new Date(NOW) });
    expect(codes(warnings)).not.toContain('input.receiver-own-reason');
    expect(incidents.map((i) => i.reply.code)).toEqual([550]);
  });
});
