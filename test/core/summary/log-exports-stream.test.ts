// A log search tool's CSV export (Graylog's, Splunk's), Loki's JSON lines, Grafana's text download and
// `journalctl -o verbose` read by the streaming summary (Large logs, `summarize`) as extract reads them: each
// row or entry as the log line it stands for, one at a time. Both paths run on the same input and must find
// the same incidents.
import { readFileSync } from 'node:fs';
import { extract } from '../../../core/extract';
import { createJournalVerboseReader } from '../../../core/extract/journal-verbose';
import type { Incident } from '../../../core/types';
import { sharedFields, streamed } from './streamed';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/logs/real-world/${name}`, import.meta.url), 'utf8');
const options = { now: new Date('2026-12-07T03:00:00Z') };

const fields = (i: Incident) => [...sharedFields(i), i.sources.reply?.line];
/** In the export's line order (extract reads a newest-first export oldest first). */
const byLine = (incidents: Incident[]) =>
  [...incidents].sort((a, b) => (a.sources.reply?.line ?? 0) - (b.sources.reply?.line ?? 0));
const lineCount = (text: string) => text.split(/\r?\n/).filter((l, i, all) => i < all.length - 1 || l).length;

const cases = [
  {
    name: 'graylog-csv-export-beats-102-then-999.csv',
    what: "Graylog's CSV export, newest first, the whole syslog line in `message`, a reply's quotes doubled",
    incidents: 3,
    groups: [
      ['198.51.100.23', 102, '2026-12-04T10:14:03+01:00', null],
      ['198.51.100.23', 999, '2026-12-04T10:44:11+01:00', null],
    ],
  },
  {
    name: 'splunk-csv-export-two-relays-104.csv',
    what: "Splunk's CSV export (`_time` with its offset, `_raw`), two relays refused with 104",
    incidents: 2,
    groups: [
      ['', 104, '2026-12-04T10:20:02+01:00', 'relais-a'],
      ['', 104, '2026-12-04T10:20:03+01:00', 'relais-b'],
    ],
  },
  {
    name: 'loki-logcli-jsonl-beats-102-then-999.jsonl',
    what: "Loki's `logcli query --output=jsonl`, newest first, the same lines as Graylog's export",
    incidents: 3,
    groups: [
      ['198.51.100.23', 102, '2026-12-04T10:14:03+01:00', null],
      ['198.51.100.23', 999, '2026-12-04T10:44:11+01:00', null],
    ],
  },
  {
    name: 'grafana-explore-download-txt-102-then-999.txt',
    what: "Grafana Explore's logs downloaded as text (epoch ms, ISO time, line), newest first",
    incidents: 3,
    groups: [
      ['198.51.100.23', 102, '2026-12-04T09:14:03+00:00', null],
      ['198.51.100.23', 999, '2026-12-04T09:44:11+00:00', null],
    ],
  },
  {
    name: 'journalctl-verbose-postfix-102-then-999.txt',
    what: '`journalctl -o verbose` under the command that wrote it, a 102 then a 999 half an hour later',
    incidents: 2,
    groups: [
      ['203.0.113.57', 102, '2026-12-04T09:31:05+00:00', null],
      ['203.0.113.57', 999, '2026-12-04T09:58:40+00:00', null],
    ],
  },
];

describe.each(cases)('$name: $what', ({ name, incidents, groups }) => {
  const text = fixture(name);
  it.each([
    ['LF', 1, text],
    ['LF', 333, text],
    ['CRLF', 4096, text.replace(/\n/g, '\r\n')],
  ])('gives the summary the incidents extract finds (%s, chunks of %i)', async (_, size, input) => {
    const pasted = (await extract(input, options)).incidents;
    expect(pasted).toHaveLength(incidents);
    const { result, seen } = streamed(input, size, options);
    expect(byLine(seen).map(fields)).toEqual(byLine(pasted).map(fields));
    const summary = result.summary.groups.map((g) => [
      g.ip ?? '',
      g.reason,
      g.firstSeen,
      g.ip ? null : g.host,
    ]);
    expect(summary).toEqual(groups);
    // The export's own lines are counted, not the log lines its rows or entries stand for.
    expect(result.counts.lines).toBe(lineCount(input));
  });
});

describe('a CSV export read as the log its rows stand for', () => {
  it('keeps a doubled quote of the reply as one quote, as extract does', () => {
    const { seen } = streamed(fixture('graylog-csv-export-beats-102-then-999.csv'), 4096, options);
    const other = seen.find((i) => i.remoteHost === 'mx.example.net');
    expect(other?.reply.text).toContain('sender "lettre@infos-jardin.example" not allowed');
  });

  it('is read as it is when its rows are no log lines (another tool), as extract reads it', async () => {
    const rows = [
      '"timestamp","level","message"',
      '"2026-12-04T09:14:02.311Z","INFO","Campaign 4411 queued for 1200 recipients"',
      '"2026-12-04T09:14:03.127Z","WARN","Recipient c.dubois@orange.fr deferred, will retry"',
    ].join('\n');
    const pasted = await extract(rows, options);
    const { result } = streamed(rows, 4096, options);
    expect(result.summary.totals.orange).toBe(pasted.incidents.filter((i) => i.isOrange).length);
    expect(result.counts.lines).toBe(3);
  });
});

describe('the journal verbose reader', () => {
  it('hands out each entry when the next header or the end closes it (nothing held but one entry)', () => {
    const lines = fixture('journalctl-verbose-postfix-102-then-999.txt').split('\n');
    const out: number[] = [];
    const closedAt: number[] = [];
    const reader = createJournalVerboseReader((_, lineNo) => out.push(lineNo));
    lines.forEach((line, i) => {
      const before = out.length;
      reader.line(line, i + 1);
      if (out.length > before) closedAt.push(i + 1);
    });
    reader.end();
    expect(out).toHaveLength(4);
    // Each entry comes out at the header of the next one (the last at the empty line the file ends on),
    // numbered by its MESSAGE's line.
    for (const at of closedAt) expect(lines[at - 1]).toMatch(/^(?:Fri 2026-12-04 .* CET \[s=.*)?$/);
    for (const lineNo of out) expect(lines[lineNo - 1]).toMatch(/^ {4}MESSAGE=/);
  });
});
