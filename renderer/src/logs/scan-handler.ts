/**
 * The scan worker's message handling, apart from the worker global so it can be tested in Node:
 * one scan at a time, `cancel` aborts it, every outcome is posted back.
 */
import type { FromScanWorker, ToScanWorker } from './protocol';
import { type ScannerFactory, scanLogStream } from './scan-stream';

export function createScanHandler(
  post: (message: FromScanWorker) => void,
  scannerFor: (now: Date | undefined) => ScannerFactory,
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
        createScanner: scannerFor(message.now ? new Date(message.now) : undefined),
        name: message.name,
        totalBytes: message.file.size,
        signal: controller.signal,
        onProgress: (progress) => post({ type: 'progress', progress }),
      });
      if (outcome.status === 'done') post({ type: 'done', summary: outcome.summary, stats: outcome.stats });
      else post({ type: 'cancelled', stats: outcome.stats });
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (running === controller) running = null;
    }
  };
}
