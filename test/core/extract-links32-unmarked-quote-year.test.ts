/**
 * A yearless log line under an attribution whose quote lost its `> ` marks (core/extract/quoted-log-year.ts):
 * nothing tells the quote's end, and the replier's own line below it was logged after the quoted message.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/${path}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };
const codes = (i: { assumptions: { code: string }[] } | undefined) => i?.assumptions.map((a) => a.code) ?? [];

describe('the replier’s own Postfix line pasted under an unmarked quote dated 3 December 2025', () => {
  it('is not put in January 2025, before the message it answers: its year is chosen against now', async () => {
    const { incidents } = await extract(
      fixture('links32/reply-under-unmarked-quote-own-log-line.txt'),
      options,
    );
    expect(incidents.map((i) => [i.occurredAt, i.orange?.reason])).toEqual([
      ['2026-01-06T09:12:03+00:00', 102],
    ]);
    expect(codes(incidents[0])).toContain('assumed-year-and-zone');
    expect(codes(incidents[0])).not.toContain('assumed-year-from-message');
  });

  it('the same line under the quote marked `> ` is still dated by the quoted message', async () => {
    const marked = fixture('audit29loose/thunderbird-reply-quoting-yearless-postfix.txt');
    const { incidents } = await extract(marked, options);
    expect(incidents[0]?.occurredAt).toBe('2025-12-03T14:02:11+00:00');
    expect(codes(incidents[0])).toContain('assumed-year-from-message');
  });
});
