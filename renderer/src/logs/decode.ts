/**
 * Bytes to text, chunk by chunk: UTF-8 (streaming, so a character split across two chunks survives),
 * and for a chunk that is not valid UTF-8, Windows-1252 (the Latin-1 of French mail logs) for that
 * chunk only; the next chunk tries UTF-8 again. This is TextDecoderStream plus a cheap fallback: a
 * valid chunk costs one decode, an invalid one two.
 */

export interface ChunkDecoder {
  decode(bytes: Uint8Array): string;
  flush(): string;
  /** Chunks decoded as Windows-1252. */
  readonly fallbackChunks: number;
}

export function createChunkDecoder(): ChunkDecoder {
  let utf8 = new TextDecoder('utf-8', { fatal: true });
  const latin1 = new TextDecoder('windows-1252');
  let fallbackChunks = 0;
  return {
    decode(bytes) {
      try {
        return utf8.decode(bytes, { stream: true });
      } catch {
        fallbackChunks += 1;
        utf8 = new TextDecoder('utf-8', { fatal: true });
        return latin1.decode(bytes);
      }
    },
    flush() {
      try {
        return utf8.decode();
      } catch {
        return '\ufffd';
      }
    },
    get fallbackChunks() {
      return fallbackChunks;
    },
  };
}
