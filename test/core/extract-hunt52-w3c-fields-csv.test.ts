/**
 * A CSV log opening with W3C-style directive lines (`#Software:`, `#Version:`, `#Fields: DateTime,...`)
 * names its columns in its `#Fields:` line: ActivMail 2's send log as its documentation shows it
 * (test/fixtures/extract/hunt52/SOURCES.md), its `DateTime` written year first with slashes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt52/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe("a CSV log's columns named by its `#Fields:` directive", () => {
  it("dates the refusal by its row's DateTime, the zone assumed", async () => {
    const { incidents } = await extract(fixture('activmail-send-log-csv-doc.log'), options);
    expect(
      incidents.map((i) => [i.occurredAt, i.sources.occurredAt?.line, i.assumptions.map((a) => a.code)]),
    ).toEqual([['2002-01-31T19:54:48+00:00', 7, ['date.no-zone']]]);
  });
});
