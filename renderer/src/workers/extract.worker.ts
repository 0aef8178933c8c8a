/**
 * Extraction off the main thread for large pastes: indexes the lines (with progress), then extracts.
 * Receives text only and answers with plain data; nothing here touches the DOM.
 */
import { coreEngine } from '../engine/engine';
import type { WorkerReply, WorkerRequest } from '../engine/runner';
import { indexLines } from '../source/lineIndex';

/** The part of the worker's global scope used here (the DOM lib types `self` as a window). */
interface WorkerScope {
  postMessage(message: WorkerReply, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const send = (reply: WorkerReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { text, options } = event.data;
  try {
    const lines = indexLines(text, (done, total) =>
      send({ type: 'progress', progress: { phase: 'indexing', done, total } }),
    );
    send({ type: 'progress', progress: { phase: 'extracting', done: 0, total: null } });
    const result = await coreEngine.extract(text, {
      ...options,
      now: options.now ? new Date(options.now) : undefined,
    });
    send({ type: 'done', starts: lines.starts, result }, [lines.starts.buffer]);
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
