/**
 * A notice written when the message expired in the queue without any server's reply (Hotmail's `unable to
 * connect successfully to the destination mail server`, test/fixtures/extract/audit56/SOURCES.md; Exchange
 * 2007's expired queue, test/fixtures/extract/audit22/SOURCES.md): the note on the queue's date gives the
 * notice's own time but speaks of no reply quoted, since there is none.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/${path}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe('a message that waited in the queue until a notice quoting no reply', () => {
  it.each([
    ['audit56/hotmail-unable-to-connect-no-diagnostic.eml', '(2015-01-30 21:29:41 (UTC-08:00))'],
    ['audit22/exchange2007-queue-expired.eml', '(2016-09-04 06:05:56 (UTC+10:00))'],
  ])('%s: the queue note gives the notice time and speaks of no quoted reply', async (path, stamp) => {
    const { incidents } = await extract(fixture(path), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('');
    const codes = incidents[0]?.assumptions.map((a) => a.code);
    expect(codes).toContain('date.queued-until-notice-no-reply');
    expect(codes).not.toContain('date.queued-until-bounce');
    const queued = incidents[0]?.assumptions.find((a) => a.code === 'date.queued-until-notice-no-reply');
    expect(queued?.text.en).toContain(stamp);
    expect(queued?.text.en).toContain('quotes no reply');
    expect(queued?.text.en).not.toMatch(/reply quoted|last attempt's/);
    expect(queued?.text.fr).toContain('ne cite aucune réponse');
    expect(queued?.text.fr).not.toContain('la réponse citée');
  });

  it('still says the reply quoted is the last attempt’s when the notice quotes one', async () => {
    const { incidents } = await extract(fixture('audit18/postfix-dsn-orange-999-after-queue.eml'), options);
    const codes = incidents[0]?.assumptions.map((a) => a.code);
    expect(codes).toContain('date.queued-until-bounce');
    expect(codes).not.toContain('date.queued-until-notice-no-reply');
  });
});
