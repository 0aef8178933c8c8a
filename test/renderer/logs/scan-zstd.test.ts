// @vitest-environment node
/**
 * The large-log tab on zstd data (a KumoMTA log segment, a `.zst` log), through the worker's body: read
 * as it is decoded, as gzip is, where it was summarised as binary text. Data cut short is summarised up
 * to the cut, with a warning, as gzip cut short is (scan-cut.test.ts), and a frame asking for a window
 * over 128 MB is refused before it is decoded.
 */
import { describe, expect, it } from 'vitest';
import type { FromScanWorker } from '../../../renderer/src/logs/protocol';
import { createScanHandler } from '../../../renderer/src/logs/scan-handler';
import { fixtureBytes } from '../../core/extract/fixtures';
import { zstdBomb, zstdRawFrame } from '../../core/extract/zstd-frames';

const segment = fixtureBytes('audit36zstd/20240315-101500');
const records = fixtureBytes('audit36zstd/20240315-101500.source.jsonl');

/** What the scan worker posts last for `data` opened as `name`. */
async function scanned(data: Uint8Array, name: string): Promise<FromScanWorker | undefined> {
  const posted: FromScanWorker[] = [];
  const handle = createScanHandler((m) => posted.push(m));
  await handle({ type: 'scan', file: new Blob([new Uint8Array(data)]), name, now: '2024-03-20T00:00:00Z' });
  return posted.at(-1);
}

describe('the large-log tab on zstd data', () => {
  it('reads a KumoMTA segment, whatever its name, as the records it holds', async () => {
    const plain = await scanned(records, '20240315-101500.source.jsonl');
    expect(plain?.type).toBe('done');
    if (plain?.type !== 'done') return;
    expect(plain.counts.orangeRejections).toBe(2);
    for (const name of ['20240315-101500', 'kumo.log.zst']) {
      const done = await scanned(segment, name);
      expect(done?.type).toBe('done');
      if (done?.type !== 'done') return;
      expect(done.summary).toEqual(plain.summary);
      expect(done.counts).toEqual(plain.counts);
      expect(done.formats).toEqual(plain.formats);
      expect(done.stats).toMatchObject({ zstd: true, gzip: false, bytesRead: segment.length });
      expect(done.stats.lines).toBe(plain.stats.lines);
    }
  });

  it('summarises data cut short up to the cut, and says the summary stops there', async () => {
    const plain = await scanned(records, '20240315-101500.source.jsonl');
    const cut = new Uint8Array([...segment, ...segment.subarray(0, segment.length - 100)]);
    const last = await scanned(cut, '20240315-101500');
    expect(last?.type).toBe('done');
    if (last?.type !== 'done' || plain?.type !== 'done') return;
    expect(last.summary).toEqual(plain.summary);
    expect(last.warnings.map((w) => w.code)).toContain('input.zstd-cut');
    expect(plain.warnings.map((w) => w.code)).not.toContain('input.zstd-cut');
  });

  it('reads data starting with a skippable frame (pzstd), and says when data does not match its checksum', async () => {
    const plain = await scanned(records, '20240315-101500.source.jsonl');
    const pzstd = await scanned(fixtureBytes('zstd37/20240315-101500.pzstd'), 'kumo.log.zst');
    expect(pzstd?.type).toBe('done');
    if (pzstd?.type !== 'done' || plain?.type !== 'done') return;
    expect(pzstd.counts).toEqual(plain.counts);
    expect(pzstd.stats.zstd).toBe(true);
    const damaged = fixtureBytes('zstd37/20240315-101500.checked');
    damaged[57] = (damaged[57] as number) ^ 0x01; // a literal of a queue id: still decodes
    const last = await scanned(damaged, '20240315-101500');
    expect(last?.type).toBe('done');
    if (last?.type !== 'done') return;
    expect(last.counts).toEqual(plain.counts);
    expect(last.warnings.map((w) => w.code)).toEqual(['input.zstd-checksum']);
  });

  it('says data cut inside its first block was cut, where the scan failed', async () => {
    const last = await scanned(segment.subarray(0, 300), '20240315-101500');
    expect(last?.type).toBe('done');
    if (last?.type !== 'done') return;
    expect(last.warnings.map((w) => w.code)).toContain('input.zstd-cut');
  });

  it('refuses a frame asking for a window past the limit, also after a good frame', async () => {
    const greedy = zstdRawFrame('x\n', 31); // 2 GiB, which fzstd would allocate at once
    for (const data of [greedy, new Uint8Array([...segment, ...greedy])]) {
      const last = await scanned(data, 'segment.zst');
      expect(last?.type).toBe('error');
      if (last?.type !== 'error') return;
      expect(last.message).toMatch(/2048 MB window \(more than 128 MB\): not read/);
    }
  });

  it('stops decoding when cancelled, and says cancelled', async () => {
    const posted: FromScanWorker[] = [];
    // Cancelled at the first progress report, once the decoding is under way.
    const handle = createScanHandler((m) => {
      posted.push(m);
      if (m.type === 'progress' && posted.length === 1) void handle({ type: 'cancel' });
    });
    const bomb = new Blob([new Uint8Array(zstdBomb(2000, 0x0a))]); // 250 MiB of empty lines
    await handle({ type: 'scan', file: bomb, name: 'big.log.zst' });
    const last = posted.at(-1);
    expect(last?.type).toBe('cancelled');
    if (last?.type !== 'cancelled') return;
    expect(last.stats.lines).toBeGreaterThan(0);
    expect(last.stats.lines).toBeLessThan(2000 * 131_072);
  });
});
