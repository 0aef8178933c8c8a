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
