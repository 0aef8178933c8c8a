/**
 * The scan worker's side of the second worker (segment.worker.ts): both are started by the page
 * (worker-factory.ts) and talk over a MessagePort, one segment at a time, each with its id.
 */
import type { SegmentOutcome } from '../../../core/summary/split-scan';
import type { FromSegmentWorker, ToSegmentWorker } from './protocol';
import type { SegmentStarter } from './scan-file';

interface Waiting {
  settle(outcome: SegmentOutcome | null): void;
  onProgress(bytes: number): void;
}

export function segmentStarter(port: MessagePort): SegmentStarter {
  let next = 0;
  const waiting = new Map<number, Waiting>();
  const send = (message: ToSegmentWorker) => port.postMessage(message);
  port.onmessage = (event: MessageEvent<FromSegmentWorker>) => {
    const message = event.data;
    const w = waiting.get(message.id);
    if (!w) return;
    if (message.type === 'progress') w.onProgress(message.bytes);
    else {
      waiting.delete(message.id);
      w.settle(message.type === 'done' ? message.outcome : null);
    }
  };
  return (file, start, extract, budget, onProgress) => {
    next += 1;
    const id = next;
    const outcome = new Promise<SegmentOutcome | null>((settle) => {
      waiting.set(id, { settle, onProgress });
    });
    send({ type: 'segment', id, file, start, extract, budget });
    return {
      outcome,
      stop() {
        const w = waiting.get(id);
        if (!w) return;
        waiting.delete(id);
        w.settle(null);
        send({ type: 'stop', id });
      },
    };
  };
}
