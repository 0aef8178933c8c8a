/**
 * A large log File scanned on two threads: this worker reads the first part while a second worker
 * reads the rest as a segment (core/summary/split-scan.ts), with one progress bar and one cancel button
 * for both. Small files, gzip files, logs other than Postfix's, or no second worker: scanLogStream alone.
 */
import {
  SEGMENT_BUDGET,
  type SegmentOutcome,
  SPLIT_MIN_BYTES,
  type SplitScanIo,
  scanInRounds,
  splittable,
} from '../../../core/summary/split-scan';
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

export async function scanLogFile(file: Blob, options: FileScanOptions): Promise<ScanOutcome> {
  const start = options.startSegment;
  const oneThread = () => scanLogStream(file.stream() as ReadableStream<Uint8Array>, options);
  if (!start) return oneThread();
  const { signal } = options;
  /** The second worker running, if any (stopped on cancel and at the end). */
  const running: { segment: RunningSegment | null; bytes: number } = { segment: null, bytes: 0 };
  const stopped = () => signal?.aborted === true;
  const io: SplitScanIo = {
    size: file.size,
    minBytes: options.minBytes ?? SPLIT_MIN_BYTES,
    read: (from, to) => blobChunks(file, from, to),
    readAt: async (from, length) => new Uint8Array(await file.slice(from, from + length).arrayBuffer()),
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
  };
  if (!(await splittable(io, options.name))) return oneThread();

  const run = createScanRun(options);
  const onAbort = () => running.segment?.stop();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const rounds = await scanInRounds(io, run.session, run.decoder, (bytes) => {
      run.bytesRead = bytes;
      run.report();
    });
    if (stopped()) return { status: 'cancelled', stats: run.stats(false) };
    run.latin1Lines = rounds.latin1Lines;
    run.threads = rounds.segments.length > 0 ? 2 : 1;
    return run.done(false);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    running.segment?.stop();
  }
}
