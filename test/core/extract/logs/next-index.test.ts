/**
 * NextIndex (next-index.ts) answers as indexOf would, whether it looks for its pattern from the first
 * character or from a rarer one (`anchor`), for forward searches through a chunk line after line.
 */
import { NextIndex } from '../../../../core/extract/logs/next-index';

/** A chunk of Postfix-like lines with the patterns, their parts and near misses in random places. */
function chunkOf(seed: number): string {
  let x = seed;
  const pieces = [
    'reject',
    'ject',
    're ject',
    'rejec',
    ' postfix',
    'postfix',
    'xpostfix',
    'from=<',
    'rom=<',
    'from=',
    'status=sent (',
    'sent (',
    'status=sent(',
    'Mar 14 00:00:00 mta1 ',
    '\n',
    'a',
    ' ',
    '(',
    '<',
  ];
  let text = '';
  for (let i = 0; i < 400; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    text += pieces[x % pieces.length];
  }
  return text;
}

describe('NextIndex', () => {
  it('finds what indexOf finds, with or without an anchor', () => {
    const cases: [string, number][] = [
      ['reject', 2],
      [' postfix', 1],
      ['from=<', 5],
      ['status=sent (', 12],
    ];
    // Mismatches are collected and compared once: an expect per position (300,000 of them) took
    // seconds, past the test's time limit on a loaded machine.
    const mismatches: string[] = [];
    let checked = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const chunk = chunkOf(seed);
      for (const [pattern, anchor] of cases) {
        const plain = new NextIndex(pattern);
        const anchored = new NextIndex(pattern, anchor);
        for (let from = 0; from <= chunk.length; from += 1 + (from % 7)) {
          const expected = chunk.indexOf(pattern, from);
          const within = expected >= 0 && expected + pattern.length <= from + 30;
          const got = [
            anchored.find(chunk, from),
            plain.find(chunk, from),
            anchored.within(chunk, from, from + 30),
          ];
          if (got[0] !== expected || got[1] !== expected || got[2] !== within)
            mismatches.push(
              `seed ${seed} ${JSON.stringify(pattern)} from ${from}: ${got.join(' ')}, want ${expected} ${within}`,
            );
          checked++;
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  it('answers as indexOf when a search goes back, to the line before or anywhere', () => {
    const mismatches: string[] = [];
    let x = 7;
    for (let seed = 1; seed <= 50; seed++) {
      const chunk = chunkOf(seed);
      for (const [pattern, anchor] of [
        [' postfix', 1],
        ['from=<', 5],
      ] as const) {
        const index = new NextIndex(pattern, anchor);
        let from = 0;
        for (let step = 0; step < 400; step++) {
          x = (x * 1103515245 + 12345) >>> 0;
          // Mostly forward, as a scan's lines go; back to where the search before started, or anywhere.
          const move = x % 10;
          const back = move === 0 ? Math.max(0, from - (x % 97)) : move === 1 ? x % (chunk.length + 1) : from;
          const at = move < 2 ? back : Math.min(chunk.length, from + (x % 23));
          const got = index.find(chunk, at);
          const want = chunk.indexOf(pattern, at);
          if (got !== want) mismatches.push(`seed ${seed} ${pattern} from ${at}: ${got}, want ${want}`);
          // A scan looks beyond what it found (mayRunOn), then back at its line (readSenderLine).
          if (got >= 0 && move === 2) {
            const next = index.find(chunk, got + 1);
            if (next !== chunk.indexOf(pattern, got + 1))
              mismatches.push(`seed ${seed} beyond ${got}: ${next}`);
            if (index.find(chunk, at) !== want) mismatches.push(`seed ${seed} back to ${at}`);
          }
          from = at;
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
