/**
 * A reply whose enhanced code is written behind a `#` (`550 #5.1.0 Address rejected`, as Exchange 2003
 * wrote it) found in a sentence, where nothing but its codes tells it is a reply: Xeams' documented
 * OutboundAuditTrailFailure.log line (test/fixtures/extract/hunt52/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt52/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe('a reply with its enhanced code behind `#` in a sentence', () => {
  it("reads Xeams' failure reason as the reply", async () => {
    const { incidents } = await extract(fixture('xeams-outbound-failure-log-doc.log'), options);
    expect(incidents.map((i) => [i.reply?.code, i.reply?.enhanced, i.reply?.text])).toEqual([
      [550, '5.1.0', '550 #5.1.0 Address rejected'],
    ]);
  });

  it('takes no `#` before a number that is no enhanced code', async () => {
    const { incidents } = await extract('We tried twice. 550 #5 of the list failed again.', options);
    expect(incidents).toEqual([]);
  });
});
