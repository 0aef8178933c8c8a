/** The real scan worker (a module worker bundled by Vite; the CSP allows worker-src 'self' blob:). */
import type { ScanWorkerLike } from './protocol';

export function createScanWorker(): ScanWorkerLike {
  return new Worker(new URL('./scan.worker.ts', import.meta.url), { type: 'module' }) as ScanWorkerLike;
}
