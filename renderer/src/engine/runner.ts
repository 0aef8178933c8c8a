/**
 * Runs extraction on arrived text: on the main thread for small texts, in a Web Worker above a size
 * threshold so a 10 MB paste never freezes the window. Reports progress and can be cancelled.
 */
import type { ExtractionResult, ExtractOptions } from '../../../core/types';
import { indexLines, type LineIndex } from '../source/lineIndex';
import type { Engine } from './types';

export type ProgressPhase = 'reading' | 'indexing' | 'extracting';
export interface Progress {
  phase: ProgressPhase;
  done: number;
  total: number | null;
}

export interface ExtractionRun {
  lines: LineIndex;
  result: ExtractionResult;
}

export type ExtractionRunner = (
  text: string,
  onProgress: (progress: Progress) => void,
  signal: AbortSignal,
) => Promise<ExtractionRun>;

/** Characters above which extraction moves to a worker (about 200 kB). */
export const WORKER_THRESHOLD = 200_000;

/** Messages between the app and the extraction worker. */
export type WorkerRequest = { text: string; options: ExtractOptions };
export type WorkerReply =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; starts: Uint32Array; result: ExtractionResult }
  | { type: 'failed'; message: string };

export function extractOptions(): ExtractOptions {
  return { now: new Date(), assumeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' };
}

function aborted(): Error {
  return new DOMException('Extraction cancelled', 'AbortError');
}

export function inlineRunner(engine: Engine): ExtractionRunner {
  return async (text, onProgress, signal) => {
    onProgress({ phase: 'extracting', done: 0, total: null });
    const lines = indexLines(text);
    const result = await engine.extract(text, extractOptions());
    if (signal.aborted) throw aborted();
    return { lines, result };
  };
}

export function workerRunner(makeWorker: () => Worker): ExtractionRunner {
  return (text, onProgress, signal) =>
    new Promise((resolve, reject) => {
      const worker = makeWorker();
      const stop = () => {
        worker.terminate();
        reject(aborted());
      };
      signal.addEventListener('abort', stop, { once: true });
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        const reply = event.data;
        if (reply.type === 'progress') return onProgress(reply.progress);
        signal.removeEventListener('abort', stop);
        worker.terminate();
        if (reply.type === 'done') resolve({ lines: { starts: reply.starts }, result: reply.result });
        else reject(new Error(reply.message));
      };
      worker.onerror = (event) => {
        signal.removeEventListener('abort', stop);
        worker.terminate();
        reject(new Error(event.message || 'worker error'));
      };
      onProgress({ phase: 'reading', done: 0, total: text.length });
      worker.postMessage({ text, options: extractOptions() } satisfies WorkerRequest);
    });
}

/** Small texts inline, large ones in the worker. */
export function sizedRunner(small: ExtractionRunner, large: ExtractionRunner, threshold = WORKER_THRESHOLD) {
  const run: ExtractionRunner = (text, onProgress, signal) =>
    (text.length > threshold ? large : small)(text, onProgress, signal);
  return run;
}
