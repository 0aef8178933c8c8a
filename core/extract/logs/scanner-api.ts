/**
 * The log scanner's interface (scanner.ts): what it is given (options, text or lines), what it tells while
 * it reads, and what it returns (incidents, warnings and counts).
 */
import type { ExtractionResult, ExtractOptions, Incident, InputFormat } from '../../types';
import type { LogSegment } from './segment';

export interface LogScanCounts {
  /** Lines pushed. */
  lines: number;
  /** Logical records read (a record may span indented continuation lines). */
  records: number;
  /** Records read by each format's reader. */
  recordsByFormat: Partial<Record<InputFormat, number>>;
  /** Rejections by a remote server (incidents), all providers. */
  rejections: number;
  /** Rejections by provider: `orange`, else the registrable domain of the remote host or recipient. */
  rejectionsByProvider: Record<string, number>;
  orangeRejections: number;
  /** Orange 99X suspensions, and how many were linked to an earlier Orange error. */
  suspensions: number;
  suspensionsLinked: number;
  delivered: number;
  /** Mail refused by this server (smtpd/ACL rejects): not incidents about Orange. */
  inboundRejections: number;
  /** Deferrals and bounces with no remote reply (DNS, timeouts, local errors). */
  failuresWithoutReply: number;
  /** Queue-id entries dropped from the bounded state (their sender may be missing). */
  evictedStates: number;
  /** Lines cut at the maximum line length. */
  truncatedLines: number;
}

export interface LogScanResult extends ExtractionResult {
  counts: LogScanCounts;
  /** Formats seen, most records first. */
  formats: InputFormat[];
}

export interface LogScanner {
  push(line: string, lineNo: number): void;
  finish(): LogScanResult;
  /** Lines read so far (pushed, or cut by pushText, the last partial line not yet included). */
  readonly lines: number;
  /** Over-long lines cut so far (by pushText's splitter, or reported by addTruncatedLines). */
  readonly truncatedLines: number;
  /** Current number of entries in the bounded per-queue-id state (for tests and progress displays). */
  readonly stateSize: number;
  /**
   * Feeds decoded text of any size with any line ends, as a createLineSplitter feeding push() would, but
   * faster: most lines are judged inside their chunk. Not to be mixed with push() in one scan.
   */
  pushText(chunk: string): void;
  /** Tells the scanner how many lines the splitter cut, so finish() can warn about them. */
  addTruncatedLines(n: number): void;
  /**
   * Replays a segment (the lines that follow those pushed so far, scanned by another scanner in segment
   * mode) as if its lines had been pushed here; false, having done nothing, when it cannot be (the caller
   * then pushes those lines itself). See segment.ts.
   */
  absorb(segment: LogSegment): boolean;
  /** Segment mode: ends the input and returns what was recorded. */
  finishSegment(): LogSegment;
  /** Segment mode: about how many bytes the recorded events take so far. */
  readonly segmentBytes: number;
}

export interface LogScanOptions extends ExtractOptions {
  /** Which incidents the result keeps: all (default), Orange's only, or none (use onIncident). */
  keep?: 'all' | 'orange' | 'none';
  onIncident?: (incident: Incident) => void;
  /** Cap of each per-queue-id map; default 20,000. */
  stateCap?: number;
  /**
   * For tests and diagnosis: false reads qmgr sender lines with the general Postfix reader and keeps
   * senders until evicted (no forgetting at `removed`), to check the fast paths against it. Default true.
   */
  fastPaths?: boolean;
  /**
   * Segment mode (segment.ts): the rejections, forgotten queue ids and notes are recorded in order
   * instead of being acted on, for finishSegment(). Default false.
   */
  segment?: boolean;
  /**
   * Reads ESP events among JSON records, as extract reads them pasted (formats/esp-event.ts): set by
   * `summarize` (core/summary/log-summary.ts), for an ESP's export too large to paste. A paste's events
   * are read by extract's JSON path, never as a log. Default false.
   */
  espEvents?: boolean;
}
