/**
 * Bounces from the public corpus of Mail-DeliveryStatus-BounceParser, files the first pass did not
 * read, reshaped (test/fixtures/extract/audit28bp2/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit28bp2/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('a SurfControl notice dating its attempt on a line of its own', () => {
  it('takes the attempt’s date and drops the note that the date is the returned message’s', async () => {
    const { incidents } = await extract(fixture('surfcontrol-attempt-dated.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.text).toBe('554 Service currently unavailable');
    expect(incident?.remoteIp).toBe('198.51.100.50');
    expect(incident?.occurredAt).toBe('2006-08-16T05:01:24-05:00');
    expect(incident?.sources.occurredAt?.text).toBe('Wed, 16 Aug 2006 05:01:24 -0500');
    expect(incident?.assumptions.map((a) => a.code)).not.toContain('date.returned-message');
  });
});
