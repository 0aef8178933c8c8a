/** Messages between the large-log view and its scan worker (structured-clone data only). */
import type { LogScanCounts } from '../../../core/extract/logs';
import type { IncidentSummary } from '../../../core/summary';
import type { SegmentOutcome } from '../../../core/summary/split-scan';
import type { ExtractOptions, InputFormat, Note } from '../../../core/types';
import type { ScanProgress, ScanStats } from './scan-stream';

export type ToScanWorker =
  | { type: 'scan'; file: Blob; name: string /** ISO date used as "now" for syslog years. */; now?: string }
  | { type: 'cancel' }
  /** Sent once, with a MessagePort to the second worker (segment.worker.ts) as its transfer. */
  | { type: 'segments' };

export type FromScanWorker =
  | { type: 'progress'; progress: ScanProgress }
  | {
      type: 'done';
      summary: IncidentSummary;
      stats: ScanStats;
      counts: LogScanCounts;
      formats: InputFormat[];
      warnings: Note[];
    }
  | { type: 'cancelled'; stats: ScanStats }
  | { type: 'error'; message: string };

/** The part of a Worker the view uses, so a test can hand it a fake. */
export interface ScanWorkerLike {
  postMessage(message: ToScanWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromScanWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Makes the scan worker for a file of `size` bytes. */
export type ScanWorkerFactory = (size: number) => ScanWorkerLike;

/** From the scan worker to the second worker (segment.worker.ts), over their MessagePort. */
export type ToSegmentWorker =
  | { type: 'segment'; id: number; file: Blob; start: number; extract: ExtractOptions; budget: number }
  | { type: 'stop'; id: number };

export type FromSegmentWorker =
  | { type: 'progress'; id: number; bytes: number }
  | { type: 'done'; id: number; outcome: SegmentOutcome }
  | { type: 'error'; id: number; message: string };
