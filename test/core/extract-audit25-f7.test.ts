/**
 * Replies read beside a post's log line or below a JSON event (adversarial check b1 of the twenty-fifth
 * round; the samples and their sources are in test/fixtures/extract/audit25/SOURCES-f7.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/audit25/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('words beside a log line', () => {
  it("count a partial quote of the line's reply as that line's refusal, not a second one", async () => {
    const { incidents } = await extract(
      fixture('derived-28-prose-quotes-truncated-reply-of-log.txt'),
      options,
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sources.reply?.line).toBe(4);
    expect(incidents[0]?.orange?.token).toBe('OFR004_999');
    expect(incidents[0]?.sendingHosts).toEqual(['server1']);
  });

  it('read no reply from sentences about codes (`550 5.7.1 errors when ...`, `550 happens for ...`)', async () => {
    const { incidents } = await extract(fixture('derived-31-prose-generic-codes-one-line.txt'), options);
    expect(incidents.map((i) => [i.sources.reply?.line, i.orange?.token])).toEqual([[4, 'OFR006_101']]);
  });
});

describe('replies below a JSON event', () => {
  it('drop only the one repeating the event, and keep the other', async () => {
    const { incidents } = await extract(
      fixture('derived-18-ses-json-then-same-and-outlook-reply.txt'),
      options,
    );
    expect(incidents.map((i) => [i.reply.code ?? i.reply.enhanced, i.sources.reply?.line])).toEqual([
      [550, 13],
      ['5.7.1', 40],
    ]);
    expect(incidents[1]?.sendingIps).toEqual(['198.61.254.59']);
  });

  it("do not include an HTTP API's `429 Too Many Requests`", async () => {
    const { incidents } = await extract(fixture('derived-20-ses-then-http-429.txt'), options);
    expect(incidents.map((i) => i.reply.code)).toEqual([550]);
  });
});
