/**
 * Real bounces of Sisimai's set-of-emails read wrong in a hand audit of 40 of them (round 60), each field
 * checked against the text (test/fixtures/extract/audit60/SOURCES.md): Exchange's own status code around
 * the remote's reply is no enhanced code of the remote's, and Exim 3's `address ... unknown host` says no
 * server was reached, as a local delivery program's `Diagnostic-Code: x-unix; ...` says no SMTP server spoke.
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
    "Exchange Online's `550 5.1.351 Remote server returned ... -> 550 : User unknown` under `Status: 5.1.351`: the remote's reply has no enhanced code, and Exchange's own is not lent to it",
    'exchange-online-status-wraps-remote-reply.eml',
    [
      [
        '2018-05-21T05:07:54+00:00',
        [],
        [],
        'outlook.example.com',
        'ezweb.ne.jp',
        'msmx.au.com',
        null,
        550,
        null,
        null,
      ],
    ],
  ],
  [
    "Exim 3's `kijitora@neko.nyaan.example.com ... unknown host`: no reply, no rejecting host",
    'exim3-failed-address-unknown-host.eml',
    [
      [
        '2006-04-29T23:34:45+00:00',
        ['192.0.2.25'],
        ['r2.example.org'],
        'example.org',
        'neko.nyaan.example.com',
        null,
        null,
        null,
        null,
        null,
      ],
    ],
  ],
];

fieldTable('real bounces audited by hand (audit60)', 'audit60', NOW, cases);

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit60/${name}`, import.meta.url)), 'utf8');

describe("Exchange's status around the remote's reply", () => {
  it("quotes the remote's reply alone", async () => {
    const { incidents } = await extract(fixture('exchange-online-status-wraps-remote-reply.eml'), {
      now: new Date(NOW),
    });
    expect(incidents.map((i) => i.reply.text)).toEqual(['550 : User unknown']);
  });
});

describe("Exim 3's failed address with an unknown host", () => {
  it('says no server replied, and asks for no reply', async () => {
    const { warnings } = await extract(fixture('exim3-failed-address-unknown-host.eml'), {
      now: new Date(NOW),
    });
    const note = warnings.find((w) => w.code === 'input.no-server-reply');
    expect(note?.text.en).toContain('"kijitora@neko.nyaan.example.com ... unknown host"');
    expect(note?.text.fr).toContain('kijitora@neko.nyaan.example.com ... unknown host');
    expect(warnings.map((w) => w.code)).not.toContain('missing.reply');
  });

  it('reads the line pasted alone', async () => {
    const text =
      'Subject: mail failed, returning to sender\n\n|------------------------- Failed addresses follow: ---------------------|\n jean@orange.fr ... unknown host\n';
    const { warnings } = await extract(text, { now: new Date(NOW) });
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });

  it("is not read in a server's reply that says so itself", async () => {
    const text =
      'Subject: Returned mail\n\n   ----- Transcript of session follows -----\n>>> RCPT To:<jean@example.net>\n<<< 550 5.1.2 <jean@example.net>... unknown host\n';
    const { incidents, warnings } = await extract(text, { now: new Date(NOW) });
    expect(incidents.map((i) => i.reply.code)).toEqual([550]);
    expect(warnings.map((w) => w.code)).not.toContain('input.no-server-reply');
  });
});

describe("A local delivery program's failure (Diagnostic-Code: x-unix)", () => {
  it('says in French and English that no server replied, and asks for no reply', async () => {
    const { warnings } = await extract(fixture('postfix-local-delivery-quota-x-unix.eml'), {
      now: new Date(NOW),
    });
    const note = warnings.find((w) => w.code === 'input.local-program-failed');
    expect(note?.text.en).toContain(
      '"Quota exceeded message delivery failed to /var/mail/box/u/00/f/kijitora/INBOX"',
    );
    expect(note?.text.fr).toContain('x-unix\u00a0: «\u00a0Quota exceeded message delivery failed');
    expect(note?.text.fr).toContain('INBOX\u00a0»)\u00a0:');
    expect(warnings.map((w) => w.code)).not.toContain('missing.reply');
  });

  it('is not read when the field quotes an SMTP reply', async () => {
    const text =
      'Subject: Undelivered Mail Returned to Sender\n\nReporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; jean@orange.fr\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; smtp-in.orange.fr\nDiagnostic-Code: smtp; 550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]\n';
    const { warnings } = await extract(text, { now: new Date(NOW) });
    expect(warnings.map((w) => w.code)).not.toContain('input.local-program-failed');
  });
});
