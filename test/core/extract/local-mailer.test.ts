/**
 * Sendmail's DSN for mail piped to a local program: `Diagnostic-Code: X-Unix; 255` is the program's exit
 * status, not an SMTP reply, so it gives no reply code; nor does the transcript's last line, Sendmail's
 * status for that exit (`554 5.3.0 unknown mailer error 255`): no server replied, and a note says so,
 * quoting both (core/extract/formats/message-local-mailer.ts). This test first pinned that line as the
 * reply; since this session's audit63 it pins that it is none.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';

const bounce = [
  'From: Mail Delivery Subsystem <MAILER-DAEMON@mx2.example.net>',
  'To: <claire@example.com>',
  'Date: Tue, 17 Nov 2026 09:42:19 +0100',
  'Subject: Returned mail: see transcript for details',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b7"',
  '',
  '--b7',
  '',
  '   ----- The following addresses had permanent fatal errors -----',
  '"|/usr/local/bin/ticket-intake"',
  '    (reason: 255)',
  '    (expanded from: <support@example.net>)',
  '',
  '   ----- Transcript of session follows -----',
  'intake: cannot connect to the queue database',
  '554 5.3.0 unknown mailer error 255',
  '',
  '--b7',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx2.example.net',
  'Arrival-Date: Tue, 17 Nov 2026 09:42:18 +0100',
  '',
  'Final-Recipient: RFC822; support@example.net',
  'X-Actual-Recipient: X-Unix; |/usr/local/bin/ticket-intake',
  'Action: failed',
  'Status: 5.0.0',
  'Diagnostic-Code: X-Unix; 255',
  '',
  '--b7--',
  '',
].join('\r\n');

describe('Diagnostic-Code of type X-Unix', () => {
  it('is not read as reply code 255, nor is Sendmail’s status line for that exit a reply', async () => {
    const { incidents, warnings } = await extract(bounce);
    const i = incidents[0];
    expect(i?.reply).toEqual({ code: null, enhanced: null, text: '' });
    expect(i?.remoteHost).toBeNull();
    expect(i?.recipientDomain).toBe('example.net');
    const note = warnings.find((w) => w.code === 'input.local-program-failed');
    expect(note?.text.en).toContain('"255 (554 5.3.0 unknown mailer error 255)"');
    expect(warnings.map((w) => w.code)).not.toContain('missing.reply');
  });
});
