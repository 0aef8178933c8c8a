/**
 * Real bounces of Sisimai's set-of-emails read wrong in a hand audit of 40 of them (round 57), each field
 * checked against the text (test/fixtures/extract/audit57/SOURCES.md): Sendmail's `X-Actual-Recipient`
 * names the address an alias expanded to, whose server refused it; a complaint report's
 * `Original-Mail-From` is the reported message's envelope sender; OpenSMTPD's `Envelope expired` quotes
 * no reply; SendGrid's notice names the address it sent from and the MX that refused.
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
    "Sendmail's notice for an alias it expanded (`X-Actual-Recipient: RFC822; userunknown@example.co.jp`), refused by that domain's MX: the recipient domain is the refused address's, not the alias's",
    'sendmail-alias-expanded-actual-recipient.eml',
    [
      [
        '2014-06-21T23:34:45+09:00',
        ['192.0.2.19'],
        ['mx2.example.net'],
        'example.co.jp',
        'example.co.jp',
        'mx.example.co.jp',
        null,
        550,
        '5.1.1',
        null,
      ],
    ],
  ],
  [
    "Rackspace's complaint report, its copy redacted: the sending domain from `Original-Mail-From`, the private Source-Ip left out",
    'arf-rackspace-original-mail-from.eml',
    [['2020-10-31T18:02:57+00:00', [], [], 'example.com', 'example.com', null, null, null, null, null]],
  ],
  [
    "OpenSMTPD's `Envelope expired` delay notice: no reply, no remote, the DSN's status",
    'opensmtpd-delayed-envelope-expired.eml',
    [
      [
        '2024-06-21T05:51:59+00:00',
        [],
        ['df.example.jp'],
        'df.example.jp',
        'libsisimai.net',
        null,
        null,
        null,
        '4.4.7',
        null,
      ],
    ],
  ],
  [
    "SendGrid's notice line (`<rcpt> : sending IP : mx:[IP] : reply`): SendGrid's address and the MX, not the customer's server that handed the message to SendGrid",
    'sendgrid-notice-recipient-line.eml',
    [
      [
        '2012-10-31T05:46:43-04:00',
        ['192.0.2.250'],
        [],
        'example.jp',
        'example.jp',
        'mx.example.jp',
        '192.0.2.153',
        550,
        '5.1.1',
        null,
      ],
    ],
  ],
];

fieldTable('real bounces audited by hand (audit57)', 'audit57', NOW, cases);

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit57/${name}`, import.meta.url)), 'utf8');

const codesOf = async (text: string) =>
  (await extract(text, { now: new Date(NOW) })).warnings.map((w) => w.code);

describe("Sendmail's X-Actual-Recipient", () => {
  it("leaves the recipient's domain when it only routes the address to one of that domain's hosts", async () => {
    // `Final-Recipient: RFC822; <emdis@fgm.fr>`, `X-Actual-Recipient: RFC822; emdis@proxy1.fgm.fr`.
    const text = readFileSync(
      fileURLToPath(new URL('../fixtures/extract/audit19/sendmail-warning-read-error.eml', import.meta.url)),
      'utf8',
    );
    const { incidents } = await extract(text, { now: new Date(NOW) });
    expect(incidents.map((i) => i.recipientDomain)).toEqual(['fgm.fr']);
  });
});

describe("a complaint report's missing reply", () => {
  it('is not asked for: the report says itself that it holds none', async () => {
    const codes = await codesOf(fixture('arf-rackspace-original-mail-from.eml'));
    expect(codes).toContain('input.abuse-report');
    expect(codes).not.toContain('missing.reply');
  });
});

describe("OpenSMTPD's `Envelope expired`", () => {
  it("says where the attempts' replies are, in French and English", async () => {
    const { warnings } = await extract(fixture('opensmtpd-delayed-envelope-expired.eml'), {
      now: new Date(NOW),
    });
    const note = warnings.find((w) => w.code === 'input.envelope-expired');
    expect(note?.text.en).toContain('"mta delivery"');
    expect(note?.text.fr).toContain('(«\u00a0Envelope expired\u00a0»)\u00a0:');
    expect(warnings.map((w) => w.code)).not.toContain('input.retry-timeout');
  });

  it('is read only as OpenSMTPD writes it, a recipient and the words alone on the line', async () => {
    const text =
      'Subject: Delivery status notification: error\n\nThe envelope expired yesterday: we tried.\n\n550 5.1.1 <jean@orange.fr>: Recipient address rejected\n';
    expect(await codesOf(text)).not.toContain('input.envelope-expired');
  });
});

describe("SendGrid's recipient line", () => {
  it('is read only in its own notice', async () => {
    const line =
      'kijitora:000000:<kijitora@example.jp> : 203.0.113.9 : mx.example.jp:[198.51.100.4] : 550 5.1.1 User Unknown in RCPT TO';
    const { incidents } = await extract(`Subject: Undelivered\n\n${line}\n`, { now: new Date(NOW) });
    expect(incidents.map((i) => i.remoteIp)).not.toContain('198.51.100.4');
  });
});
