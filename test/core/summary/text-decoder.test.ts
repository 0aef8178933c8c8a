import { createChunkDecoder, looksGzipped } from '../../../core/summary';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

function decodeAll(chunks: Uint8Array[]) {
  const decoder = createChunkDecoder();
  const text = chunks.map((c) => decoder.decode(c)).join('') + decoder.flush();
  return { text, latin1Lines: decoder.latin1Lines };
}

describe('createChunkDecoder', () => {
  it('keeps a UTF-8 character whose bytes fall in two chunks', () => {
    const all = bytes('from=<élise@example.com>\nnext\n');
    const cut = all.indexOf(0xa9); // second byte of é
    expect(decodeAll([all.subarray(0, cut), all.subarray(cut)])).toEqual({
      text: 'from=<élise@example.com>\nnext\n',
      latin1Lines: 0,
    });
  });

  it('reads an ISO-8859-1 line as Latin-1 and leaves the UTF-8 lines of the same chunk alone', () => {
    const chunk = bytes(
      'to=<élise@orange.fr>\n',
      'to=<fr',
      [0xe9],
      'd',
      [0xe9],
      'rique@orange.fr>\r\n',
      'ça va\n',
    );
    expect(decodeAll([chunk])).toEqual({
      text: 'to=<élise@orange.fr>\nto=<frédérique@orange.fr>\r\nça va\n',
      latin1Lines: 1,
    });
  });

  it('copies what it keeps for later, so the caller may reuse its buffer (as readSync into one block does)', () => {
    const log =
      'Mar 14 00:00:01 mta1 postfix/qmgr[900]: 4Q1: from=<a@example.com>\nMar 14 00:00:02 mta1 x\n'.repeat(3);
    const all = bytes(log);
    for (const size of [7, 40, 64]) {
      const block = Buffer.alloc(size);
      const decoder = createChunkDecoder();
      let text = '';
      for (let at = 0; at < all.length; at += size) {
        const n = all.copy(block, 0, at, at + size);
        text += decoder.decode(block.subarray(0, n));
        block.fill(0x2a); // the caller overwrites its block before the next read
      }
      expect(text + decoder.flush()).toBe(log);
    }
  });

  it('hands on CR-only lines and a last line without an end', () => {
    expect(decodeAll([bytes('a\rb'), bytes('\rc')]).text).toBe('a\rb\rc');
  });
});

describe('looksGzipped', () => {
  it('trusts a .gz name or the magic bytes 1f 8b', () => {
    expect(looksGzipped('mail.log.1.GZ', undefined)).toBe(true);
    expect(looksGzipped('upload', Uint8Array.of(0x1f, 0x8b, 8))).toBe(true);
    expect(looksGzipped('mail.log', Uint8Array.of(0x4d, 0x61))).toBe(false);
  });
});
