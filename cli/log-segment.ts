/**
 * The second half of a large log, scanned in a worker thread as a segment (core/extract/logs/segment.ts)
 * while the main thread scans the first half. The text is pushed up to a line end at a time, so that the
 * scan can stop cleanly at a line start when the events recorded pass their memory budget: the main
 * thread then reads the rest itself, and memory stays bounded whatever the size of the log.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createLogScanner, type LogSegment } from '../core/extract/logs';
import { createChunkDecoder } from '../core/summary';
import type { ExtractOptions } from '../core/types';
import { asciiText } from './ascii-text';
import { fileChunks } from './file-chunks';

/** What the worker is given (workerData). */
export interface SegmentTask {
  task: 'abuse-desk-log-segment';
  path: string;
  /** Byte offsets: start is a line start that continues nothing. */
  start: number;
  end: number;
  options: ExtractOptions;
  /** Bytes the recorded events may take before the scan stops. */
  budget: number;
  /** Bytes read so far, for the progress of the whole scan: [0]. */
  progress: Float64Array | null;
}

export interface SegmentOutcome {
  segment: LogSegment;
  /** Where the segment ends: `end`, or the line start where it stopped (the budget was reached). */
  stoppedAt: number;
  latin1Lines: number;
}

/** A line that continues the one before: a segment may not stop before it. */
const continues = (byte: number | undefined) => byte === 32 || byte === 9;

/** An over-long line is pushed in pieces past this size (the scanner cuts it anyway). */
const MAX_CARRY = 8 * 1024 * 1024;

export async function scanSegment(task: SegmentTask): Promise<SegmentOutcome> {
  const scanner = createLogScanner({ ...task.options, keep: 'none', segment: true });
  const decoder = createChunkDecoder({ ascii: asciiText });
  let carry: Uint8Array = new Uint8Array(0);
  /** Offset of carry[0] in the file: everything before it has been pushed. */
  let pushedTo = task.start;
  /** The last push did not end at a line end (an over-long line was pushed in pieces). */
  let midLine = false;
  for await (const chunk of fileChunks(task.path, undefined, task.start, task.end)) {
    let bytes = chunk;
    if (carry.length > 0) {
      bytes = new Uint8Array(carry.length + chunk.length);
      bytes.set(carry);
      bytes.set(chunk, carry.length);
    }
    const last = bytes.lastIndexOf(10);
    const cut = last >= 0 ? last + 1 : bytes.length > MAX_CARRY ? bytes.length : 0;
    if (cut > 0) {
      scanner.pushText(decoder.decode(bytes.subarray(0, cut)));
      midLine = last < 0;
      pushedTo += cut;
    }
    carry = bytes.subarray(cut);
    if (task.progress) task.progress[0] = pushedTo - task.start;
    if (scanner.segmentBytes > task.budget && !midLine && carry.length > 0 && !continues(carry[0])) {
      return { segment: scanner.finishSegment(), stoppedAt: pushedTo, latin1Lines: decoder.latin1Lines };
    }
  }
  if (carry.length > 0) scanner.pushText(decoder.decode(carry));
  scanner.pushText(decoder.flush());
  return { segment: scanner.finishSegment(), stoppedAt: task.end, latin1Lines: decoder.latin1Lines };
}

/** The worker's entry (summarize-file.ts starts it on this module bundled: out/cli/log-segment.js). */
if (!isMainThread && (workerData as SegmentTask | null)?.task === 'abuse-desk-log-segment') {
  scanSegment(workerData as SegmentTask).then(
    (outcome) => parentPort?.postMessage(outcome),
    (error: unknown) => {
      throw error;
    },
  );
}
