/**
 * The large-log scan worker: receives a File, streams it through the scanner and the summariser off
 * the UI thread, posts progress (at most ~10 times a second), the summary, or `cancelled`.
 */
import type { FromScanWorker, ToScanWorker } from './protocol';
import { createScanHandler } from './scan-handler';

const scope = self as unknown as {
  postMessage(message: FromScanWorker): void;
  onmessage: ((event: MessageEvent<ToScanWorker>) => void) | null;
};

const handle = createScanHandler((message) => scope.postMessage(message));
scope.onmessage = (event) => {
  void handle(event.data);
};
