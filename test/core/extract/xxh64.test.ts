/**
 * XXH64, the checksum zstd frames end with: the published values, and the low 32 bits `zstd -lv` shows
 * for the zstd37 fixtures' contents.
 */
import { describe, expect, it } from 'vitest';
import { Xxh64, xxh64Hex } from '../../../core/extract/xxh64';
import { fixtureBytes } from './fixtures';
import { postfixDay } from './postfix-day';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('XXH64', () => {
  it('gives xxHash’s published values', () => {
    expect(xxh64Hex(bytes(''))).toBe('ef46db3751d8e999');
    expect(xxh64Hex(bytes('abc'))).toBe('44bc2cf5ad770999');
  });

  it('gives xxhsum’s value for every tail length (8-byte lanes, a 4-byte word, single bytes)', () => {
    // `head -c N | xxhsum -H1` (xxhash 0.8.1) on the day's log.
    const day = bytes(postfixDay());
    const expected: Record<number, string> = {
      1: '75450393ed147192',
      3: '3ed760ec121d1890',
      4: '0aa1fc3a5593f43a',
      5: 'f4ea1301c02bb975',
      7: '9ad2286172be9af9',
      8: 'd9a1de785d8388db',
      9: 'c3172af64eda512f',
      15: '5387e5a004508da2',
      31: '9dba71f46d7d180b',
      32: 'b6f04722adc3150a',
      33: '1f492310f6ba222b',
      63: '5050fa515c4eb331',
      64: '221a595538e45555',
      65: '1f0290a23cea07cb',
      100: 'cf7bc2f383dd18f1',
    };
    for (const [n, hex] of Object.entries(expected)) expect(xxh64Hex(day.subarray(0, Number(n)))).toBe(hex);
    expect(xxh64Hex(day)).toBe('a1a5bd15931d5c65');
  });

  it('gives the same value for the bytes given in parts of any size, as a decoder gives them', () => {
    const day = bytes(postfixDay());
    const hash = new Xxh64();
    for (let at = 0, step = 1; at < day.length; at += step, step = 1 + ((step * 7 + 3) % 5000))
      hash.update(day.subarray(at, at + step));
    expect(hash.hex()).toBe('a1a5bd15931d5c65');
    // What zstd keeps: the low 32 bits (`zstd -lv`: `Check: XXH64 931d5c65`).
    expect(hash.low32().toString(16)).toBe('931d5c65');
  });

  it('matches the check a real `zstd` wrote for the KumoMTA records', () => {
    const hash = new Xxh64();
    hash.update(fixtureBytes('audit36zstd/20240315-101500.source.jsonl'));
    expect(hash.low32().toString(16)).toBe('2601916a'); // `zstd -lv 20240315-101500.checked`
  });
});
