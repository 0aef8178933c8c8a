// @vitest-environment node
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createLineSplitter } from '../../../core/extract/logs';
import { createLogSummary, type LogSummarySession } from '../../../core/summary';
import type { ExtractOptions } from '../../../core/types';
import { estimateEta, type ScanProgress, scanLogStream } from '../../../renderer/src/logs/scan-stream';

const NOW = new Date('2026-03-20T00:00:00Z');
const bytes = readFileSync(new URL('../../fixtures/large-log/mail.log', import.meta.url));

/** A byte stream cut into chunks of `size` bytes (so lines and characters straddle chunks). */
function streamOf(data: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= data.length) controller.close();
      else {
        controller.enqueue(data.slice(offset, offset + size));
        offset += size;
      }
    },
  });
}

/** The reference: the same fixture scanned in one piece, decoded as Latin-1. */
function reference() {
  const session = createLogSummary({ now: NOW });
  const splitter = createLineSplitter((line, n) => session.push(line, n));
  splitter.push(bytes.toString('latin1'));
  splitter.end();
  return session.finish().summary;
}

/** A session that also records every line of the text it is given (in `lines`, at finish). */
function recording(lines: string[]) {
  return (options: ExtractOptions): LogSummarySession => {
    const inner = createLogSummary(options);
    let text = '';
    return {
      push(line, n) {
        text += `${line}\n`;
        inner.push(line, n);
      },
      pushText(chunk) {
        text += chunk;
        inner.pushText(chunk);
      },
      addTruncatedLines: (n) => inner.addTruncatedLines(n),
      absorb: (segment) => inner.absorb(segment),
      finish: () => {
        lines.push(...text.split(/\r\n|\r|\n/));
        return inner.finish();
      },
      get lines() {
        return inner.lines;
      },
      get truncatedLines() {
        return inner.truncatedLines;
      },
      get incidents() {
        return inner.incidents;
      },
      get orangeIncidents() {
        return inner.orangeIncidents;
      },
    };
  };
}

describe('scanLogStream', () => {
  it('gives the same summary as a one-piece scan when lines are split across 7-byte chunks', async () => {
    const lines: string[] = [];
    const outcome = await scanLogStream(streamOf(bytes, 7), {
      extract: { now: NOW },
      name: 'mail.log',
      totalBytes: bytes.length,
      createSession: recording(lines),
    });
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(outcome.summary).toEqual(reference());
    expect(outcome.stats.lines).toBe(30);
    expect(outcome.stats.bytesRead).toBe(bytes.length);
    expect(outcome.stats.gzip).toBe(false);
    expect(outcome.stats.orangeIncidents).toBe(10);
  });

  it('reads a Latin-1 line as Latin-1 and the UTF-8 text around it unchanged', async () => {
    const utf8Line = Buffer.from(
      'Mar 16 20:00:00 mta1 postfix/qmgr[1201]: 4PcVZZZ: from=<élise@example.com>, size=1, nrcpt=1 (queue active)\n',
    );
    const lines: string[] = [];
    const outcome = await scanLogStream(streamOf(Buffer.concat([utf8Line, bytes, utf8Line]), 64 * 1024), {
      extract: { now: NOW },
      createSession: recording(lines),
    });
    expect(outcome.stats.latin1Lines).toBe(1);
    expect(lines.find((l) => l.includes('leclerc'))).toContain('<frédérique.leclerc@orange.fr>');
    expect(lines.filter((l) => l.includes('<élise@example.com>'))).toHaveLength(2);
  });

  it('inflates gzip, by the .gz name or by the magic bytes alone', async () => {
    const gz = gzipSync(bytes);
    for (const name of ['mail.log.1.gz', 'upload']) {
      const outcome = await scanLogStream(streamOf(gz, 1000), {
        extract: { now: NOW },
        name,
        totalBytes: gz.length,
      });
      expect(outcome.status).toBe('done');
      if (outcome.status !== 'done') return;
      expect(outcome.stats.gzip).toBe(true);
      expect(outcome.stats.bytesRead).toBe(gz.length);
      expect(outcome.summary).toEqual(reference());
    }
  });

  it('reads CRLF line ends, a CR and its LF falling in different chunks, as single line ends', async () => {
    const crlf = Buffer.from(bytes.toString('latin1').replaceAll('\n', '\r\n'), 'latin1');
    const firstCr = crlf.indexOf(13);
    const chunks = [crlf.subarray(0, firstCr + 1), crlf.subarray(firstCr + 1)];
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        const next = chunks.shift();
        if (next) c.enqueue(next);
        else c.close();
      },
    });
    const outcome = await scanLogStream(stream, { extract: { now: NOW } });
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(outcome.stats.lines).toBe(30);
    expect(outcome.summary.groups.map((g) => g.count)).toEqual(reference().groups.map((g) => g.count));
  });

  it('stops reading and says cancelled when aborted mid-way', async () => {
    let served = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        served += 1;
        c.enqueue(bytes);
      },
      cancel() {
        cancelled = true;
      },
    });
    const controller = new AbortController();
    const outcome = await scanLogStream(endless, {
      extract: { now: NOW },
      progressIntervalMs: 0,
      onProgress: (p) => {
        if (p.lines > 100) controller.abort();
      },
      signal: controller.signal,
    });
    expect(outcome.status).toBe('cancelled');
    expect(cancelled).toBe(true);
    expect(served).toBeLessThan(10);
  });

  it('reports progress at most once per interval, then a final report', async () => {
    let clock = 0;
    const reports: ScanProgress[] = [];
    await scanLogStream(streamOf(bytes, 100), {
      extract: { now: NOW },
      totalBytes: bytes.length,
      now: () => {
        clock += 10;
        return clock;
      },
      onProgress: (p) => reports.push(p),
    });
    const chunks = Math.ceil(bytes.length / 100);
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.length).toBeLessThan(chunks / 2);
    for (let i = 1; i < reports.length - 1; i++) {
      expect((reports[i]?.elapsedMs ?? 0) - (reports[i - 1]?.elapsedMs ?? 0)).toBeGreaterThanOrEqual(100);
    }
    expect(reports.at(-1)).toMatchObject({ bytesRead: bytes.length, etaMs: 0, orangeIncidents: 10 });
  });
});

describe('estimateEta', () => {
  it('extrapolates the pace so far, and says nothing before it can', () => {
    expect(estimateEta(250, 1000, 2000)).toBe(6000);
    expect(estimateEta(0, 1000, 2000)).toBeNull();
    expect(estimateEta(250, null, 2000)).toBeNull();
  });
});
