import { createLineSplitter } from '../../../../core/extract/logs/lines';

function split(chunks: string[], maxLineLength?: number) {
  const lines: [number, string][] = [];
  const splitter = createLineSplitter((line, n) => lines.push([n, line]), { maxLineLength });
  for (const c of chunks) splitter.push(c);
  splitter.end();
  return { lines, truncated: splitter.truncatedLines };
}

describe('createLineSplitter', () => {
  it('splits LF, CRLF and CR-only text the same way', () => {
    const expected: [number, string][] = [
      [1, 'first'],
      [2, ''],
      [3, 'third'],
    ];
    expect(split(['first\n\nthird\n']).lines).toEqual(expected);
    expect(split(['first\r\n\r\nthird\r\n']).lines).toEqual(expected);
    expect(split(['first\r\rthird\r']).lines).toEqual(expected);
  });

  it('keeps a CRLF split across two chunks as one line end', () => {
    expect(split(['alpha\r', '\nbeta\r', '\ngamma']).lines).toEqual([
      [1, 'alpha'],
      [2, 'beta'],
      [3, 'gamma'],
    ]);
  });

  it('joins a line split across chunks and emits a last line without line end', () => {
    expect(split(['Mar 16 02:27:29 mta1 post', 'fix/smtp[1]: to=<a@orange.fr>', '\nlast']).lines).toEqual([
      [1, 'Mar 16 02:27:29 mta1 postfix/smtp[1]: to=<a@orange.fr>'],
      [2, 'last'],
    ]);
  });

  it('cuts over-long lines at the limit and counts them, without losing the next line', () => {
    const long = 'x'.repeat(50);
    const { lines, truncated } = split([long.slice(0, 20), long.slice(20), '\nnext\n'], 10);
    expect(lines).toEqual([
      [1, 'x'.repeat(10)],
      [2, 'next'],
    ]);
    expect(truncated).toBe(1);
  });
});
