import { describe, expect, it } from 'vitest';
import { remembered } from '../../../core/extract/remembered';

describe('remembered', () => {
  it('computes an answer once per key, null and undefined answers included', () => {
    const asked: string[] = [];
    const answer = remembered((key) => {
      asked.push(key);
      return key === 'a' ? null : key === 'b' ? undefined : key.length;
    });
    for (const key of ['a', 'b', 'abc', 'a', 'b', 'abc']) answer(key);
    expect(asked).toEqual(['a', 'b', 'abc']);
    expect([answer('a'), answer('b'), answer('abc')]).toEqual([null, undefined, 3]);
  });

  it('forgets everything once it holds `cap` answers, so memory stays bounded', () => {
    const asked: string[] = [];
    const answer = remembered((key) => asked.push(key), 2);
    for (const key of ['x', 'y', 'z', 'x']) answer(key);
    // z found the map full (x, y): it was cleared, so x is computed again.
    expect(asked).toEqual(['x', 'y', 'z', 'x']);
    answer('z');
    expect(asked).toHaveLength(4);
  });
});
