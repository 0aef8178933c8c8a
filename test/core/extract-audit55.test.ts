/**
 * Real bounces of Sisimai's set-of-emails read wrong in a hand audit of 45 of them (round 55), each field
 * checked against the text (test/fixtures/extract/audit55/SOURCES.md): the DragonFly Mail Agent's `HOST
 * [IP] did not like our RCPT TO:` names the remote; its copy of a multi-line reply, each line ending in
 * `\r\r\n`, is one reply; Gmail's `DNS Error: 80335577 DNS type 'mx' lookup of ... responded with code
 * NXDOMAIN` is no server's reply; the client's address in `unverifyable sending IPs - HOST is not IP` is
 * the sending IP; X1's `address [User unknown]` names the recipient; Apple Mail's unsubscribe request is
 * said to be one. Row: date, sending IPs, sending hosts,
 * sending domain, recipient domain, rejecting host and address, basic and enhanced code, Orange's reason.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { type FieldCase, fieldTable } from './field-table';

const NOW = '2026-12-07T12:00:00Z';

const cases: FieldCase[] = [
  [
    "the DragonFly Mail Agent's `outlook-com.olc.protection.outlook.com [52.101.42.17] did not like our final DATA:`: Microsoft's MX and its address are the remote",
    'dma-final-data-office365-550.eml',
    [
      [
        '2024-06-11T18:04:02+09:00',
        [],
        ['df.example.jp'],
        'df.example.jp',
        'outlook.example.com',
        'outlook-com.olc.protection.outlook.com',
        '52.101.42.17',
        550,
        '5.7.509',
        null,
      ],
    ],
  ],
  [
    "the DragonFly Mail Agent's copy of Gmail's five-line 550, each line ending in `\\r\\r\\n`: one refusal by Gmail's MX, not five",
    'dma-gmail-550-lines-cr-cr-lf.eml',
    [
      [
        '2024-06-11T18:02:02+09:00',
        [],
        ['df.example.jp'],
        'df.example.jp',
        'google.example.com',
        'gmail-smtp-in.l.google.com',
        '74.125.203.27',
        550,
        '5.7.26',
        null,
      ],
    ],
  ],
  [
    "Exim's delay notice, `450 service permits 2 unverifyable sending IPs - neko.example.com is not 203.0.113.222`: the address the remote saw is the sending IP",
    'exim-delay-unverifyable-sending-ip.eml',
    [
      [
        '2016-04-22T23:34:45+09:00',
        ['203.0.113.222'],
        ['neko.example.com'],
        'neko.example.com',
        'example.co.jp',
        'mta-nyaan.example.co.jp',
        '192.0.2.222',
        450,
        null,
        null,
      ],
    ],
  ],
  [
    "the X1 server's notice, `kijitora@example.co.jp [User unknown]` under `---The following addresses had delivery errors---`: the recipient's domain; no reply is quoted",
    'x1-recipient-reason-in-brackets.eml',
    [['2010-04-29T23:34:45+09:00', [], [], 'example.jp', 'example.co.jp', null, null, null, null, null]],
  ],
];

fieldTable('real bounces audited by hand (audit55)', 'audit55', NOW, cases);

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit55/${name}`, import.meta.url)), 'utf8');

describe("the DragonFly Mail Agent's copy of a multi-line reply", () => {
  it('is read whole, its lines joined over the empty lines its `\\r\\r\\n` makes', async () => {
    const { incidents } = await extract(fixture('dma-gmail-550-lines-cr-cr-lf.eml'), { now: new Date(NOW) });
    expect(incidents.map((i) => i.reply.text)).toEqual([
      "550 5.7.26 Unauthenticated email from example.jp is not accepted due to domain's DMARC policy. Please contact the administrator of example.jp domain if this was a legitimate mail. To learn about the DMARC initiative, go to https://support.google.com/mail/?p=DmarcRejection 98e67ed59e1d1-2c2d0e28189si6418580a91.13 - gsmtp",
    ]);
  });

  it('keeps two replies apart when the line above the empty one announces no other', async () => {
    const text =
      'a@example.net\n550 5.1.1 <a@example.net>: User unknown\n\nb@example.net\n550 5.1.1 <b@example.net>: User unknown\n';
    const { incidents } = await extract(text, { now: new Date(NOW) });
    expect(incidents).toHaveLength(2);
  });
});

describe("Gmail's `DNS Error: NNN DNS type 'mx' lookup of ... responded with code NXDOMAIN`", () => {
  it('is no reply of a server: said so, no reply to fill in', async () => {
    const result = await extract(fixture('gmail-dns-error-nxdomain.eml'), { now: new Date(NOW) });
    const codes = result.warnings.map((w) => w.code);
    expect(codes).toContain('input.no-server-reply');
    expect(codes).not.toContain('missing.replyCode');
    expect(result.incidents.map((i) => [i.recipientDomain, i.reply.code, i.reply.text])).toEqual([
      ['example.jp', null, ''],
    ]);
  });
});

describe("Apple Mail's unsubscribe request (`X-Apple-Unsubscribe: true`, `Auto-Submitted: auto-replied`)", () => {
  it('is said to be one, with the address to remove, not an absence message', async () => {
    const result = await extract(fixture('apple-mail-unsubscribe-request.eml'), { now: new Date(NOW) });
    expect(result.incidents).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(['input.unsubscribe-request']);
    expect(result.warnings[0]?.text.fr).toContain('Retirez cette adresse de votre liste');
  });

  it('leaves an absence message as it was', async () => {
    const text = fixture('apple-mail-unsubscribe-request.eml').replace('X-Apple-Unsubscribe: true\n', '');
    const result = await extract(text, { now: new Date(NOW) });
    expect(result.warnings.map((w) => w.code)).toEqual(['input.auto-reply']);
  });
});
