/**
 * Files as Windows and careless programs save them: UTF-16 ("Unicode" in Notepad) with or without its
 * byte-order mark, a stray NUL byte or NUL padding at the end, Windows-1252 whose curly apostrophes are
 * byte 0x92 (Node's own decoder reads them as Latin-1's invisible controls). Each reads as its UTF-8
 * text does. Fixtures: test/fixtures/extract/audit20/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../../core/extract';
import { decodeBytes } from '../../../core/extract/decode-bytes';
import { decodeReadParts } from '../../../core/extract/decode-parts';
import { splitPlainMessage } from '../../../core/extract/plain-mime';
import { decodeWindows1252, windows1252Bytes } from '../../../core/extract/windows-1252';
import { createChunkDecoder } from '../../../core/summary/text-decoder';

const bytesOf = (name: string) =>
  new Uint8Array(
    readFileSync(fileURLToPath(new URL(`../../fixtures/extract/audit20/${name}`, import.meta.url))),
  );
const notice = bytesOf('postfix-notice-excerpt-ofr505.txt');
const noticeText = new TextDecoder().decode(notice);

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  if (order === 'be') le.swap16();
  return new Uint8Array(le);
}

async function refusal(bytes: Uint8Array) {
  const { incidents, warnings } = await extractBytes(bytes);
  return {
    incidents: incidents.map((i) => ({ reply: i.reply, orange: i.orange, ip: i.remoteIp })),
    warnings,
  };
}

describe('text encodings of a pasted file', () => {
  it('reads UTF-16 with or without its byte-order mark, little- or big-endian, CRLF, as the UTF-8 text', async () => {
    const expected = await refusal(notice);
    expect(expected.incidents).toHaveLength(1);
    expect(expected.incidents[0]?.orange?.token).toBe('OFR005_505');
    const crlf = noticeText.replace(/\n/g, '\r\n');
    for (const [order, bom] of [
      ['le', true],
      ['be', true],
      ['le', false],
      ['be', false],
    ] as const) {
      const got = await refusal(utf16(crlf, order, bom));
      expect(got.incidents, `${order} ${bom ? 'with' : 'without'} BOM`).toEqual(expected.incidents);
      expect(got.warnings.map((w) => w.code)).not.toContain('input.binary');
    }
  });

  it('drops a stray NUL byte and NUL padding at the end instead of refusing the text as binary', async () => {
    const expected = await refusal(notice);
    const padded = new Uint8Array([...notice, ...new Array<number>(64).fill(0)]);
    expect(await refusal(padded)).toEqual(expected);
    const firstLineEnd = notice.indexOf(10);
    const stray = new Uint8Array([...notice.subarray(0, firstLineEnd), 0, ...notice.subarray(firstLineEnd)]);
    expect(decodeBytes(stray).text).toBe(noticeText);
  });

  it('still refuses binary data, NUL bytes among control bytes', () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    const image = new Uint8Array(4096);
    image.set(png);
    for (let i = png.length; i < image.length; i++) image[i] = (i * 7919) % 251;
    expect(decodeBytes(image).text).toBeNull();
    expect(
      decodeBytes(new Uint8Array([0x41, 0, 0x42, 1, 2, 3, 4, 5, 6, 7, 8, 11, 14, 15, 16, 17, 18, 19, 0x43]))
        .text,
    ).toBeNull();
  });

  it("reads Windows-1252's curly apostrophes (0x92) as ’, not as invisible controls", () => {
    const { text, warnings } = decodeBytes(bytesOf('thunderbird-fr-ofr416-cp1252.txt'));
    expect(text).toContain('lors de l’envoi de l’e-mail');
    expect(text).toContain('Le serveur de courrier a répondu');
    expect(text).not.toMatch(/[\u0080-\u009f]/);
    expect(warnings.map((w) => w.code)).toContain('input.latin1');
    expect(decodeWindows1252(new Uint8Array([0x80, 0x93, 0x94, 0x96, 0x9c, 0x81]))).toBe('€“”–œ\u0081');
    // A log read chunk by chunk (summarize): its Windows-1252 lines alike.
    const line = new Uint8Array([...new TextEncoder().encode('Nov 30 mta1 sm-mta: l'), 0x92, 0x65, 0x0a]);
    expect(createChunkDecoder().decode(line)).toBe('Nov 30 mta1 sm-mta: l’e\n');
  });

  it('gives back the bytes a Windows-1252 reading came from, and none for other characters', () => {
    const every = new Uint8Array(256).map((_, i) => i);
    expect(windows1252Bytes(decodeWindows1252(every))).toEqual(every);
    expect(windows1252Bytes('błąd')).toBeNull();
  });

  it('reads a quoted-printable Windows-1252 part with the same characters', async () => {
    const bounce = [
      'From: MAILER-DAEMON@mail.example.com',
      'Subject: Non remis',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=windows-1252',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Votre message n=92a pas pu =EAtre remis =E0 l=92adresse <jean@orange.fr> =96 =80.',
      '',
    ].join('\n');
    const decoded = await decodeReadParts(splitPlainMessage(bounce), () => true);
    expect(decoded.parts[0]?.lines[0]).toBe(
      'Votre message n’a pas pu être remis à l’adresse <jean@orange.fr> – €.',
    );
  });
});
