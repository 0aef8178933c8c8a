/**
 * Proxmox Mail Gateway's log tracker output (`pmg-log-tracker -vv`, its Tracking Center): each message's
 * `TO:` line dated in hexadecimal UTC seconds, its log lines numbered `L0000...`
 * (test/fixtures/extract/audit30mtalogs/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit30mtalogs/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('a gateway’s relayed mail deferred by Orange, as its log tracker lists it', () => {
  it('reads the numbered lines as the log, dated with the year and offset the TO: lines give', async () => {
    const { incidents } = await extract(fixture('pmg-log-tracker-102-then-999.txt'), options);
    expect(incidents).toHaveLength(2);
    const [cloudmark, suspension] = incidents;
    expect(cloudmark?.format).toBe('postfix');
    // `Mar 12 10:14:58` is 2024-03-12T09:14:58Z (`TO:65F01D12`): Paris in winter, not this year in UTC.
    expect(cloudmark?.occurredAt).toBe('2024-03-12T10:14:58+01:00');
    expect(cloudmark?.assumptions.map((a) => a.code)).toContain('year-and-zone-from-message-id');
    expect(cloudmark?.sendingHosts).toEqual(['pmg-relay']);
    expect(cloudmark?.sendingIps).toEqual(['203.0.113.25']);
    expect(cloudmark?.sendingDomain).toBe('cabinet-lemoine.fr');
    expect(cloudmark?.recipientDomain).toBe('orange.fr');
    expect(cloudmark?.remoteIp).toBe('193.252.22.65');
    expect(suspension?.occurredAt).toBe('2024-03-12T10:45:03+01:00');
    expect(suspension?.orange?.reason).toBe(999);
    expect(suspension?.remoteIp).toBe('80.12.242.15');
    // The trigger's date follows its error's, corrected after the scan linked them.
    expect(suspension?.trigger?.occurredAt).toBe('2024-03-12T10:14:58+01:00');
    expect(suspension?.trigger?.reason).toBe(102);
  });

  it('keeps the assumed year when no TO: line dates the gateway’s lines', async () => {
    const text = fixture('pmg-log-tracker-102-then-999.txt').replace(/^TO:.*\n/gm, '');
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.occurredAt).toBe('2026-03-12T10:14:58+00:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('assumed-year-and-zone');
  });
});
