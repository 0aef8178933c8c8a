/**
 * Zstandard frames built by hand (RFC 8878 §3.1.1), for what no compressor writes on purpose: a bomb of
 * RLE blocks (each 4 bytes standing for 128 KiB) and a frame asking for a huge window. The realistic
 * KumoMTA segment is a real compressor's output (fixtures/extract/audit36zstd).
 */

/** A frame header without content size, checksum or dictionary, with a window of 2^windowLog bytes. */
function header(windowLog: number): number[] {
  return [0x28, 0xb5, 0x2f, 0xfd, 0x00, (windowLog - 10) << 3];
}

/** `blocks` RLE blocks of 128 KiB of `byte` each: 4 bytes a block, 131,072 bytes once decoded. */
export function zstdBomb(blocks: number, byte = 0x61): Uint8Array {
  const out = new Uint8Array(6 + blocks * 4);
  out.set(header(21));
  for (let n = 0; n < blocks; n++) {
    const last = n === blocks - 1 ? 1 : 0;
    const block = last | (1 << 1) | (131_072 << 3);
    out.set([block & 0xff, (block >> 8) & 0xff, (block >> 16) & 0xff, byte], 6 + n * 4);
  }
  return out;
}

/** One raw (stored) block holding `text`, in a frame whose header asks for a 2^windowLog-byte window. */
export function zstdRawFrame(text: string, windowLog = 21): Uint8Array {
  const body = new TextEncoder().encode(text);
  const block = 1 | (0 << 1) | (body.length << 3);
  return new Uint8Array([
    ...header(windowLog),
    block & 0xff,
    (block >> 8) & 0xff,
    (block >> 16) & 0xff,
    ...body,
  ]);
}
