/**
 * Real bounces of Sisimai's set-of-emails read wrong in a hand audit of 40 of them (round 58), each field
 * checked against the text (test/fixtures/extract/audit58/SOURCES.md): MTAs' own words that no server was
 * reached (SendGrid's `Connection timed out` alone, Sendmail's `host name lookup failure`, X3's `Could not
 * find a gateway`) are no reply to fill in.
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
    "SendGrid's `Connection timed out` without a code: no reply, the notice's date, the sender's domain from its From and To",
    'sendgrid-connection-timed-out-no-code.eml',
    [
      [
        '2013-07-08T23:34:45-04:00',
        [],
        ['mi1.sendgrid.net'],
        'example.ed.jp',
        'example.org',
        null,
        null,
        null,
        null,
        null,
      ],
    ],
  ],
  [
    "Sendmail's `host name lookup failure`: no reply, and the domain its Remote-MTA names is no rejecting host",
    'sendmail-name-server-lookup-failure.eml',
    [
      [
        '2012-04-29T23:45:34+09:00',
        ['192.0.2.33'],
        ['mx.example.com'],
        'example.or.jp',
        'example.co.jp',
        null,
        null,
        null,
        '4.4.7',
        null,
      ],
    ],
  ],
  [
    "X3's `Could not find a gateway`: no reply; the date left empty (the notice is dated months before the message)",
    'x3-could-not-find-gateway.eml',
    [
      [
        null,
        ['192.0.2.136'],
        ['r4.example.com'],
        'example.org',
        'example.co.jp',
        null,
        null,
        null,
        null,
        null,
      ],
    ],
  ],
];

fieldTable('real bounces audited by hand (audit58)', 'audit58', NOW, cases);

const read = async (name: string) =>
  extract(
    readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit58/${name}`, import.meta.url)), 'utf8'),
    {
      now: new Date(NOW),
    },
  );

describe("an MTA's own words that no server was reached", () => {
  for (const [name, words] of [
    ['sendgrid-connection-timed-out-no-code.eml', 'Connection timed out'],
    ['sendmail-name-server-lookup-failure.eml', 'host name lookup failure'],
    ['x3-could-not-find-gateway.eml', 'Could not find a gateway for kijitora@example.co.jp'],
  ] as const) {
    it(`are said to be no server's reply, not a reply to fill in (${words})`, async () => {
      const result = await read(name);
      const codes = result.warnings.map((w) => w.code);
      expect(codes).toContain('input.no-server-reply');
      expect(codes).not.toContain('missing.reply');
      expect(codes).not.toContain('missing.replyCode');
      expect(result.warnings.find((w) => w.code === 'input.no-server-reply')?.text.en).toContain(words);
      expect(result.incidents.map((i) => i.reply.text)).toEqual(['']);
    });
  }

  it("say why the domain Sendmail's Remote-MTA names is left out, in the notice's words", async () => {
    const [incident] = (await read('sendmail-name-server-lookup-failure.eml')).incidents;
    const note = incident?.assumptions.find((a) => a.code === 'remote.not-reached');
    expect(note?.text.en).toContain('example.co.jp, but its notice says no server was reached');
    expect(note?.text.fr).toContain('mais son avis dit qu’aucun serveur n’a été joint');
  });
});
