import { describe, expect, it } from 'vitest';
import { stampedJson } from '../../core/extract/stamped-json';

describe('stampedJson: objects logged after a logger’s prefix', () => {
  it('keeps each object with the line it came from, after a title line', () => {
    const lines = ['docker logs -n 2 app', '2025/09/02 01:52:10 {"a":1}', '', '2025/09/02 01:52:11 {"b":2}'];
    expect(stampedJson(lines)).toEqual({ text: '{"a":1}\n{"b":2}', pasteLine: [2, 4] });
  });

  it('reads a bracketed level and words before the object', () => {
    expect(stampedJson(['[INFO] 12:00:01 RAW NOTIFICATION: {"x":"y"}'])?.text).toBe('{"x":"y"}');
  });

  it('is not a log whose other lines are words, nor lines that only start an object', () => {
    expect(stampedJson(['2025/09/02 01:52:10 {"a":1}', 'Traceback (most recent call last):'])).toBeNull();
    expect(stampedJson(['2025/09/02 01:52:10 {"a":', '  1}'])).toBeNull();
    expect(stampedJson(['Jan 1 00:00:00 host app: said {"a":1} then more'])).toBeNull();
    expect(stampedJson(['a', 'b', 'c', 'd', '2025/09/02 01:52:10 {"a":1}'])).toBeNull();
  });
});
