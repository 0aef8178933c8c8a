/**
 * Forum posts dated relatively (FluxBB in French `#1 Aujourd'hui 14:02`, `#2 Hier 09:13`; phpBB `Post by
 * jdoe » Today, 2:02 pm`, `Yesterday, 9:13 am`): "today" is the day the page was read, which the paste
 * does not tell. The engine reads no date from such a header: a quoted log line's year is the scanner's,
 * chosen against now and said in its note; a reply without a stamp stays undated
 * (test/fixtures/extract/loose31/SOURCES.md). Already so: these tests keep it so.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/loose31/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };
const RELATIVE_HEADER = /Aujourd'hui|Hier|Today|Yesterday/;

describe('a forum post dated “today” or “yesterday” above a quoted log line or reply', () => {
  it.each([
    ['fluxbb-fr-aujourdhui-log-and-hier-reply.txt', 12],
    ['phpbb-en-today-yesterday.txt', 13],
  ])(
    '%s: the log line’s own date, its year said to be assumed; nothing from the header',
    async (name, line) => {
      const { incidents } = await extract(fixture(name), options);
      expect(incidents).toHaveLength(1);
      const [incident] = incidents;
      expect(incident?.occurredAt).toBe('2026-12-03T09:41:07+00:00');
      expect(incident?.sources.occurredAt?.line).toBe(line);
      expect(incident?.sources.occurredAt?.text).not.toMatch(RELATIVE_HEADER);
      expect(incident?.assumptions.map((a) => a.code)).toContain('assumed-year-and-zone');
      // The same without the relative headers: they changed nothing.
      const without = fixture(name)
        .split('\n')
        .map((l) => (RELATIVE_HEADER.test(l) ? '' : l))
        .join('\n');
      expect((await extract(without, options)).incidents[0]?.occurredAt).toBe(incident?.occurredAt);
    },
  );

  it('a reply without a stamp under `#2 Hier 09:13` stays undated, and says so', async () => {
    const post = fixture('fluxbb-fr-aujourdhui-log-and-hier-reply.txt').split('#2 Hier')[1] ?? '';
    const { incidents, warnings } = await extract(`#2 Hier${post}`, options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBeNull();
    expect(incidents[0]?.orange?.token).toBe('OFR006_102');
    expect(warnings.map((w) => w.code)).toContain('missing.occurredAt');
  });
});
