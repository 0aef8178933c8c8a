/**
 * An incident given out by the queue of those waiting for a sender line (core/extract/logs/later-sender.ts)
 * is no longer held by it: the queue's given-out entries wait until its head is cut (up to half of it),
 * and on a log of failed deliveries only (`grep status= mail.log`, no qmgr sender line) they held twice the
 * incidents waiting. Each item is watched by a WeakRef after a full collection.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { LATER_SENDER_WINDOW, LaterSenders } from '../../../core/extract/logs/later-sender';
import type { Found } from '../../../core/extract/logs/model';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Item {
  qid: string;
  sendingDomain: string | null;
}

describe('the rejections waiting for a sender line', () => {
  it('hold none of those given out, filled or given up, and give each out once', async () => {
    const filled: string[] = [];
    const givenUp: string[] = [];
    const later = new LaterSenders<Item>(
      (item, sender) => {
        item.sendingDomain = sender.value.split('@')[1] ?? null;
        filled.push(item.qid);
      },
      (item) => givenUp.push(item.qid),
    );
    const refs: WeakRef<Item>[] = [];
    // Made in a function of its own: no local of this test keeps an item alive.
    const add = (n: number) => {
      const item: Item = { qid: `4P${n.toString(16).toUpperCase().padStart(9, '0')}`, sendingDomain: null };
      refs.push(new WeakRef(item));
      later.add(item.qid, n, item);
    };
    const lines = 3 * LATER_SENDER_WINDOW;
    for (let n = 1; n <= lines; n++) {
      add(n);
      // qmgr's sender line, now and then, for a queue id a few lines above.
      if (n % 100 === 0) {
        const qid = `4P${(n - 3).toString(16).toUpperCase().padStart(9, '0')}`;
        const sender: Found<string> = {
          value: 'news@example.com',
          ref: { line: n, text: `${qid}: from=<news@example.com>` },
        };
        later.sender(qid, sender);
      }
    }
    // A WeakRef's target is kept until the job that made it ends: collected after it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    const given = new Set([...filled, ...givenUp]);
    const alive = refs.filter((r) => r.deref() !== undefined).map((r) => r.deref()?.qid);
    // Those still waiting (the last window's) are alive; every one given out is not.
    expect(alive.filter((qid) => qid !== undefined && given.has(qid))).toEqual([]);
    expect(alive.length).toBe(lines - given.size);
    expect(alive.length).toBeLessThanOrEqual(LATER_SENDER_WINDOW + 1);
    expect(filled.length).toBe(lines / 100);
    later.drain();
    expect(filled.length + givenUp.length).toBe(lines);
    expect(new Set([...filled, ...givenUp]).size).toBe(lines);
  });
});
