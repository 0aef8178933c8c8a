/**
 * Several bounces in one paste, each read from its own lines (test/fixtures/extract/audit25/SOURCES-f1.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit25/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('notices shown one after the other, or the first cut short', () => {
  it.each([
    ['mailclient-three-bounces-displayed.txt', [25, 59, 94], [31, 65, 100]],
    ['forwarded-quoted-three-bounces.txt', [26, 60, 95], [32, 66, 101]],
  ])('dates each of %s by its own Arrival-Date', async (name, dateLines, hostLines) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents.map((i) => i.occurredAt)).toEqual([
      '2019-12-17T20:56:02+01:00',
      '2019-12-17T20:09:31+01:00',
      '2019-12-16T22:00:18+01:00',
    ]);
    expect(incidents.map((i) => i.sources.occurredAt?.line)).toEqual(dateLines);
    expect(incidents.map((i) => i.sources.remoteHost?.line)).toEqual(hostLines);
    expect(incidents.map((i) => i.remoteIp)).toEqual(['193.252.22.65', '194.117.213.1', '193.252.22.65']);
    expect(incidents[2]?.assumptions[0]?.text.en).toContain('2019-12-17 10:13:17');
  });

  it('reads the notice after one cut before its returned message with its own date and MX IP', async () => {
    const laposteFirst = await extract(fixture('laposte-truncated-then-orange-999.eml'), options);
    expect(laposteFirst.incidents.map((i) => [i.occurredAt, i.remoteIp])).toEqual([
      ['2019-12-17T20:09:31+01:00', '194.117.213.1'],
      ['2019-12-17T20:56:02+01:00', '193.252.22.65'],
    ]);
    const orangeFirst = await extract(fixture('orange-truncated-then-laposte.eml'), options);
    expect(orangeFirst.incidents.map((i) => [i.occurredAt, i.remoteIp])).toEqual([
      ['2019-12-16T22:00:18+01:00', '193.252.22.65'],
      ['2019-12-17T20:09:31+01:00', '194.117.213.1'],
    ]);
    expect(orangeFirst.incidents[1]?.sources.occurredAt?.line).toBe(114);
  });
});

describe('raw notices end to end, the first without a matching closing boundary', () => {
  it.each([
    ['laposte-dmarc-then-orange-102.eml', [571, 550]],
    ['orange-102-then-laposte-dmarc.eml', [550, 571]],
  ])('reads both notices of %s', async (name, codes) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents.map((i) => i.reply.code)).toEqual(codes);
    const orange = incidents.find((i) => i.orange?.token === 'OFR006_102');
    expect(orange?.occurredAt).toBe('2019-12-16T22:00:18+01:00');
    expect(incidents.find((i) => i.reply.code === 571)?.occurredAt).toBe('2019-12-18T13:21:33+01:00');
  });

  it("reads 1&1's notice (no Date header, not multipart) after Postfix's, and before it", async () => {
    const postfixFirst = await extract(fixture('orange-505-then-oneandone-506.eml'), options);
    expect(postfixFirst.incidents.map((i) => i.orange?.token)).toEqual(['OFR005_505', 'OFR_506']);
    const oneAndOneFirst = await extract(fixture('oneandone-506-then-orange-505.eml'), options);
    expect(oneAndOneFirst.incidents.map((i) => i.orange?.token)).toEqual(['OFR_506', 'OFR005_505']);
    // The 1&1 relay named in its returned headers is not the Postfix notice's sender.
    const postfix = oneAndOneFirst.incidents[1];
    expect(postfix?.sendingHosts).toEqual([]);
    expect(postfix?.occurredAt).toBe('2019-12-17T11:32:37+01:00');
    expect(postfix?.remoteIp).toBe('80.12.242.9');
  });
});

describe("a notice's returned copy of a postmaster's mail", () => {
  it.each([
    ['lhost-postfix-65.eml', 550],
    ['lhost-dragonfly-27.eml', 525],
  ])('is no second notice in %s', async (name, code) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents.map((i) => i.reply.code)).toEqual([code]);
  });
});
