/**
 * Log and bounce shapes published elsewhere that were not yet read right, round 37
 * (test/fixtures/extract/real37/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/real37/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-06T12:00:00Z') };

describe('Exim’s debug output naming each connection’s remote and local interface', () => {
  it('takes the remote and the sending IP from each `Connecting to HOST [IP]:25 from IP ...` line', async () => {
    const { incidents } = await extract(fixture('exim-debug-connecting-from-interface.txt'), options);
    expect(
      incidents.map((i) => [i.reply.code, i.orange?.reason, i.sendingIps, i.remoteHost, i.remoteIp]),
    ).toEqual([
      [421, 104, ['203.0.113.25'], 'smtp-in.orange.fr', '193.252.22.65'],
      [550, 506, ['203.0.113.25'], 'smtp-in.orange.fr', '80.12.24.81'],
    ]);
    // The greeting refused: no EHLO answer, the connection line alone names the local address.
    expect(incidents[0]?.sources.sendingIps?.line).toBe(5);
    expect(incidents[1]?.sources.remoteIp?.line).toBe(10);
  });
});

describe('Haraka’s logfmt output', () => {
  it('reads the lines as Haraka’s: sender, sending IP and host, remote', async () => {
    const { incidents } = await extract(fixture('haraka-logfmt-orange.log'), options);
    expect(
      incidents.map((i) => [
        i.format,
        i.occurredAt,
        i.orange?.reason,
        i.sendingIps,
        i.sendingHosts,
        i.sendingDomain,
        i.remoteHost,
        i.remoteIp,
      ]),
    ).toEqual([
      [
        'haraka',
        '2025-03-14T10:02:12+00:00',
        506,
        ['203.0.113.40'],
        [],
        'example.com',
        'smtp-in.orange.fr',
        '193.252.22.84',
      ],
      ['haraka', '2025-03-14T10:40:03+00:00', 104, [], ['mail.example.com'], null, null, null],
    ]);
    // The reply without logfmt's quotes, Orange's EHLO answer cited for the address.
    expect(incidents[0]?.reply.text).toBe('550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]');
    expect(incidents[0]?.sources.sendingIps?.line).toBe(9);
  });
});
