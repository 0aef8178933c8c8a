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

export function isZstd(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd
  );
}

/**
 * The largest window a frame may ask for: the reference decoder's own default limit (`zstd -d` refuses
 * more unless told `--long`/`--memory`). fzstd allocates the window a frame declares, up to 2 GB, before
 * it decodes a byte; a frame asking for more than this is refused rather than given the memory.
 */
export const MAX_ZSTD_WINDOW = 128 * 1024 * 1024;

/** Compressed bytes handed to the decoder at a time, so that it can be stopped once the limit is passed. */
const STEP = 16 * 1024;

/** Thrown by our own handler to stop the decoder once it gave more than the caller's limit. */
const ENOUGH = new Error('enough');

/**
 * The window each frame of `bytes` declares (RFC 8878 §3.1.1.1.2), walking the frames by their block
 * headers without decoding them; a frame cut short ends the walk. Skippable frames have none.
 */
export function zstdWindows(bytes: Uint8Array): number[] {
  const byte = (i: number) => bytes[i] ?? 0;
  /** A little-endian number of `n` bytes (up to 8: past 2^53 it is only approximate, still huge). */
  const number = (at: number, n: number) => {
    let value = 0;
    for (let i = n - 1; i >= 0; i--) value = value * 256 + byte(at + i);
    return value;
  };
  const windows: number[] = [];
  let at = 0;
  while (at + 8 <= bytes.length) {
    const magic = number(at, 4);
    if (magic >= 0x184d2a50 && magic <= 0x184d2a5f) {
      at += 8 + number(at + 4, 4);
      continue;
    }
    if (magic !== 0xfd2fb528) break;
    const flags = byte(at + 4);
    const singleSegment = (flags >> 5) & 1;
    const checksum = (flags >> 2) & 1;
    const dictionaryBytes = [0, 1, 2, 4][flags & 3] ?? 0;
    const contentSizeBytes = [singleSegment, 2, 4, 8][flags >> 6] ?? 0;
    const dictionaryAt = at + 5 + (singleSegment ? 0 : 1);
    if (singleSegment) {
      // The window is the content size, given on 1 to 8 bytes (on 2: plus 256).
      const size = number(dictionaryAt + dictionaryBytes, contentSizeBytes);
      windows.push(contentSizeBytes === 2 ? size + 256 : size);
    } else {
      const descriptor = byte(at + 5);
      const base = 2 ** (10 + (descriptor >> 3));
      windows.push(base + (base / 8) * (descriptor & 7));
    }
    at = dictionaryAt + dictionaryBytes + contentSizeBytes;
    for (;;) {
      if (at + 3 > bytes.length) return windows;
      const block = number(at, 3);
      at += 3 + (((block >> 1) & 3) === 1 ? 1 : block >> 3);
      if (block & 1) break;
    }
    at += checksum ? 4 : 0;
  }
  return windows;
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
  const window = zstdWindows(bytes).reduce((most, w) => Math.max(most, w), 0);
  if (window > MAX_ZSTD_WINDOW)
    throw new Error(
      `zstd data asking for a ${Math.ceil(window / 2 ** 20)} MB window (more than ${MAX_ZSTD_WINDOW / 2 ** 20} MB): not read`,
    );
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
