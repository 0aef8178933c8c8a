/**
 * KumoMTA's zstd log segments (files without an extension) and `.zst` logs read as the text they hold,
 * never more than the caller's limit, and up to the cut when the data ends early.
 */
import { describe, expect, it } from 'vitest';
import { isZstd, MAX_ZSTD_WINDOW, unzstdUpTo, zstdWindows } from '../../../core/extract/unzstd';
import { fixtureBytes } from './fixtures';
import { postfixDay } from './postfix-day';
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

  it('a real compressor’s segment cut inside its first block gives nothing, and says it was cut', () => {
    // The segment is one compressed block: decoded whole or not at all. It threw `unexpected EOF`,
    // where gzip cut as early says its cut.
    let cut = false;
    const half = segment.subarray(0, Math.floor(segment.length / 2));
    const out = unzstdUpTo(half, 1_000_000, () => {
      cut = true;
    });
    expect([out.length, cut]).toEqual([0, true]);
    // Cut in the frame header too.
    cut = false;
    expect(unzstdUpTo(segment.subarray(0, 5), 1_000_000, () => (cut = true)).length).toBe(0);
    expect(cut).toBe(true);
  });

  it('damaged before it gave anything still throws (no text to keep, nothing was cut)', () => {
    expect(() => unzstdUpTo(new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0xff, 1, 2, 3]), 1_000_000)).toThrow();
  });

  it('a whole segment is not marked cut', () => {
    let cut = false;
    unzstdUpTo(segment, 1_000_000, () => {
      cut = true;
    });
    expect(cut).toBe(false);
  });
});

describe('zstd data as real compressors write it (fixtures/extract/zstd37)', () => {
  // `pzstd` (and the seekable format) write a skippable frame first: `50 2a 4d 18`, its size, its bytes.
  const pzstd = fixtureBytes('zstd37/20240315-101500.pzstd');
  // `zstd -3` writes a content checksum (the low 32 bits of XXH64) after the frame's last block.
  const checked = fixtureBytes('zstd37/20240315-101500.checked');
  // A day's Postfix log of 437,042 bytes, `zstd -3`: four blocks of at most 131,072 bytes, checksum.
  const day = fixtureBytes('zstd37/mail.log.1.zst');
  const dayText = postfixDay();

  it('data starting with a skippable frame (pzstd) is zstd, and gives its records', () => {
    expect(pzstd[0]).toBe(0x50);
    expect(isZstd(pzstd)).toBe(true);
    expect(unzstdUpTo(pzstd, 1_000_000)).toEqual(records);
    // Only the skippable frame's start in a stream's first chunk: taken for zstd, the decoder tells.
    expect(isZstd(pzstd.subarray(0, 6))).toBe(true);
    // LZ4 frames share the skippable magic: an LZ4 frame (`04 22 4d 18`) after it is no zstd.
    const lz4 = new Uint8Array([0x50, 0x2a, 0x4d, 0x18, 2, 0, 0, 0, 9, 9, 0x04, 0x22, 0x4d, 0x18, 0x64]);
    expect(isZstd(lz4)).toBe(false);
  });

  it('a frame whose content matches its checksum is not marked', () => {
    for (const data of [checked, day, pzstd]) {
      let mismatch = false;
      unzstdUpTo(data, 1_000_000, undefined, () => {
        mismatch = true;
      });
      expect(mismatch).toBe(false);
    }
    expect(text(unzstdUpTo(day, 1_000_000))).toBe(dayText);
  });

  it('a flipped bit whose blocks still decode is kept as decoded, and the checksum says it is wrong', () => {
    // Byte 57 is in a literal of the queue id `4TvQ1x3Zz9`: it decodes, as `4TvQ1y3Zz9`.
    const damaged = checked.slice();
    damaged[57] = (damaged[57] as number) ^ 0x01;
    let mismatch = false;
    let cut = false;
    const out = text(
      unzstdUpTo(
        damaged,
        1_000_000,
        () => {
          cut = true;
        },
        () => {
          mismatch = true;
        },
      ),
    );
    expect([mismatch, cut]).toEqual([true, false]);
    expect(out).toContain('queued as 4TvQ1y3Zz9');
    expect(out.length).toBe(records.length);
    // The checksum itself damaged: the same.
    const badSum = day.slice();
    badSum[badSum.length - 1] = (badSum[badSum.length - 1] as number) ^ 0x80;
    mismatch = false;
    expect(
      text(
        unzstdUpTo(badSum, 1_000_000, undefined, () => {
          mismatch = true;
        }),
      ),
    ).toBe(dayText);
    expect(mismatch).toBe(true);
  });

  it('the limit holds to the byte at a block’s end, as gzip’s: never one block more', () => {
    expect(unzstdUpTo(day, 131_071).length).toBe(131_072);
    expect(unzstdUpTo(day, 131_072).length).toBe(131_073);
    expect(unzstdUpTo(day, dayText.length - 1).length).toBe(dayText.length);
    expect(unzstdUpTo(day, dayText.length).length).toBe(dayText.length);
  });
});
