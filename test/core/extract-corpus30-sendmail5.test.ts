/**
 * Sendmail 5's transcript of several destinations whose host was unknown: one failure per destination,
 * none of them a server's reply (test/fixtures/extract/corpus30/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/corpus30/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('Sendmail 5’s "Host unknown" for two destinations', () => {
  it('gives one incident per destination, each with its own recipient', async () => {
    const { incidents } = await extract(fixture('sendmail5-two-hosts-unknown.eml'), options);
    // (The `250 ... Deferred` line of the third destination is no failure.)
    expect(incidents.map((i) => i.recipientDomain)).toEqual(['lycee-nord.example', 'mairie-sud.example']);
  });

  it('quotes no reply: Sendmail found no such host, no server answered', async () => {
    const { incidents, warnings } = await extract(fixture('sendmail5-two-hosts-unknown.eml'), options);
    for (const incident of incidents)
      expect(incident.reply).toEqual({ code: null, enhanced: null, text: '' });
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
    expect(warnings.map((w) => w.code)).not.toContain('missing.reply');
  });
});
