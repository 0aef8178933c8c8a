/**
 * Each value's source is found by searching the text (values are decoded or unfolded). A header field's
 * own line is looked for as a whole line: `To: x@example.com` is also inside `X-Original-To:`,
 * `Delivered-To:` or `X-Apparently-To:` lines, which come first in a delivered message, and `Date: ...`
 * inside Exim's `Delivery-date:`; the citation pointed at those before.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extract } from '../../../core/extract';
import { SourceText } from '../../../core/extract/source-text';

const delivered = [
  'Delivered-To: news@example.com',
  'X-Original-To: news@example.com',
  'Delivery-date: Mon, 16 Mar 2026 10:00:05 +0100',
  'Return-Path: <>',
  'From: Mail Delivery System <MAILER-DAEMON@mta1.example.com>',
  'To: news@example.com',
  'Subject: Undelivered Mail Returned to Sender',
  'Date: Mon, 16 Mar 2026 10:00:05 +0100',
  '',
  'This is the mail system at host mta1.example.com.',
  '',
  '<jean.dupont@orange.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550 mwinf5c04 ME Adresse IP',
  '    source bloquee pour incident de spam. Client host blocked for spamming issues.',
  '    OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.7 [102] (in reply to MAIL FROM',
  '    command)',
].join('\r\n');

describe('where a header field was read', () => {
  it('is the line the field starts, not a longer field that contains it', () => {
    const text = new SourceText(delivered);
    expect(text.find('To: news@example.com', 1, text.lineCount, true)).toBe(6);
    expect(text.find('Date: Mon, 16 Mar 2026 10:00:05 +0100', 1, text.lineCount, true)).toBe(8);
    // A value that is no field is found where it first occurs, as before.
    expect(text.find('news@example.com')).toBe(1);
    // A field line found only inside another line is still found there.
    expect(new SourceText('X-Original-To: a@example.com').find('To: a@example.com', 1, 1, true)).toBe(1);
  });

  it("points the bounce's sending domain and date at their own lines", async () => {
    const [incident] = (await extract(delivered)).incidents;
    expect(incident?.sendingDomain).toBe('example.com');
    expect(incident?.sources.sendingDomain?.text).toBe('To: news@example.com');
    expect(incident?.occurredAt).toBe('2026-03-16T10:00:05+01:00');
    expect(incident?.sources.occurredAt?.line).toBe(8);
  });
});

describe('the sender and recipient of each of thousands of replies', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('are found without reading the rest of the text again for each', () => {
    // A session naming its sender and recipient once, then refused thousands of times: each reply looks
    // for them from its own line on, then from the start (smtp-reply.ts).
    const lines = ['>>> MAIL FROM:<me@sender.example>', '>>> RCPT TO:<rcpt@b.example>'];
    for (let i = 0; i < 3000; i++) lines.push(`<<< 550 5.7.1 refused number ${i}`);
    const source = new SourceText(lines.join('\n'));
    const searches = vi.spyOn(String.prototype, 'indexOf');
    for (let line = 3; line <= lines.length; line++) {
      expect(source.find('me@sender.example', line)).toBeNull();
      expect(source.find('rcpt@b.example', line) ?? source.find('rcpt@b.example', 1, line)).toBe(2);
    }
    expect(searches.mock.calls.length).toBeLessThan(100);
  });
});

describe('SourceText.nextLineStartingWith', () => {
  it('finds the first line from a given one on that starts with the prefix, whatever the line ends', () => {
    const source = new SourceText('a --x\r\n--b\r\n------\n--c--\rx\n--d');
    expect(source.nextLineStartingWith('--', 1)).toBe(2);
    expect(source.nextLineStartingWith('--', 3)).toBe(3);
    expect(source.nextLineStartingWith('--', 4)).toBe(4);
    expect(source.nextLineStartingWith('--', 5)).toBe(6);
    expect(source.nextLineStartingWith('--', 7)).toBeNull();
  });
});

// A case-folded search lower-cases the text a megabyte at a time (no lower-case copy of a whole 50 MB
// message): a returned message's base64 attachment, then fields met past the first megabyte and across
// a window's edge, must be found as in the text lower-cased whole.
describe('SourceText.find, case-folded, past the first megabyte', () => {
  const base64 = `${'QmllbnZlbnVlIGRhbnMgbGUgY2F0YWxvZ3VlIGQnYXV0b21uZQ0KQm9uam91ciwgdm9pY2kg'}\n`;
  const attachment = base64.repeat(Math.ceil((1 << 20) / base64.length) + 10);
  const fields = ['Final-Recipient: rfc822; Claire.Petit@Orange.fr', 'Status: 5.7.1', ''];

  it('finds a field after an attachment, whatever its case', () => {
    const text = ['Content-Type: application/pdf', '', attachment, ...fields].join('\n');
    const source = new SourceText(text);
    const line = source.lineCount - 2;
    expect(source.find('FINAL-RECIPIENT: RFC822; claire.petit@orange.fr', 1, source.lineCount, true)).toBe(
      line,
    );
    expect(source.find('status: 5.7.1', 1, source.lineCount, true)).toBe(line + 1);
  });

  it('finds a field that straddles the edge of a window, a surrogate pair included', () => {
    for (let shift = 0; shift < 6; shift++) {
      const head = 'x'.repeat((1 << 20) - 8 + shift);
      const text = `${head}\nTo: 𐐀Jean@Example.FR\n`;
      expect(new SourceText(text).find('to: 𐐨jean@example.fr', 1, 3, true)).toBe(2);
    }
  });
});
