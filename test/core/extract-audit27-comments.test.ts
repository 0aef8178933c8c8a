/**
 * An ESP event kept in a program's comment block (`#` or `//` before each line of its JSON): read as the
 * event (test/fixtures/extract/audit27/SOURCES-smalllogs.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { withoutCommentMarks } from '../../core/extract/comment-marks';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit27/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };
const PYTHON = 'derived-mailgun-event-in-python-comment.txt';

describe('an ESP event in a comment block', () => {
  it("reads the Python comment's Mailgun event with its code, date, IP and MX", async () => {
    const { incidents } = await extract(fixture(PYTHON), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('json-event');
    expect(incident?.reply.code).toBe(550);
    expect(incident?.reply.enhanced).toBe('5.7.1');
    expect(incident?.orange?.token).toBe('OFR005_100');
    expect(incident?.occurredAt).toBe('2019-12-16T21:00:18+00:00');
    expect(incident?.sendingIps).toEqual(['198.51.100.23']);
    expect(incident?.sources.sendingIps?.line).toBe(9);
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.sendingDomain).toBe('news.example.com');
  });

  it('reads it alike behind // marks', async () => {
    const slashed = fixture(PYTHON).replace(/^( {4})#/gm, '$1//');
    const { incidents } = await extract(slashed, options);
    expect(incidents[0]?.format).toBe('json-event');
    expect(incidents[0]?.reply.code).toBe(550);
  });

  it('keeps the marks of a comment block holding no reply, and the line count', () => {
    const config = '# {\n#   "code": 200,\n#   "name": "smtp"\n# }\n';
    expect(withoutCommentMarks(config)).toBe(config);
    const text = fixture(PYTHON);
    expect(withoutCommentMarks(text).split('\n')).toHaveLength(text.split('\n').length);
  });
});
