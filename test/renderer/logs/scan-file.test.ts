// @vitest-environment node
/**
 * The app's scan of a large File on two threads (scan-file.ts). The second worker is played here by
 * core's scanSegment run in the same thread, its outcome passed through structuredClone as a worker's
 * message would be; the real worker (segment.worker.ts) runs in Chromium in the e2e test. The summary
 * must be the one-thread scan's.
 */
import { readFileSync } from 'node:fs';
import { createChunkDecoder } from '../../../core/summary';
import { scanSegment } from '../../../core/summary/split-scan';
import { blobChunks } from '../../../renderer/src/logs/byte-stream';
import { type SegmentStarter, scanLogFile } from '../../../renderer/src/logs/scan-file';
import { scanLogStream } from '../../../renderer/src/logs/scan-stream';
import { generatePostfixLog } from '../../fixtures/logs/generate-postfix';

const extract = { now: new Date('2026-03-20T00:00:00Z') };
let text = '';
generatePostfixLog(500_000, (chunk) => {
  text += chunk;
});
// In parts of 16 kB, read back in chunks of that size as a browser reads a File in 64 kB chunks.
const file = new Blob(
  Array.from({ length: Math.ceil(text.length / 16_384) }, (_, i) => text.slice(i * 16_384, (i + 1) * 16_384)),
);

/** A second "worker" in this thread; `started` records where each began. */
function inThread(started: number[], fail = false): SegmentStarter {
  return (blob, start, options, budget, onProgress) => {
    started.push(start);
    const outcome = scanSegment({
      bytes: blobChunks(blob, start, blob.size),
      start,
      options,
      decoder: createChunkDecoder(),
      budget,
      onProgress,
    }).then((o) => (fail ? null : structuredClone(o)));
    return { outcome, stop: () => {} };
  };
}

async function oneThread() {
  const outcome = await scanLogStream(file.stream() as ReadableStream<Uint8Array>, { extract });
  if (outcome.status !== 'done') throw new Error('not done');
  return outcome;
}

describe('scanLogFile (a large log on two threads in the app)', () => {
  it('gives the one-thread summary, with the second worker reading from the middle on', async () => {
    const started: number[] = [];
    const progress: number[] = [];
    const outcome = await scanLogFile(file, {
      extract,
      startSegment: inThread(started),
      minBytes: 0,
      progressIntervalMs: 0,
      totalBytes: file.size,
      onProgress: (p) => progress.push(p.bytesRead),
    });
    const expected = await oneThread();
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(started).toHaveLength(1);
    expect(started[0]).toBeGreaterThan(file.size / 2 - 1);
    expect(outcome.stats.threads).toBe(2);
    expect(outcome.result).toEqual(expected.result);
    expect(outcome.stats.lines).toBe(expected.stats.lines);
    expect(progress.at(-1)).toBe(file.size);
    expect(progress.every((n, i) => i === 0 || n >= (progress[i - 1] ?? 0))).toBe(true);
  });

  it('splits what is left again when the second worker stops at its budget', async () => {
    const started: number[] = [];
    const outcome = await scanLogFile(file, {
      extract,
      startSegment: inThread(started),
      minBytes: 0,
      budget: 100_000,
    });
    if (outcome.status !== 'done') throw new Error('not done');
    expect(started.length).toBeGreaterThan(1);
    expect(outcome.result).toEqual((await oneThread()).result);
  });

  it('reads the rest itself when the second worker read little of its part before its budget (MIN_REACH)', async () => {
    const started: number[] = [];
    const outcome = await scanLogFile(file, {
      extract,
      startSegment: inThread(started),
      minBytes: 0,
      budget: 3_000,
    });
    if (outcome.status !== 'done') throw new Error('not done');
    // A log this dense in refusals for the budget: one round, then this worker alone.
    expect(started).toHaveLength(1);
    expect(outcome.stats.threads).toBe(2);
    expect(outcome.result).toEqual((await oneThread()).result);
  });

  it('reads the rest itself when the second worker fails, and small files on one thread', async () => {
    const started: number[] = [];
    const failed = await scanLogFile(file, { extract, startSegment: inThread(started, true), minBytes: 0 });
    if (failed.status !== 'done') throw new Error('not done');
    expect(started).toHaveLength(1);
    expect(failed.stats.threads).toBe(1);
    expect(failed.result).toEqual((await oneThread()).result);
    const small = await scanLogFile(file, { extract, startSegment: inThread(started) });
    expect(started).toHaveLength(1);
    expect(small.stats.threads).toBe(1);
  });

  it('does not start the second worker for a log that does not start as a Postfix log', async () => {
    const started: number[] = [];
    const exim = readFileSync(new URL('../../fixtures/logs/exim-orange.log', import.meta.url), 'utf8');
    const log = new Blob([exim.repeat(200), text]);
    const outcome = await scanLogFile(log, { extract, startSegment: inThread(started), minBytes: 0 });
    expect(outcome.status).toBe('done');
    expect(started).toEqual([]);
    // The same file with its Postfix part first is split.
    await scanLogFile(new Blob([text, exim.repeat(200)]), {
      extract,
      startSegment: inThread(started),
      minBytes: 0,
    });
    expect(started).toHaveLength(1);
  });

  it('stops the second worker and reports cancelled when the scan is cancelled', async () => {
    const controller = new AbortController();
    let stopped = 0;
    const starter: SegmentStarter = (blob, start, options, budget, onProgress) => {
      const running = inThread([])(blob, start, options, budget, onProgress);
      controller.abort();
      return { outcome: running.outcome, stop: () => stopped++ };
    };
    const outcome = await scanLogFile(file, {
      extract,
      startSegment: starter,
      minBytes: 0,
      signal: controller.signal,
    });
    expect(outcome.status).toBe('cancelled');
    expect(stopped).toBeGreaterThan(0);
  });
});
