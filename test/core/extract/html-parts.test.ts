import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../../core/extract';
import { fixtureBytes } from './fixtures';

// An HTML part is decoded only when nothing else in the message carries its content (see
// isRepeatedHtml in core/extract/formats/message.ts): HTML-only notices must still be read.
describe('bounce notices written in HTML', () => {
  it('reads the reply of an HTML-only, quoted-printable Latin-1 notice', async () => {
    const result = await extractBytes(fixtureBytes('html-only-qp.eml'));
    expect(result.incidents).toHaveLength(1);
    const i = result.incidents[0];
    expect(i?.reply).toMatchObject({ code: 550, enhanced: '5.7.1' });
    expect(i?.reply.text).toContain('Service refusé. Veuillez essayer plus tard.');
    expect(i?.orange).toMatchObject({ token: 'OFR006_102', reason: 102 });
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.remoteIp).toBe('193.252.22.65');
    expect(i?.sendingIps).toEqual(['203.0.113.25']);
    expect(i?.recipientDomain).toBe('orange.fr');
    // The reply is cited on the encoded line where it starts.
    expect(i?.sources.reply?.text).toMatch(/^<p>host smtp-in\.orange\.fr\[193\.252\.22\.65\] said: 550/);
  });

  it('reads the HTML part when the delivery-status part has no Diagnostic-Code', async () => {
    const result = await extractBytes(fixtureBytes('report-html-no-diagnostic.eml'));
    expect(result.incidents).toHaveLength(1);
    const i = result.incidents[0];
    expect(i?.reply.code).toBe(421);
    expect(i?.orange).toMatchObject({ token: 'OFR005_104', reason: 104, server: 'mwinf5c04' });
    expect(i?.remoteIp).toBe('193.252.22.65');
    expect(i?.recipientDomain).toBe('orange.fr');
  });

  it('gives one incident, from the DSN, for a report with a text/plain and HTML alternative (CRLF)', async () => {
    const bytes = fixtureBytes('report-alternative-qp.eml');
    const result = await extractBytes(bytes);
    expect(result.incidents).toHaveLength(1);
    const i = result.incidents[0];
    expect(i?.reply).toMatchObject({
      code: 550,
      enhanced: '5.7.1',
      text: '550 5.7.1 Mail rejected by Orange for policy reasons. OFR004_104 [104]',
    });
    expect(i?.orange).toMatchObject({ token: 'OFR004_104', reason: 104 });
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.recipientDomain).toBe('wanadoo.fr');
    expect(i?.sendingHosts).toContain('relay2.example.com');
    expect(i?.sendingDomain).toBe('example.com');
    expect(i?.occurredAt).toBe('2025-02-05T08:41:06+00:00');
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    const diagnostic = lines.findIndex((l) => l.startsWith('Diagnostic-Code:')) + 1;
    expect(diagnostic).toBeGreaterThan(1);
    expect(i?.sources.reply?.line).toBe(diagnostic);
  });
});
