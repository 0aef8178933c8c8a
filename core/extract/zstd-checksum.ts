/**
 * The content checksum a zstd frame may end with (RFC 8878 §3.1.1: the low 32 bits of the XXH64 of the
 * frame's content; `zstd` writes one unless told `--no-check`). fzstd decodes without looking at it, so
 * data damaged in a way its blocks still decode (a flipped bit in a literal) was read as sound. Each
 * frame's content is hashed as it is decoded and compared with the checksum the headers' walk
 * (zstd-window-watch.ts) read: on a mismatch the text is kept, and the caller is told.
 */
import { Xxh64 } from './xxh64';
import type { ZstdFrameMarks } from './zstd-window-watch';

/** Follows the decoded blocks of the frames `frames` (a ZstdWindowWatch's) lists. */
export class ZstdChecksums {
  private hash = new Xxh64();
  private blocks = 0;
  /** Decoded frames waiting for their checksum bytes: the mark and its content's hash. */
  private decoded: { frame: ZstdFrameMarks; low32: number }[] = [];
  /** True once a frame's content did not match its checksum. */
  mismatch = false;

  constructor(private readonly frames: ZstdFrameMarks[]) {}

  /** One block as the decoder gave it (fzstd gives each block once, in order). */
  block(bytes: Uint8Array): void {
    const frame = this.frames[this.decoded.length];
    if (frame === undefined) return;
    if (frame.checksum !== null) this.hash.update(bytes);
    this.blocks += 1;
    if (!frame.ended || this.blocks < frame.blocks) return;
    this.decoded.push({ frame, low32: frame.checksum === null ? 0 : this.hash.low32() });
    this.hash = new Xxh64();
    this.blocks = 0;
    this.settle();
  }

  /** Compares the decoded frames whose checksum was read; each is then dropped from `frames`. */
  settle(): void {
    while (this.decoded.length > 0) {
      const first = this.decoded[0] as { frame: ZstdFrameMarks; low32: number };
      if (first.frame.checksum === undefined) return;
      if (first.frame.checksum !== null && first.frame.checksum !== first.low32) this.mismatch = true;
      this.decoded.shift();
      this.frames.shift();
    }
  }
}
