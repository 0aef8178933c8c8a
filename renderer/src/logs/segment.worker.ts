/**
 * The large-log scan's second worker: started by the page beside the scan worker (worker-factory.ts),
 * it receives a MessagePort to it, then scans the parts of a File it is asked for as segments
 * (core/summary/split-scan.ts), posting their progress (at most ~10 times a second) and outcomes.
 */
import { createChunkDecoder } from '../../../core/summary';
import { scanSegment } from '../../../core/summary/split-scan';
import { blobChunks } from './byte-stream';
import type { FromSegmentWorker, ToSegmentWorker } from './protocol';

const scope = self as unknown as { onmessage: ((event: MessageEvent) => void) | null };

function serve(port: MessagePort): void {
  const post = (message: FromSegmentWorker) => port.postMessage(message);
  const stopped = new Set<number>();
  port.onmessage = (event: MessageEvent<ToSegmentWorker>) => {
    const task = event.data;
    if (task.type === 'stop') {
      stopped.add(task.id);
      return;
    }
    const { id, file, start } = task;
    let last = 0;
    scanSegment({
      bytes: blobChunks(file, start, file.size, () => stopped.has(id)),
      start,
      options: task.extract,
      decoder: createChunkDecoder(),
      budget: task.budget,
      onProgress(bytes) {
        if (performance.now() - last < 100) return;
        last = performance.now();
        post({ type: 'progress', id, bytes });
      },
    }).then(
      (outcome) => {
        if (!stopped.delete(id)) post({ type: 'done', id, outcome });
      },
      (error: unknown) => post({ type: 'error', id, message: String(error) }),
    );
  };
}

scope.onmessage = (event) => {
  const port = event.ports[0];
  if (port) serve(port);
};
