/**
 * The scan worker's message handling, apart from the worker global so it can be tested in Node:
 * one scan at a time, `cancel` aborts it, every outcome is posted back.
 */
import type { FromScanWorker, ToScanWorker } from './protocol';
import { type SegmentStarter, scanLogFile } from './scan-file';
import type { ScanOptions } from './scan-stream';

export function createScanHandler(
  post: (message: FromScanWorker) => void,
  createSession?: ScanOptions['createSession'],
  /** The second worker, when there is one (a large file is then read on two threads). */
  segments?: () => SegmentStarter | undefined,
): (message: ToScanWorker) => Promise<void> {
  let running: AbortController | null = null;
  return async (message) => {
    if (message.type === 'cancel') {
      running?.abort();
      return;
    }
    if (message.type !== 'scan') return;
    const startSegment = segments?.();
    running?.abort();
    const controller = new AbortController();
    running = controller;
    try {
      const outcome = await scanLogFile(message.file, {
        extract: message.now ? { now: new Date(message.now) } : {},
        ...(createSession ? { createSession } : {}),
        ...(startSegment ? { startSegment } : {}),
        name: message.name,
        totalBytes: message.file.size,
        signal: controller.signal,
        onProgress: (progress) => post({ type: 'progress', progress }),
      });
      if (outcome.status === 'done') {
        const { counts, formats, warnings } = outcome.result;
        post({ type: 'done', summary: outcome.summary, stats: outcome.stats, counts, formats, warnings });
      } else post({ type: 'cancelled', stats: outcome.stats });
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (running === controller) running = null;
    }
  };
}
