import { readFileSync } from 'node:fs';
import { createLineSplitter } from '../../../core/extract/logs';
import { createLogSummary, type LogSummaryResult } from '../../../core/summary';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/large-log/${name}`, import.meta.url), 'latin1');

function summarise(text: string): LogSummaryResult {
  const session = createLogSummary({ now: new Date('2026-03-20T00:00:00Z') });
  const splitter = createLineSplitter((line, n) => session.push(line, n));
  splitter.push(text);
  splitter.end();
  return session.finish();
}

describe('createLogSummary on a Postfix mail.log', () => {
  const { summary, counts } = summarise(fixture('mail.log'));
  const rows = summary.groups.map((g) => [
    g.ip ?? `host:${g.host}`,
    g.reason,
    g.count,
    g.firstSeen,
    g.lastSeen,
  ]);

  it('groups the Orange rejections by IP (or host when Postfix logs no IP), reason and window', () => {
    // The 999s have the IP of the 102 that triggered them on the same host (Cloudmark's link names it).
    expect(rows).toEqual([
      ['203.0.113.7', 102, 3, '2026-03-16T07:58:02+00:00', '2026-03-16T09:30:00+00:00'],
      ['host:mta2', 104, 2, '2026-03-16T08:02:01+00:00', '2026-03-16T08:02:31+00:00'],
      ['203.0.113.7', 999, 2, '2026-03-16T08:13:05+00:00', '2026-03-16T08:25:11+00:00'],
      ['203.0.113.7', 102, 2, '2026-03-16T18:00:10+00:00', '2026-03-16T18:40:59+00:00'],
      ['host:mta2', 506, 1, '2026-03-16T19:05:00+00:00', '2026-03-16T19:05:00+00:00'],
    ]);
    expect(summary.totals.orange).toBe(counts.orangeRejections);
  });

  it('links the 999 group to the 102 bounce that came before it on the same host', () => {
    const suspension = summary.groups.find((g) => g.reason === 999);
    expect(suspension?.kind).toBe('suspension');
    expect(suspension?.triggers).toHaveLength(1);
    expect(suspension?.triggers[0]).toMatchObject({ reason: 102, token: 'OFR006_102', count: 2 });
    expect(suspension?.triggers[0]?.example.text).toContain('08:12:40 mta1');
    expect(suspension?.untriggered).toBe(0);
  });

  it('counts Gmail, Yahoo and Outlook aside', () => {
    expect(summary.others.map((p) => [p.provider, p.count])).toEqual([
      ['yahoodns.net', 2],
      ['google.com', 1],
      ['outlook.com', 1],
    ]);
    expect(summary.totals.others).toBe(4);
  });
});

describe('createLogSummary on a PowerMTA accounting file', () => {
  const { summary } = summarise(fixture('acct.csv'));

  it('keys groups by dlvSourceIp and splits two 999s seven hours apart', () => {
    expect(summary.groups.map((g) => [g.ip, g.reason, g.count, g.kind])).toEqual([
      ['192.0.2.10', 100, 1, 'bounce'],
      ['192.0.2.10', 999, 1, 'suspension'],
      ['192.0.2.11', 104, 1, 'deferral'],
      ['192.0.2.10', 999, 1, 'suspension'],
    ]);
    for (const g of summary.groups.filter((x) => x.reason === 999)) {
      expect(g.triggers[0]?.token).toBe('OFR006_100');
    }
    expect(summary.timeline.ips.map((t) => [t.ip, t.total])).toEqual([
      ['192.0.2.10', 3],
      ['192.0.2.11', 1],
    ]);
  });
});

describe('createLogSummary on a log file in JSON (Docker json-file, journalctl -o json)', () => {
  const plain = fixture('mail.log');
  const lines = plain.split('\n').filter((l) => l !== '');
  const stamp = (line: string) => {
    const [, month, day, time] = /^(\w{3}) +(\d+) (\S+)/.exec(line) ?? [];
    expect(month).toBe('Mar');
    return `2026-03-${String(day).padStart(2, '0')}T${time}`;
  };
  /** pushText in small pieces, as a file's chunks come: objects are cut anywhere. */
  function summariseText(text: string): LogSummaryResult {
    const session = createLogSummary({ now: new Date('2026-03-20T00:00:00Z') });
    for (let i = 0; i < text.length; i += 97) session.pushText(text.slice(i, i + 97));
    return session.finish();
  }
  const rows = (r: LogSummaryResult) =>
    r.summary.groups.map((g) => [g.ip ?? g.host, g.reason, g.count, g.firstSeen]);
  const expected = rows(summarise(plain));

  it("reads Docker's json-file lines as the log lines they wrap, dated by Docker's capture time", () => {
    const docker = lines
      .map((l) => JSON.stringify({ log: `${l}\n`, stream: 'stdout', time: `${stamp(l)}.123456789Z` }))
      .join('\n');
    const result = summariseText(docker);
    expect(expected.length).toBeGreaterThan(3);
    expect(rows(result)).toEqual(expected);
    expect(result.formats[0]).toBe('postfix');
    expect(result.counts.lines).toBe(lines.length);
    // Each example points at its object's line in the file and quotes the log line it wraps.
    const example = result.summary.groups[0]?.example;
    expect(example?.sources.reply?.line).toBe(2);
    expect(example?.sources.reply?.text).toMatch(/^2026-03-16T07:58:02\+00:00 mta1 postfix\/smtp\[1301\]: /);
  });

  it("reads journalctl -o json's MESSAGE with its host, program and time", () => {
    const journal = lines
      .map((l) => {
        const m = /^\w{3} +\d+ \S+ (\S+) ([^[]+)\[(\d+)\]: (.*)$/.exec(l);
        expect(m).not.toBeNull();
        const micros = String(Date.parse(`${stamp(l)}Z`) * 1000);
        return JSON.stringify({
          __CURSOR: 's=1',
          __REALTIME_TIMESTAMP: micros,
          _HOSTNAME: m?.[1],
          SYSLOG_IDENTIFIER: m?.[2],
          _PID: m?.[3],
          MESSAGE: m?.[4],
        });
      })
      .join('\r\n');
    expect(rows(summariseText(journal))).toEqual(expected);
  });
});
