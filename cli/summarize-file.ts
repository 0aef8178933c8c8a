/**
 * A large plain log file summarised on two threads: the main thread scans the first half while a worker
 * scans the second as a segment (log-segment.ts); the main thread then absorbs the segment, as if it had
 * read those lines itself, and reads whatever the worker did not (its budget reached, or a segment it
 * cannot absorb: another format than Postfix's). The result is the one-thread scan's (see
 * test/core/extract/logs/segment.test.ts). Small files, gzip files and runs from the TypeScript sources
 * (no bundle for the worker to load) take the one-thread path.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createChunkDecoder, createLogSummary, looksGzipped } from '../core/summary';
import type { ExtractOptions } from '../core/types';
import { asciiText } from './ascii-text';
import { fileChunks } from './file-chunks';
import type { SegmentOutcome, SegmentTask } from './log-segment';
import './log-segment';
import { type FileSummary, summarizeStream } from './summarize-stream';

export interface SplitOptions {
  /** Files smaller than this are read on one thread; default 64 MiB. */
  minBytes?: number;
  /** Bytes the worker's recorded events may take; default 48 MiB. */
  budget?: number;
  /** The script the worker runs: a bundle containing log-segment.ts; default this module's own file. */
  workerScript?: URL;
}

const WINDOW = 1024 * 1024;

/** The first line start at or after the middle that continues nothing, within 1 MiB, or -1. */
export function splitPoint(path: string, size: number): number {
  const fd = openSync(path, 'r');
  try {
    const from = Math.floor(size / 2);
    const window = Buffer.alloc(Math.min(WINDOW, size - from));
    const n = readSync(fd, window, 0, window.length, from);
    for (let nl = window.indexOf(10); nl >= 0 && nl + 1 < n; nl = window.indexOf(10, nl + 1)) {
      const next = window[nl + 1];
      if (next !== 32 && next !== 9 && next !== 13) return from + nl + 1;
    }
    return -1;
  } finally {
    closeSync(fd);
  }
}

function runSegment(script: URL, task: SegmentTask): Promise<SegmentOutcome | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: task });
    } catch {
      resolve(null);
      return;
    }
    worker.once('message', (outcome: SegmentOutcome) => {
      resolve(outcome);
      void worker.terminate();
    });
    // Any failure of the worker: the main thread reads the second half itself.
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}

function gzipped(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    readSync(fd, head, 0, 2, 0);
    return looksGzipped(path, head);
  } finally {
    closeSync(fd);
  }
}

export async function summarizeFile(
  path: string,
  options: ExtractOptions = {},
  onChunk?: (bytesRead: number) => void,
  split: SplitOptions = {},
): Promise<FileSummary> {
  const script = split.workerScript ?? new URL(import.meta.url);
  const size = statSync(path).size;
  const mid =
    size >= (split.minBytes ?? 64 * 1024 * 1024) && !script.pathname.endsWith('.ts') && !gzipped(path)
      ? splitPoint(path, size)
      : -1;
  if (mid < 0) return summarizeStream(fileChunks(path), path, options, onChunk);

  const started = performance.now();
  const progress = new Float64Array(new SharedArrayBuffer(8));
  const task: SegmentTask = {
    task: 'abuse-desk-log-segment',
    path,
    start: mid,
    end: size,
    options,
    budget: split.budget ?? 48 * 1024 * 1024,
    progress,
  };
  const second = runSegment(script, task);
  const session = createLogSummary(options);
  const decoder = createChunkDecoder({ ascii: asciiText });
  let bytesRead = 0;
  const read = async (start: number, end: number) => {
    for await (const chunk of fileChunks(path, undefined, start, end)) {
      bytesRead += chunk.length;
      session.pushText(decoder.decode(chunk));
      onChunk?.(bytesRead + (progress[0] ?? 0));
    }
    session.pushText(decoder.flush());
  };
  await read(0, mid);
  const outcome = await second;
  let latin1Lines = 0;
  let rest = mid;
  let threads = 1;
  if (outcome && session.absorb(outcome.segment)) {
    threads = 2;
    rest = outcome.stoppedAt;
    bytesRead += rest - mid;
    latin1Lines = outcome.latin1Lines;
  }
  progress[0] = 0;
  onChunk?.(bytesRead);
  await read(rest, size);
  const result = session.finish();
  const stats = {
    bytesRead,
    lines: result.counts.lines,
    elapsedMs: performance.now() - started,
    gzip: false,
    latin1Lines: latin1Lines + decoder.latin1Lines,
    threads,
    ...(threads === 2 ? { split: { at: mid, workerTo: rest } } : {}),
  };
  return { ...result, stats };
}
