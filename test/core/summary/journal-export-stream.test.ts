// `journalctl -u postfix -o export > x` read by the streaming summary (Large logs, `summarize`) as extract
// reads it: each entry as the log line it stands for, one entry held at a time.
import { readFileSync } from 'node:fs';
import { extract } from '../../../core/extract';
import { createJournalExportReader } from '../../../core/extract/journal-export';
import type { Incident } from '../../../core/types';
import { sharedFields, streamed } from './streamed';

const text = readFileSync(
  new URL('../../fixtures/extract/hunt41logs/journalctl-export-102-then-999.log', import.meta.url),
  'utf8',
);
const options = { now: new Date('2026-12-07T03:00:00Z') };

const fields = (i: Incident) => [...sharedFields(i), i.sources.reply?.line];

describe('a Postfix journal exported with journalctl -o export (a 102, then a 999 half an hour later)', () => {
  it.each([
    ['LF', text, 1],
    ['LF', text, 333],
    ['CRLF', text.replace(/\n/g, '\r\n'), 4096],
  ])('gives the summary the incidents extract finds (%s, chunks of %i)', async (_, input, size) => {
    const pasted = (await extract(input, options)).incidents;
    expect(pasted).toHaveLength(2);
    const { result, seen } = streamed(input, size, options);
    expect(seen.map(fields)).toEqual(pasted.map(fields));
    expect(result.summary.groups.map((g) => [g.ip, g.reason, g.firstSeen])).toEqual([
      ['203.0.113.9', 102, '2025-11-24T10:21:08+00:00'],
      ['203.0.113.9', 999, '2025-11-24T10:51:08+00:00'],
    ]);
    expect(result.summary.groups[1]?.triggers[0]?.token).toBe('OFR006_102');
    // The export's own lines are counted, not the log lines its entries stand for.
    expect(result.counts.lines).toBe(
      input.split(/\r?\n/).filter((l, i, all) => i < all.length - 1 || l).length,
    );
  });

  it('hands out each entry as it ends, before the next one is read (nothing held but one entry)', () => {
    const out: number[] = [];
    const reader = createJournalExportReader((_, lineNo) => out.push(lineNo));
    const lines = text.split('\n');
    const ends: number[] = [];
    lines.forEach((line, i) => {
      const before = out.length;
      reader.line(line, i + 1);
      if (out.length > before) ends.push(i + 1);
    });
    reader.end();
    // Each entry's line comes out at the empty line that ends it.
    expect(ends.length).toBeGreaterThan(3);
    for (const end of ends) expect(lines[end - 1]).toBe('');
  });

  it('is not taken for an export when no entry starts the log (a plain Postfix log)', () => {
    const plain = readFileSync(new URL('../../fixtures/logs/postfix-orange.log', import.meta.url), 'utf8');
    const { result } = streamed(plain, 4096, options);
    expect(result.counts.lines).toBe(plain.split('\n').length - (plain.endsWith('\n') ? 1 : 0));
    expect(result.summary.totals.orange).toBeGreaterThan(0);
  });
});
