/**
 * A large log summarised on two threads, whatever reads its bytes (Node's fs in the CLI, a File in the app):
 * this thread reads [from, mid) into the summary while a worker reads from `mid` on as a segment
 * (core/extract/logs/segment.ts); the segment is then absorbed, and what the worker left (its memory budget
 * reached) is split again, round after round, unless the worker read little of its part before its budget
 * stopped it (MIN_REACH): this thread then reads the rest. A segment that cannot be absorbed (a format other
 * than Postfix's) or a worker that fails leaves the rest to this thread. The result is the one-thread scan's;
 * only the time differs.
 */
import { createLogScanner, detectLogFormat, type LogSegment } from '../extract/logs';
import { endsCutShort, mayStartEntry } from '../extract/logs/records';
import type { ExtractOptions } from '../types';
import type { LogSummarySession } from './log-summary';
import { DENSE_SEGMENT_RATIO, segmentRatio } from './split-density';
import { type ChunkDecoder, looksGzipped } from './text-decoder';

export { SPLIT_MIN_BYTES } from './split-threshold';

/**
 * Bytes a segment's recorded events may take (an estimate, see eventSize): past this the worker stops and
 * the rest is split again (or read here, see MIN_REACH), so that memory stays bounded whatever the size
 * of the log. Each MB of it cost 3-6 MB at peak, as the events are held three times over (in the worker,
 * in the message, decoded here) while this thread's own state is at its largest, on top of some 40 MB
 * for the second thread itself. Measured on a 1 GB Postfix log dense in refusals (generate-postfix.ts:
 * ~130 refusals per MB; a worker records ~0.27 MB of events per MB read): 24 MB gave 237-258 MB at peak
 * (one thread: 137 MB); 12 MB with MIN_REACH 153 MB. On the sparser log of bench/large-log.bench.ts
 * (~0.04 MB per MB read), 166-171 MB for either budget.
 */
export const SEGMENT_BUDGET = 12 * 1024 * 1024;

/**
 * The share of its part a worker must read before its budget stops it for the rest to be split again:
 * below it the log is dense in refusals, and each further round would hold a budget of events again for
 * little of the log, its worker starting cold again and then waiting while this thread reads its part;
 * the rest is read here, on one thread. On the dense 1 GB log: one round then one thread, 153 MB at peak
 * and 8.0 s of CPU, against 3 rounds with the budget at 24 MB, 237-258 MB and 9.4-10.5 s (and 11 rounds
 * of 8 MB each sized to what a worker reaches: 211 MB, 12 s).
 */
export const MIN_REACH = 1 / 4;

/** Bytes looked at for a line start after the middle of what is left to read. */
const SPLIT_WINDOW = 1024 * 1024;

/** Bytes of the log's start looked at to decide whether it is worth splitting. */
const SNIFF_BYTES = 64 * 1024;

/** What a worker hands back. */
export interface SegmentOutcome {
  segment: LogSegment;
  /** Where the segment ends: the end of the log, or the line start where its budget stopped it. */
  stoppedAt: number;
  latin1Lines: number;
}

/**
 * True when a log may be split (or a segment stopped) at the line starting at `at`, read through `code`
 * (a character or byte code, NaN or undefined out of range): the line starts a record (a digit, an
 * upper-case letter, `<` or `@`, as log stamps do) and the line before it is not cut short as a
 * post wraps a record (ending in `:`, `,` or `=`, or with a parenthesis left open: records.ts joins
 * what follows such a line).
 */
export function startsRecordAt(code: (i: number) => number | undefined, at: number): boolean {
  if (!mayStartEntry(code(at) ?? Number.NaN)) return false;
  let end = at - 1;
  if (code(end - 1) === 13) end--;
  if (endsCutShort(code(end - 1) ?? Number.NaN)) return false;
  let depth = 0;
  for (let i = end - 1; i >= 0 && i > end - 8192; i--) {
    const b = code(i);
    if (b === 10 || b === undefined || Number.isNaN(b)) break;
    if (b === 40) depth++;
    else if (b === 41) depth--;
  }
  return depth <= 0;
}

/**
 * Bytes more that this thread reads than the worker, at most a fifth of what is split: the worker starts
 * later and colder (a thread to start, the bundle to load, its own code to compile while it warms up:
 * some 150 ms of CPU, in which this thread reads about 16 MB) and what it hands back is still to be
 * decoded and replayed here; with equal halves this thread waited for it. On a 100 MB log, measured on a
 * 2-CPU machine, the two-thread path went from 1130 to 1060 ms (median wall; see split-threshold.ts).
 */
export const HEAD_START = 16 * 1024 * 1024;

/**
 * Where the split point of [from, to) is looked for: a window of bytes from its middle, moved on by half
 * of `headStart` (taken as at most a fifth of [from, to)), so that this thread reads that much more.
 */
export function splitWindow(from: number, to: number, headStart = 0): { start: number; length: number } {
  const start = from + Math.floor((to - from + Math.min(headStart, (to - from) / 5)) / 2);
  return { start, length: Math.max(0, Math.min(SPLIT_WINDOW, to - start)) };
}

/** The first line start that continues nothing in `window` (the log's bytes from `start`), or -1. */
export function splitPointIn(window: Uint8Array, start: number): number {
  for (let nl = window.indexOf(10); nl >= 0 && nl + 1 < window.length; nl = window.indexOf(10, nl + 1)) {
    if (startsRecordAt((i) => window[i], nl + 1)) return start + nl + 1;
  }
  return -1;
}

/** An over-long line is pushed in pieces past this size (the scanner cuts it anyway). */
const MAX_CARRY = 8 * 1024 * 1024;

export interface SegmentScan {
  /** The log's bytes from `start` (a line start that continues nothing) to its end. */
  bytes: AsyncIterable<Uint8Array>;
  start: number;
  options: ExtractOptions;
  decoder: ChunkDecoder;
  /** Bytes the recorded events may take before the scan stops at the next line start. */
  budget: number;
  /** Bytes read into the segment so far. */
  onProgress?: (bytes: number) => void;
}

/**
 * The worker's side: scans the bytes as a segment, pushing text up to a line end at a time so that it
 * can stop cleanly at a line start once its events pass the budget.
 */
export async function scanSegment(task: SegmentScan): Promise<SegmentOutcome> {
  const scanner = createLogScanner({ ...task.options, keep: 'none', segment: true });
  const { decoder } = task;
  let carry: Uint8Array = new Uint8Array(0);
  /** Offset of carry[0]: everything before it has been pushed. */
  let pushedTo = task.start;
  /** The last push did not end at a line end (an over-long line was pushed in pieces). */
  let midLine = false;
  const done = (stoppedAt: number) => ({
    segment: scanner.finishSegment(),
    stoppedAt,
    latin1Lines: decoder.latin1Lines,
  });
  for await (const chunk of task.bytes) {
    let bytes = chunk;
    const last = chunk.lastIndexOf(10);
    const first = carry.length > 0 && last >= 0 ? chunk.indexOf(10) : -1;
    const joinedAlone = first >= 0 && first < last;
    if (joinedAlone) {
      // The line left open by the last chunk is joined alone, then the rest of this chunk is pushed as
      // it is: copying each whole chunk behind its carry took 6 % of the worker's time on a mail.log.
      // The chunk's last line lies in it whole, so the stop check below reads the same bytes as before.
      const head = new Uint8Array(carry.length + first + 1);
      head.set(carry);
      head.set(chunk.subarray(0, first + 1), carry.length);
      scanner.pushText(decoder.decode(head));
      scanner.pushText(decoder.decode(chunk.subarray(first + 1, last + 1)));
      midLine = false;
      pushedTo += head.length + last - first;
    } else if (carry.length > 0) {
      bytes = new Uint8Array(carry.length + chunk.length);
      bytes.set(carry);
      bytes.set(chunk, carry.length);
    }
    const lastEnd = bytes === chunk ? last : bytes.lastIndexOf(10);
    const cut = lastEnd >= 0 ? lastEnd + 1 : bytes.length > MAX_CARRY ? bytes.length : 0;
    if (cut > 0 && !joinedAlone) {
      scanner.pushText(decoder.decode(bytes.subarray(0, cut)));
      midLine = lastEnd < 0;
      pushedTo += cut;
    }
    carry = bytes.subarray(cut);
    task.onProgress?.(pushedTo - task.start);
    if (
      scanner.segmentBytes > task.budget &&
      !midLine &&
      carry.length > 0 &&
      startsRecordAt((i) => bytes[i], cut)
    ) {
      return done(pushedTo);
    }
  }
  if (carry.length > 0) scanner.pushText(decoder.decode(carry));
  scanner.pushText(decoder.flush());
  return done(pushedTo + carry.length);
}

/** How the rounds reach the log and the worker. */
export interface SplitScanIo {
  size: number;
  /** What is left to read is split only from this size (SPLIT_MIN_BYTES, or smaller in tests). */
  minBytes: number;
  /** The log's bytes in [start, end), as a stream. */
  read(start: number, end: number): AsyncIterable<Uint8Array>;
  /** `length` bytes of the log from `start` at once (fewer at its end). */
  readAt(start: number, length: number): Uint8Array | Promise<Uint8Array>;
  /** A worker's scan of the log from `start` (scanSegment), or null if it failed. */
  segment(start: number): Promise<SegmentOutcome | null>;
  /** Bytes the running worker has read so far (for progress). */
  workerBytes(): number;
  /** True once the scan is to stop (cancelled): nothing more is read. */
  stopped?(): boolean;
}

export interface SplitScanResult {
  bytesRead: number;
  /** Lines the segments decoded as Windows-1252 (this thread's decoder counts its own). */
  latin1Lines: number;
  /** Byte ranges the worker read, in order. */
  segments: { start: number; end: number }[];
}

/**
 * True when a log is worth splitting: large enough, not gzip, and starting as a Postfix log (only such a
 * segment can be absorbed, so for any other log a worker would read its far half for nothing, slowing
 * this thread down meanwhile) whose start is not so dense in refusals that a worker's budget would stop
 * it after a few MB (split-density.ts).
 */
export async function splittable(io: SplitScanIo, name?: string): Promise<boolean> {
  if (io.size < io.minBytes) return false;
  const head = await io.readAt(0, SNIFF_BYTES);
  if (looksGzipped(name, head)) return false;
  const lines = new TextDecoder('windows-1252').decode(head).split(/\r?\n|\r/);
  if (head.length >= SNIFF_BYTES) lines.pop();
  return detectLogFormat(lines.slice(0, 400)) === 'postfix' && segmentRatio(lines) < DENSE_SEGMENT_RATIO;
}

/** Where what is left from `from` on is split, or -1 when it is too small or has no line start there. */
async function splitPoint(io: SplitScanIo, from: number): Promise<number> {
  if (io.size - from < io.minBytes) return -1;
  const window = splitWindow(from, io.size, HEAD_START);
  return splitPointIn(await io.readAt(window.start, window.length), window.start);
}

/** This thread's side: the rounds, then the rest; the session is left for the caller to finish. */
export async function scanInRounds(
  io: SplitScanIo,
  session: LogSummarySession,
  decoder: ChunkDecoder,
  onChunk?: (bytesRead: number) => void,
): Promise<SplitScanResult> {
  const result: SplitScanResult = { bytesRead: 0, latin1Lines: 0, segments: [] };
  /** A worker is reading: its bytes count in the progress. */
  let working = false;
  const read = async (start: number, end: number) => {
    for await (const chunk of io.read(start, end)) {
      if (io.stopped?.()) return;
      result.bytesRead += chunk.length;
      session.pushText(decoder.decode(chunk));
      onChunk?.(result.bytesRead + (working ? io.workerBytes() : 0));
    }
    session.pushText(decoder.flush());
  };
  let from = 0;
  for (let mid = await splitPoint(io, 0); mid >= 0 && !io.stopped?.(); mid = await splitPoint(io, from)) {
    const second = io.segment(mid);
    working = true;
    await read(from, mid);
    const outcome = await second;
    working = false;
    from = mid;
    if (io.stopped?.() || !outcome || !session.absorb(outcome.segment)) break;
    result.segments.push({ start: mid, end: outcome.stoppedAt });
    result.bytesRead += outcome.stoppedAt - mid;
    result.latin1Lines += outcome.latin1Lines;
    from = outcome.stoppedAt;
    onChunk?.(result.bytesRead);
    if (from < io.size && from - mid < (io.size - mid) * MIN_REACH) break;
  }
  if (!io.stopped?.()) await read(from, io.size);
  return result;
}
