/**
 * Two notices pasted one after the other, the second's mail system named in a From folded between its
 * words (`From: Mail` / ` Delivery System <...>`): the search for later notices tells a header block that
 * may be a notice's from its words as written, a fold in place of their space included.
 * (Shape: Postfix's own notice, as in test/fixtures/extract; addresses replaced by documentation ones.)
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const options = { now: new Date('2026-11-29T12:00:00Z') };

const notice = (from: string, date: string, rcpt: string, ip: string) =>
  `${from}
To: user@example.com
Subject: Undelivered Mail Returned to Sender
Date: ${date}

This is the mail system at host mail.example.com.

<${rcpt}>: host smtp-in.orange.fr[${ip}] said: 550 5.7.1 Service refuse. Veuillez essayer plus tard.
    OFR004_104 [104] (in reply to RCPT TO command)
`;

describe('a later notice whose From is folded between its words', () => {
  it('is read as a notice of its own, with its own date', async () => {
    const text = [
      notice(
        'From: Mail Delivery System <bounces@mail.example.com>',
        'Mon, 2 Nov 2026 10:00:00 +0100',
        'alice@orange.fr',
        '193.252.22.65',
      ),
      notice(
        'From: Mail\n Delivery System <bounces@mail.example.com>',
        'Tue, 3 Nov 2026 11:00:00 +0100',
        'bob@orange.fr',
        '193.252.22.66',
      ),
    ].join('\n');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.remoteIp, i.occurredAt])).toEqual([
      ['193.252.22.65', '2026-11-02T10:00:00+01:00'],
      ['193.252.22.66', '2026-11-03T11:00:00+01:00'],
    ]);
  });
});
