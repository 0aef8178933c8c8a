// @vitest-environment node
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { FromScanWorker } from '../../../renderer/src/logs/protocol';
import { createScanHandler } from '../../../renderer/src/logs/scan-handler';

const bytes = readFileSync(new URL('../../fixtures/large-log/acct.csv', import.meta.url));

describe('createScanHandler (the worker body)', () => {
  it('scans a gzip Blob and posts progress, then the summary with the scanner counts', async () => {
    const posted: FromScanWorker[] = [];
    const handle = createScanHandler((m) => posted.push(m));
    await handle({
      type: 'scan',
      file: new Blob([gzipSync(bytes)]),
      name: 'acct.csv.gz',
      now: '2026-03-20T00:00:00Z',
    });
    const done = posted.at(-1);
    expect(posted.some((m) => m.type === 'progress')).toBe(true);
    expect(done?.type).toBe('done');
    if (done?.type !== 'done') return;
    expect(done.stats.gzip).toBe(true);
    expect(done.formats).toEqual(['powermta']);
    expect(done.counts.suspensionsLinked).toBe(2);
    expect(done.summary.groups.map((g) => g.reason)).toEqual([100, 999, 104, 999]);
    expect(() => structuredClone(done)).not.toThrow();
  });

  it('posts cancelled when a cancel message arrives during the scan', async () => {
    const posted: FromScanWorker[] = [];
    const handle = createScanHandler((m) => posted.push(m));
    const big = new Blob(Array.from({ length: 2000 }, () => bytes));
    const scan = handle({ type: 'scan', file: big, name: 'acct.csv' });
    await handle({ type: 'cancel' });
    await scan;
    expect(posted.at(-1)?.type).toBe('cancelled');
  });

  it('posts an error for a file that says gzip but is not', async () => {
    const posted: FromScanWorker[] = [];
    const handle = createScanHandler((m) => posted.push(m));
    await handle({ type: 'scan', file: new Blob([bytes]), name: 'broken.gz' });
    expect(posted.at(-1)?.type).toBe('error');
  });
});
