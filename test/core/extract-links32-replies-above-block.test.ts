/**
 * A notice, a sentence, then a webhook's JSON (replies-above-block.ts, trailing-json.ts): the notice's
 * refusal and the event's are two incidents, or one when the event reports the notice's own refusal.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/${path}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };
const summary = (i: {
  orange: { reason: number | null } | null;
  occurredAt: string | null;
  reply: { code: number | null };
  recipientDomain: string | null;
  sources: { reply?: { line: number } };
}) => [i.orange?.reason, i.occurredAt, i.reply.code, i.recipientDomain, i.sources.reply?.line];

/** The paste with the same refusal in the webhook as in the notice (loose31's batch). */
function withSameRefusal(path: string): string {
  const text = fixture(path);
  const batch = fixture('loose31/stalwart-notice-then-webhook.txt');
  return text.slice(0, text.indexOf('\n{\n') + 1) + batch.slice(batch.indexOf('{\n'));
}

describe("Stalwart's notice with its status fields, a sentence, then its webhook's event of another refusal", () => {
  const PASTE = 'links32/stalwart-dsn-words-then-webhook-other-refusal.txt';

  it('gives both refusals: the notice’s 102 and the event’s 506', async () => {
    const { incidents, warnings } = await extract(fixture(PASTE), options);
    expect(incidents.map(summary)).toEqual([
      [102, '2025-03-14T08:02:10+00:00', 550, 'orange.fr', 11],
      [506, '2025-03-14T08:29:05+00:00', 550, 'wanadoo.fr', 31],
    ]);
    expect(incidents[1]?.reply.enhanced).toBe('5.2.0');
    // Each incident's notes under its own number.
    expect(warnings.some((w) => w.text.en.startsWith('Incident 2: the sending IP'))).toBe(true);
  });

  it('gives one incident when the event is the notice’s own refusal', async () => {
    const { incidents } = await extract(withSameRefusal(PASTE), options);
    expect(incidents.map((i) => i.orange?.reason)).toEqual([102]);
  });
});

describe("Stalwart's notice text alone, a sentence, then the webhook's event of another refusal", () => {
  const PASTE = 'links32/stalwart-notice-words-then-webhook-other-refusal.txt';

  it('gives both refusals, in the order of the paste', async () => {
    const { incidents } = await extract(fixture(PASTE), options);
    expect(incidents.map((i) => [i.orange?.reason, i.recipientDomain, i.sources.reply?.line])).toEqual([
      [102, 'orange.fr', 3],
      [506, 'wanadoo.fr', 22],
    ]);
  });

  it('gives one incident when the event is the notice’s own refusal', async () => {
    const { incidents } = await extract(withSameRefusal(PASTE), options);
    expect(incidents.map((i) => i.orange?.reason)).toEqual([102]);
  });
});
