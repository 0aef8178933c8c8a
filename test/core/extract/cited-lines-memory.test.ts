/**
 * The lines a result cites are its own strings: a slice of a long text in V8 points into that text and
 * kept it alive as long as the result (a 50 MB paste of fenced refusals: 48 MB held by the citations of
 * its 1,000 incidents). This test holds a result, drops the paste, and measures the heap after a full
 * collection.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import type { ExtractionResult } from '../../../core/types';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const COPY = '```\n550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR006_102 [102]\n```\n\n';

/** The result of reading `megabytes` of fenced copies, the paste built and dropped in here. */
async function readPaste(megabytes: number): Promise<ExtractionResult> {
  const paste = COPY.repeat(Math.floor((megabytes * 1024 * 1024) / COPY.length));
  return extract(paste);
}

describe('a result read from a long paste', () => {
  it('keeps the lines it cites, not the text they were cut from', async () => {
    // A first, small read compiles what reading takes (its code counts in the heap too).
    await readPaste(0.25);
    gc();
    const before = process.memoryUsage().heapUsed;
    const result = await readPaste(8);
    gc();
    const held = process.memoryUsage().heapUsed - before;
    expect(result.incidents.length).toBe(1000);
    expect(result.incidents[0]?.sources.reply?.text).toBe(
      '550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR006_102 [102]',
    );
    // The cleaned copy of the paste (about 7.5 MB) was held before; 1,000 incidents take far less.
    expect(held).toBeLessThan(3 * 1024 * 1024);
  }, 60_000);
});
