import { describe, expect, it } from 'vitest';
import { markedLineStarts, matchAtSome } from '../../../core/extract/marked-lines';

describe('markedLineStarts', () => {
  it('lists the lines whose first character after spaces and tabs is a mark, as a multiline ^ sees lines', () => {
    const text = '# a\n  // b\r\n\t-- c\rx # not\u2028; d\u2029------=_Part_1';
    const starts = markedLineStarts(text, ['#', '//', '--', ';']);
    expect(starts.map((s) => text.slice(s, s + 4))).toEqual(['# a\n', '  //', '\t-- ', '; d\u2029', '----']);
  });

  it('finds what the multiline expression finds', () => {
    const text = 'Subject: x; y\n-- \nsig\n  ;comment\n#\n';
    const multiline = [...text.matchAll(/^[ \t]*(?:#|\/\/|--|;)/gm)].map((m) => m.index);
    expect(markedLineStarts(text, ['#', '//', '--', ';'])).toEqual(multiline);
  });
});

describe('matchAtSome', () => {
  it('tries a sticky expression at the listed offsets only', () => {
    const text = 'a 550\n# 550 x\n# 421 y';
    const match = matchAtSome(/^[ \t]*#[ \t]*(\d{3})/my, text, markedLineStarts(text, ['#']));
    expect(match?.[1]).toBe('550');
  });
});
