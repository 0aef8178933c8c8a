/**
 * The large-log scan worker: receives a File, streams it through the scanner and the summariser off
 * the UI thread (with a second worker for large files), posts progress (at most ~10 times a second),
 * the summary, or `cancelled`.
 */
import type { FromScanWorker, ToScanWorker } from './protocol';
import type { SegmentStarter } from './scan-file';
import { createScanHandler } from './scan-handler';
import { segmentStarter } from './segment-port';

const scope = self as unknown as {
  postMessage(message: FromScanWorker): void;
  onmessage: ((event: MessageEvent<ToScanWorker>) => void) | null;
};

// Large files are read on two threads: this worker and the second one the page gave a port to.
let startSegment: SegmentStarter | undefined;
const handle = createScanHandler(
  (message) => scope.postMessage(message),
  undefined,
  () => startSegment,
);
scope.onmessage = (event) => {
  const port = event.ports[0];
  if (event.data.type === 'segments' && port) startSegment = segmentStarter(port);
  else void handle(event.data);
};
