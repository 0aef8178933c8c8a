/**
 * A recipient's Exchange that failed a mailbox of its own (RESOLVER.ADR.RecipNotFound) behind Trend Micro's
 * filtering service (test/fixtures/extract/audit17/SOURCES.md, Sisimai's lhost-exchange2007-06): the copy
 * shows the hop into the service, `from regiesmtp1151-1.odiso.net (unknown [89.248.219.79]) by
 * prefilter-premta15.muc1`, whose `by` is the service's internal name, known as the service's by the hop
 * above, `from hes.trendmicro.com (unknown [10.36.141.75])`: the service's own host, at a private address.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = readFileSync(
  fileURLToPath(
    new URL('../fixtures/extract/audit17/exchange-fr-ndr-recipient-side-trendmicro.eml', import.meta.url),
  ),
  'utf8',
);
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe('the hop into a filtering service named by its internal name', () => {
  it('gives the client the service took the message from as the sender, not the service', async () => {
    const { incidents } = await extract(fixture, options);
    expect(incidents.map((i) => [i.sendingIps, i.sendingHosts, i.sources.sendingIps?.line])).toEqual([
      [['89.248.219.79'], ['regiesmtp1151-1.odiso.net'], 106],
    ]);
    expect(incidents[0]?.sendingIps).not.toContain('150.70.236.146');
  });

  it('gives no sender when the hop above came from a public address (no proof the host is the service’s)', async () => {
    const outside = fixture.replaceAll(
      'hes.trendmicro.com (unknown [10.36.141.75])',
      'hes.trendmicro.com (unknown [198.51.100.75])',
    );
    expect(outside).not.toBe(fixture);
    const { incidents } = await extract(outside, options);
    expect(incidents.map((i) => [i.sendingIps, i.sendingHosts])).toEqual([[[], []]]);
  });
});
