/**
 * `summarize` on zstd data (a KumoMTA log segment, a `.zst` log), from a file or standard input: read as
 * it is decoded, as gzip is, where it was refused as binary data (it was to be piped through zstdcat).
 */
import { describe, expect, it } from 'vitest';
import { runSummarize } from '../../cli/commands/summarize';
import { zstdWindows } from '../../core/extract/unzstd';
import { ZstdWindowWatch } from '../../core/extract/zstd-window-watch';
import { fixtureBytes } from '../core/extract/fixtures';
import { zstdBomb, zstdRawFrame } from '../core/extract/zstd-frames';
import { summarizeIo } from './capture';

const segment = fixtureBytes('audit36zstd/20240315-101500');
const records = fixtureBytes('audit36zstd/20240315-101500.source.jsonl');
const now = ['--now', '2024-03-20T00:00:00Z'];

async function summarized(name: string, data: Uint8Array) {
  const run = summarizeIo({ [name]: data }, 100);
  const code = await runSummarize(['--json', ...now, name], run.io);
  return { code, json: code === 0 ? JSON.parse(run.out()) : null, err: run.err() };
}

describe('summarize: zstd data', () => {
  it('reads a KumoMTA segment (a file or standard input) as the records it holds', async () => {
    const plain = await summarized('records.jsonl', records);
    for (const name of ['20240315-101500', '-']) {
      const { code, json, err } = await summarized(name, segment);
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(json.summary).toEqual(plain.json.summary);
      expect(json.counts).toEqual(plain.json.counts);
      expect(json.counts.orangeRejections).toBe(2);
      expect(json.stats).toMatchObject({ bytesRead: segment.length, zstd: true, gzip: false });
    }
  });

  it('summarises what data cut short gave, and says it was cut, as for gzip', async () => {
    const cut = new Uint8Array([...segment, ...segment.subarray(0, segment.length - 100)]);
    const { code, json, err } = await summarized('20240315-101500', cut);
    expect(code).toBe(0);
    expect(json.counts.orangeRejections).toBeGreaterThanOrEqual(2);
    expect(json.warnings.map((w: { code: string }) => w.code)).toContain('input.zstd-cut');
    expect(err).toBe(
      '20240315-101500: The zstd data ends early (the file is cut short or damaged): the summary covers only the lines before that point.\n',
    );
  });

  it('reads data starting with a skippable frame (pzstd) as the records it holds', async () => {
    const plain = await summarized('records.jsonl', records);
    const { code, json, err } = await summarized(
      'kumo.log.pzstd',
      fixtureBytes('zstd37/20240315-101500.pzstd'),
    );
    expect([code, err]).toEqual([0, '']);
    expect(json.counts).toEqual(plain.json.counts);
    expect(json.stats).toMatchObject({ zstd: true, gzip: false });
  });

  it('data cut inside its first block: summarised (no line), exit 0, with a note saying why nothing was read', async () => {
    // A segment of a few KB is one block, which zstd (as `zstd -d`) decodes whole or not at all: cut
    // anywhere, it gives no line. It was "empty, no line to summarise" with exit 1, as an empty file.
    const { code, json, err } = await summarized('20240315-101500', segment.subarray(0, 300));
    expect(code).toBe(0);
    expect(json.stats.lines).toBe(0);
    const note = json.warnings.find((w: { code: string }) => w.code === 'input.zstd-cut');
    expect(note.text.en).toMatch(/before its first block ends.*no line could be read/);
    expect(err).toBe(`20240315-101500: ${note.text.en}\n`);
  });

  it('summarises data that does not match its checksum as it decoded, and says it may be wrong', async () => {
    const damaged = fixtureBytes('zstd37/20240315-101500.checked');
    damaged[57] = (damaged[57] as number) ^ 0x01; // a literal of a queue id: still decodes
    const { code, json, err } = await summarized('20240315-101500', damaged);
    expect(code).toBe(0);
    expect(json.counts.orangeRejections).toBe(2);
    expect(json.warnings.map((w: { code: string }) => w.code)).toEqual(['input.zstd-checksum']);
    expect(err).toBe(
      '20240315-101500: The zstd data does not match its checksum (the file is damaged): the summary covers the text as it decoded, part of which may be wrong.\n',
    );
    const sound = await summarized('20240315-101500', fixtureBytes('zstd37/20240315-101500.checked'));
    expect(sound.json.warnings).toEqual([]);
  });

  it('refuses a frame asking for a window past the limit, also after a good frame, before taking it', async () => {
    const greedy = zstdRawFrame('x\n', 31); // 2 GiB, which fzstd would allocate at once
    for (const data of [greedy, new Uint8Array([...segment, ...greedy])]) {
      const { code, err } = await summarized('segment', data);
      expect(code).toBe(1);
      expect(err).toMatch(/^segment: .*2048 MB window/);
    }
  });

  it('decodes data of tiny blocks (128 KiB each from 4 bytes) in bounded steps', async () => {
    const bomb = zstdBomb(16, 0x0a); // 2 MiB of empty lines from 70 bytes
    const { code, json } = await summarized('bomb', bomb);
    expect(code).toBe(0);
    expect(json.stats.lines).toBe(16 * 131_072);
  });
});

describe('following zstd frames as chunks arrive', () => {
  it('finds the window of every frame, whatever the chunks cut', () => {
    const data = new Uint8Array([
      ...segment,
      ...[0x50, 0x2a, 0x4d, 0x18, 3, 0, 0, 0, 9, 9, 9], // a skippable frame
      ...zstdRawFrame('a\n', 24),
      ...zstdBomb(3),
    ]);
    const expected = zstdWindows(data).reduce((most, w) => Math.max(most, w), 0);
    expect(expected).toBe(2 ** 24);
    for (const size of [1, 2, 3, 7, 1000]) {
      const watch = new ZstdWindowWatch();
      for (let i = 0; i < data.length; i += size) watch.push(data.subarray(i, i + size));
      expect(watch.largest).toBe(expected);
    }
  });
});
