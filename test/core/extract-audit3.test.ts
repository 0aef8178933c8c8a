/**
 * Third hand audit of the sending IPs, hosts and domain on real bounces (60 files drawn with a fixed
 * seed from the corpus); each case here is modelled on a shape the audit found wrong or missing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { messageDetails } from '../../core/extract/message-details';
import { noticeRecipient } from '../../core/extract/notice-recipient';

const dir = fileURLToPath(new URL('../fixtures/extract/audit3/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe("an Apache James notice's `Message details:` block", () => {
  it('gives the envelope sender and the failed recipient it lists', async () => {
    const { incidents } = await extract(fixture('james-message-details-crlf.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    // `MAIL FROM:`, not the returned message's From (shop.example.org).
    expect(i?.sendingDomain).toBe('notify.example.com');
    expect(i?.sources.sendingDomain?.text).toBe('  MAIL FROM: alerts@notify.example.com');
    expect(i?.recipientDomain).toBe('vtext.com');
    expect(i?.sources.recipientDomain?.text).toBe('  RCPT TO: 2025550143@vtext.com');
  });

  it('reads the two lines only under the heading', () => {
    const lines = [
      'Message details:',
      '  Subject: Hello',
      '  MAIL FROM: a@example.com',
      '  RCPT TO: <b@example.net>',
    ];
    expect(messageDetails(lines)).toEqual({
      sender: { domain: 'example.com', line: '  MAIL FROM: a@example.com' },
      recipient: { domain: 'example.net', line: '  RCPT TO: <b@example.net>' },
    });
    expect(messageDetails(lines.slice(1))).toBeNull();
  });

  it("never takes the notice's MAIL FROM line for the failed recipient", () => {
    const lines = ['Message details:', '  MAIL FROM: a@example.com', '  RCPT TO: b@example.net'];
    expect(noticeRecipient(lines)?.domain).toBe('example.net');
  });
});
