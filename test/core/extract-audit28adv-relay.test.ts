/**
 * The receiving side's relay rules against a bounce writer that is the sender itself in its hosting
 * provider's network (test/fixtures/extract/audit28adv/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit28adv/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("a bounce writer in the refusing server's /24", () => {
  it('is the sender when the reply names its address as the client refused', async () => {
    const { incidents } = await extract(fixture('hosting-neighbour-refused-writer.eml'), options);
    expect(incidents.map((i) => [i.sendingIps, i.sendingHosts, i.remoteIp])).toEqual([
      [['51.75.10.20'], ['web42.hoster.example'], '51.75.10.30'],
    ]);
    expect(incidents[0]?.sources.sendingIps?.text).toContain('from web42.hoster.example');
  });
});
