/**
 * Real bounces of Sisimai's set-of-emails read wrong in a hand audit of 40 of them (round 58), each field
 * checked against the text (test/fixtures/extract/audit58/SOURCES.md): MTAs' own words that no server was
 * reached (SendGrid's `Connection timed out` alone, Sendmail's `host name lookup failure`, X3's `Could not
 * find a gateway`) are no reply to fill in; Gmail's bracket naming the one server it tried names the remote;
 * Postfix's sentence wrapped over two lines is quoted whole in the note; Amazon SES's complaint notification
 * is said to be one.
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
  [
    "Gmail's delay notice naming the one server it tried: that server and its address as the remote",
    'gmail-delay-one-server-timed-out.eml',
    [
      [
        '2017-05-01T05:27:16-07:00',
        [],
        [],
        'gmail.example.com',
        'nora.nyaan.jp',
        'nora.nyaan.jp',
        '192.0.2.222',
        null,
        '4.4.1',
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

  it("quote Postfix's sentence whole when it is wrapped over two lines", async () => {
    const result = await read('postfix-name-service-error-wrapped.eml');
    const words = result.warnings.find((w) => w.code === 'input.no-server-reply')?.text.en;
    expect(words).toContain('Name service error for domain example.com: Host not found, try again');
  });
});

describe("Gmail's brackets after `The recipient server did not accept our requests to connect`", () => {
  const notice = (brackets: string) =>
    `From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nTo: jean@example.com\nSubject: Delivery Status Notification (Delay)\nDate: Mon, 07 Dec 2026 10:00:00 +0100\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\nContent-Type: text/plain\n\nDelivery incomplete\n\n--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; googlemail.com\n\nFinal-Recipient: rfc822; paul@example.net\nAction: delayed\nStatus: 4.4.1\nDiagnostic-Code: smtp; The recipient server did not accept our requests to connect. Learn more at https://support.google.com/mail/answer/7720\n ${brackets}\n\n--b--\n`;

  it('name no remote when they name two servers: which one refused is not said', async () => {
    const { incidents } = await extract(
      notice('[mx1.example.net 192.0.2.1: timed out]\n [mx2.example.net 192.0.2.2: timed out]'),
      { now: new Date(NOW) },
    );
    expect(incidents.map((i) => [i.remoteHost, i.remoteIp])).toEqual([[null, null]]);
  });

  it("read Gmail's older form, the address in brackets with its port", async () => {
    const { incidents } = await extract(notice('[(0) mx.example.net. [192.0.2.1]:25: socket error]'), {
      now: new Date(NOW),
    });
    expect(incidents.map((i) => [i.remoteHost, i.remoteIp])).toEqual([['mx.example.net', '192.0.2.1']]);
  });
});

describe("Amazon SES's complaint notification", () => {
  it('is said to be a complaint about a delivered message, not that nothing was found', async () => {
    const { incidents, warnings } = await read('ses-complaint-notification.eml');
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.ses-complaint']);
    expect(warnings[0]?.text.fr).toContain('notification de plainte d’Amazon SES');
  });

  it('is recognised in its JSON pasted alone', async () => {
    const eml = readFileSync(
      fileURLToPath(new URL('../fixtures/extract/audit58/ses-complaint-notification.eml', import.meta.url)),
      'utf8',
    );
    const json = eml.split('\n').find((line) => line.startsWith('{"notificationType"')) ?? '';
    const { incidents, warnings } = await extract(json, { now: new Date(NOW) });
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.ses-complaint']);
  });
});
