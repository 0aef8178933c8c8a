/**
 * The real scan worker (a module worker bundled by Vite; the CSP allows worker-src 'self' blob:), with,
 * for a file large enough to be split, the second worker that reads its far part (scan-file.ts). The
 * page starts both (a worker started by a worker is beyond what the e2e harness can serve) and gives
 * them a MessagePort to each other; terminating the scan worker terminates both.
 */
import { SPLIT_MIN_BYTES } from '../../../core/summary/split-threshold';
import type { ScanWorkerLike } from './protocol';

/** The scan worker for a file of `size` bytes; with the second worker when the file is large enough. */
export function createScanWorker(size: number): ScanWorkerLike {
  const scan = new Worker(new URL('./scan.worker.ts', import.meta.url), { type: 'module' });
  let segment: Worker | null = null;
  if (size >= SPLIT_MIN_BYTES) {
    segment = new Worker(new URL('./segment.worker.ts', import.meta.url), { type: 'module' });
    const channel = new MessageChannel();
    segment.postMessage({ type: 'connect' }, [channel.port1]);
    scan.postMessage({ type: 'segments' }, [channel.port2]);
  }
  return {
    postMessage: (message) => scan.postMessage(message),
    terminate() {
      scan.terminate();
      segment?.terminate();
    },
    get onmessage() {
      return scan.onmessage as ScanWorkerLike['onmessage'];
    },
    set onmessage(handler) {
      scan.onmessage = handler as Worker['onmessage'];
    },
    get onerror() {
      return scan.onerror as ScanWorkerLike['onerror'];
    },
    set onerror(handler) {
      scan.onerror = handler as Worker['onerror'];
    },
  };
}
