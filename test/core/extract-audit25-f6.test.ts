/**
 * A notice's returned copy, or its own header block, below the notice is no notice of its own; the same
 * refusal pasted twice is one (test/fixtures/extract/audit25/SOURCES-f6.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit25/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("a returned copy of a postmaster's own mail, its announcing line not in English or missing", () => {
  it.each([
    ['derived-01-thunderbird-display-postmaster-copy.txt', 550, ['neko.example.jp'], 'neko.example.jp'],
    [
      'derived-03-exim-fr-localized-copyline-postmaster.eml',
      550,
      ['node12.planethoster.net'],
      'plomberie-example.fr',
    ],
    [
      'derived-04-exim-fr-no-copyline-postmaster.eml',
      550,
      ['node12.planethoster.net'],
      'plomberie-example.fr',
    ],
    ['derived-35-qmail-de-copyline-postmaster.eml', 550, ['mx4.example.jp', 'mx4s.example.jp'], 'example.jp'],
  ])('is no second notice in %s', async (name, code, hosts, domain) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents.map((i) => i.reply.code)).toEqual([code]);
    expect(incidents[0]?.sendingHosts).toEqual(hosts);
    expect(incidents[0]?.sendingDomain).toBe(domain);
  });
});

describe('a notice as a mail client shows it, its own headers or source pasted below', () => {
  it.each([
    ['derived-06-outlook-display-header-then-headers-view.txt', '2019-12-18T09:20:00+01:00'],
    ['derived-07-tb-display-then-source-headers.txt', '2019-12-18T09:20:00+01:00'],
  ])('is one incident in %s, dated by the Date header', async (name, date) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents.map((i) => [i.occurredAt, i.orange?.token])).toEqual([[date, 'OFR_999']]);
  });
});

describe('one refusal pasted twice, the second time in the raw notice', () => {
  it.each([
    ['derived-08-tb-display-then-whole-source.txt', 80],
    ['derived-11-postmaster-mail-then-raw-bounce-nocolon.eml', 75],
  ])('is one incident in %s, read from the notice', async (name, line) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents.map((i) => [i.occurredAt, i.orange?.token, i.sources.reply?.line])).toEqual([
      ['2019-12-17T20:56:02+01:00', 'OFR_999', line],
    ]);
    expect(incidents[0]?.remoteIp).toBe('193.252.22.65');
  });
});

it('keeps two notices of the same refusal on two days apart, each with its Arrival-Date', async () => {
  const { incidents } = await extract(fixture('derived-f6-one-999-two-days-displayed.txt'), options);
  expect(incidents.map((i) => [i.occurredAt, i.orange?.token])).toEqual([
    ['2019-12-17T20:56:02+01:00', 'OFR_999'],
    ['2019-12-18T21:00:00+01:00', 'OFR_999'],
  ]);
});
