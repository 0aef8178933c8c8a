/**
 * Sendmail 5's transcript: several destinations whose host was unknown (one failure per destination,
 * none of them a server's reply), a refusal after DATA whose recipient its summary line names
 * (test/fixtures/extract/corpus30/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { summaryRecipient } from '../../core/extract/sendmail-summary-recipient';

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

describe('Sendmail 5’s "Deferred: Connection timed out" for a destination', () => {
  it('is its own words, no server’s reply: the incident stays, without a reply', async () => {
    const { incidents, warnings } = await extract(
      fixture('sendmail5-deferred-connection-timed-out.eml'),
      options,
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({ code: null, enhanced: null, text: '' });
    expect(incidents[0]?.recipientDomain).toBe('notaire-ouest.example');
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });
});

describe('a refusal after DATA in Sendmail’s transcript', () => {
  it('is of the recipient Sendmail’s summary line below names, not of the copy’s first To', async () => {
    const { incidents } = await extract(fixture('sendmail5-data-refused-second-recipient.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('scierie-vallee.example');
    expect(incidents[0]?.sources.recipientDomain?.line).toBe(17);
  });

  it('takes no summary naming the sender for the recipient', () => {
    const lines = ['<<< 501 <me@example.net>... no access', '501 <me@example.net>... Data format error'];
    expect(summaryRecipient(lines, 0, 'me@example.net')).toBeNull();
    expect(summaryRecipient(lines, 0, null)).toBe('me@example.net');
  });
});
