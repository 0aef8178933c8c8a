/**
 * The memory a zstd frame asks for before a byte of it is decoded: fzstd allocates the window a frame
 * declares, up to 2 GB. The frames are followed by their headers (for data held whole, unzstd.ts, and
 * for data read as it comes, unzstd-stream.ts) and a frame asking for more than MAX_ZSTD_WINDOW is
 * refused rather than given the memory.
 */

/**
 * The largest window a frame may ask for: the reference decoder's own default limit (`zstd -d` refuses
 * more unless told `--long`/`--memory`).
 */
export const MAX_ZSTD_WINDOW = 128 * 1024 * 1024;

/** Throws when `window` (bytes) is over MAX_ZSTD_WINDOW, saying so. */
export function refuseGreedyWindow(window: number): void {
  if (window > MAX_ZSTD_WINDOW)
    throw new Error(
      `zstd data asking for a ${Math.ceil(window / 2 ** 20)} MB window (more than ${MAX_ZSTD_WINDOW / 2 ** 20} MB): not read`,
    );
}

const ZSTD_MAGIC = 0xfd2fb528;

/**
 * What the headers tell of a frame met so far: its blocks (counted as their headers pass), whether the
 * last was met, and the checksum it ends with (`null` when it declares none, `undefined` until read).
 */
export interface ZstdFrameMarks {
  blocks: number;
  ended: boolean;
  checksum: number | null | undefined;
}

/**
 * Follows the frames of zstd data chunk by chunk, without decoding them, and tells the window each
 * declares (RFC 8878 §3.1.1: frame header, then blocks by their 3-byte headers, then the optional
 * checksum); data held whole is one chunk. A frame cut short ends the watch.
 */
export class ZstdWindowWatch {
  /** The window each frame declared so far, in order (skippable frames have none). */
  readonly windows: number[] = [];
  /**
   * The frames met and not yet taken by a reader (zstd-checksum.ts takes each once decoded), in order;
   * skippable frames have none.
   */
  readonly frames: ZstdFrameMarks[] = [];
  /** The largest window a frame declared so far. */
  largest = 0;
  private header: number[] = [];
  private need = 4;
  private skip = 0;
  private state: 'magic' | 'skippable' | 'frame' | 'block' | 'checksum' | 'unknown' = 'magic';

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
      this.windows.push(window);
      this.largest = Math.max(this.largest, window);
      this.frames.push({ blocks: 0, ended: false, checksum: ((flags >> 2) & 1) === 1 ? undefined : null });
      this.expect('block', 3);
      return;
    }
    const frame = this.frames[this.frames.length - 1] as ZstdFrameMarks;
    if (this.state === 'checksum') {
      frame.checksum = number(0, 4);
      this.expect('magic', 4);
      return;
    }
    // A block header: its size (1 byte for an RLE block), then the next block or, after the last, the
    // frame's checksum and the next frame.
    const block = number(0, 3);
    this.skip = ((block >> 1) & 3) === 1 ? 1 : block >> 3;
    frame.blocks += 1;
    if (block & 1) {
      frame.ended = true;
      if (frame.checksum === undefined) this.expect('checksum', 4);
      else this.expect('magic', 4);
    } else this.expect('block', 3);
  }

  private expect(
    state: 'magic' | 'skippable' | 'frame' | 'block' | 'checksum',
    need: number,
    clear = true,
  ): void {
    this.state = state;
    this.need = need;
    if (clear) this.header = [];
  }
}
