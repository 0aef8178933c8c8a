// The year and zone a classic syslog stamp lacks: read by the streaming summary (Large logs, `summarize`)
// from the same lines as by extract (a Message-ID the MTA made from the UTC time, journalctl's header),
// and UTC written `+00:00` on both paths.
import { readFileSync } from 'node:fs';
import { extract } from '../../../core/extract';
import { sharedFields, streamed } from './streamed';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/logs/${name}`, import.meta.url), 'latin1');

// After the log's year: a stamp of March is assumed to be of this year (2026) without a clock.
const options = { now: new Date('2026-12-07T03:00:00Z') };

const fields = sharedFields;

describe('a Postfix log without year whose cleanup logged a Message-ID it made (relay1, March 2025)', () => {
  const text = fixture('postfix-made-message-id-no-year.log');

  it('is dated 2025 at +01:00 by extract, the refusal logged before that line too', async () => {
    const pasted = (await extract(text, options)).incidents;
    expect(pasted.map((i) => i.occurredAt)).toEqual([
      '2025-03-02T09:58:40+01:00',
      '2025-03-02T10:14:03+01:00',
      '2025-03-02T10:14:03+01:00',
      '2025-03-02T10:41:17+01:00',
    ]);
  });

  it.each([1, 97, 4096])('gives the summary the same incidents, read in chunks of %i', async (size) => {
    const pasted = (await extract(text, options)).incidents;
    const { result, seen } = streamed(text, size, options);
    expect(seen.map(fields)).toEqual(pasted.map(fields));
    expect(seen.map((i) => i.assumptions.map((a) => a.code))).toEqual(
      pasted.map((i) => i.assumptions.map((a) => a.code)),
    );
    expect(result.summary.groups.map((g) => [g.reason, g.count, g.firstSeen, g.lastSeen])).toEqual([
      [104, 1, '2025-03-02T09:58:40+01:00', '2025-03-02T09:58:40+01:00'],
      [102, 2, '2025-03-02T10:14:03+01:00', '2025-03-02T10:14:03+01:00'],
      [999, 1, '2025-03-02T10:41:17+01:00', '2025-03-02T10:41:17+01:00'],
    ]);
    // The 999's trigger, the 102 before it, is dated by the same clock.
    expect(result.summary.groups[2]?.triggers[0]?.example.occurredAt).toBe('2025-03-02T10:14:03+01:00');
  });

  it('leaves the year assumed when no such line comes (the line taken out)', () => {
    const without = text
      .split('\n')
      .filter((line) => !line.includes('message-id='))
      .join('\n');
    const { seen } = streamed(without, 4096, options);
    expect(seen.map((i) => i.occurredAt?.slice(0, 4))).toEqual(['2026', '2026', '2026', '2026']);
    expect(seen[0]?.assumptions.map((a) => a.code)).toContain('assumed-year-and-zone');
  });
});

describe("journalctl's default output under its `-- Logs begin at … --` header", () => {
  const text = fixture('real-world/postfix-journalctl-short.log');

  it('takes the year and zone of the header on both paths', async () => {
    const pasted = (await extract(text, options)).incidents;
    const { seen } = streamed(text, 50, options);
    expect(seen.map(fields)).toEqual(pasted.map(fields));
    expect(seen.map((i) => i.occurredAt)).toEqual(['2024-05-07T10:12:31+02:00']);
  });
});

describe('a log stamped in UTC with `Z` (KumoMTA)', () => {
  const text = fixture('kumomta.jsonl');

  it('is dated `+00:00` in the summary, as extract writes it', async () => {
    const pasted = (await extract(text, options)).incidents.filter((i) => i.isOrange);
    const { result, seen } = streamed(text, 4096, options);
    expect(seen.filter((i) => i.isOrange).map(fields)).toEqual(pasted.map(fields));
    expect(result.summary.groups.map((g) => g.firstSeen)).toEqual(['2026-04-01T08:10:00+00:00']);
  });
});
