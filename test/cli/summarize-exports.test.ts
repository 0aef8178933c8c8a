/**
 * `summarize` on a Postfix log exported from a log platform (Splunk's CSV, gzip-compressed or not, and
 * `journalctl -o verbose`): the same summary as the log itself gives, read row by row or entry by entry
 * (core/summary/log-summary.ts). The exports are written from a generated log as those tools write them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileChunks } from '../../cli/file-chunks';
import { summarizeStream } from '../../cli/summarize-stream';
import { generatePostfixLog } from '../fixtures/logs/generate-postfix';

const dir = mkdtempSync(join(tmpdir(), 'summarize-exports-'));
const options = { now: new Date('2026-03-20T00:00:00Z') };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SYSLOG = /^([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d) (\S+) (\S+?)\[(\d+)\]: (.*)$/;
const paths = { log: '', csv: '', csvGz: '', verbose: '' };
let lineCount = 0;

/** A generated line's parts and its instant (the generator writes UTC wall times). */
function parts(line: string) {
  const m = SYSLOG.exec(line);
  if (!m) throw new Error(`not a generated line: ${line}`);
  const [, month, day, h, min, s, host, ident, pid, message] = m as unknown as string[];
  const ms = Date.UTC(2026, MONTHS.indexOf(month as string), Number(day), Number(h), Number(min), Number(s));
  return { ms, host: host as string, ident: ident as string, pid: pid as string, message: message as string };
}

beforeAll(() => {
  let text = '';
  generatePostfixLog(400_000, (chunk) => {
    text += chunk;
  });
  const lines = text.split('\n').filter(Boolean);
  lineCount = lines.length;
  // Splunk's CSV export (`_time` with its offset, `_raw` quoted, quotes doubled), newest first as listed.
  const rows = lines.map((line) => {
    const { ms, host } = parts(line);
    const time = new Date(ms).toISOString().replace('Z', '+00:00');
    return `${time},${host},/var/log/mail.log,postfix_syslog,"${line.replace(/"/g, '""')}"`;
  });
  const csv = `"_time",host,source,sourcetype,"_raw"\r\n${rows.reverse().join('\r\n')}\r\n`;
  // journalctl -o verbose: each entry's header with its cursor (`t=` the realtime), then its fields.
  const entries = lines.map((line, i) => {
    const { ms, host, ident, pid, message } = parts(line);
    const micros = ms * 1000 + (i % 1000);
    const wall = new Date(ms).toISOString().replace('T', ' ').replace('Z', '000');
    return [
      `${new Date(ms).toUTCString().slice(0, 3)} ${wall} UTC [s=7d1c;i=${(i + 1).toString(16)};b=3e9a;` +
        `m=${(i * 977).toString(16)};t=${micros.toString(16)};x=5f2b]`,
      '    _TRANSPORT=syslog',
      `    SYSLOG_IDENTIFIER=${ident}`,
      `    SYSLOG_PID=${pid}`,
      `    _HOSTNAME=${host}`,
      `    MESSAGE=${message}`,
      `    _SOURCE_REALTIME_TIMESTAMP=${micros}`,
    ].join('\n');
  });
  paths.log = join(dir, 'mail.log');
  paths.csv = join(dir, 'export.csv');
  paths.csvGz = join(dir, 'export.csv.gz');
  paths.verbose = join(dir, 'journal-verbose.txt');
  writeFileSync(paths.log, text);
  writeFileSync(paths.csv, csv);
  writeFileSync(paths.csvGz, gzipSync(csv));
  writeFileSync(paths.verbose, `${entries.join('\n')}\n`);
}, 30_000);

const groupsOf = async (path: string) => {
  const result = await summarizeStream(fileChunks(path), path, options);
  const groups = result.summary.groups.map((g) => [g.ip, g.host, g.reason, g.firstSeen, g.lastSeen, g.count]);
  return { groups, totals: result.summary.totals, lines: result.counts.lines };
};

describe('summarize on a log platform export of a Postfix log', () => {
  it.each([
    ['Splunk CSV', 'csv', 1],
    ['Splunk CSV, gzip', 'csvGz', 1],
    ['journalctl -o verbose', 'verbose', 7],
  ] as const)('%s: the summary of the log itself', async (_, key, linesPerEntry) => {
    const plain = await groupsOf(paths.log);
    expect(plain.totals.orange).toBeGreaterThan(20);
    const exported = await groupsOf(paths[key]);
    expect(exported.groups).toEqual(plain.groups);
    expect(exported.totals).toEqual(plain.totals);
    // The export's own lines (its header row too), not the log's.
    expect(exported.lines).toBe(lineCount * linesPerEntry + (key === 'verbose' ? 0 : 1));
  });
});
