/**
 * A large log read in rounds (core/summary/split-scan.ts): this thread reads up to a cut, absorbs the
 * segment a worker read after it, then reads on from where the segment stopped. A message's qmgr line
 * at the end of the segment and its refusal just after it: the refusal takes that sender.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLogScanner, scanLogText } from '../../../../core/extract/logs/index';
import { at, NOW } from './fixture';

const text = readFileSync(
  fileURLToPath(
    new URL('../../../fixtures/extract/logs2/postfix-refusal-then-other-mx.log', import.meta.url),
  ),
  'utf8',
);
const lineStart = (n: number) =>
  text
    .split('\n')
    .slice(0, n - 1)
    .join('\n').length + 1;

describe('The senders a segment knows at its end', () => {
  it('go to the scan that absorbs it, for the lines it reads after the segment', () => {
    // Lines 2-5 are the segment; its last line is the qmgr line of the message refused on line 6.
    const first = createLogScanner({ now: NOW });
    first.pushText(text.slice(0, lineStart(2)));
    const segment = createLogScanner({ now: NOW, segment: true });
    segment.pushText(text.slice(lineStart(2), lineStart(6)));
    expect(first.absorb(structuredClone(segment.finishSegment()))).toBe(true);
    first.pushText(text.slice(lineStart(6)));
    const split = first.finish();
    expect(at(split, 6)).toMatchObject({
      sendingDomain: 'example.org',
      sources: { sendingDomain: { line: 5 } },
    });
    const whole = scanLogText(text, { now: NOW });
    expect(split.incidents.map((i) => [i.sources.reply?.line, i.sendingDomain])).toEqual(
      whole.incidents.map((i) => [i.sources.reply?.line, i.sendingDomain]),
    );
  });
});
