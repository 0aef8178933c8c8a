/**
 * Zstd data that starts with a skippable frame (RFC 8878 §3.1.2: magic `50 2a 4d 18` to `5f 2a 4d 18`,
 * then its size; pzstd writes one, and tools keep metadata in them) read as a stream whose chunks cut it
 * anywhere: `summarize` from a pipe (a first chunk may be a byte) and the Large logs tab. Its start was
 * looked at in the first chunk only: one of 1 to 3 bytes was no zstd ("binary data, not a log"), and
 * one ending inside a skippable frame was zstd whatever followed (an LZ4 frame, which shares the
 * skippable magic, then failed as damaged zstd rather than being refused as binary).
 */
import { describe, expect, it } from 'vitest';
import { runSummarize } from '../../../cli/commands/summarize';
import { isZstd, readStreamHead, zstdHeadKnown } from '../../../core/extract/unzstd';
import { scanLogStream } from '../../../renderer/src/logs/scan-stream';
import { summarizeIo } from '../../cli/capture';
import { fixtureBytes } from './fixtures';

const frame = fixtureBytes('zstd37/20240315-101500.checked');
const records = fixtureBytes('audit36zstd/20240315-101500.source.jsonl');
/** A skippable frame of 40 bytes of metadata (magic 0x184D2A5E), then the real frame. */
const metadata = new TextEncoder().encode('{"tool":"logship","host":"mta1.example"}');
const skippable = [0x5e, 0x2a, 0x4d, 0x18, metadata.length, 0, 0, 0, ...metadata];
const data = new Uint8Array([...skippable, ...frame]);
/** The same skippable frame before an LZ4 frame's start (magic 0x184D2204): no zstd. */
const lz4 = new Uint8Array([...skippable, 0x04, 0x22, 0x4d, 0x18, 0x64, 0x40, 0xa7, ...frame.subarray(7)]);
const now = ['--now', '2024-03-20T00:00:00Z'];
const SIZES = [1, 3, 7, 4096];

function* chunksOf(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function summarized(bytes: Uint8Array, size: number) {
  const run = summarizeIo({ '-': bytes }, size);
  const code = await runSummarize(['--json', ...now, '-'], run.io);
  return { code, json: code === 0 ? JSON.parse(run.out()) : null, err: run.err() };
}

describe('zstd data starting with a skippable frame, read in chunks that cut it anywhere', () => {
  it('the head is read until it tells, whatever the chunks', async () => {
    expect(zstdHeadKnown(data.subarray(0, 3))).toBe(false);
    expect(zstdHeadKnown(data.subarray(0, 7))).toBe(false);
    expect(zstdHeadKnown(data.subarray(0, skippable.length + 3))).toBe(false);
    expect(zstdHeadKnown(data.subarray(0, skippable.length + 4))).toBe(true);
    expect(zstdHeadKnown(records.subarray(0, 4))).toBe(true);
    for (const size of SIZES) {
      const chunks = chunksOf(data, size);
      const { head } = await readStreamHead(async () => chunks.next());
      expect(head && isZstd(head)).toBe(true);
      const other = chunksOf(lz4, size);
      const lz4Head = (await readStreamHead(async () => other.next())).head;
      expect(lz4Head && isZstd(lz4Head)).toBe(false);
    }
  });

  it('summarize reads it as the records it holds, whatever the chunks', async () => {
    const plain = await summarized(records, 4096);
    for (const size of SIZES) {
      const { code, json, err } = await summarized(data, size);
      expect([size, code, err]).toEqual([size, 0, '']);
      expect(json.counts).toEqual(plain.json.counts);
      expect(json.stats).toMatchObject({ zstd: true, bytesRead: data.length });
    }
  });

  it('summarize refuses an LZ4 frame after a skippable one as binary data, whatever the chunks', async () => {
    for (const size of SIZES) {
      const { code, err } = await summarized(lz4, size);
      expect([size, code, err]).toEqual([
        size,
        1,
        'standard input: binary data (an image, an archive...), not a log\n',
      ]);
    }
  });

  it('the Large logs tab reads it as the records it holds, whatever the chunks', async () => {
    const scan = (bytes: Uint8Array, size: number) => {
      const chunks = chunksOf(bytes, size);
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
      });
      return scanLogStream(stream, { name: 'segment', extract: { now: new Date('2024-03-20T00:00:00Z') } });
    };
    const plain = await scan(records, 4096);
    if (plain.status !== 'done') throw new Error('not done');
    for (const size of SIZES) {
      const out = await scan(data, size);
      if (out.status !== 'done') throw new Error('not done');
      expect([size, out.stats.zstd, out.result.counts]).toEqual([size, true, plain.result.counts]);
      expect(out.result.warnings).toEqual(plain.result.warnings);
    }
  });
});
