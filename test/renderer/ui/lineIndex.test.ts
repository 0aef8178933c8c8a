import { indexLines, lineCount, lineText } from '../../../renderer/src/source/lineIndex';

describe('line index of the pasted text', () => {
  it('counts LF, CRLF and lone CR line ends the same way', () => {
    for (const end of ['\n', '\r\n', '\r']) {
      const text = ['Return-Path: <>', 'Status: 4.0.0', '', 'Diagnostic-Code: smtp; 550 ...'].join(end);
      const index = indexLines(text);
      expect(lineCount(index)).toBe(4);
      expect(lineText(text, index, 2)).toBe('Status: 4.0.0');
      expect(lineText(text, index, 3)).toBe('');
      expect(lineText(text, index, 4)).toBe('Diagnostic-Code: smtp; 550 ...');
    }
  });

  it('does not open an empty line after a final line end, and answers empty outside the text', () => {
    const index = indexLines('a\r\nb\r\n');
    expect(lineCount(index)).toBe(2);
    expect(lineText('a\r\nb\r\n', index, 3)).toBe('');
  });

  it('reports progress by chunks over a large text', () => {
    const text = 'x'.repeat(100).concat('\n').repeat(30_000);
    const seen: number[] = [];
    const index = indexLines(text, (done) => seen.push(done));
    expect(lineCount(index)).toBe(30_000);
    expect(seen.at(-1)).toBe(text.length);
    expect(seen.length).toBeGreaterThan(1);
  });
});
