import { describe, expect, it } from 'vitest';
import { includesAfter } from '../../../core/extract/rare-search';

describe('includesAfter', () => {
  it('says what includes says of the whole needle', () => {
    for (const text of [
      'host mx (http://mx)',
      '(http://mx)',
      'a(http',
      ' (htt',
      '250 Ok [317 ms]',
      'ms] x',
      '',
    ])
      for (const [before, rest] of [
        [' ', '(http'],
        [' ', 'ms]'],
        [' [', '317 ms]'],
      ] as const)
        expect(includesAfter(text, before, rest)).toBe(text.includes(before + rest));
  });
});
