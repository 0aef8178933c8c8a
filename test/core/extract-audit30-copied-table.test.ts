/**
 * A report table copied from a hosting panel's page (cPanel's Track Delivery): a cell per tab, the first
 * line naming the columns, each row's Result quoting Exim's `SMTP error from remote mail server` words
 * (test/fixtures/extract/audit30mtalogs/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit30mtalogs/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('cPanel’s Track Delivery table copied from the browser', () => {
  it('takes each row’s recipient and sender from their columns, not the first address of the row', async () => {
    const { incidents } = await extract(fixture('cpanel-track-delivery-table-copy.tsv'), options);
    expect(incidents.map((i) => [i.orange?.reason, i.recipientDomain, i.sendingDomain])).toEqual([
      [102, 'orange.fr', 'association-exemple.fr'],
      [999, 'wanadoo.fr', 'association-exemple.fr'],
    ]);
    expect(incidents[0]?.sources.recipientDomain?.line).toBe(2);
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.7']);
    // `3/12/24, 10:14:57 AM` may be read either way round: left to the user, who is told why.
    expect(incidents[0]?.occurredAt).toBeNull();
    const ambiguous = incidents[0]?.assumptions.filter((a) => a.code === 'date.ambiguous') ?? [];
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]?.text.en).toContain('"3/12/24, 10:14:57 AM"');
    expect(ambiguous[0]?.text.en).toContain('month/day or day/month');
  });

  it('takes no submitting client’s address (its Sender IP column) for the sending IP', async () => {
    const text = fixture('cpanel-track-delivery-table-copy.tsv')
      .replace('Sent Time\t', 'Sent Time\tSender IP\t')
      .replace(/(AM|PM)\t/g, '$1\t192.0.2.77\t');
    const { incidents } = await extract(text, options);
    expect(incidents[1]?.recipientDomain).toBe('wanadoo.fr');
    expect(incidents[1]?.sendingIps).toEqual([]);
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.7']);
  });
});
