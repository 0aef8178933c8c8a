/**
 * The whole scan of a large log as one pure async function over a byte stream, so that it runs the
 * same in the web worker (a File's stream) and in Node tests: bytes → (gzip, zstd) → text → scanner
 * → summariser, with throttled progress and cancellation. Memory stays flat: one chunk, one partial
 * line and the summary's groups at a time.
 */
import {
  createLogSummary,
  type IncidentSummary,
  type LogSummaryResult,
  type LogSummarySession,
} from '../../../core/summary';
import { CHECKSUM_NOTE, type CutCompression, cutNote, TRAILING_NOTE } from '../../../core/summary/cut-notes';
import { createChunkDecoder } from '../../../core/summary/text-decoder';
import type { ExtractOptions } from '../../../core/types';
import { openLogBytes } from './byte-stream';

export interface ScanProgress {
  /** Bytes read from the file (compressed bytes for a gzip or zstd file). */
  bytesRead: number;
  totalBytes: number | null;
  lines: number;
  incidents: number;
  orangeIncidents: number;
  elapsedMs: number;
  /** Estimated time left, from the pace so far; null until it can be estimated. */
  etaMs: number | null;
}

export interface ScanStats extends ScanProgress {
  gzip: boolean;
  zstd: boolean;
  /** Lines that were not UTF-8 and were read as Windows-1252. */
  latin1Lines: number;
  truncatedLines: number;
  /** Threads that read the log: 2 when a second worker read part of it (scan-file.ts). */
  threads: number;
}

export type ScanOutcome =
  | { status: 'done'; summary: IncidentSummary; result: LogSummaryResult; stats: ScanStats }
  | { status: 'cancelled'; stats: ScanStats };

export interface ScanOptions {
  /** Options of the extraction (the "now" for syslog years, the assumed zone). */
  extract?: ExtractOptions;
  /** The scanner + summariser; default createLogSummary (tests may count what it receives). */
  createSession?: (options: ExtractOptions) => LogSummarySession;
  /** File name: a `.gz` name means gzip (the magic bytes are checked as well; zstd by them alone). */
  name?: string;
  totalBytes?: number | null;
  signal?: AbortSignal;
  onProgress?: (progress: ScanProgress) => void;
  /** Least time between two progress reports; default 100 ms (at most ~10 a second). */
  progressIntervalMs?: number;
  /** Clock in milliseconds; default performance.now. */
  now?: () => number;
}

export function estimateEta(bytesRead: number, totalBytes: number | null, elapsedMs: number): number | null {
  if (!totalBytes || bytesRead <= 0 || elapsedMs <= 0) return null;
  const left = Math.max(0, totalBytes - bytesRead);
  return (elapsedMs * left) / bytesRead;
}

/** What a scan keeps while it runs, whatever reads the bytes: the session, the decoder and the figures. */
export function createScanRun(options: ScanOptions) {
  const now = options.now ?? (() => performance.now());
  const interval = options.progressIntervalMs ?? 100;
  const started = now();
  const totalBytes = options.totalBytes ?? null;
  let lastReport = Number.NEGATIVE_INFINITY;
  const session = (options.createSession ?? createLogSummary)(options.extract ?? {});
  const decoder = createChunkDecoder();
  const run = {
    session,
    decoder,
    bytesRead: 0,
    /** Lines decoded as Windows-1252 by other decoders (a worker's). */
    latin1Lines: 0,
    threads: 1,
    progress(): ScanProgress {
      const elapsedMs = now() - started;
      return {
        bytesRead: run.bytesRead,
        totalBytes,
        lines: session.lines,
        incidents: session.incidents,
        orangeIncidents: session.orangeIncidents,
        elapsedMs,
        etaMs: estimateEta(run.bytesRead, totalBytes, elapsedMs),
      };
    },
    /** A progress report, at most one per interval. */
    report() {
      if (options.onProgress && now() - lastReport >= interval) {
        lastReport = now();
        options.onProgress(run.progress());
      }
    },
    stats(gzip: boolean, zstd = false): ScanStats {
      return {
        ...run.progress(),
        etaMs: 0,
        gzip,
        zstd,
        latin1Lines: run.latin1Lines + decoder.latin1Lines,
        truncatedLines: session.truncatedLines,
        threads: run.threads,
      };
    },
    /**
     * The outcome once every byte was read (`cut`: compressed data that ended early, `mismatch`: zstd data
     * that does not match its checksum, `trailing`: bytes after gzip data ignored, all said in its warnings).
     */
    done(
      gzip: boolean,
      zstd = false,
      cut: CutCompression | null = null,
      mismatch = false,
      trailing = false,
    ): ScanOutcome {
      const finished = session.finish();
      const said = [
        ...(cut ? [cutNote(cut, finished.counts.lines)] : []),
        ...(mismatch ? [CHECKSUM_NOTE] : []),
        ...(trailing ? [TRAILING_NOTE] : []),
      ];
      const result = said.length > 0 ? { ...finished, warnings: [...finished.warnings, ...said] } : finished;
      const final = run.stats(gzip, zstd);
      options.onProgress?.({ ...final, etaMs: 0 });
      return { status: 'done', summary: result.summary, result, stats: final };
    },
  };
  return run;
}

export async function scanLogStream(
  input: ReadableStream<Uint8Array>,
  options: ScanOptions,
): Promise<ScanOutcome> {
  const run = createScanRun(options);
  const { signal } = options;
  let cut: CutCompression | null = null;
  let mismatch = false;
  let trailing = false;
  const opened = await openLogBytes(
    input,
    options.name,
    (n) => {
      run.bytesRead += n;
    },
    (format) => {
      cut = format;
    },
    () => {
      mismatch = true;
    },
    () => {
      trailing = true;
    },
  );
  const reader = opened.stream.getReader();
  const onAbort = () => {
    reader.cancel('cancelled').catch(() => {});
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    while (!signal?.aborted) {
      const next = await reader.read();
      if (next.done || signal?.aborted) break;
      run.session.pushText(run.decoder.decode(next.value));
      run.report();
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (signal?.aborted) return { status: 'cancelled', stats: run.stats(opened.gzip, opened.zstd) };
  run.session.pushText(run.decoder.flush());
  return run.done(opened.gzip, opened.zstd, cut, mismatch, trailing);
}
