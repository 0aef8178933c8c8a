/**
 * The per-line scans that replaced whole-text expressions must answer exactly as the expressions do:
 * `looksLikeDeliveryStatusLines(lines)` as `looksLikeDeliveryStatus(lines.join('\n'))` (a multiline
 * `^`, which also matches after U+2028 and U+2029), and the header-block test of `detectInput` (read
 * in place, character by character) as `startsWithHeaders` on the split lines.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import { looksLikeDeliveryStatus, looksLikeDeliveryStatusLines } from '../../../core/extract/delivery-status';
import { detectInput, startsWithHeaders } from '../../../core/extract/detect';
import { splitLines } from '../../../core/extract/header-block';
import { seededRandom } from '../../fixtures/prng';

const DSN_PIECES = [
  'Final-Recipient: rfc822; user@example.com',
  'final-recipient:rfc822;user@example.com',
  'Diagnostic-Code: smtp; 550 5.1.1 unknown user',
  'Reporting-MTA: dns; mx.example.net',
  ' Final-Recipient: indented',
  '> Diagnostic-Code: smtp; 550 quoted',
  'Status: 5.1.1',
  'Final-Recipient without colon',
  'text\u2028Final-Recipient: after a line separator',
  'text\u2029Reporting-MTA: after a paragraph separator',
  'Réponse du serveur : 550',
  'F',
  'D',
  '',
  '   ',
];

describe('looksLikeDeliveryStatusLines', () => {
  it('answers as the multiline expression on the joined lines', () => {
    const random = seededRandom(20261129);
    for (let round = 0; round < 2000; round++) {
      const count = Math.floor(random() * 6);
      const lines: string[] = [];
      for (let i = 0; i < count; i++) lines.push(DSN_PIECES[Math.floor(random() * DSN_PIECES.length)] ?? '');
      expect(looksLikeDeliveryStatusLines(lines), JSON.stringify(lines)).toBe(
        looksLikeDeliveryStatus(lines.join('\n')),
      );
    }
  });

  it('finds fields after U+2028 inside a line, and only at a line start', () => {
    expect(looksLikeDeliveryStatusLines(['Notice\u2028Final-Recipient: rfc822; a@example.com'])).toBe(true);
    expect(looksLikeDeliveryStatusLines(['Notice: Final-Recipient: rfc822; a@example.com'])).toBe(false);
    expect(looksLikeDeliveryStatusLines(['REPORTING-MTA: dns; mx.example.net'])).toBe(true);
  });
});

const HEADER_PIECES = [
  'Received: from mx.example.net (mx.example.net [192.0.2.1])',
  '\tby relay.example.com with ESMTP',
  '    id 4F3A2B',
  'From: Mail Delivery System <MAILER-DAEMON@example.com>',
  'Subject: Undelivered Mail Returned to Sender',
  'X-Spam-Score: 0.1',
  `X-${'a'.repeat(75)}: name of 77 characters`,
  `X-${'a'.repeat(76)}: name of 78 characters`,
  'Not a header line',
  '1Bad: starts with a digit',
  'Content-Type:text/plain',
  '\u00a0',
  '\f',
  ' \t ',
  '',
];

describe('detectInput header block', () => {
  it('agrees with startsWithHeaders on the same lines', () => {
    const random = seededRandom(7);
    const breaks = ['\n', '\r\n', '\r'];
    for (let round = 0; round < 2000; round++) {
      const count = 1 + Math.floor(random() * 7);
      const lines: string[] = [];
      for (let i = 0; i < count; i++)
        lines.push(HEADER_PIECES[Math.floor(random() * HEADER_PIECES.length)] ?? '');
      lines.push('', 'Body text.');
      const text = lines.join(breaks[Math.floor(random() * breaks.length)]);
      // detectInput drops leading white space and blank lines first; compare on the same text.
      const trimmed = text.replace(/^[\s\uFEFF]+/, '');
      if (trimmed === '' || trimmed.startsWith('From ')) continue;
      // Under 200 lines, none starting with `From `: 'message' exactly when the headers are found.
      const expected = startsWithHeaders(splitLines(trimmed));
      expect(detectInput(text) === 'message', JSON.stringify(text)).toBe(expected);
    }
  });

  it('treats a line holding only a no-break space as the blank line ending the headers', () => {
    const text = 'From: a@example.com\nSubject: test\n\u00a0\nX-Not-A-Header-Block: body\nbody';
    expect(startsWithHeaders(splitLines(text))).toBe(true);
    expect(detectInput(text)).toBe('message');
  });
});

describe('quoted delivery status', () => {
  it('reads a DSN forwarded with `>` and `>\\t` quote marks', async () => {
    const text = [
      'From: Alice <alice@example.com>',
      'To: Postmaster <postmaster@example.net>',
      'Subject: Fwd: Undelivered Mail Returned to Sender',
      '',
      'See the bounce below.',
      '',
      '> Reporting-MTA: dns; mail.example.com',
      '>',
      '>\tFinal-Recipient: rfc822; bob@example.org',
      '> Action: failed',
      '> Status: 5.7.1',
      '> Diagnostic-Code: smtp; 550 5.7.1 Service unavailable, client host [192.0.2.7] blocked',
    ].join('\n');
    const result = await extract(text);
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0]?.recipientDomain).toBe('example.org');
    expect(result.incidents[0]?.reply.code).toBe(550);
    expect(result.incidents[0]?.sources.reply?.line).toBe(12);
  });
});
