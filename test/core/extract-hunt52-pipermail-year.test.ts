/**
 * A yearless log line quoted in a Mailman (pipermail) archive's page copied as text takes its year from
 * the page's date line under the author's (`Benedict White Benedict.White at`, `Thu Aug  8 00:05:37 CEST
 * 2013`): the amavis-users archive of 2013 (test/fixtures/extract/hunt52/SOURCES.md), read years later.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt52/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe("a Mailman archive page's date for a quoted log line's year", () => {
  it('dates the quoted line in the year of the page, saying which line gave it', async () => {
    const { incidents } = await extract(
      fixture('amavis-users-2013-postfix-amavis-451-obfuscated.txt'),
      options,
    );
    expect(incidents.map((i) => [i.occurredAt, i.assumptions.map((a) => a.code)])).toEqual([
      ['2013-08-07T13:33:43+00:00', ['assumed-year-from-message']],
    ]);
    expect(incidents[0]?.assumptions[0]?.text.en).toContain('dated 2013-08-08 00:05 (line 4)');
  });

  it('takes no date line without the author line above it', async () => {
    const text =
      'Thu Aug  8 00:05:37 CEST 2013\n\n>Aug  7 13:33:43 mail postfix/smtp[27108]: 9EB99700176: to=<a@example.net>, ' +
      'relay=mx.example.net[198.51.100.7]:25, delay=1, delays=0/0/0/1, dsn=4.5.0, status=deferred (host ' +
      'mx.example.net[198.51.100.7] said: 451 4.5.0 Error in processing (in reply to end of DATA command))';
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.occurredAt)).toEqual(['2026-08-07T13:33:43+00:00']);
  });
});
