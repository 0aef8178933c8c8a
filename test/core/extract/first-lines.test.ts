/**
 * firstLines (core/extract/first-lines.ts) gives the first lines of a text as splitLines does, whatever its
 * line ends (CRLF, LF, CR, mixed), the count falling on a CRLF, and a text of fewer lines; the passes after
 * a log's scan (its clocks, hosts, journal headers) read only those, and split no more.
 */
import { describe, expect, it } from 'vitest';
import { firstLines } from '../../../core/extract/first-lines';
import { splitLines } from '../../../core/extract/header-block';

const LINES = [
  'Dec  4 10:12:18 mx1 postfix/cleanup[4242]: 4F2A1C2E3D: message-id=<20261204091218.4F2A1C2E3D@mx1.example.com>',
  '',
  'Dec  4 10:12:19 mx1 postfix/smtp[4243]: 4F2A1C2E3D: to=<a@orange.fr>, status=deferred',
  '-- Logs begin at Thu 2026-12-03 00:00:01 CET, end at Fri 2026-12-04 10:20:00 CET. --',
  'x',
];

describe('the first lines of a text', () => {
  const ends = { lf: ['\n'], crlf: ['\r\n'], cr: ['\r'], mixed: ['\r\n', '\n', '\r', '\n\r', '\r\n'] };
  for (const [name, cycle] of Object.entries(ends)) {
    it(`are splitLines' first lines, ${name} line ends`, () => {
      const text = LINES.map((line, i) => line + (cycle[i % cycle.length] as string)).join('');
      // The last line end is followed by nothing: one more, empty, line (as splitLines says).
      for (let count = 1; count <= LINES.length + 3; count++)
        expect(firstLines(text, count)).toEqual(splitLines(text).slice(0, count));
      const unended = text.slice(
        0,
        text.length - (cycle[(LINES.length - 1) % cycle.length] as string).length,
      );
      for (let count = 1; count <= LINES.length + 1; count++)
        expect(firstLines(unended, count)).toEqual(splitLines(unended).slice(0, count));
    });
  }

  it('are no more than asked of a long log', () => {
    const log = `${LINES[2]}\n`.repeat(10_000);
    const lines = firstLines(log, 200);
    expect(lines).toHaveLength(200);
    expect(lines.every((line) => line === LINES[2])).toBe(true);
    expect(firstLines('', 3)).toEqual(['']);
  });
});
