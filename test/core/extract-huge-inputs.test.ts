/**
 * Inputs far larger than any real paste, built the way an audit of the engine found them to break it
 * (stack overflows in regular expressions and in spread calls): each must still be read, within the
 * input limit, and give what the paste holds. Speed is the benchmark's business (npm run bench), not
 * these tests'.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const REPLY = '550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR004_104 [104]';

describe('huge inputs that overflowed a stack', () => {
  it('millions of empty lines before a reply', async () => {
    const { incidents } = await extract(`${'\n'.repeat(3_400_000)}${REPLY}\n`);
    expect(incidents.map((i) => i.orange?.token)).toEqual(['OFR004_104']);
  });

  it('a delivery-status part of 150,000 fields', async () => {
    const text = [
      'From: MAILER-DAEMON@mail.example.com',
      'To: news@example.com',
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mail.example.com',
      'X-A: b\n'.repeat(150_000),
      'Final-Recipient: rfc822; jean@orange.fr',
      'Action: failed',
      'Status: 5.7.1',
      `Diagnostic-Code: smtp; ${REPLY}`,
      '',
      '--b--',
      '',
    ].join('\n');
    const { incidents } = await extract(text);
    expect(incidents.map((i) => i.recipientDomain)).toEqual(['orange.fr']);
    expect(incidents[0]?.orange?.token).toBe('OFR004_104');
  });

  it('a recipient block of 150,000 fields pasted alone', async () => {
    const text = `Reporting-MTA: dns; mail.example.com\n\nFinal-Recipient: rfc822; jean@orange.fr\n\nAction: failed\nStatus: 5.7.1\nDiagnostic-Code: smtp; ${REPLY}\n${'X-A: b\n'.repeat(150_000)}`;
    const { incidents } = await extract(text);
    expect(incidents[0]?.orange?.token).toBe('OFR004_104');
  });

  it('a line of millions of quote marks, then a quoted reply', async () => {
    const { incidents } = await extract(`${'>'.repeat(8_400_000)}\n> ${REPLY}\n`);
    expect(incidents.map((i) => i.orange?.token)).toContain('OFR004_104');
  });
});
