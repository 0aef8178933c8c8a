/**
 * KumoMTA writes its log segments zstd-compressed, in files with no extension
 * (`/var/log/kumomta/20240315-101500`), and a rotated log may be a `mail.log.1.zst`: such a file is read as
 * the text it holds. Zstandard data (RFC 8878) is recognised by its first frame's four bytes, `28 b5 2f fd`
 * (after any skippable frames, as pzstd writes one), whatever the file's name. Neither the browser nor
 * Node 20 has a zstd decoder, so fzstd (pure JavaScript, no dependency) decodes it, block by block, up to a
 * limit and one byte more so the caller sees the file was longer: like gunzip.ts, never the whole of a file
 * that says it holds more.
 */
import { Decompress } from 'fzstd';
import { Gathered } from './gathered-bytes';
import { ZstdChecksums } from './zstd-checksum';
import { refuseGreedyWindow, ZstdWindowWatch } from './zstd-window-watch';

/**
 * True for zstd data: its first frame's magic number, `28 b5 2f fd`, after any skippable frames
 * (RFC 8878 §3.1.2: magic `5? 2a 4d 18`, then their size; pzstd and the seekable format write one first).
 * Skippable frames running past `bytes` (the first chunk of a stream) are taken for zstd's; LZ4 frames,
 * which share the skippable magic, are told apart by the frame after them when it is in `bytes`.
 */
export function isZstd(bytes: Uint8Array): boolean {
  let at = 0;
  while (at + 4 <= bytes.length) {
    const magic =
      (bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16);
    const top = bytes[at + 3] as number;
    if (magic === 0x2fb528 && top === 0xfd) return true;
    if (top !== 0x18 || (magic & 0xfffff0) !== 0x4d2a50) return false;
    if (at + 8 > bytes.length) return true;
    const size =
      ((bytes[at + 4] as number) | ((bytes[at + 5] as number) << 8) | ((bytes[at + 6] as number) << 16)) +
      (bytes[at + 7] as number) * 0x1000000;
    at += 8 + size;
  }
  return at > 0;
}

/** The most bytes a stream's start is gathered up to for isZstd: a skippable frame running past it is taken for zstd's. */
const HEAD_LIMIT = 64 * 1024;

/**
 * True once `head`, the start of a stream, holds enough for isZstd to tell (or HEAD_LIMIT bytes): four
 * bytes, and past each skippable frame the four of the frame after it. A pipe's first chunk may be one byte,
 * or end inside a skippable frame: taken for no zstd (binary data) or for zstd whatever followed (an LZ4
 * frame, which shares the skippable magic, then failed to decode), as the chunks happened to cut.
 */
export function zstdHeadKnown(head: Uint8Array): boolean {
  for (let at = 0; at < HEAD_LIMIT; ) {
    if (at + 8 > head.length) return at + 4 <= head.length && !isSkippable(head, at);
    if (!isSkippable(head, at)) return true;
    at += 8 + littleEndian32(head, at + 4);
  }
  return true;
}

/** True when bytes[at, at + 4) is a skippable frame's magic (`5? 2a 4d 18`). */
function isSkippable(bytes: Uint8Array, at: number): boolean {
  return (
    ((bytes[at] as number) & 0xf0) === 0x50 &&
    bytes[at + 1] === 0x2a &&
    bytes[at + 2] === 0x4d &&
    bytes[at + 3] === 0x18
  );
}

function littleEndian32(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16)) +
    (bytes[at + 3] as number) * 0x1000000
  );
}

/**
 * The start of a stream (its first chunks joined) once zstdHeadKnown, or all of it when shorter, with
 * whether it ended there: what the CLI and the Large logs tab look at to tell gzip, zstd and text apart.
 */
export async function readStreamHead(
  read: () => Promise<{ done?: boolean; value?: Uint8Array }>,
): Promise<{ head: Uint8Array | undefined; done: boolean }> {
  let head: Uint8Array | undefined;
  for (;;) {
    const next = await read();
    if (next.done || next.value === undefined) return { head, done: true };
    head = head === undefined ? next.value : joined(head, next.value);
    if (zstdHeadKnown(head)) return { head, done: false };
  }
}

function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export { MAX_ZSTD_WINDOW } from './zstd-window-watch';

/**
 * True for fzstd's error on data that ends before its frame does (its code 5, `unexpected EOF`): a
 * file cut short, also inside its first block, which gave nothing yet. Other errors are damage.
 */
export function endedEarly(error: unknown): boolean {
  return error instanceof Error && (error as Error & { code?: unknown }).code === 5;
}

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
 * The bytes zstd data stands for, at most `limit + 1` of them. The whole lines a cut or damaged file still
 * gave are kept (its last, cut line is not), and `onCut` hears of it, also when a file cut short gave none
 * (cut in its first block, which is decoded whole or not at all); data damaged before it gave anything, or a
 * frame that asks for a window over MAX_ZSTD_WINDOW, throws. A frame whose content does not match its
 * checksum is kept as decoded, and `onChecksumMismatch` hears of it (zstd-checksum.ts).
 */
export function unzstdUpTo(
  bytes: Uint8Array,
  limit: number,
  onCut: () => void = () => undefined,
  onChecksumMismatch: () => void = () => undefined,
): Uint8Array {
  // Followed step by step, as the decoder goes: a frame's window is refused before the decoder reaches
  // it, and the frames' marks wait only for the step being decoded.
  const watch = new ZstdWindowWatch();
  const checksums = new ZstdChecksums(watch.frames);
  // Copied into one buffer as they come (gathered-bytes.ts): chunks and then their joined copy held the
  // data twice over.
  const gathered = new Gathered(0, limit + 1);
  let size = 0;
  const decoder = new Decompress((chunk, final) => {
    if (final) return;
    checksums.block(chunk);
    gathered.add(chunk);
    size += chunk.length;
    if (size > limit) throw ENOUGH;
  });
  for (let at = 0; at < bytes.length; at += STEP) {
    const step = bytes.subarray(at, at + STEP);
    watch.push(step);
    refuseGreedyWindow(watch.largest);
    try {
      decoder.push(step, at + STEP >= bytes.length);
    } catch (error) {
      if (error === ENOUGH) break;
      if (size === 0 && !endedEarly(error)) throw error;
      onCut();
      if (checksums.mismatch) onChecksumMismatch();
      return gathered.bytes(gathered.all.subarray(0, gathered.size).lastIndexOf(10) + 1);
    }
    checksums.settle();
  }
  if (checksums.mismatch) onChecksumMismatch();
  return gathered.bytes();
}
