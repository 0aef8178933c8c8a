/**
 * Some MTAs copy a multi-line SMTP reply into the DSN's Diagnostic-Code without folding it: the reply's
 * next lines start at the margin with the same code (`550-...` then `550 ...`). Those lines belong to the
 * field; read as skipped non-fields, they lost Orange's token and reason number, which sit at the end.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import { parseDeliveryStatus } from '../../../core/extract/delivery-status';
import { fixtureText } from './fixtures';

describe('a Diagnostic-Code whose multi-line reply is not folded', () => {
  it("keeps the reply's later lines, with Orange's token and reason", async () => {
    const [incident] = (await extract(fixtureText('unfolded-fields/dsn-multiline-reply-unfolded.eml')))
      .incidents;
    expect(incident?.orange).toEqual({ token: 'OFR006_102', reason: 102, server: 'mwinf5c04' });
    // One reply, unwrapped: the second line's `550` prefix is not part of its text.
    expect(incident?.reply.text).toMatch(/^550 mwinf5c04 ME .* de spam\. Client host blocked .* \[102\]$/);
    expect(incident?.sources.reply?.text).toMatch(/^Diagnostic-Code: smtp; 550-mwinf5c04/);
    expect(incident?.sendingIps).toEqual(['203.0.113.7']);
  });

  it('takes only lines that start with the same code, after a reply line that announces more', () => {
    const { recipients } = parseDeliveryStatus(
      [
        'Final-Recipient: rfc822; a@orange.fr',
        'Diagnostic-Code: smtp; 421-4.7.0 first line',
        '421-4.7.0 second line',
        '421 4.7.0 last line',
        '421 4.7.0 a reply of its own',
        '550 5.1.1 another reply',
        'some words that are no field',
        '',
        'Final-Recipient: rfc822; b@orange.fr',
        'Diagnostic-Code: smtp; 550 5.1.1 complete reply',
        '550 5.1.1 not a continuation',
      ].join('\n'),
    );
    const diagnostic = (i: number) => recipients[i]?.find((f) => f.name === 'diagnostic-code')?.value;
    expect(diagnostic(0)).toBe('smtp; 421-4.7.0 first line 421-4.7.0 second line 421 4.7.0 last line');
    expect(diagnostic(1)).toBe('smtp; 550 5.1.1 complete reply');
  });
});
