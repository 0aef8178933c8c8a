/**
 * The one-pass joins of wrapped lines (joined-lines.ts) give what the expressions they replace gave, on
 * random texts of blanks, line ends and letters; the time they take is checked by the fuzz test.
 */
import { describe, expect, it } from 'vitest';
import { blankRunsWithBreaksAsSpace, breaksAsSpaces } from '../../../core/extract/joined-lines';
import { seededRandom } from '../../fixtures/prng';

const PIECES = [' ', '\t', '\r', '\n', '\r\n', 'a', 'b c', '\u00a0', '\f'];

function randomTexts(seed: number): string[] {
  const random = seededRandom(seed);
  const texts: string[] = [];
  for (let i = 0; i < 3000; i++) {
    let s = '';
    const n = Math.floor(random() * 14);
    for (let k = 0; k < n; k++) s += PIECES[Math.floor(random() * PIECES.length)];
    texts.push(s);
  }
  return texts;
}

describe('wrapped lines joined in one pass', () => {
  it('makes each line break and the spaces and tabs around it one space', () => {
    for (const text of randomTexts(7)) {
      expect(breaksAsSpaces(text)).toBe(text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' '));
      expect(breaksAsSpaces(text, '\n')).toBe(text.replace(/[ \t]*\n[ \t]*/g, ' '));
    }
  });

  it('makes each run of white space holding a line feed one space', () => {
    for (const text of randomTexts(11)) {
      expect(blankRunsWithBreaksAsSpace(text)).toBe(text.replace(/\s*\r?\n\s*/g, ' '));
      expect(blankRunsWithBreaksAsSpace(text)).toBe(text.replace(/\s*\n\s*/g, ' '));
    }
  });
});
