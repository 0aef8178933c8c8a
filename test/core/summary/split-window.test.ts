/**
 * Where a large log is split between this thread and the worker (core/summary/split-scan.ts): past the
 * middle by half the head start, so that the worker, which starts later and colder, gets the smaller part.
 */
import { describe, expect, it } from 'vitest';
import { HEAD_START, splitWindow } from '../../../core/summary/split-scan';

const MB = 1024 * 1024;

describe('splitWindow', () => {
  it("leaves the worker HEAD_START bytes less than this thread on a large log's rest", () => {
    const to = 100 * MB;
    const { start } = splitWindow(0, to, HEAD_START);
    expect(start - 0 - (to - start)).toBe(HEAD_START);
    const from = 10 * MB;
    const later = splitWindow(from, to, HEAD_START).start;
    expect(later - from - (to - later)).toBe(HEAD_START);
  });

  it('takes at most a fifth of what is split as head start, and none unless asked', () => {
    expect(splitWindow(0, 1000, HEAD_START).start).toBe(600);
    expect(splitWindow(0, 1000).start).toBe(500);
    expect(splitWindow(0, 1000, HEAD_START).length).toBe(400);
  });
});
