/**
 * MTA log excerpts as people paste them, round 34 (test/fixtures/extract/audit34logs/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit34logs/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('Get-MessageTrackingLog | fl, two FAIL events, {IP=} the last tag', () => {
  it('takes each event’s remote address from its own IP tag', async () => {
    const { incidents } = await extract(fixture('exchange-tracking-fl-two-events-ip-last.txt'), options);
    expect(incidents).toHaveLength(2);
    const [first, second] = incidents;
    expect(first?.remoteHost).toBe('smtp-in.orange.fr');
    expect(first?.remoteIp).toBe('193.252.22.84');
    expect(first?.sendingDomain).toBe('example.com');
    expect(first?.orange?.reason).toBe(506);
    expect(second?.remoteIp).toBe('80.12.242.15');
    expect(second?.sendingIps).toEqual(['198.51.100.33']);
    expect(second?.sendingDomain).toBe('example.org');
    expect(second?.recipientDomain).toBe('wanadoo.fr');
  });
});

describe('Get-MessageTraceDetail | fl: Receive, then Fail with {LRT=} empty', () => {
  it('dates the refusal by the Fail event’s own `Date :`, not the Receive’s', async () => {
    const { incidents } = await extract(fixture('m365-trace-detail-fl-receive-then-fail.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBe('2024-03-04T09:12:02+00:00');
    expect(incident?.remoteIp).toBe('193.252.22.84');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.orange?.reason).toBe(506);
  });
});

describe('Exchange Online’s extended message trace report (CSV)', () => {
  it('reads the FAIL row as a tracking log’s: its UTC date, sender, recipient and remote', async () => {
    const { incidents } = await extract(fixture('m365-extended-trace-report-receive-fail.csv'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('exchange');
    expect(incident?.occurredAt).toBe('2024-03-04T09:12:02+00:00');
    expect(incident?.sendingDomain).toBe('example.com');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.84');
    expect(incident?.orange?.reason).toBe(506);
  });
});

describe('Get-MessageTraceDetail’s table under the command that asked for it', () => {
  it('takes the recipient from -RecipientAddress, not the -SenderAddress before it', async () => {
    const { incidents } = await extract(fixture('m365-trace-detail-table-with-command.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.sources.recipientDomain?.line).toBe(1);
    expect(incident?.occurredAt).toBe('2024-03-04T09:12:02+00:00');
    expect(incident?.remoteIp).toBe('193.252.22.84');
  });
});
