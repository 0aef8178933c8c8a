/**
 * SenderState keeps the senders of the chunk being scanned as positions until the chunk is done. It must
 * answer exactly as a plain BoundedMap given every sender at once would: same values, same size, same
 * queue ids forgotten when the cap is reached, whatever the order of reads, deletions and settles.
 */
import { BoundedMap } from '../../../../core/extract/logs/bounded-map';
import type { Found } from '../../../../core/extract/logs/model';
import { SenderState } from '../../../../core/extract/logs/sender-state';

/** A qmgr line of a chunk, as the fast path reads it. */
function senderLine(qid: string, sender: string, n: number): string {
  return `Mar 14 00:00:${String(n % 60).padStart(2, '0')} mta1 postfix/qmgr[900]: ${qid}: from=<${sender}>, size=2000, nrcpt=1 (queue active)`;
}

/** A deterministic generator (LCG), so a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) >>> 0;
    return x / 4294967296;
  };
}

function run(seed: number, cap: number, steps: number) {
  const rnd = random(seed);
  const state = new SenderState(cap);
  const reference = new BoundedMap<string, Found<string>>(cap);
  let chunk = '';
  let line = 0;
  for (let step = 0; step < steps; step++) {
    // Few queue ids, so that senders are logged again, read, forgotten and evicted often.
    const qid = `4QABC${String(Math.floor(rnd() * cap * 3)).padStart(6, '0')}`;
    const r = rnd();
    if (r < 0.45) {
      line++;
      const text = senderLine(qid, `u${line}@example.com`, line);
      const start = chunk.length + 1;
      chunk += `\n${text}`;
      const at = chunk.indexOf('from=<', start) + 6;
      state.hold(qid, chunk, start, chunk.length, at, chunk.indexOf('>', at), line);
      reference.set(qid, { value: `u${line}@example.com`, ref: { line, text } });
    } else if (r < 0.6) {
      line++;
      const found = { value: `general${line}@example.org`, ref: { line, text: `line ${line}` } };
      state.set(qid, found);
      reference.set(qid, found);
    } else if (r < 0.8) {
      expect(state.get(qid)).toEqual(reference.get(qid));
    } else if (r < 0.95) {
      expect(state.delete(qid)).toBe(reference.delete(qid));
    } else {
      state.settle();
      chunk = '';
    }
    expect(state.size).toBe(reference.size);
    expect(state.evicted).toBe(reference.evicted);
  }
  return { state, reference };
}

describe('SenderState', () => {
  it.each([
    [1, 10],
    [2, 40],
    [3, 300],
    [4, 7],
  ])('answers as a plain bounded map would (seed %i, cap %i)', (seed, cap) => {
    const { state, reference } = run(seed, cap, 5000);
    // The runs must have reached the cap, or the eviction check proves nothing.
    expect(reference.evicted).toBeGreaterThan(0);
    for (let id = 0; id < cap * 3; id++) {
      const qid = `4QABC${String(id).padStart(6, '0')}`;
      expect(state.get(qid)).toEqual(reference.get(qid));
    }
  });

  it('gives the sender and its line as copies that outlive the chunk they were read from', () => {
    const state = new SenderState(100);
    const chunk = `${senderLine('4QXYZ0000001', 'news@example.com', 1)}\nMar 14 00:00:02 mta1 postfix/smtpd[901]: connect`;
    const end = chunk.indexOf('\n');
    const at = chunk.indexOf('from=<') + 6;
    state.hold('4QXYZ0000001', chunk, 0, end, at, chunk.indexOf('>', at), 1);
    state.settle();
    expect(state.get('4QXYZ0000001')).toEqual({
      value: 'news@example.com',
      ref: { line: 1, text: chunk.slice(0, end) },
    });
    expect(state.size).toBe(1);
    expect(state.delete('4QXYZ0000001')).toBe(true);
    expect(state.size).toBe(0);
  });
});
