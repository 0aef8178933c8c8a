/**
 * The scan worker's message handling, apart from the worker global so it can be tested in Node:
 * one scan at a time, `cancel` aborts it, every outcome is posted back.
 */
import type { FromScanWorker, ToScanWorker } from './protocol';
import { type ScanOptions, scanLogStream } from './scan-stream';

export function createScanHandler(
  post: (message: FromScanWorker) => void,
  createSession?: ScanOptions['createSession'],
): (message: ToScanWorker) => Promise<void> {
  let running: AbortController | null = null;
  return async (message) => {
    if (message.type === 'cancel') {
      running?.abort();
      return;
    }
    running?.abort();
    const controller = new AbortController();
    running = controller;
    try {
      const outcome = await scanLogStream(message.file.stream() as ReadableStream<Uint8Array>, {
        extract: message.now ? { now: new Date(message.now) } : {},
        ...(createSession ? { createSession } : {}),
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
