/**
 * A file dropped on the window is read as the engine reads files: Notepad's UTF-16 and Windows-1252's
 * curly apostrophes included (the renderer once had its own decoding, which read UTF-16 as Latin-1).
 */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../renderer/src/components/files';

const bufferOf = (bytes: Uint8Array) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('decodeText (dropped files)', () => {
  it('reads UTF-16 with its byte-order mark', () => {
    const utf16 = new Uint8Array(
      Buffer.from('\uFEFF550 5.7.1 Service refusé. OFR004_104 [104]\r\n', 'utf16le'),
    );
    expect(decodeText(bufferOf(utf16))).toBe('550 5.7.1 Service refusé. OFR004_104 [104]\r\n');
  });

  it('reads UTF-8, and Windows-1252 with its curly apostrophe', () => {
    expect(decodeText(bufferOf(new TextEncoder().encode('déjà')))).toBe('déjà');
    expect(decodeText(bufferOf(Uint8Array.from([0x6c, 0x92, 0x65, 0x20, 0xe9])))).toBe('l’e é');
  });
});
