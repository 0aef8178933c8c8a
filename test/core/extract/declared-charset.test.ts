import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../../core/extract';
import { decodeBytes } from '../../../core/extract/decode-bytes';

const page = readFileSync(
  fileURLToPath(new URL('../../fixtures/extract/audit14/coremail-bounce-html-gb2312.htm', import.meta.url)),
);

describe('an HTML page that declares its character set', () => {
  it('is read in it when it is not UTF-8 (a Coremail bounce page in GB2312)', () => {
    const { text, warnings } = decodeBytes(new Uint8Array(page));
    expect(text).toContain('您的邮件被退回来');
    expect(text).toContain('退信原因');
    expect(text).toContain('rcpt handle timeout');
    expect(warnings.map((w) => w.code)).toEqual(['input.declared-charset']);
    expect(warnings[0]?.text.fr).toContain('(gb2312)');
  });

  it('says so through extract, and finds no refusal where the page quotes no reply', async () => {
    const { incidents, warnings } = await extractBytes(new Uint8Array(page));
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('input.declared-charset');
  });

  it('leaves a text without such a tag, or declaring Latin-1, to the Windows-1252 reading', () => {
    const latin1 = new Uint8Array([...Buffer.from('550 Adresse refus\u00e9e', 'latin1')]);
    expect(decodeBytes(latin1).warnings.map((w) => w.code)).toEqual(['input.latin1']);
    const declaredLatin1 = new Uint8Array([
      ...Buffer.from('<meta charset="iso-8859-1"><p>550 refus\u00e9</p>', 'latin1'),
    ]);
    const decoded = decodeBytes(declaredLatin1);
    expect(decoded.text).toContain('refusé');
    expect(decoded.warnings.map((w) => w.code)).toEqual(['input.latin1']);
  });

  it('falls back to Windows-1252 for a label TextDecoder does not know', () => {
    const bytes = new Uint8Array([
      ...Buffer.from('<meta charset="x-unknown-9"><p>refus\u00e9</p>', 'latin1'),
    ]);
    expect(decodeBytes(bytes).warnings.map((w) => w.code)).toEqual(['input.latin1']);
  });
});
