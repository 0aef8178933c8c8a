/** A fake scan worker and the summaries of the large-log fixtures, for the LargeLogView tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createLineSplitter } from '../../../core/extract/logs';
import { createLogSummary } from '../../../core/summary';
import type { Incident } from '../../../core/types';
import { LargeLogView } from '../../../renderer/src/logs/LargeLogView';
import type { FromScanWorker, ScanWorkerLike, ToScanWorker } from '../../../renderer/src/logs/protocol';
import type { ScanStats } from '../../../renderer/src/logs/scan-stream';

export class FakeWorker implements ScanWorkerLike {
  received: ToScanWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromScanWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: ToScanWorker) {
    this.received.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  emit(message: FromScanWorker) {
    act(() => this.onmessage?.({ data: message } as MessageEvent<FromScanWorker>));
  }
}

export function scanFixture(name: string) {
  const text = readFileSync(join(process.cwd(), 'test/fixtures/large-log', name), 'latin1');
  const session = createLogSummary({ now: new Date('2026-03-20T00:00:00Z') });
  const splitter = createLineSplitter((line, n) => session.push(line, n));
  splitter.push(text);
  splitter.end();
  return session.finish();
}

export const stats = (over: Partial<ScanStats> = {}): ScanStats => ({
  bytesRead: 52_000_000,
  totalBytes: 52_000_000,
  lines: 30,
  incidents: 14,
  orangeIncidents: 10,
  elapsedMs: 1500,
  etaMs: 0,
  gzip: false,
  zstd: false,
  latin1Lines: 0,
  truncatedLines: 0,
  threads: 1,
  ...over,
});

export function setup(lang: 'fr' | 'en' = 'en') {
  const workers: FakeWorker[] = [];
  const used: Incident[] = [];
  render(
    <LargeLogView
      lang={lang}
      onUseGroup={(i) => used.push(i)}
      createWorker={() => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      }}
    />,
  );
  return { workers, used, user: userEvent.setup() };
}

export const file = () => new File(['Mar 16 07:58:02 mta1 postfix/smtp[1]: ...\n'], 'mail.log.1.gz');
