/**
 * Zstandard data read as it comes, for a log too large to hold (the CLI's `summarize` of a KumoMTA
 * segment, a `.zst` log, on a file or standard input): what unzstd.ts does for a file held whole, with
 * no size limit but the same refusal of a frame that asks for a window over MAX_ZSTD_WINDOW (fzstd
 * allocates it before it decodes a byte). The frames' headers are followed as the chunks arrive
 * (zstd-window-watch.ts), each checked before the decoder sees it.
 */
import { Decompress } from 'fzstd';
import { endedEarly } from './unzstd';
import { ZstdChecksums } from './zstd-checksum';
import { refuseGreedyWindow, ZstdWindowWatch } from './zstd-window-watch';

/**
 * Compressed bytes handed to the decoder at a time. fzstd gives each block it decodes (128 KB at most)
 * before it returns: a small step keeps what waits to be read small, even for data made of blocks of a
 * few bytes each.
 */
const STEP = 4 * 1024;

/**
 * The bytes the zstd data of `chunks` stands for, as they are decoded. A frame asking for a window over
 * MAX_ZSTD_WINDOW throws before it is decoded; data that ends early or is damaged ends the output there
 * and `onCut` hears of it (what it gave so far stays read; cut in its first block, it gave nothing);
 * data damaged before it gave anything throws. A frame whose content does not match its checksum is given
 * as decoded, and `onChecksumMismatch` hears of it once, when the data ends (zstd-checksum.ts).
 */
export async function* unzstdChunks(
  chunks: AsyncIterable<Uint8Array>,
  onCut: () => void,
  onChecksumMismatch: () => void = () => undefined,
): AsyncGenerator<Uint8Array> {
  const watch = new ZstdWindowWatch();
  const checksums = new ZstdChecksums(watch.frames);
  let ready: Uint8Array[] = [];
  let given = 0;
  const decoder = new Decompress((chunk, final) => {
    if (final) return;
    checksums.block(chunk);
    given += chunk.length;
    if (chunk.length > 0) ready.push(chunk);
  });
  const take = () => {
    const out = ready;
    ready = [];
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
        if (given === 0 && !endedEarly(error)) throw error;
        onCut();
        return false;
      }
      checksums.settle();
      yield* take();
    }
    return true;
  }
  let whole = true;
  for await (const chunk of chunks) {
    watch.push(chunk);
    refuseGreedyWindow(watch.largest);
    whole = yield* feed(chunk, false);
    if (!whole) break;
  }
  if (whole) yield* feed(new Uint8Array(0), true);
  if (checksums.mismatch) onChecksumMismatch();
}
