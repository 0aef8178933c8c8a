import { coreEngine } from '../../../renderer/src/engine/engine';
import {
  type ExtractionRunner,
  inlineRunner,
  type Progress,
  sizedRunner,
  type WorkerReply,
  type WorkerRequest,
  workerRunner,
} from '../../../renderer/src/engine/runner';
import { lineCount } from '../../../renderer/src/source/lineIndex';
import { fixture } from './renderApp';

/** A stand-in Worker running the same steps as extract.worker.ts, asynchronously. */
class FakeWorker {
  static created = 0;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(private readonly fail = false) {
    FakeWorker.created++;
  }
  postMessage(request: WorkerRequest) {
    setTimeout(async () => {
      if (this.terminated) return;
      const reply = (data: WorkerReply) => this.onmessage?.({ data } as MessageEvent<WorkerReply>);
      if (this.fail) return reply({ type: 'failed', message: 'boom' });
      reply({
        type: 'progress',
        progress: { phase: 'indexing', done: request.text.length, total: request.text.length },
      });
      const { lines, result } = await inlineRunner(coreEngine)(
        request.text,
        () => {},
        new AbortController().signal,
      );
      if (!this.terminated) reply({ type: 'done', starts: lines.starts, result });
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('extraction runners', () => {
  it('extracts inline and indexes the lines', async () => {
    const text = fixture('postfix-dsn-ofr102.eml');
    const { lines, result } = await inlineRunner(coreEngine)(text, () => {}, new AbortController().signal);
    expect(lineCount(lines)).toBe(72);
    expect(result.incidents[0]?.orange?.reason).toBe(102);
  });

  it('sends large texts to the worker with progress, small ones inline', async () => {
    let workers: FakeWorker[] = [];
    const large = workerRunner(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const run = sizedRunner(inlineRunner(coreEngine), large, 1000);
    const progress: Progress[] = [];
    await run(
      '550 5.2.0 Mail rejete. Mail rejected. OFR_506 [506]',
      (p) => progress.push(p),
      new AbortController().signal,
    );
    expect(workers).toHaveLength(0);
    const big = `${'Nov 17 09:40:02 mta1 postfix/qmgr[1201]: noise\n'.repeat(100)}${fixture('postfix-orange.log')}`;
    const { result } = await run(big, (p) => progress.push(p), new AbortController().signal);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.terminated).toBe(true);
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['reading', 'indexing']));
    expect(result.incidents.length).toBeGreaterThan(0);
    workers = [];
  });

  it('stops the worker when cancelled and reports worker failures', async () => {
    let worker: FakeWorker | null = null;
    const runner: ExtractionRunner = workerRunner(() => {
      worker = new FakeWorker();
      return worker as unknown as Worker;
    });
    const abort = new AbortController();
    const pending = runner('text', () => {}, abort.signal);
    abort.abort();
    await expect(pending).rejects.toThrow(/cancelled/);
    expect((worker as FakeWorker | null)?.terminated).toBe(true);

    const failing = workerRunner(() => new FakeWorker(true) as unknown as Worker);
    await expect(failing('text', () => {}, new AbortController().signal)).rejects.toThrow('boom');
  });
});
