/**
 * summarize on two threads (cli/summarize-file.ts): the worker runs cli/log-segment.ts bundled by esbuild,
 * as the shipped CLI does (a worker cannot load the TypeScript sources), and the result must be the
 * one-thread scan's, whether the worker's segment is absorbed whole, cut short by its memory budget,
 * refused (another format) or never arrives.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileChunks } from '../../cli/file-chunks';
import { splitPoint, summarizeFile } from '../../cli/summarize-file';
import { type FileSummary, summarizeStream } from '../../cli/summarize-stream';
import { generatePostfixLog } from '../fixtures/logs/generate-postfix';

const dir = mkdtempSync(join(tmpdir(), 'summarize-file-'));
const options = { now: new Date('2026-03-20T00:00:00Z') };
let workerScript: URL;
let postfixLog: string;

beforeAll(async () => {
  const outfile = join(dir, 'log-segment.mjs');
  await build({
    entryPoints: [new URL('../../cli/log-segment.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  workerScript = pathToFileURL(outfile);
  let text = '';
  generatePostfixLog(600_000, (chunk) => {
    text += chunk;
  });
  postfixLog = join(dir, 'mail.log');
  writeFileSync(postfixLog, text);
}, 30_000);

/** The one-thread result, without the figures that differ by nature (time, threads). */
async function oneThread(path: string) {
  return comparable(await summarizeStream(fileChunks(path), path, options));
}

function comparable(result: FileSummary) {
  const { elapsedMs: _elapsed, threads: _threads, segments: _segments, ...stats } = result.stats;
  return { ...result, stats };
}

describe('summarize on two threads', () => {
  it('gives the one-thread result, the second half scanned by the worker and absorbed', async () => {
    const result = await summarizeFile(postfixLog, options, undefined, { minBytes: 0, workerScript });
    expect(result.stats.threads).toBe(2);
    expect(result.stats.segments).toHaveLength(1);
    expect(result.stats.segments[0]?.end).toBe(readFileSync(postfixLog).length);
    expect(result.counts.rejections).toBeGreaterThan(40);
    expect(result.counts.suspensionsLinked).toBeGreaterThan(0);
    expect(comparable(result)).toEqual(await oneThread(postfixLog));
  });

  it('gives the one-thread result when the worker stops at its memory budget', async () => {
    const result = await summarizeFile(postfixLog, options, undefined, {
      minBytes: 0,
      workerScript,
      budget: 20_000,
    });
    expect(result.stats.threads).toBe(2);
    // Each worker stopped short of the end; what it left was split again.
    const { segments } = result.stats;
    expect(segments.length).toBeGreaterThan(1);
    for (const { start, end } of segments) expect(end).toBeGreaterThan(start);
    expect(segments.every((s, i) => i === 0 || s.start > (segments[i - 1]?.end ?? 0))).toBe(true);
    expect(comparable(result)).toEqual(await oneThread(postfixLog));
  });

  it('reports the bytes read by both threads as progress, up to the size of the file', async () => {
    const seen: number[] = [];
    await summarizeFile(postfixLog, options, (n) => seen.push(n), { minBytes: 0, workerScript });
    expect(seen.at(-1)).toBe(readFileSync(postfixLog).length);
    expect(seen.every((n, i) => i === 0 || n >= (seen[i - 1] ?? 0))).toBe(true);
  });

  it('reads the second half itself when the worker fails or its segment cannot be absorbed', async () => {
    const missing = await summarizeFile(postfixLog, options, undefined, {
      minBytes: 0,
      workerScript: pathToFileURL(join(dir, 'no-such-worker.mjs')),
    });
    expect(missing.stats.threads).toBe(1);
    expect(comparable(missing)).toEqual(await oneThread(postfixLog));
    // A Postfix log whose second half is Exim's: the worker's segment is refused (Exim's reader keeps
    // state of its own), and this thread reads that half itself.
    const mixed = join(dir, 'postfix-then-exim.log');
    const exim = readFileSync(new URL('../fixtures/logs/exim-orange.log', import.meta.url), 'utf8');
    writeFileSync(mixed, readFileSync(postfixLog, 'utf8') + exim.repeat(400));
    const refused = await summarizeFile(mixed, options, undefined, { minBytes: 0, workerScript });
    expect(refused.stats.threads).toBe(1);
    expect(refused.formats).toContain('exim');
    expect(comparable(refused)).toEqual(await oneThread(mixed));
  });

  it('reads a log of failed deliveries only on one thread: a worker would hold its budget for a few MB', async () => {
    // `grep status= mail.log`: every line a refusal, whose recorded event outweighs the line
    // (split-density.ts); two threads held 215-237 MB at peak on 200 MB of such lines, one 182 MB.
    const path = new URL(
      '../fixtures/extract/summarize-memory/generated-postfix-delivery-lines-only.log',
      import.meta.url,
    ).pathname;
    const result = await summarizeFile(path, options, undefined, { minBytes: 0, workerScript });
    expect(result.stats.threads).toBe(1);
    expect(result.counts.rejections).toBe(300);
    expect(comparable(result)).toEqual(await oneThread(path));
  });

  it('splits at a line start that continues nothing, never inside a wrapped reply', () => {
    const path = join(dir, 'wrapped.log');
    // Records start as syslog stamps do (an upper-case letter or a digit); a line that a post wrapped
    // (the one before it ending in `:`) is no record start either.
    const text = `${'A'.repeat(99)}\n${'  wrapped\n'.repeat(20)}Mar 14 q:\nN\nMar 14 b\n`;
    writeFileSync(path, text);
    expect(splitPoint(path, 0, text.length)).toBe(text.indexOf('Mar 14 q'));
    // The middle of a later part of the file, inside `Mar 14 q:`: not before `N`, which continues it.
    const from = 2 * (text.indexOf('Mar 14 q') + 3) - text.length;
    expect(splitPoint(path, from, text.length)).toBe(text.indexOf('Mar 14 b'));
    const single = join(dir, 'one-line.log');
    writeFileSync(single, 'x'.repeat(500));
    expect(splitPoint(single, 0, 500)).toBe(-1);
  });

  it('takes the one-thread path for small files and from the TypeScript sources', async () => {
    const small = await summarizeFile(postfixLog, options);
    expect(small.stats.threads).toBe(1);
    const sources = await summarizeFile(postfixLog, options, undefined, { minBytes: 0 });
    expect(sources.stats.threads).toBe(1);
  });
});
