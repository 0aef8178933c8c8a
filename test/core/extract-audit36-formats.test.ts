/**
 * Sending-side log and export formats checked against their published shapes, round 36
 * (test/fixtures/extract/audit36formats/SOURCES.md): Exchange Online's message trace saved as CSV,
 * Elastic/Logstash events of Postfix lines, Postal, GreenArrow and Zimbra's zmmsgtrace.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit36formats/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('Get-MessageTraceDetail saved with Export-Csv', () => {
  it('reads the Fail row as a tracking log’s: its UTC date, recipient, sender and the remote', async () => {
    const { incidents } = await extract(fixture('m365-trace-detail-export-csv.csv'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('exchange');
    expect(incident?.occurredAt).toBe('2024-03-04T09:12:02+00:00');
    expect(incident?.sources.occurredAt?.line).toBe(3);
    // Not the Outlook host of the MessageId column.
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.sendingDomain).toBe('example.com');
    expect([incident?.remoteHost, incident?.remoteIp]).toEqual(['smtp-in.orange.fr', '193.252.22.84']);
    expect(incident?.orange?.reason).toBe(506);
    // The Receive event's ClientIP is the submitting client's; Orange's address is never the sender's.
    expect(incident?.sendingIps).toEqual([]);
  });

  it('leaves a day-first culture’s date out, and says why', async () => {
    const { incidents } = await extract(fixture('m365-trace-detail-select-day-first.csv'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBeNull();
    expect(incident?.assumptions.map((a) => a.code)).toContain('date.ambiguous');
    expect([incident?.recipientDomain, incident?.sendingDomain, incident?.remoteIp]).toEqual([
      'orange.fr',
      'example.com',
      '193.252.22.84',
    ]);
  });
});
