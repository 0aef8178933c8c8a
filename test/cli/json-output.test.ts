/**
 * The extract command's JSON written one incident at a time (a log of a hundred thousand refusals made
 * one string longer than V8 allows: `RangeError: Invalid string length`): the same bytes as
 * JSON.stringify of the whole, in pieces of about a megabyte.
 */
import { describe, expect, it } from 'vitest';
import { writeExtractionJson } from '../../cli/json-output';
import { writeSummary } from '../../cli/summary';
import { extract } from '../../core/extract';
import { extractionToJson } from '../../core/extract/to-json';
import { advise } from '../../core/orange/advice';

const LOG_LINE = (k: number) =>
  `May 10 14:02:${String(k % 60).padStart(2, '0')} mx1 postfix/smtp[${1000 + k}]: ${(10000 + k).toString(16).toUpperCase()}A: to=<user${k}@orange.fr>, relay=smtp-in.orange.fr[193.252.22.84]:25, delay=1, delays=0/0/0/1, dsn=5.7.1, status=bounced (host smtp-in.orange.fr[193.252.22.84] said: 550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR006_102 [102] (in reply to MAIL FROM command))`;

function written(
  result: Parameters<typeof writeExtractionJson>[1],
  head: Record<string, unknown>,
  indent: boolean,
) {
  const pieces: string[] = [];
  writeExtractionJson((text) => pieces.push(text), result, advise, head, indent);
  return pieces;
}

describe('the JSON of extract, written in pieces', () => {
  it('is what JSON.stringify gives, for one input and for a line per file', async () => {
    for (const text of ['', 'hello', LOG_LINE(1), `${LOG_LINE(1)}\n${LOG_LINE(2)}`]) {
      const result = await extract(text, { now: new Date('2024-06-01T00:00:00Z') });
      const json = extractionToJson(result, advise);
      expect(written(result, {}, true).join('')).toBe(`${JSON.stringify(json, null, 2)}\n`);
      expect(written(result, { file: 'a.log' }, false).join('')).toBe(
        `${JSON.stringify({ file: 'a.log', ...json })}\n`,
      );
    }
  });

  it('writes a log of thousands of refusals in pieces, none much larger than a megabyte', async () => {
    const text = Array.from({ length: 3000 }, (_, k) => LOG_LINE(k)).join('\n');
    const result = await extract(text, { now: new Date('2024-06-01T00:00:00Z') });
    const pieces = written(result, {}, true);
    expect(pieces.length).toBeGreaterThan(3);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(1.1 * 2 ** 20);
    expect(JSON.parse(pieces.join('')).incidents).toHaveLength(3000);
  });

  it('writes the readable summary of such a log in pieces too', async () => {
    const text = Array.from({ length: 3000 }, (_, k) => LOG_LINE(k)).join('\n');
    const result = await extract(text, { now: new Date('2024-06-01T00:00:00Z') });
    const pieces: string[] = [];
    writeSummary((piece) => pieces.push(piece), result, undefined, 'fr');
    expect(pieces.length).toBeGreaterThan(1);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(1.1 * 2 ** 20);
    expect(pieces.join('')).toContain('Incident 3000 (postfix)');
  });
});
