/**
 * Bytes to text, chunk by chunk. A chunk is decoded up to its last line end (the rest waits for the
 * next chunk), so no character is ever split. Valid UTF-8 (the usual case) costs one decode per chunk;
 * a chunk that is not is decoded line by line, each invalid line as Windows-1252 (the Latin-1 of
 * French mail logs) and the others as UTF-8. This is TextDecoderStream plus a cheap fallback. Shared by
 * the UI's scan worker and the CLI (pure: TextDecoder exists in browsers, workers and Node).
 */
import { isGzip } from '../extract/gunzip';
import { decodeWindows1252 } from '../extract/windows-1252';

/** True when the name ends in .gz or the first two bytes are gzip's magic number (RFC 1952: 1f 8b). */
export function looksGzipped(name: string | undefined, head: Uint8Array | undefined): boolean {
  if (name?.toLowerCase().endsWith('.gz')) return true;
  return head !== undefined && isGzip(head);
}

/** A partial line longer than this is decoded without waiting for its end (a line is cut there anyway). */
const MAX_CARRY = 8 * 1024 * 1024;

export interface ChunkDecoder {
  decode(bytes: Uint8Array): string;
  flush(): string;
  /** Lines decoded as Windows-1252. */
  readonly latin1Lines: number;
}

function lastLineEnd(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= 0; i--) {
    const b = bytes[i];
    if (b === 10 || b === 13) return i;
  }
  return -1;
}

export interface ChunkDecoderOptions {
  /**
   * The text of bytes that are all ASCII, or null when some are not: a platform's faster way (Node's
   * buffer.isAscii and latin1Slice are several times faster than TextDecoder). ASCII chunks are then
   * decoded whole, lines cut or not: no character can be split, and every decoding gives the same text.
   */
  ascii?: (bytes: Uint8Array) => string | null;
}

export function createChunkDecoder(options: ChunkDecoderOptions = {}): ChunkDecoder {
  const ascii = options.ascii;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let carry: Uint8Array = new Uint8Array(0);
  let latin1Lines = 0;

  const decodeLine = (bytes: Uint8Array): string => {
    try {
      return utf8.decode(bytes);
    } catch {
      latin1Lines += 1;
      return decodeWindows1252(bytes);
    }
  };

  const decodeWhole = (bytes: Uint8Array): string => {
    try {
      return utf8.decode(bytes);
    } catch {
      let text = '';
      let start = 0;
      for (let nl = bytes.indexOf(10); nl !== -1; nl = bytes.indexOf(10, start)) {
        text += decodeLine(bytes.subarray(start, nl + 1));
        start = nl + 1;
      }
      return start < bytes.length ? text + decodeLine(bytes.subarray(start)) : text;
    }
  };

  return {
    decode(chunk) {
      if (ascii !== undefined && carry.length === 0) {
        const text = ascii(chunk);
        if (text !== null) return text;
      }
      let bytes = chunk;
      if (carry.length > 0) {
        bytes = new Uint8Array(carry.length + chunk.length);
        bytes.set(carry);
        bytes.set(chunk, carry.length);
      }
      const end = lastLineEnd(bytes);
      if (end === -1 && bytes.length <= MAX_CARRY) {
        carry = bytes === chunk ? new Uint8Array(chunk) : bytes;
        return '';
      }
      const cut = end === -1 ? bytes.length : end + 1;
      // A copy (not slice(): on a Node Buffer it is a view, and the caller may reuse the buffer).
      carry = new Uint8Array(bytes.subarray(cut));
      return decodeWhole(bytes.subarray(0, cut));
    },
    flush() {
      const rest = carry;
      carry = new Uint8Array(0);
      return rest.length > 0 ? decodeWhole(rest) : '';
    },
    get latin1Lines() {
      return latin1Lines;
    },
  };
}
