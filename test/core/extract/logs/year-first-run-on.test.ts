/**
 * A paste whose year-first syslog lines (`2024 Dec 31 23:59:41 relay2 postfix/smtp[..]: ...`) were run
 * together on one line (run-on.ts): each record keeps the year written before its month.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scanLogText } from '../../../../core/extract/logs/index';
import { NOW } from './fixture';

const text = readFileSync(
  fileURLToPath(new URL('../../../fixtures/extract/logs2/postfix-year-first-run-on.txt', import.meta.url)),
  'utf8',
);

describe('Year-first syslog records run together on one line', () => {
  const { incidents } = scanLogText(text, { now: NOW });

  it('dates each record with its own year, across the new year, assuming only the zone', () => {
    expect(incidents.map((i) => i.occurredAt)).toEqual([
      '2024-12-31T23:59:41+00:00',
      '2025-01-01T00:00:04+00:00',
    ]);
    for (const incident of incidents)
      expect(incident.assumptions.map((n) => n.code)).not.toContain('assumed-year-and-zone');
  });

  it('still gives each record its sender, recipient and reply, without the next record', () => {
    expect(incidents.map((i) => [i.sendingDomain, i.recipientDomain, i.orange?.token])).toEqual([
      ['shop.example.org', 'wanadoo.fr', 'OFR_506'],
      ['news.example.com', 'orange.fr', 'OFR004_999'],
    ]);
    expect(incidents[0]?.reply.text.endsWith('[506]')).toBe(true);
  });
});
