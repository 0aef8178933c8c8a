/** Messages between the large-log view and its scan worker (structured-clone data only). */
import type { LogScanCounts } from '../../../core/extract/logs';
import type { IncidentSummary } from '../../../core/summary';
import type { InputFormat, Note } from '../../../core/types';
import type { ScanProgress, ScanStats } from './scan-stream';

export type ToScanWorker =
  | { type: 'scan'; file: Blob; name: string /** ISO date used as "now" for syslog years. */; now?: string }
  | { type: 'cancel' };

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

export type ScanWorkerFactory = () => ScanWorkerLike;
