/**
 * A paragraph too long for the readers of a notice's wordings (200,000 characters without a blank line)
 * is not read by them; that was silent (the adversarial audit's finding), and a notice pasted with its
 * attachment's base64 right under the reply gave `550 5.7.1` without its text, read by a fallback.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import { seededRandom } from '../../fixtures/prng';

/** 300 kB of base64 as a mail client writes an attachment, 76 characters a line. */
function base64Lines(): string {
  const random = seededRandom(7);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const line = () => Array.from({ length: 76 }, () => alphabet[Math.floor(random() * 64)]).join('');
  return Array.from({ length: 4000 }, line).join('\n');
}

const NOTICE = [
  '<jean.dupont@example.org>: host mx.example.org[198.51.100.7] said: 550 5.7.1',
  '    Message rejected as spam by Content Filtering. (in reply to end of DATA command)',
  'Content-Type: application/pdf; name="facture.pdf"',
  'Content-Transfer-Encoding: base64',
].join('\n');

describe('a paragraph too long to be read whole', () => {
  it('says so when a notice is pasted with its attachment right under the reply', async () => {
    const { incidents, warnings } = await extract(`${NOTICE}\n${base64Lines()}\n`);
    const long = warnings.find((w) => w.code === 'input.paragraph-too-long');
    expect(long?.text.en).toBe(
      'A paragraph of more than 200,000 characters without a blank line (the first starting "<jean.dupont@example.org>: host mx.examp…") was too long to be read whole: an SMTP reply in it may be missing, or read only in part. Separate the blocks with a blank line, or paste them apart.',
    );
    expect(long?.text.fr).toContain('Un paragraphe de plus de 200\u00a0000 caractères sans ligne vide');
    expect(incidents[0]?.reply.code).toBe(550);
  });

  it('reads the reply whole, without the warning, once a blank line sets the attachment apart', async () => {
    const { incidents, warnings } = await extract(`${NOTICE}\n\n${base64Lines()}\n`);
    expect(warnings.map((w) => w.code)).not.toContain('input.paragraph-too-long');
    expect(incidents[0]?.reply.text).toBe('550 5.7.1 Message rejected as spam by Content Filtering.');
  });
});
