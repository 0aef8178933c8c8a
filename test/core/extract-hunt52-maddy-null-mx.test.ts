/**
 * maddy's queue refusing itself to deliver to a domain with a null MX (`"reason":"Domain does not accept
 * email (null MX)","smtp_code":556`, maddy's own code, foxcpp/maddy issue 328;
 * test/fixtures/extract/hunt52/SOURCES.md): no server was tried, so no incident, and the note says no
 * remote server replied, as for Postfix's `(nullMX)`, rather than that nothing was recognised.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt52/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe("maddy's null MX refusal", () => {
  it('says that no remote server replied, quoting maddy', async () => {
    const { incidents, warnings } = await extract(
      fixture('maddy-328-queue-attempt-failed-null-mx.log'),
      options,
    );
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.no-server-reply']);
    expect(warnings[0]?.text.en).toContain('Domain does not accept email (null MX)');
    expect(warnings[0]?.text.fr).toContain('Aucune réponse SMTP d’un serveur distant');
  });
});
