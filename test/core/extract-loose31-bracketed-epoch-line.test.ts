/**
 * A reply on a line that opens with bracketed epoch seconds and no host or program: Nagios's own log
 * (`[1733412131] SERVICE ALERT: ...;Invalid SMTP response received from host: 550 ...`, check_smtp's
 * words) and a script's (`[1733412131.482] mail to ... failed: 550 ...`): the seconds date the reply, in
 * UTC, as logs/bracketed-epoch.ts reads them (test/fixtures/extract/loose31/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/loose31/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('a pasted reply on a line opening with bracketed epoch seconds', () => {
  it('Nagios’s service alert is dated by its seconds, in UTC, without a no-zone note', async () => {
    const { incidents } = await extract(fixture('nagios-service-alert-orange-102.log'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBe('2024-12-05T15:22:11+00:00');
    expect(incident?.sources.occurredAt?.line).toBe(2);
    expect(incident?.assumptions.map((a) => a.code)).not.toContain('date.no-zone');
    expect(incident?.orange).toMatchObject({ token: 'OFR006_102', reason: 102, server: 'mwinf5c10' });
    expect(incident?.sendingIps).toEqual(['198.51.100.25']);
  });

  it('a script’s line with the fraction is dated too', async () => {
    const { incidents } = await extract(fixture('script-bracketed-epoch-orange-416.log'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2024-12-05T15:22:11+00:00');
    expect(incidents[0]?.reply).toMatchObject({ code: 550, enhanced: '5.1.1' });
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
  });

  it('leaves undated seconds past tomorrow (no epoch’s yet) and an uptime’s', async () => {
    const reply = 'mail to jean.dupont@orange.fr failed: 550 5.1.1 Invalid recipient. OFR_416 [416]';
    for (const stamp of ['[1799000000]', '[1799000000.5]', '[  8812.713201]', '[881271320]']) {
      const { incidents } = await extract(`${stamp} ${reply}`, options);
      expect(incidents).toHaveLength(1);
      expect(incidents[0]?.occurredAt).toBeNull();
    }
  });
});
