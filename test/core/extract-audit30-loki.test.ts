/**
 * Loki's `logcli query` output: each line behind its time (RFC 3339) and its stream's labels
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

describe('logcli’s output', () => {
  it('reads the lines behind the time and labels, dated by logcli’s time, newest first', async () => {
    const { incidents } = await extract(fixture('loki-logcli-query-labels.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('postfix');
    expect(incident?.occurredAt).toBe('2024-03-05T10:12:01+01:00');
    expect(incident?.assumptions.map((a) => a.code)).not.toContain('assumed-zone');
    expect(incident?.sendingHosts).toEqual(['relais-sortant']);
    expect(incident?.sendingDomain).toBe('cabinet-dentaire-exemple.fr');
    expect(incident?.recipientDomain).toBe('wanadoo.fr');
    expect(incident?.remoteIp).toBe('193.252.22.84');
    expect(incident?.orange?.token).toBe('OFR004_999');
  });
});
