/**
 * Eighteenth round of real input. Fixtures and their sources: test/fixtures/extract/audit18/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { findEmbeddedOrangeReplies } from '../../core/extract/embedded-orange';

const dir = fileURLToPath(new URL('../fixtures/extract/audit18/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe("MailKit's exception, which keeps the reply's enhanced code only", () => {
  it('reads the reply after `SmtpCommandException:`', async () => {
    const { incidents } = await extract(fixture('mailkit-smtpcommandexception-enhanced-only.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.enhanced).toBe('5.7.3');
    expect(incidents[0]?.reply.code).toBeNull();
    expect(incidents[0]?.reply.text).toBe('5.7.3 Authentication unsuccessful');
  });

  it("starts Orange's reply at the enhanced code, not at the paragraph's first words", () => {
    const [found] = findEmbeddedOrangeReplies([
      'Failed to send mail to jean@orange.fr',
      'MailKit.Net.Smtp.SmtpCommandException: 5.7.1 Service refuse. Veuillez essayer plus tard. OFR004_104 [104]',
    ]);
    expect(found?.text).toBe('5.7.1 Service refuse. Veuillez essayer plus tard. OFR004_104 [104]');
    expect(found?.lineIndex).toBe(1);
    expect(found?.recipient).toBe('jean@orange.fr');
  });
});

describe('a forward whose header lines are in Spanish or German', () => {
  const notice = [
    'Delivery has failed to these recipients or groups:',
    '',
    'jean@orange.fr',
    'Remote Server returned: 550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR004_104 [104]',
  ];

  it.each([
    ['De:', 'Enviado el: martes, 5 de marzo de 2024 10:12', 'Para:', 'Asunto:'],
    ['Von:', 'Gesendet: Dienstag, 5. März 2024 10:12', 'An:', 'Betreff:'],
  ])('takes the date from `%s` / `%s`', async (from, sent, to, subject) => {
    const text = [
      '-----Original Message-----',
      `${from} Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.com>`,
      sent,
      `${to} Newsletter <news@contoso.com>`,
      `${subject} Undeliverable: offers`,
      '',
      ...notice,
    ].join('\n');
    const { incidents } = await extract(text, { assumeZone: 'Europe/Paris' });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2024-03-05T10:12:00+01:00');
    expect(incidents[0]?.reply.code).toBe(550);
  });
});

describe('a bounce sent when the message expired in the queue', () => {
  it("dates the quoted reply by the bounce's own Date, saying since when the message waited", async () => {
    const { incidents } = await extract(fixture('postfix-dsn-orange-999-after-queue.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2019-12-18T09:20:00+01:00');
    expect(incidents[0]?.sources.occurredAt?.text).toMatch(/^Date: Wed, 18 Dec 2019/);
    const waited = incidents[0]?.assumptions.find((a) => a.code === 'date.last-attempt');
    expect(waited?.text.en).toContain('2019-12-17T20:56:02+01:00');
    expect(incidents[0]?.orange?.reason).toBe(999);
  });
});
