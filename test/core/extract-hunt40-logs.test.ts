/**
 * MTA log shapes found in public sources, round 40 (test/fixtures/extract/hunt40logs/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { scanLogText } from '../../core/extract/logs/index';
import type { Incident } from '../../core/types';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt40logs/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-06T12:00:00Z') };

const fields = (i: Incident) => [
  i.format,
  i.occurredAt,
  i.sendingIps,
  i.sendingHosts,
  i.sendingDomain,
  i.recipientDomain,
  i.remoteHost,
  i.remoteIp,
  i.reply.code,
  i.reply.enhanced,
  i.orange?.reason,
  i.sources.reply?.line,
];

describe('chasquid’s mail log', () => {
  it('reads its syslog lines: the reply inside chasquid’s words, the 999 linked to the 506 before it', async () => {
    const { incidents } = await extract(fixture('chasquid-syslog-506-then-999.log'), options);
    expect(incidents.map(fields)).toEqual([
      [
        'chasquid',
        '2026-03-01T10:15:02+00:00',
        [],
        ['mx1'],
        'shop.example.com',
        'orange.fr',
        null,
        null,
        550,
        '5.2.0',
        506,
        4,
      ],
      [
        'chasquid',
        '2026-03-01T10:41:19+00:00',
        [],
        ['mx1'],
        'shop.example.com',
        'wanadoo.fr',
        null,
        null,
        421,
        null,
        999,
        8,
      ],
    ]);
    // The reply stops before the `)` of chasquid's `(last: ...)`.
    expect(incidents[1]?.reply.text.endsWith('OFR004_999 [999]')).toBe(true);
    expect(incidents[1]?.trigger?.line).toBe(4);
    // The submitting client (`queued ip=192.0.2.33`) and the inbound refusal's client are no sending IP.
    expect(JSON.stringify(incidents)).not.toContain('192.0.2.33');
    expect(JSON.stringify(incidents)).not.toContain('198.51.100.200');
  });

  it('reads its file lines (Go’s local stamp, CRLF) in the assumed zone', async () => {
    const { incidents } = await extract(fixture('chasquid-file-crlf-104-416.log'), {
      ...options,
      assumeZone: 'Europe/Paris',
    });
    expect(incidents.map(fields)).toEqual([
      ['chasquid', '2024-03-01T10:15:06+01:00', [], [], null, 'orange.fr', null, null, 421, null, 104, 3],
      [
        'chasquid',
        '2024-03-01T10:21:09+01:00',
        [],
        [],
        'example.org',
        'wanadoo.fr',
        null,
        null,
        550,
        '5.1.1',
        416,
        4,
      ],
    ]);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('assumed-zone');
  });

  it('is read by the large-log scan too, its own refusals and failures without reply counted apart', () => {
    const result = scanLogText(fixture('chasquid-syslog-506-then-999.log'), { now: options.now });
    expect(result.formats).toEqual(['chasquid']);
    expect(result.incidents.map((i) => i.orange?.reason)).toEqual([506, 999]);
    expect(result.counts).toMatchObject({ delivered: 1, inboundRejections: 1, failuresWithoutReply: 1 });
  });
});
