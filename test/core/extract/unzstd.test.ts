/**
 * KumoMTA's zstd log segments (files without an extension) and `.zst` logs read as the text they hold,
 * never more than the caller's limit, and up to the cut when the data ends early.
 */
import { describe, expect, it } from 'vitest';
import { isZstd, MAX_ZSTD_WINDOW, unzstdUpTo, zstdWindows } from '../../../core/extract/unzstd';
import { fixtureBytes } from './fixtures';
import { zstdBomb, zstdRawFrame } from './zstd-frames';

// A KumoMTA log segment as `zstd -3 --no-check` writes it from a stream, and the JSON lines it holds.
const segment = fixtureBytes('audit36zstd/20240315-101500');
const records = fixtureBytes('audit36zstd/20240315-101500.source.jsonl');
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('zstd data', () => {
  it('is known by its first four bytes, whatever the name', () => {
    expect(isZstd(segment)).toBe(true);
    expect(isZstd(records)).toBe(false);
    expect(isZstd(new Uint8Array([0x28, 0xb5, 0x2f]))).toBe(false);
  });

  it('a KumoMTA segment gives its JSON records, byte for byte', () => {
    expect(unzstdUpTo(segment, 1_000_000)).toEqual(records);
    expect(text(unzstdUpTo(segment, 1_000_000))).toContain('"type":"Bounce"');
  });

  it('frames run together (segments joined with cat) give each one’s text', () => {
    const both = new Uint8Array([...segment, ...zstdRawFrame('{"type":"Delivery"}\n')]);
    expect(text(unzstdUpTo(both, 1_000_000))).toBe(`${text(records)}{"type":"Delivery"}\n`);
  });
});

describe('zstd data past the limit', () => {
  it('a bomb standing for 4 GiB gives the limit and one byte more, not decoded further', () => {
    // 32,768 blocks of 128 KiB: 4 GiB once decoded, more than a Uint8Array holds; 128 KiB as it is.
    const bomb = zstdBomb(32_768);
    expect(bomb.length).toBeLessThan(140_000);
    const out = unzstdUpTo(bomb, 1_000_000);
    expect(out.length).toBe(1_000_001);
    expect(out.every((b) => b === 0x61)).toBe(true);
  });

  it('decoding stops at the limit: damaged data after it is never reached', () => {
    // 8 MiB of blocks, then a damaged frame: decoded past the limit, the damage would be met and said.
    const bombThenDamage = new Uint8Array([...zstdBomb(64), 0x28, 0xb5, 0x2f, 0xfd, 0xff, 1, 2, 3]);
    let cut = false;
    const out = unzstdUpTo(bombThenDamage, 1_000_000, () => {
      cut = true;
    });
    expect([out.length, cut]).toEqual([1_000_001, false]);
  });

  it('a frame asking for a window past the reference decoder’s limit is refused before any memory is taken', () => {
    const greedy = zstdRawFrame('x\n', 31); // a 2 GiB window, which fzstd would allocate at once
    expect(zstdWindows(greedy)).toEqual([2 ** 31]);
    expect(() => unzstdUpTo(greedy, 1_000_000)).toThrow(/2048 MB window/);
    expect(zstdWindows(segment)[0]).toBeLessThanOrEqual(MAX_ZSTD_WINDOW);
  });
});

describe('zstd data cut short or damaged', () => {
  // Long enough for several blocks, so that a cut leaves whole blocks before it.
  const lines = Array.from(
    { length: 1200 },
    (_, n) =>
      `{"type":"TransientFailure","id":"${n}","recipient":"r${n}@orange.fr","response":{"code":421,"content":"mwinf5c51 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]"}}\n`,
  ).join('');
  // Frames of one stored block each, of at most 100,000 bytes (a block holds 128 KiB at most).
  const frames = Array.from({ length: Math.ceil(lines.length / 100_000) }, (_, k) =>
    zstdRawFrame(lines.slice(k * 100_000, (k + 1) * 100_000)),
  );

  it('gives the whole lines before the cut, and says so', () => {
    // The first frames whole, the last cut in its block: what the whole frames held is kept.
    const joined = new Uint8Array(frames.flatMap((f) => [...f]));
    let cut = false;
    const out = text(
      unzstdUpTo(joined.subarray(0, joined.length - 1000), 10_000_000, () => {
        cut = true;
      }),
    );
    expect(cut).toBe(true);
    expect(out.length).toBeGreaterThan(0);
    expect(out.endsWith('\n')).toBe(true);
    expect(lines.startsWith(out)).toBe(true);
  });

  it('a real compressor’s segment cut in its middle: what it gave, else an error, never a crash', () => {
    let cut = false;
    const half = segment.subarray(0, Math.floor(segment.length / 2));
    expect(() =>
      unzstdUpTo(half, 1_000_000, () => {
        cut = true;
      }),
    ).toThrow();
    expect(cut).toBe(false);
  });

  it('a whole segment is not marked cut', () => {
    let cut = false;
    unzstdUpTo(segment, 1_000_000, () => {
      cut = true;
    });
    expect(cut).toBe(false);
  });
});
