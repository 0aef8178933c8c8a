/**
 * Log lines exported from a log search tool: as CSV (Graylog's columns, Splunk's `_time`/`host`/`_raw`), or
 * as Splunk's export API's JSON lines
 * (test/fixtures/extract/audit30orangewild/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(
    fileURLToPath(new URL(`../fixtures/extract/audit30orangewild/${name}`, import.meta.url)),
    'utf8',
  );
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('a log search tool’s CSV export', () => {
  it('reads Graylog’s rows newest first as the log, the host from `source`, the sender below', async () => {
    const { incidents } = await extract(fixture('graylog-csv-export-newest-first.csv'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('postfix');
    expect(incident?.occurredAt).toBe('2024-03-05T09:12:01+00:00');
    expect(incident?.sendingHosts).toEqual(['relais-sortant']);
    expect(incident?.sendingDomain).toBe('cabinet-dentaire-exemple.fr');
    expect(incident?.recipientDomain).toBe('wanadoo.fr');
    expect(incident?.orange?.token).toBe('OFR004_999');
    expect(incident?.sources.reply?.line).toBe(2);
    expect(incident?.sources.sendingDomain?.line).toBe(3);
  });

  it('reads Splunk’s raw lines, dated with the offset of `_time`', async () => {
    const { incidents } = await extract(fixture('splunk-csv-export-raw.csv'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBe('2024-03-05T10:12:01+01:00');
    expect(incident?.reply.text).toBe('550 5.2.0 Mail rejete. Mail rejected. OFR_506 [506]');
    expect(incident?.sendingDomain).toBe('club-voile-exemple.fr');
    expect(incident?.sendingHosts).toEqual(['mx-sortant']);
    expect(incident?.remoteIp).toBe('80.12.242.10');
  });

  it('reads Splunk’s export API lines (`{"preview":false,"result":{...}}`) the same way', async () => {
    const { incidents } = await extract(fixture('splunk-export-api-jsonl.json'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2024-03-05T10:12:01+01:00');
    expect(incidents[0]?.sendingDomain).toBe('club-voile-exemple.fr');
    expect(incidents[0]?.sendingHosts).toEqual(['mx-sortant']);
    expect(incidents[0]?.orange?.token).toBe('OFR_506');
  });
});
