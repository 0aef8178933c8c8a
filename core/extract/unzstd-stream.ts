/**
 * Zstandard data read as it comes, for a log too large to hold (the CLI's `summarize` of a KumoMTA
 * segment, a `.zst` log, on a file or standard input): what unzstd.ts does for a file held whole, with
 * no size limit but the same refusal of a frame that asks for a window over MAX_ZSTD_WINDOW (fzstd
 * allocates it before it decodes a byte). The frames' headers are followed as the chunks arrive
 * (RFC 8878 §3.1.1: frame header, then blocks by their 3-byte headers, then the optional checksum), each
 * checked before the decoder sees it.
 */
import { Decompress } from 'fzstd';
import { MAX_ZSTD_WINDOW } from './unzstd';

/**
 * Compressed bytes handed to the decoder at a time. fzstd gives each block it decodes (128 KB at most)
 * before it returns: a small step keeps what waits to be read small, even for data made of blocks of a
 * few bytes each.
 */
const STEP = 4 * 1024;

const ZSTD_MAGIC = 0xfd2fb528;

/** Follows the frames of zstd data chunk by chunk and tells the largest window a frame declared. */
export class ZstdWindowWatch {
  /** The largest window a frame declared so far. */
  largest = 0;
  private header: number[] = [];
  private need = 4;
  private skip = 0;
  private state: 'magic' | 'skippable' | 'frame' | 'block' | 'unknown' = 'magic';
  private checksum = false;

  push(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length && this.state !== 'unknown') {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - i);
        this.skip -= n;
        i += n;
        continue;
      }
      this.header.push(chunk[i++] as number);
      if (this.header.length >= this.need) this.parse();
    }
  }

  private parse(): void {
    const h = this.header;
    /** A little-endian number of `n` bytes at `at` (past 2^53 only approximate, still huge). */
    const number = (at: number, n: number) => {
      let value = 0;
      for (let k = n - 1; k >= 0; k--) value = value * 256 + (h[at + k] ?? 0);
      return value;
    };
    if (this.state === 'magic') {
      const magic = number(0, 4);
      if (magic >= 0x184d2a50 && magic <= 0x184d2a5f) this.expect('skippable', 8, false);
      else if (magic === ZSTD_MAGIC) this.expect('frame', 5, false);
      // No frame: the decoder says what is wrong with it.
      else this.state = 'unknown';
      return;
    }
    if (this.state === 'skippable') {
      this.skip = number(4, 4);
      this.expect('magic', 4);
      return;
    }
    if (this.state === 'frame') {
      const flags = h[4] as number;
      const singleSegment = (flags >> 5) & 1;
      const dictionaryBytes = [0, 1, 2, 4][flags & 3] ?? 0;
      const contentSizeBytes = [singleSegment, 2, 4, 8][flags >> 6] ?? 0;
      const dictionaryAt = 5 + (singleSegment ? 0 : 1);
      const length = dictionaryAt + dictionaryBytes + contentSizeBytes;
      if (h.length < length) {
        this.need = length;
        return;
      }
      let window: number;
      if (singleSegment) {
        const size = number(dictionaryAt + dictionaryBytes, contentSizeBytes);
        window = contentSizeBytes === 2 ? size + 256 : size;
      } else {
        const base = 2 ** (10 + ((h[5] as number) >> 3));
        window = base + (base / 8) * ((h[5] as number) & 7);
      }
      this.largest = Math.max(this.largest, window);
      this.checksum = ((flags >> 2) & 1) === 1;
      this.expect('block', 3);
      return;
    }
    // A block header: its size (1 byte for an RLE block), then the next block or, after the last, the
    // frame's checksum and the next frame.
    const block = number(0, 3);
    this.skip = ((block >> 1) & 3) === 1 ? 1 : block >> 3;
    if (block & 1) {
      this.skip += this.checksum ? 4 : 0;
      this.expect('magic', 4);
    } else this.expect('block', 3);
  }

  private expect(state: 'magic' | 'skippable' | 'frame' | 'block', need: number, clear = true): void {
    this.state = state;
    this.need = need;
    if (clear) this.header = [];
  }
}

/**
 * The bytes the zstd data of `chunks` stands for, as they are decoded. A frame asking for a window over
 * MAX_ZSTD_WINDOW throws before it is decoded; data that ends early or is damaged after it gave some
 * bytes ends the output there and `onCut` hears of it (what it gave so far stays read), before any, it
 * throws.
 */
export async function* unzstdChunks(
  chunks: AsyncIterable<Uint8Array>,
  onCut: () => void,
): AsyncGenerator<Uint8Array> {
  const watch = new ZstdWindowWatch();
  let ready: Uint8Array[] = [];
  let given = 0;
  const decoder = new Decompress((chunk) => {
    if (chunk.length > 0) ready.push(chunk);
  });
  const take = () => {
    const out = ready;
    ready = [];
    for (const chunk of out) given += chunk.length;
    return out;
  };
  /** Hands `bytes` to the decoder step by step, giving what each step decoded; false once it failed. */
  function* feed(bytes: Uint8Array, final: boolean): Generator<Uint8Array, boolean> {
    for (let at = 0; at < bytes.length || (final && at === 0); at += STEP) {
      const step = bytes.subarray(at, at + STEP);
      try {
        decoder.push(step, final && at + STEP >= bytes.length);
      } catch (error) {
        yield* take();
        if (given === 0) throw error;
        onCut();
        return false;
      }
      yield* take();
    }
    return true;
  }
  for await (const chunk of chunks) {
    watch.push(chunk);
    if (watch.largest > MAX_ZSTD_WINDOW)
      throw new Error(
        `zstd data asking for a ${Math.ceil(watch.largest / 2 ** 20)} MB window (more than ${MAX_ZSTD_WINDOW / 2 ** 20} MB): not read`,
      );
    if (!(yield* feed(chunk, false))) return;
  }
  yield* feed(new Uint8Array(0), true);
}
