/**
 * A large log File scanned on two threads: this worker reads the first part while a second worker
 * reads the rest as a segment (core/summary/split-scan.ts), with one progress bar and one cancel button
 * for both. Small files, gzip files, logs other than Postfix's, or no second worker: scanLogStream alone.
 */
import {
  lineStartIn,
  SEGMENT_BUDGET,
  type SegmentOutcome,
  SPLIT_MIN_BYTES,
  SPLIT_SNIFF_BYTES,
  SPLIT_WINDOW,
  scanInRounds,
  worthSplitting,
} from '../../../core/summary/split-scan';
import { looksGzipped } from '../../../core/summary/text-decoder';
import type { ExtractOptions } from '../../../core/types';
import { blobChunks } from './byte-stream';
import { createScanRun, type ScanOptions, type ScanOutcome, scanLogStream } from './scan-stream';

/** A second worker scanning file[start, end of file) as a segment. */
export interface RunningSegment {
  /** The outcome, or null if the worker failed or was stopped. */
  outcome: Promise<SegmentOutcome | null>;
  stop(): void;
}

export type SegmentStarter = (
  file: Blob,
  start: number,
  extract: ExtractOptions,
  budget: number,
  onProgress: (bytes: number) => void,
) => RunningSegment;

export interface FileScanOptions extends ScanOptions {
  startSegment?: SegmentStarter;
  /** Default SPLIT_MIN_BYTES. */
  minBytes?: number;
  /** Default SEGMENT_BUDGET. */
  budget?: number;
}

async function splitPoint(file: Blob, from: number): Promise<number> {
  const middle = from + Math.floor((file.size - from) / 2);
  const window = new Uint8Array(await file.slice(middle, middle + SPLIT_WINDOW).arrayBuffer());
  const at = lineStartIn(window);
  return at < 0 ? -1 : middle + at;
}

export async function scanLogFile(file: Blob, options: FileScanOptions): Promise<ScanOutcome> {
  const minBytes = options.minBytes ?? SPLIT_MIN_BYTES;
  const start = options.startSegment;
  const stream = () => scanLogStream(file.stream() as ReadableStream<Uint8Array>, options);
  if (!start || file.size < minBytes) return stream();
  const head = new Uint8Array(await file.slice(0, SPLIT_SNIFF_BYTES).arrayBuffer());
  if (looksGzipped(options.name, head) || !worthSplitting(head)) return stream();

  const run = createScanRun(options);
  const { signal } = options;
  /** The second worker running, if any (stopped on cancel and at the end). */
  const running: { segment: RunningSegment | null; bytes: number } = { segment: null, bytes: 0 };
  const stopped = () => signal?.aborted === true;
  const onAbort = () => running.segment?.stop();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const rounds = await scanInRounds(
      {
        size: file.size,
        read: (from, to) => blobChunks(file, from, to),
        splitPoint: (from) => (file.size - from >= minBytes ? splitPoint(file, from) : Promise.resolve(-1)),
        segment(from) {
          running.bytes = 0;
          const budget = options.budget ?? SEGMENT_BUDGET;
          running.segment = start(file, from, options.extract ?? {}, budget, (n) => {
            running.bytes = n;
          });
          return running.segment.outcome;
        },
        workerBytes: () => running.bytes,
        stopped,
      },
      run.session,
      run.decoder,
      (bytes) => {
        run.bytesRead = bytes;
        run.report();
      },
    );
    if (stopped()) return { status: 'cancelled', stats: run.stats(false) };
    run.latin1Lines = rounds.latin1Lines;
    run.threads = rounds.segments.length > 0 ? 2 : 1;
    return run.done(false);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    running.segment?.stop();
  }
}
