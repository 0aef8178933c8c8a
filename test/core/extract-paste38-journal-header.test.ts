/**
 * journalctl's header line (`-- Logs begin at … CET, end at … CET. --`, systemd 247-249's `-- Journal
 * begins at …, ends at … --`) gives the year and the zone its `short` lines lack. Fixtures and sources:
 * test/fixtures/extract/paste38/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/paste38/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const now = new Date('2026-12-06T06:00:00Z');

describe('journalctl output pasted with its header line', () => {
  it('dates its lines in the year and zone the header gives, the 999 trigger too', async () => {
    const { incidents } = await extract(fixture('journalctl-logs-begin-cet.log'), { now });
    expect(incidents.map((i) => i.occurredAt)).toEqual([
      '2024-12-04T09:58:40+01:00',
      '2024-12-04T10:12:18+01:00',
    ]);
    expect(incidents[1]?.trigger?.occurredAt).toBe('2024-12-04T09:58:40+01:00');
    for (const incident of incidents) {
      const codes = incident.assumptions.map((a) => a.code);
      expect(codes).toContain('year-and-zone-from-journal-header');
      expect(codes).not.toContain('assumed-year-and-zone');
    }
    // The citation stays the pasted line.
    expect(incidents[1]?.sources.occurredAt?.line).toBe(5);
  });

  it('takes only the year when the header shows a clock change (EDT to EST)', async () => {
    const { incidents } = await extract(fixture('journalctl-journal-begins-edt-est.log'), { now });
    expect(incidents.map((i) => i.occurredAt)).toEqual(['2024-11-05T08:41:27+00:00']);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toEqual(
      expect.arrayContaining(['year-from-journal-header', 'date.no-zone']),
    );
  });
});
