/**
 * Haraka names the MX host of a delivery on its `Looking up A records for: HOST` line before the
 * attempts on that host's addresses (outbound/hmail.js). Fixture and sources in
 * test/fixtures/logs/real-world/ (SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scanLogText } from '../../core/extract/logs/index';
import type { Incident } from '../../core/types';

const text = readFileSync(
  fileURLToPath(new URL('../fixtures/logs/real-world/haraka-mx-lookup.log', import.meta.url)),
  'utf8',
);
const result = scanLogText(text, { now: new Date('2026-11-29T10:00:00Z') });

function at(line: number): Incident {
  const found = result.incidents.find((i) => i.sources.reply?.line === line);
  if (!found)
    throw new Error(`no incident on line ${line}: ${result.incidents.map((i) => i.sources.reply?.line)}`);
  return found;
}

describe('Haraka, the MX host looked up before the attempts', () => {
  it('is the remote host of the temporary refusal, beside the address attempted', () => {
    expect(at(7)).toMatchObject({
      occurredAt: '2026-05-04T09:11:59Z',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      sendingDomain: 'lettre.example.com',
      sendingHosts: ['mx-out1.example.com'],
      orange: { token: 'OFR005_104', reason: 104 },
    });
  });

  it('and of the bounce of the next attempt, on the next address', () => {
    expect(at(10)).toMatchObject({
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '80.12.242.10',
      sendingIps: ['203.0.113.25'],
      orange: { token: 'OFR006_102', reason: 102 },
    });
  });
});
