/**
 * One log as a stream of bytes (gzip when the name ends in .gz or the bytes say so, zstd when the bytes
 * say so: a KumoMTA log segment, a `.zst` log) through the scanner
 * and the summariser on this thread: what `summarize` does for standard input, gzip and small files,
 * and what summarize-file.ts does when it cannot split a file (shared with the benchmark).
 */
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { looksBinary } from '../core/extract/decode-bytes';
import { gunzipUpTo, junkAfterMember } from '../core/extract/gunzip';
import { isCompoundFile } from '../core/extract/outlook-file/msg-text';
import { isZstd, readStreamHead } from '../core/extract/unzstd';
import { unzstdChunks } from '../core/extract/unzstd-stream';
import {
  type ChunkDecoder,
  createChunkDecoder,
  createLogSummary,
  type LogSummaryResult,
  looksGzipped,
} from '../core/summary';
import { CHECKSUM_NOTE, cutNote, TRAILING_NOTE } from '../core/summary/cut-notes';
import type { ExtractOptions } from '../core/types';
import { asciiText } from './ascii-text';

export interface SummarizeStats {
  bytesRead: number;
  lines: number;
  elapsedMs: number;
  gzip: boolean;
  /** Zstd data (a KumoMTA log segment), read as it was decoded. */
  zstd: boolean;
  latin1Lines: number;
  /** Threads that scanned the file: 2 when a worker scanned its second half (summarize-file.ts). */
  threads: number;
  /** The byte ranges read by the worker (summarize-file.ts), in order; none on one thread. */
  segments: { start: number; end: number }[];
}

export interface FileSummary extends LogSummaryResult {
  stats: SummarizeStats;
}

type Compression = 'gzip' | 'zstd' | null;

/**
 * The raw chunks, inflated when they are gzip or zstd; `onRaw` hears of every raw (compressed) byte
 * count, and `onCut` of compressed data that ends early (a rotation cut short, a partial copy; also
 * before it gave a byte) or is damaged after it gave some: a day's summary is not lost for its last
 * block; `onChecksumMismatch` of zstd data that does not match its checksum; `onTrailing` of bytes after
 * gzip data that start no member, ignored (as gzip(1) does).
 */
async function* logBytes(
  raw: AsyncIterable<Uint8Array>,
  name: string,
  onRaw: (n: number, compression: Compression) => void,
  onCut: (format: 'gzip' | 'zstd') => void,
  onChecksumMismatch: () => void,
  onTrailing: () => void,
): AsyncGenerator<Uint8Array> {
  const it = raw[Symbol.asyncIterator]();
  // The first chunks, until they tell: a pipe's first may be a byte, or end inside a skippable frame.
  const { head, done } = await readStreamHead(() => it.next());
  if (head === undefined) return;
  const compression = looksGzipped(name, head) ? 'gzip' : isZstd(head) ? 'zstd' : null;
  async function* counted() {
    onRaw(head?.byteLength ?? 0, compression);
    yield head as Uint8Array;
    if (done) return;
    for (let next = await it.next(); !next.done; next = await it.next()) {
      onRaw(next.value.byteLength, compression);
      yield next.value;
    }
  }
  if (compression === null) {
    yield* counted();
    return;
  }
  if (compression === 'zstd') {
    yield* unzstdChunks(counted(), () => onCut('zstd'), onChecksumMismatch);
    return;
  }
  // The compressed chunks while they are few: zlib fails on bytes after the last member that start none
  // (a tool's tail; gzip(1) reads the data and says "trailing garbage ignored") having dropped the last
  // it decoded, so such data is read again whole (core's gunzipUpTo finds where its member ends).
  let held: Uint8Array[] | null = [];
  let heldBytes = 0;
  async function* keptWhileFew() {
    for await (const chunk of counted()) {
      heldBytes += chunk.length;
      if (heldBytes > HELD_GZIP_BYTES) held = null;
      held?.push(chunk);
      yield chunk;
    }
  }
  const gunzip = createGunzip();
  pipeline(Readable.from(keptWhileFew()), gunzip, () => {});
  let inflated = 0;
  try {
    for await (const chunk of gunzip) {
      inflated += (chunk as Uint8Array).length;
      yield chunk as Uint8Array;
    }
  } catch (error) {
    // Only zlib's errors (data cut or damaged; before any byte, only cut); a failing read is the file's,
    // and said as such.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' && junkAfterMember(error) && held !== null) {
      const rest = await readWhole(held, heldBytes, it, (n) => onRaw(n, compression));
      let cut = false;
      const whole =
        rest &&
        (await gunzipUpTo(
          rest,
          HELD_GZIP_OUTPUT,
          () => {
            cut = true;
          },
          onTrailing,
        ));
      if (whole && !cut && whole.length <= HELD_GZIP_OUTPUT) {
        yield whole.subarray(inflated);
        return;
      }
    }
    if (inflated === 0 ? code !== 'Z_BUF_ERROR' : code !== 'Z_BUF_ERROR' && code !== 'Z_DATA_ERROR')
      throw error;
    onCut('gzip');
  }
}

/** Compressed bytes of gzip data kept to be read again whole (see logBytes), and what they may give. */
const HELD_GZIP_BYTES = 8 * 1024 * 1024;
const HELD_GZIP_OUTPUT = 256 * 1024 * 1024;

/**
 * `held` (the data's first chunks, `size` bytes) and the rest of `it`, joined; null once more than
 * HELD_GZIP_BYTES (the rest is still read, for the count of bytes read).
 */
async function readWhole(
  held: Uint8Array[],
  size: number,
  it: AsyncIterator<Uint8Array>,
  onRaw: (n: number) => void,
): Promise<Uint8Array | null> {
  const chunks = [...held];
  let total = size;
  for (let next = await it.next(); !next.done; next = await it.next()) {
    onRaw(next.value.byteLength);
    total += next.value.byteLength;
    if (total <= HELD_GZIP_BYTES) chunks.push(next.value);
  }
  if (total > HELD_GZIP_BYTES) return null;
  const whole = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}

/**
 * A decoder for UTF-16 text with its byte-order mark (a log saved by Windows' Notepad as "Unicode"), which
 * was refused as binary for its zero bytes; null for any other text.
 */
function utf16Decoder(head: Uint8Array): ChunkDecoder | null {
  const order =
    head[0] === 0xff && head[1] === 0xfe
      ? 'utf-16le'
      : head[0] === 0xfe && head[1] === 0xff
        ? 'utf-16be'
        : null;
  if (!order) return null;
  const decoder = new TextDecoder(order);
  return {
    decode: (bytes) => decoder.decode(bytes, { stream: true }),
    flush: () => decoder.decode(),
    latin1Lines: 0,
  };
}

/** Streams one log through the scanner and the summariser (shared with the benchmark). */
export async function summarizeStream(
  raw: AsyncIterable<Uint8Array>,
  name: string,
  options: ExtractOptions = {},
  onChunk?: (bytesRead: number) => void,
): Promise<FileSummary> {
  const started = performance.now();
  const session = createLogSummary(options);
  let decoder = createChunkDecoder({ ascii: asciiText });
  let bytesRead = 0;
  let compression: Compression = null;
  let cut: 'gzip' | 'zstd' | null = null;
  let mismatch = false;
  let trailing = false;
  let first = true;
  const chunks = logBytes(
    raw,
    name,
    (n, format) => {
      bytesRead += n;
      compression = format;
    },
    (format) => {
      cut = format;
    },
    () => {
      mismatch = true;
    },
    () => {
      trailing = true;
    },
  );
  for await (const chunk of chunks) {
    if (first) {
      const utf16 = utf16Decoder(chunk);
      if (utf16) decoder = utf16;
      // An Outlook message, an image or an archive other than gzip or zstd is no log: said, not summarised as
      // lines of nothing.
      else if (isCompoundFile(chunk))
        throw Object.assign(
          new Error('an Outlook message (.msg), not a log: read it with extract or report'),
          {
            code: 'EMSG',
          },
        );
      else if (looksBinary(chunk))
        throw Object.assign(new Error('binary data, not a log'), { code: 'EBINARY' });
    }
    first = false;
    session.pushText(decoder.decode(chunk));
    onChunk?.(bytesRead);
  }
  session.pushText(decoder.flush());
  const finished = session.finish();
  const said = [
    ...(cut ? [cutNote(cut, finished.counts.lines)] : []),
    ...(mismatch ? [CHECKSUM_NOTE] : []),
    ...(trailing ? [TRAILING_NOTE] : []),
  ];
  const result = said.length > 0 ? { ...finished, warnings: [...finished.warnings, ...said] } : finished;
  const stats = {
    bytesRead,
    lines: result.counts.lines,
    elapsedMs: performance.now() - started,
    gzip: compression === 'gzip',
    zstd: compression === 'zstd',
    latin1Lines: decoder.latin1Lines,
    threads: 1,
    segments: [],
  };
  return { ...result, stats };
}
