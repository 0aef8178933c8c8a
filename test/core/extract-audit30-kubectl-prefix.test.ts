/**
 * `kubectl logs --prefix` puts `[pod/NAME/CONTAINER] ` before each line of a pod's Postfix, and
 * `--timestamps` the container's stamp after it (test/fixtures/extract/audit30mtalogs/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit30mtalogs/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('a Mailu pod’s Postfix lines behind kubectl’s pod prefix and its timestamps', () => {
  it('reads each deferral as Postfix’s, dated by the container’s stamp, the 999 linked to the 102', async () => {
    const { incidents } = await extract(fixture('kubectl-prefix-mailu-102-then-999.log'), options);
    expect(incidents).toHaveLength(2);
    const [cloudmark, suspension] = incidents;
    expect(cloudmark?.format).toBe('postfix');
    expect(cloudmark?.occurredAt).toBe('2024-03-12T08:02:11+00:00');
    expect(cloudmark?.sendingIps).toEqual(['203.0.113.25']);
    expect(cloudmark?.sendingDomain).toBe('association-exemple.fr');
    expect(cloudmark?.recipientDomain).toBe('orange.fr');
    expect(cloudmark?.remoteHost).toBe('smtp-in.orange.fr');
    expect(cloudmark?.remoteIp).toBe('193.252.22.65');
    expect(cloudmark?.reply.code).toBe(550);
    expect(cloudmark?.orange?.reason).toBe(102);
    expect(suspension?.occurredAt).toBe('2024-03-12T08:33:47+00:00');
    expect(suspension?.remoteIp).toBe('80.12.242.15');
    expect(suspension?.sendingDomain).toBe('association-exemple.fr');
    expect(suspension?.recipientDomain).toBe('wanadoo.fr');
    expect(suspension?.trigger?.reason).toBe(102);
    expect(suspension?.trigger?.line).toBe(3);
    expect(suspension?.sendingIps).toEqual(['203.0.113.25']);
  });

  it('without --timestamps, dates the lines by their yearless syslog stamp and says what it assumed', async () => {
    const bare = fixture('kubectl-prefix-mailu-102-then-999.log').replace(
      /\] \d{4}-[\d-]{5}T[\d:.]{8,18}Z /g,
      '] ',
    );
    const { incidents } = await extract(bare, options);
    expect(incidents).toHaveLength(2);
    expect(incidents[0]?.format).toBe('postfix');
    expect(incidents[0]?.occurredAt).toBe('2026-03-12T08:02:11+00:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('assumed-year-and-zone');
    expect(incidents[0]?.sendingDomain).toBe('association-exemple.fr');
  });
});
