/**
 * Automatic replies and Hotmail's complaint reports from the public corpus of PHP-Bounce-Handler,
 * reshaped (test/fixtures/extract/audit28cf/SOURCES.md): no refusal, and said to be what they are.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit28cf/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('an automatic reply sent back to the sender', () => {
  it.each(['sieve-vacation-reply.eml', 'autoresponder-no-auto-submitted.eml'])(
    'says %s is an automatic reply, not a refusal',
    async (name) => {
      const { incidents, warnings } = await extract(fixture(name), options);
      expect(incidents).toEqual([]);
      expect(warnings.map((w) => w.code)).toEqual(['input.auto-reply']);
      expect(warnings[0]?.text.fr).toContain('réponse automatique');
    },
  );

  it('still reads an Exim bounce, which carries Auto-Submitted: auto-replied too', async () => {
    const bounce = [
      'Return-path: <>',
      'Auto-Submitted: auto-replied',
      'From: Mail Delivery System <Mailer-Daemon@mx.shop-mailer.example>',
      'To: newsletter@shop-mailer.example',
      'Subject: Mail delivery failed: returning message to sender',
      'Date: Thu, 12 Nov 2026 10:14:05 +0100',
      '',
      'A message that you sent could not be delivered to one or more of its',
      'recipients. This is a permanent error. The following address(es) failed:',
      '',
      '  marie.durand@orange.fr',
      '    SMTP error from remote mail server after RCPT TO:<marie.durand@orange.fr>:',
      '    host smtp-in.orange.fr [193.252.22.65]: 550 5.1.1 <marie.durand@orange.fr>: Recipient address rejected',
      '',
    ].join('\n');
    const { incidents, warnings } = await extract(bounce, options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(warnings.map((w) => w.code)).not.toContain('input.auto-reply');
  });
});

describe('Hotmail’s complaint report (JMRP), which has no Feedback-Type field', () => {
  it.each(['hotmail-jmrp-complaint.eml', 'hotmail-jmrp-inline.eml'])(
    'says %s is a complaint, not a refusal',
    async (name) => {
      const { incidents, warnings } = await extract(fixture(name), options);
      expect(incidents).toEqual([]);
      expect(warnings.map((w) => w.code)).toEqual(['input.hotmail-complaint']);
      expect(warnings[0]?.text.fr).toContain('plainte');
    },
  );
});
