/**
 * The worker of summarize's two-thread path (summarize-file.ts starts it on this module bundled:
 * out/cli/log-segment.js): scans the log from a line start to its end as a segment
 * (core/summary/split-scan.ts) and posts the outcome back.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createChunkDecoder } from '../core/summary';
import { scanSegment } from '../core/summary/split-scan';
import type { ExtractOptions } from '../core/types';
import { asciiText } from './ascii-text';
import { fileChunks } from './file-chunks';

/** What the worker is given (workerData). */
export interface SegmentTask {
  task: 'abuse-desk-log-segment';
  path: string;
  /** Byte offset of a line start that continues nothing. */
  start: number;
  /** The file's size when the scan began: a log still being written is read up to there. */
  end: number;
  options: ExtractOptions;
  /** Bytes the recorded events may take before the scan stops. */
  budget: number;
  /** Bytes read so far, for the progress of the whole scan: [0]. */
  progress: Float64Array;
}

if (!isMainThread && (workerData as SegmentTask | null)?.task === 'abuse-desk-log-segment') {
  const task = workerData as SegmentTask;
  scanSegment({
    bytes: fileChunks(task.path, undefined, task.start, task.end),
    start: task.start,
    options: task.options,
    decoder: createChunkDecoder({ ascii: asciiText }),
    budget: task.budget,
    onProgress: (n) => {
      task.progress[0] = n;
    },
  }).then(
    (outcome) => parentPort?.postMessage(outcome),
    (error: unknown) => {
      throw error;
    },
  );
}
