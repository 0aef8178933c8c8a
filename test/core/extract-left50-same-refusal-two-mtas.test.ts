/**
 * One refusal logged by two MTAs of a paste (a KumoMTA record, then its Exim smarthost's line: the same
 * reply from the same address at the same second) is one incident, the one that says more; records that
 * differ in what they give of the sending side stay apart (test/fixtures/extract/mixed44/README.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/mixed44/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };
const NAME = 'kumomta-record-and-exim-line-same-104.txt';

describe('one refusal logged by KumoMTA and by the Exim smarthost beside it', () => {
  it('is one incident, KumoMTA’s, without the notes the Exim line’s gaps made', async () => {
    const { incidents, warnings } = await extract(fixture(NAME), options);
    expect(
      incidents.map((i) => [i.format, i.sendingIps, i.sendingDomain, i.recipientDomain, i.orange?.reason]),
    ).toEqual([['kumomta', ['203.0.113.9'], 'mail.example.com', 'orange.fr', 104]]);
    expect(incidents[0]?.sources.reply?.line).toBe(3);
    expect(warnings.map((w) => w.code)).not.toContain('log-no-sending-ip');
    expect(warnings.map((w) => w.code)).not.toContain('log-no-sending-domain');
  });

  it('stays two when the Exim line’s message came from another sender', async () => {
    const text = fixture(NAME).replace(
      '2026-12-04 09:20:11 1vQx7b',
      '2026-12-04 09:20:10 1vQx7b-0004Zk-2F <= news@other.example.net H=app2.example.net [198.51.100.30] P=esmtp S=5120\n2026-12-04 09:20:11 1vQx7b',
    );
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.format, i.sendingDomain])).toEqual([
      ['kumomta', 'mail.example.com'],
      ['exim', 'other.example.net'],
    ]);
  });
});
