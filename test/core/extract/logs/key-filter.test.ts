/**
 * KeyFilter (key-filter.ts) may answer "may have" for an absent key, never "no" for a present one: every
 * key added and not yet removed as often must be found, whatever the collisions, repeats and counts
 * stuck at their maximum.
 */
import { KeyFilter } from '../../../../core/extract/logs/key-filter';

describe('KeyFilter', () => {
  it('never takes a key it holds for absent, through adds, repeats and removals', () => {
    const filter = new KeyFilter();
    const held = new Map<string, number>();
    let x = 12345;
    for (let step = 0; step < 200_000; step++) {
      x = (x * 1103515245 + 12345) >>> 0;
      // Postfix-like queue ids, few enough to repeat.
      const key = `4Q${(x % 5000).toString(36).toUpperCase().padStart(9, '0')}`;
      const n = held.get(key) ?? 0;
      if (x % 3 !== 0) {
        filter.add(key);
        held.set(key, n + 1);
      } else if (n > 0) {
        filter.remove(key);
        if (n === 1) held.delete(key);
        else held.set(key, n - 1);
      }
      if (step % 1000 === 0) for (const k of held.keys()) expect(filter.mayHave(k)).toBe(true);
    }
    for (const k of held.keys()) expect(filter.mayHave(k)).toBe(true);
    // (A long random walk: about 2 s alone, more on a loaded machine; what it checks is not the time.)
  }, 30_000);

  it('keeps a key whose slot was filled past its maximum count', () => {
    const filter = new KeyFilter();
    for (let i = 0; i < 300; i++) filter.add('4Q000000001');
    for (let i = 0; i < 299; i++) filter.remove('4Q000000001');
    expect(filter.mayHave('4Q000000001')).toBe(true);
  });

  it('says most keys it never held are absent', () => {
    const filter = new KeyFilter();
    for (let i = 0; i < 20_000; i++) filter.add(`4Q${String(i).padStart(9, '0')}`);
    let absent = 0;
    for (let i = 20_000; i < 30_000; i++) if (!filter.mayHave(`4Q${String(i).padStart(9, '0')}`)) absent++;
    expect(absent).toBeGreaterThan(8_000);
  });
});
