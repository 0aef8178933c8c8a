/**
 * A 999 suspension read from a paste that is no log is linked to the earlier Orange error for the same
 * sending IP (core/extract/paste-triggers.ts), by the incidents' dates, never by their order in the paste.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/${path}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };
const BATCH = 'links32/sparkpost-batch-999-after-104-unordered.json';

describe('a SparkPost webhook batch, unordered: the 999 first, the 104s of two IPs after it', () => {
  it('links the 999 to the 104 of its own sending IP dated before it, not to the later 104 of the other IP', async () => {
    const { incidents } = await extract(fixture(BATCH), options);
    expect(incidents.map((i) => [i.orange?.reason, i.occurredAt, i.sendingIps])).toEqual([
      [999, '2026-11-25T09:37:00+00:00', ['198.51.100.7']],
      [104, '2026-11-25T09:02:02+00:00', ['198.51.100.7']],
      [104, '2026-11-25T09:28:25+00:00', ['198.51.100.9']],
    ]);
    expect(incidents[0]?.trigger).toEqual({
      line: incidents[1]?.sources.reply?.line,
      text: incidents[1]?.reply.text,
      occurredAt: '2026-11-25T09:02:02+00:00',
      token: 'OFR004_104',
      reason: 104,
      sendingIps: ['198.51.100.7'],
    });
    expect(incidents.slice(1).map((i) => i.trigger)).toEqual([null, null]);
  });

  it('does not link an error of the same IP dated after the suspension', async () => {
    // The 104 of 198.51.100.7 moved to an hour after the 999.
    const text = fixture(BATCH).replace('"1795597322"', '"1795603022"');
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.orange?.reason).toBe(999);
    expect(incidents[0]?.trigger).toBeNull();
  });

  it('does not link when the suspension names no sending IP', async () => {
    // The first `sending_ip` is the 999's (the batch's first event).
    const noIp = fixture(BATCH).replace('"sending_ip": "198.51.100.7",', '');
    const { incidents } = await extract(noIp, options);
    expect(incidents[0]?.sendingIps).toEqual([]);
    expect(incidents[0]?.trigger).toBeNull();
  });
});

describe("Postal's message page: the attempts' source address is never shown", () => {
  it('leaves the 999 unlinked: its 104 may have left from another address of the pool', async () => {
    const { incidents } = await extract(
      fixture('audit30panels/postal-message-page-two-attempts.txt'),
      options,
    );
    expect(incidents.map((i) => [i.orange?.reason, i.sendingIps, i.trigger])).toEqual([
      [104, [], null],
      [999, [], null],
    ]);
  });
});
