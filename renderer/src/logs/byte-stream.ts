/**
 * The byte side of a log scan: counts the bytes read from the file (compressed bytes for a .gz or a
 * .zst, so the progress matches the file's size), and inflates gzip when the name ends in .gz or the
 * first two bytes are gzip's magic number (RFC 1952: 0x1f 0x8b), zstd when the first frame's four bytes
 * are zstd's (RFC 8878: 28 b5 2f fd, after any skippable frames; a KumoMTA log segment has no extension).
 */
import { gunzipChunks } from '../../../core/extract/gunzip-stream';
import { isZstd, readStreamHead } from '../../../core/extract/unzstd';
import { unzstdChunks } from '../../../core/extract/unzstd-stream';
import type { CutCompression } from '../../../core/summary/cut-notes';
import { looksGzipped } from '../../../core/summary/text-decoder';

export interface CountedStream {
  stream: ReadableStream<Uint8Array>;
  gzip: boolean;
  zstd: boolean;
}

/** The chunks a reader gives, as an async iterable. */
async function* readerChunks(reader: ReadableStreamDefaultReader<Uint8Array>): AsyncGenerator<Uint8Array> {
  for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
}

/**
 * The text bytes of zstd data `counted` holds, decoded as they are read (core's unzstdChunks: a frame
 * asking for a window over 128 MB is refused before it is decoded); data that ends early ends the
 * stream there, and `onCut` hears of it; `onChecksumMismatch` of data that does not match its checksum.
 */
function unzstdStream(
  counted: ReadableStream<Uint8Array>,
  onCut: () => void,
  onChecksumMismatch: () => void,
): ReadableStream<Uint8Array> {
  const reader = counted.getReader();
  const decoded = unzstdChunks(readerChunks(reader), onCut, onChecksumMismatch);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await decoded.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/**
 * The text bytes of gzip data `counted` holds, inflated as they are read, member after member (core's
 * gunzipChunks: Chromium's decoder fails at a member's end); data that ends early (or is damaged) ends
 * the stream there, and `onCut` hears of it: a day's summary is not lost for its last block. Data cut
 * before it gave anything is said the same way; damaged data that gives nothing fails the scan.
 */
function gunzipStream(
  counted: ReadableStream<Uint8Array>,
  onCut: () => void,
  onTrailing: () => void,
): ReadableStream<Uint8Array> {
  const reader = counted.getReader();
  const inflated = gunzipChunks(readerChunks(reader), onCut, onTrailing);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await inflated.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/**
 * Wraps `input` so that `onBytes` hears of every raw chunk, and inflates it when it is gzip or zstd
 * (`onCut` hears of compressed data that ends early, `onChecksumMismatch` of zstd data that does not
 * match its checksum, `onTrailing` of bytes after gzip data that were ignored). Reads the first chunks
 * to look at the magic bytes (readStreamHead), then hands them on unchanged.
 */
export async function openLogBytes(
  input: ReadableStream<Uint8Array>,
  name: string | undefined,
  onBytes: (n: number) => void,
  onCut: (format: CutCompression) => void = () => {},
  onChecksumMismatch: () => void = () => {},
  onTrailing: () => void = () => {},
): Promise<CountedStream> {
  const reader = input.getReader();
  // The first chunks, until they tell (core's readStreamHead: one may end inside a skippable frame).
  const { head, done } = await readStreamHead(() => reader.read());
  const counted = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head) {
        onBytes(head.byteLength);
        controller.enqueue(head);
      }
      if (done) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else {
        onBytes(next.value.byteLength);
        controller.enqueue(next.value);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  const gzip = looksGzipped(name, head);
  const zstd = !gzip && head !== undefined && isZstd(head);
  if (zstd) return { stream: unzstdStream(counted, () => onCut('zstd'), onChecksumMismatch), gzip, zstd };
  if (!gzip) return { stream: counted, gzip, zstd };
  return { stream: gunzipStream(counted, () => onCut('gzip'), onTrailing), gzip, zstd };
}

/** The bytes of blob[start, end), as they are read; no more once `stopped` says so. */
export async function* blobChunks(
  blob: Blob,
  start: number,
  end: number,
  stopped: () => boolean = () => false,
): AsyncGenerator<Uint8Array> {
  const reader = (blob.slice(start, end).stream() as ReadableStream<Uint8Array>).getReader();
  let done = false;
  try {
    while (!done && !stopped()) {
      const next = await reader.read();
      done = next.done;
      if (!next.done) yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => {});
  }
}
