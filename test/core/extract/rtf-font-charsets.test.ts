/**
 * An RTF document's `\'hh` bytes read in the code page of the font they are written in: Word, WordPad and
 * Outlook keep a font per character set (`\fcharset0` Western, `\fcharset204` Cyrillic, `\fcharset238`
 * Central European) and write each run in the one its script needs, whatever the document's `\ansicpg`.
 * Fixture: test/fixtures/extract/rtffile36/ (SOURCES.md).
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import { fileContent } from '../../../core/extract/file-bytes';
import { rtfText } from '../../../core/extract/outlook-file/rtf-text';
import { fixtureBytes } from './fixtures';

const refuse = { limit: 1_000_000, overLimit: 'refuse' } as const;
const ascii = (s: string) => new TextEncoder().encode(s);

describe("RTF text in its fonts' code pages", () => {
  const saved = fixtureBytes('rtffile36/forward-saved-on-cyrillic-windows.rtf');

  it('reads a French forward saved on a Windows whose code page is 1251: French in the Western font, Russian in the Cyrillic one', async () => {
    const content = await fileContent(saved, refuse);
    const text = content.kind === 'text' ? content.text : '';
    expect(text).toMatch(/^Пересылаю: Orange снова отклоняет наши письма\.$/m);
    expect(text).toContain('Voici le retour d’Orange reçu ce matin');
    expect(text).toMatch(/^Envoyé\u00a0:\tvendredi 4 décembre 2026 10:14$/m);
    expect(text).toMatch(/^À\u00a0:\tcommandes@boutique-durand\.example$/m);
    const { incidents } = await extract(text);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      sendingDomain: 'boutique-durand.example',
      remoteIp: '193.252.22.65',
    });
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.45']);
  });

  it('reads a Central European font, a font whose \\cpg gives its code page, and \\uN beside them', () => {
    const rtf = [
      '{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fnil\\fcharset0 Calibri;}{\\f1\\fnil\\fcharset238 Calibri CE;}',
      '{\\f2\\fnil\\fcharset0\\cpg1250 Tahoma;}}',
      "\\uc1\\pard\\f1 Wiadomo\\'9c\\'e6 odrzucona\\par",
      "\\f2 Doru\\'e8en\\'e1 zpr\\'e1va\\par",
      "\\f0 R\\'e9ponse du serveur\\~: Adresse IP bloqu\\u233?e\\par",
      "{\\f1 \\'b3}\\'b3\\par}",
    ].join('\r\n');
    expect(rtfText(ascii(rtf)).text.split('\n')).toEqual([
      'Wiadomość odrzucona',
      'Doručená zpráva',
      'Réponse du serveur\u00a0: Adresse IP bloquée',
      // The group's font ends with the group: the byte after it is the Western font's again.
      'ł³',
      '',
    ]);
  });

  it("reads text before any \\f in the default font's code page, a font with no character set in the document's", () => {
    const rtf =
      "{\\rtf1\\ansi\\ansicpg1252\\deff1{\\fonttbl{\\f0\\fmodern Courier New;}{\\f1\\fnil\\fcharset204 Arial;}}\\'cf\\'f0\\'e8 \\f0 R\\'e9p}";
    expect(rtfText(ascii(rtf)).text).toBe('При Rép');
  });

  it("reads a DOS font's bytes in the code page its \\cpg gives (850: a console's copy of a French reply)", () => {
    const rtf =
      '{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fnil\\fcharset0 Calibri;}{\\f1\\fmodern\\fcharset255\\cpg850 Terminal;}}' +
      "\\f1 550 Service refus\\'82 \\'85 \\'9b\\par\\f0 R\\'e9p}";
    expect(rtfText(ascii(rtf)).text).toBe('550 Service refusé à ø\nRép');
  });
});
