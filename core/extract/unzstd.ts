/**
 * KumoMTA writes its log segments zstd-compressed, in files with no extension
 * (`/var/log/kumomta/20240315-101500`), and a rotated log may be a `mail.log.1.zst`: such a file is read
 * as the text it holds. Zstandard data (RFC 8878) is recognised by its first four bytes, `28 b5 2f fd`,
 * whatever the file's name. Neither the browser nor Node 20 has a zstd decoder, so fzstd (pure
 * JavaScript, no dependency) decodes it, block by block, up to a limit and one byte more so the caller
 * sees the file was longer: like gunzip.ts, never the whole of a file that says it holds more.
 */
import { Decompress } from 'fzstd';
import { Gathered } from './gathered-bytes';
import { refuseGreedyWindow, ZstdWindowWatch } from './zstd-window-watch';

export function isZstd(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd
  );
}

export { MAX_ZSTD_WINDOW } from './zstd-window-watch';

/** Compressed bytes handed to the decoder at a time, so that it can be stopped once the limit is passed. */
const STEP = 16 * 1024;

/** Thrown by our own handler to stop the decoder once it gave more than the caller's limit. */
const ENOUGH = new Error('enough');

/** The window each frame of `bytes` declares, in order (zstd-window-watch.ts); a frame cut short ends it. */
export function zstdWindows(bytes: Uint8Array): number[] {
  const watch = new ZstdWindowWatch();
  watch.push(bytes);
  return watch.windows;
}

/**
 * The bytes zstd data stands for, at most `limit + 1` of them. The whole lines a cut or damaged file
 * still gave are kept (its last, cut line is not), and `onCut` hears of it; a file that gives nothing at
 * all, or whose frame asks for a window over MAX_ZSTD_WINDOW, throws.
 */
export function unzstdUpTo(
  bytes: Uint8Array,
  limit: number,
  onCut: () => void = () => undefined,
): Uint8Array {
  const watch = new ZstdWindowWatch();
  watch.push(bytes);
  refuseGreedyWindow(watch.largest);
  // Copied into one buffer as they come (gathered-bytes.ts): chunks and then their joined copy held the
  // data twice over.
  const gathered = new Gathered(0, limit + 1);
  let size = 0;
  const decoder = new Decompress((chunk) => {
    gathered.add(chunk);
    size += chunk.length;
    if (size > limit) throw ENOUGH;
  });
  try {
    for (let at = 0; at < bytes.length; at += STEP)
      decoder.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
  } catch (error) {
    if (error !== ENOUGH) {
      if (size === 0) throw error;
      onCut();
      return gathered.bytes(gathered.all.subarray(0, gathered.size).lastIndexOf(10) + 1);
    }
  }
  return gathered.bytes();
}
