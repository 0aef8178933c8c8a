// journalctl's `-- Logs begin at …, end at … --` header (systemd up to 249) found where a file puts it:
// below a log pasted above it (past the log's first 64 KB, where the streaming summary alone looked), and
// once per run of journalctl appended to one file, each run's lines dated by its own header. Both paths
// on the same input.
import { readFileSync } from 'node:fs';
import { extract } from '../../../core/extract';
import type { Incident } from '../../../core/types';
import { generatePostfixLog } from '../../fixtures/logs/generate-postfix';
import { sharedFields, streamed } from './streamed';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const options = { now: new Date('2026-12-07T03:00:00Z') };
const fields = (i: Incident) => [...sharedFields(i), i.sources.reply?.line];
const orange = (incidents: Incident[]) => incidents.filter((i) => i.isOrange);

describe('a journalctl header below 80 KB of a syslog file (`cat mail.log; journalctl -u postfix`)', () => {
  let preamble = '';
  generatePostfixLog(80_000, (chunk) => {
    preamble += chunk;
  });
  const journal = fixture('extract/paste38/journalctl-logs-begin-cet.log');
  const text = preamble + journal;
  const headerLine = preamble.split('\n').length + 1;

  it.each([
    ['LF', 65_536, text],
    ['CRLF', 4096, text.replace(/\n/g, '\r\n')],
  ])('dates the journal lines by the header on both paths (%s, chunks of %i)', async (_, size, input) => {
    expect(text.indexOf('-- Logs begin at ')).toBeGreaterThan(64 * 1024);
    const pasted = (await extract(input, options)).incidents;
    const { seen } = streamed(input, size, options);
    expect(seen.map(fields)).toEqual(pasted.map(fields));
    // The journal's two refusals, in its year and zone (CET), not the assumed ones (this year, UTC).
    const below = orange(seen).filter((i) => (i.sources.reply?.line ?? 0) > headerLine);
    expect(below.map((i) => [i.occurredAt, i.trigger?.occurredAt ?? null])).toEqual([
      ['2024-12-04T09:58:40+01:00', null],
      ['2024-12-04T10:12:18+01:00', '2024-12-04T09:58:40+01:00'],
    ]);
    // The syslog file's own refusals, above the header, keep their assumed year and zone.
    const above = orange(seen).filter((i) => (i.sources.reply?.line ?? 0) < headerLine);
    expect(above.length).toBeGreaterThan(0);
    for (const i of above) expect(i.occurredAt).toMatch(/^2026-03-\d\dT.*\+00:00$/);
  });
});

describe('two runs of journalctl appended to one file, each with its header', () => {
  const text = fixture('logs/real-world/postfix-journalctl-appended-runs.log');
  // The first run's header as systemd 247 to 249 print it: both kinds of header found in one chunk, in
  // line order (the clock watch looks for both at once).
  const mixed = text.replace(
    '-- Logs begin at Mon 2025-11-17 07:58:11 CET, end at Mon 2025-12-01 09:00:02 CET. --',
    '-- Journal begins at Mon 2025-11-17 07:58:11 CET, ends at Mon 2025-12-01 09:00:02 CET. --',
  );

  it.each([
    ['LF', 1, text],
    ['CRLF', 4096, text.replace(/\n/g, '\r\n')],
    ['LF, first header "Journal begins at"', 65_536, mixed],
  ])('dates each run by its own header on both paths (%s, chunks of %i)', async (_, size, input) => {
    const pasted = (await extract(input, options)).incidents;
    const { seen, result } = streamed(input, size, options);
    expect(seen.map(fields)).toEqual(pasted.map(fields));
    // The second run's 999 ends after the first header's span: its own header gives 2025 and CET.
    expect(seen.map((i) => [i.occurredAt, i.orange?.reason, i.trigger?.occurredAt ?? null])).toEqual([
      ['2025-12-01T08:41:10+01:00', 102, null],
      ['2025-12-04T10:12:31+01:00', 999, null],
    ]);
    const notes = seen.map((i) => i.assumptions.map((a) => a.text.en).join(' '));
    expect(notes[0]).toContain('(line 1)');
    expect(notes[1]).toContain('(line 4)');
    // (Three days apart: the 999 has no trigger, and so no sending IP.)
    expect(result.summary.groups.map((g) => [g.ip, g.reason])).toEqual([
      ['192.0.2.61', 102],
      [null, 999],
    ]);
  });
});
