/**
 * Exchange's queue error quoting Orange's refusal: the last endpoint it names is Orange's address, the
 * remote's, never the sender's (test/fixtures/extract/audit28/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit28/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("Get-Queue's LastError quoting Orange's 999", () => {
  it("reads Orange's reply, the last retry as the date and the endpoint as the remote's address", async () => {
    const { incidents } = await extract(
      fixture('derived-exchange-getqueue-orange-999-endpoint.txt'),
      options,
    );
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.code).toBe(421);
    expect(incident?.orange?.reason).toBe(999);
    expect(incident?.occurredAt).toBe('2024-03-14T09:12:44+00:00');
    expect(incident?.remoteIp).toBe('80.12.242.9');
    expect(incident?.sources.remoteIp?.line).toBe(8);
    expect(incident?.sendingIps).toEqual([]);
  });

  it('reads the endpoint of a status that quotes no Orange reply too', async () => {
    const text =
      'LastError : 451 4.4.0 Primary target IP address responded with: "421 4.7.0 Try again later, closing connection." Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts. The last endpoint attempted was 203.0.113.25:25\n';
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.reply.code, i.remoteIp])).toEqual([[421, '203.0.113.25']]);
  });
});
