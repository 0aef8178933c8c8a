/**
 * Sendmail's own refusal after STARTTLS (`403 4.7.0 TLS handshake failed.`, its tls_server ruleset) as
 * its delay notice quotes it: no server's reply (sources in test/fixtures/logs/real-world/SOURCES.md,
 * sendmail-tls-policy.log; the notice's shape is sendmail's warning DSN).
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const NOTICE = [
  'Return-Path: <>',
  'Received: from localhost (localhost)',
  '	by web1.example.org (8.15.2/8.15.2) id 629M0Aa007001;',
  '	Mon, 9 Mar 2026 13:01:12 +0100',
  'Date: Mon, 9 Mar 2026 13:01:12 +0100',
  'From: Mail Delivery Subsystem <MAILER-DAEMON@web1.example.org>',
  'Message-Id: <202603091201.629M0Aa007001@web1.example.org>',
  'To: <factures@compta.example.org>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status;',
  '	boundary="629M0Aa007001.1773057672/web1.example.org"',
  'Subject: Warning: could not send message for past 4 hours',
  'Auto-Submitted: auto-generated (warning-timeout)',
  '',
  'This is a MIME-encapsulated message',
  '',
  '--629M0Aa007001.1773057672/web1.example.org',
  '',
  '    **********************************************',
  '    **      THIS IS A WARNING MESSAGE ONLY      **',
  '    **  YOU DO NOT NEED TO RESEND YOUR MESSAGE  **',
  '    **********************************************',
  '',
  'The original message was received at Mon, 9 Mar 2026 09:01:10 +0100',
  'from localhost [127.0.0.1]',
  '',
  '   ----- Transcript of session follows -----',
  '<jean.dupont@orange.fr>... Deferred: 403 4.7.0 TLS handshake failed.',
  'Warning: message still undelivered after 4 hours',
  'Will keep trying until message is 5 days old',
  '',
  '--629M0Aa007001.1773057672/web1.example.org',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; web1.example.org',
  'Arrival-Date: Mon, 9 Mar 2026 09:01:10 +0100',
  '',
  'Final-Recipient: RFC822; jean.dupont@orange.fr',
  'Action: delayed',
  'Status: 4.7.0',
  'Remote-MTA: DNS; smtp-in.orange.fr',
  'Diagnostic-Code: SMTP; 403 4.7.0 TLS handshake failed.',
  'Last-Attempt-Date: Mon, 9 Mar 2026 13:01:12 +0100',
  'Will-Retry-Until: Sat, 14 Mar 2026 09:01:10 +0100',
  '',
  '--629M0Aa007001.1773057672/web1.example.org--',
  '',
].join('\n');

describe('a Sendmail notice quoting its own TLS refusal', () => {
  it('keeps the incident without a reply to quote as Orange’s, and says no server replied', async () => {
    const { incidents, warnings } = await extract(NOTICE, { now: new Date('2026-11-29T12:00:00Z') });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({ code: null, enhanced: '4.7.0', text: '' });
    expect(incidents[0]?.remoteHost).toBe('smtp-in.orange.fr');
    expect(warnings.find((w) => w.code === 'input.no-server-reply')?.text.en).toContain(
      '403 4.7.0 TLS handshake failed.',
    );
  });
});
