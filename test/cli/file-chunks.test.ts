import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fileChunks } from '../../cli/file-chunks';
import { summarizeStream } from '../../cli/summarize-stream';

const dir = mkdtempSync(join(tmpdir(), 'file-chunks-'));
const mailLog = readFileSync(new URL('../fixtures/large-log/mail.log', import.meta.url));

async function collect(path: string, size?: number): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of fileChunks(path, size)) chunks.push(chunk);
  return chunks;
}

describe('fileChunks (summarize reads files with blocking reads)', () => {
  it('gives every byte once, in order, in chunks of the size asked (the last one shorter)', async () => {
    const bytes = Buffer.alloc(10_000 * 3 + 123);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
    const path = join(dir, 'odd-size.bin');
    writeFileSync(path, bytes);
    const chunks = await collect(path, 10_000);
    expect(chunks.map((c) => c.length)).toEqual([10_000, 10_000, 10_000, 123]);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it('reads only the bytes between start and end when asked, in chunks of the size asked', async () => {
    const path = join(dir, 'range.txt');
    writeFileSync(path, '0123456789abcdefghij');
    const chunks: Uint8Array[] = [];
    for await (const chunk of fileChunks(path, 4, 3, 13)) chunks.push(chunk);
    expect(chunks.map((c) => Buffer.from(c).toString())).toEqual(['3456', '789a', 'bc']);
    const toEnd: Uint8Array[] = [];
    for await (const chunk of fileChunks(path, 64, 15)) toEnd.push(chunk);
    expect(Buffer.concat(toEnd).toString()).toBe('fghij');
  });

  it('gives fresh buffers, so a chunk kept by the decoder is not overwritten by the next read', async () => {
    const path = join(dir, 'two.txt');
    writeFileSync(path, 'a'.repeat(8) + 'b'.repeat(8));
    const [first, second] = await collect(path, 8);
    expect(Buffer.from(first as Uint8Array).toString()).toBe('aaaaaaaa');
    expect(Buffer.from(second as Uint8Array).toString()).toBe('bbbbbbbb');
  });

  it('gives nothing for an empty file and fails with the system error for a missing file or a folder', async () => {
    const empty = join(dir, 'empty.log');
    writeFileSync(empty, '');
    expect(await collect(empty)).toEqual([]);
    await expect(collect(join(dir, 'missing.log'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(collect(dir)).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('feeds summarize the same result as the whole file in one piece, gzip included', async () => {
    const path = join(dir, 'mail.log.1.gz');
    writeFileSync(path, gzipSync(mailLog));
    const options = { now: new Date('2026-03-20T00:00:00Z') };
    const fromFile = await summarizeStream(fileChunks(path, 97), path, options);
    const whole = await summarizeStream(
      (async function* () {
        yield gzipSync(mailLog);
      })(),
      path,
      options,
    );
    expect(fromFile.stats.gzip).toBe(true);
    expect(fromFile.counts.rejections).toBe(14);
    expect(fromFile.summary).toEqual(whole.summary);
  });
});
