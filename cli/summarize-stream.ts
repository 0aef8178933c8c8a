/**
 * One log as a stream of bytes (gzip when the name ends in .gz or the bytes say so) through the scanner
 * and the summariser on this thread: what `summarize` does for standard input, gzip and small files,
 * and what summarize-file.ts does when it cannot split a file (shared with the benchmark).
 */
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { looksBinary } from '../core/extract/decode-bytes';
import { createChunkDecoder, createLogSummary, type LogSummaryResult, looksGzipped } from '../core/summary';
import type { ExtractOptions } from '../core/types';
import { asciiText } from './ascii-text';

export interface SummarizeStats {
  bytesRead: number;
  lines: number;
  elapsedMs: number;
  gzip: boolean;
  latin1Lines: number;
  /** Threads that scanned the file: 2 when a worker scanned its second half (summarize-file.ts). */
  threads: number;
  /** The byte ranges read by the worker (summarize-file.ts), in order; none on one thread. */
  segments: { start: number; end: number }[];
}

export interface FileSummary extends LogSummaryResult {
  stats: SummarizeStats;
}

/** The raw chunks, inflated when they are gzip; `onRaw` hears of every raw (compressed) byte count. */
async function* logBytes(
  raw: AsyncIterable<Uint8Array>,
  name: string,
  onRaw: (n: number, gzip: boolean) => void,
): AsyncGenerator<Uint8Array> {
  const it = raw[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const gzip = looksGzipped(name, first.value);
  async function* counted() {
    onRaw(first.value.byteLength, gzip);
    yield first.value;
    for (let next = await it.next(); !next.done; next = await it.next()) {
      onRaw(next.value.byteLength, gzip);
      yield next.value;
    }
  }
  if (!gzip) {
    yield* counted();
    return;
  }
  const gunzip = createGunzip();
  pipeline(Readable.from(counted()), gunzip, () => {});
  for await (const chunk of gunzip) yield chunk as Uint8Array;
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
  const decoder = createChunkDecoder({ ascii: asciiText });
  let bytesRead = 0;
  let gzip = false;
  let first = true;
  for await (const chunk of logBytes(raw, name, (n, isGzip) => {
    bytesRead += n;
    gzip = isGzip;
  })) {
    // An image or an archive other than gzip is no log: said, not summarised as lines of nothing.
    if (first && looksBinary(chunk))
      throw Object.assign(new Error('binary data, not a log'), { code: 'EBINARY' });
    first = false;
    session.pushText(decoder.decode(chunk));
    onChunk?.(bytesRead);
  }
  session.pushText(decoder.flush());
  const result = session.finish();
  const stats = {
    bytesRead,
    lines: result.counts.lines,
    elapsedMs: performance.now() - started,
    gzip,
    latin1Lines: decoder.latin1Lines,
    threads: 1,
    segments: [],
  };
  return { ...result, stats };
}
