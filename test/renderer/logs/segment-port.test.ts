// @vitest-environment node
/**
 * The scan worker's side of the second worker (segment-port.ts), over a real MessageChannel whose other
 * end plays the second worker: progress and outcome reach the segment they belong to, and a stopped
 * segment settles at once and tells the second worker to stop.
 */
import { MessageChannel } from 'node:worker_threads';
import type { SegmentOutcome } from '../../../core/summary/split-scan';
import type { FromSegmentWorker, ToSegmentWorker } from '../../../renderer/src/logs/protocol';
import { segmentStarter } from '../../../renderer/src/logs/segment-port';

const outcome = (stoppedAt: number): SegmentOutcome => ({
  segment: {
    events: [],
    counts: {
      lines: 1,
      records: 1,
      recordsByFormat: {},
      delivered: 0,
      inboundRejections: 0,
      failuresWithoutReply: 0,
      evictedStates: 0,
      truncatedLines: 0,
    },
  },
  stoppedAt,
  latin1Lines: 0,
});

describe('segmentStarter (the scan worker asks the second worker for segments)', () => {
  it('hands each segment its own progress and outcome, and stops a segment on demand', async () => {
    const channel = new MessageChannel();
    const received: ToSegmentWorker[] = [];
    channel.port2.on('message', (task: ToSegmentWorker) => {
      received.push(task);
      if (task.type !== 'segment') return;
      const reply = (m: FromSegmentWorker) => channel.port2.postMessage(m);
      if (task.start === 10) {
        reply({ type: 'progress', id: task.id, bytes: 5 });
        reply({ type: 'done', id: task.id, outcome: outcome(99) });
      }
    });
    const start = segmentStarter(channel.port1 as unknown as MessagePort);
    const file = new Blob(['x']);
    const progress: number[] = [];
    const first = start(file, 10, {}, 1000, (n) => progress.push(n));
    expect((await first.outcome)?.stoppedAt).toBe(99);
    expect(progress).toEqual([5]);
    // The second worker never answers this one: stop() settles it and says so to the worker.
    const second = start(file, 20, {}, 1000, () => {});
    second.stop();
    expect(await second.outcome).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received.map((t) => t.type)).toEqual(['segment', 'segment', 'stop']);
    expect(received[2]?.id).toBe(received[1]?.id);
    channel.port1.close();
  });
});
