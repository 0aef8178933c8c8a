/**
 * A CSV export's named columns read against the other readers of its row
 * (test/fixtures/extract/audit28adv/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit28adv/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("a CSV export's recipient column", () => {
  it("wins over the sender's address written before it on the row", async () => {
    const { incidents } = await extract(fixture('derived-smtpeter-failures-log-orange.csv'), options);
    expect(incidents.map((i) => [i.orange?.reason, i.recipientDomain, i.sendingDomain])).toEqual([
      [102, 'wanadoo.fr', 'lettre.example.com'],
      [104, 'orange.fr', 'lettre.example.com'],
    ]);
    expect(incidents[0]?.sources.recipientDomain?.line).toBe(2);
  });
});
