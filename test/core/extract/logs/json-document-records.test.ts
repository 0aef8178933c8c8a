// A search response or a JSON array cut into its records as it streams by (json-document-records.ts):
// each hit or element out as soon as it closes, whatever the chunks, braces and quotes inside strings
// counted for nothing, a record too long dropped and counted.
import {
  createJsonDocumentRecords,
  JSON_DOCUMENT_HINT,
} from '../../../../core/extract/logs/json-document-records';
import { MAX_RECORD_LENGTH } from '../../../../core/extract/logs/records';

const hit = (n: number, message: string) => ({
  _index: 'filebeat-8.15.0',
  _id: `id${n}`,
  _source: { '@timestamp': '2026-12-04T09:12:03.000Z', message },
});
const response = (hits: unknown[]) => ({
  took: 4,
  timed_out: false,
  _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
  hits: { total: { value: hits.length, relation: 'eq' }, max_score: null, hits },
});

function recordsOf(text: string, size: number) {
  const out: { text: string; line: number }[] = [];
  const records = createJsonDocumentRecords((t, line) => out.push({ text: t, line }));
  for (let at = 0; at < text.length; at += size) records.push(text.slice(at, at + size));
  records.end();
  return { out, lines: records.lines, oversized: records.oversized };
}

describe('a search response', () => {
  // A message holding what a naive scan would take for structure: braces, brackets, an escaped quote, `"hits":`.
  const tricky = 'said: 550 "}]{[" \\"quoted\\" "hits": [ {"x":1} ] OFR006_102 [102]';
  const hits = [hit(1, 'a'), hit(2, tricky), hit(3, 'c')];

  it.each([1, 7, 97, 100_000])('gives each hit, whole, in chunks of %i characters', (size) => {
    const text = JSON.stringify(response(hits), null, 2);
    const { out } = recordsOf(text, size);
    expect(out.map((r) => JSON.parse(r.text))).toEqual(hits);
    // Each at the line its `{` opens on.
    const lines = text.split('\n');
    for (const r of out) expect(lines[r.line - 1]?.trim()).toBe('{');
  });

  it('gives the hits of a response on one line, at line 1', () => {
    const { out, lines } = recordsOf(JSON.stringify(response(hits)), 13);
    expect(out.map((r) => [JSON.parse(r.text)._id, r.line])).toEqual([
      ['id1', 1],
      ['id2', 1],
      ['id3', 1],
    ]);
    expect(lines).toBe(1);
  });

  it('hands a hit out as soon as it closes: nothing but one record held', () => {
    const text = JSON.stringify(response(hits));
    const out: string[] = [];
    const records = createJsonDocumentRecords((t) => out.push(t));
    const second = text.indexOf('"_id":"id2"');
    records.push(text.slice(0, second));
    expect(out).toHaveLength(1);
    records.push(text.slice(second));
    expect(out).toHaveLength(3);
  });

  it('drops a hit longer than a record may be, counts it, and reads on', () => {
    const long = hit(2, 'x'.repeat(MAX_RECORD_LENGTH + 10));
    const { out, oversized } = recordsOf(JSON.stringify(response([hit(1, 'a'), long, hit(3, 'c')])), 65_536);
    expect(out.map((r) => JSON.parse(r.text)._id)).toEqual(['id1', 'id3']);
    expect(oversized).toBe(1);
  });

  it('gives no record of a member named `hits` elsewhere (an aggregation’s)', () => {
    const text = JSON.stringify({
      took: 1,
      aggregations: { top: { hits: { hits: [hit(9, 'no')] } } },
      hits: { hits: [hit(1, 'a')] },
    });
    expect(recordsOf(text, 50).out.map((r) => JSON.parse(r.text)._id)).toEqual(['id1']);
  });
});

describe('a JSON array', () => {
  it('gives each element, and a value after the array whole', () => {
    const events = [
      { event: 'failed', n: 1 },
      { event: 'failed', n: 2, list: [{ a: '}' }] },
    ];
    const text = `${JSON.stringify(events, null, 2)}\n{"next": {"n": 3}}\n`;
    const { out, lines } = recordsOf(text, 5);
    expect(out.map((r) => JSON.parse(r.text))).toEqual([...events, { next: { n: 3 } }]);
    expect(lines).toBe(text.split('\n').length - 1);
  });
});

describe('the hint', () => {
  it.each([
    ['{\n  "took" : 12,', true],
    ['\uFEFF{"_scroll_id":"FGluY2x1ZGVfY29udGV4dF91dWlk","took":3', true],
    ['[\n  {\n    "msys": {', true],
    ['{"log":"Mar 12 10:14:58 mx1 postfix/smtp[1]: ...","stream":"stdout"}', false],
    ['{"type":"Bounce","id":"1d2c","sender":"a@example.com"}', false],
    ['[NOTICE] [3F2A] [outbound] delivered', false],
  ])('%j: %s', (head, expected) => {
    expect(JSON_DOCUMENT_HINT.test(head)).toBe(expected);
  });
});
