/**
 * ESP events and bounces found in public sources that were not yet read right, round 41
 * (test/fixtures/extract/hunt41/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt41/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe('Hyvor Relay’s event for a suppressed recipient', () => {
  it('says no server was contacted, the reply it quotes being the earlier refusal’s, and makes no incident', async () => {
    const { incidents, warnings } = await extract(
      fixture('hyvor-relay-webhook-suppressed-after-orange-416.json'),
      options,
    );
    // The suppression's description (Orange's 416 to an earlier send) was read as this send's refusal.
    expect(incidents).toEqual([]);
    const said = warnings.find((w) => w.code === 'input.esp-suppressed');
    expect(said?.text.en).toContain('no SMTP reply to give Orange');
    expect(said?.text.en).toContain('OFR_416 [416]');
    expect(said?.text.en).toContain('2025-12-05T12:29:37+00:00');
    expect(said?.text.fr).toContain('pas de réponse SMTP à transmettre à Orange');
  });

  it('says so for the flattened shape a client library gives, whose attempt is null', async () => {
    const { incidents, warnings } = await extract(
      fixture('hyvor-relay-events-flattened-suppressed.json'),
      options,
    );
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.esp-suppressed']);
    expect(warnings[0]?.text.en).toContain('Hyvor Relay did not attempt delivery');
    expect(warnings[0]?.text.en).toContain('no SMTP reply to give Orange');
  });

  it('reads the payload alone when its recipient is suppressed and no attempt was made', async () => {
    const payload = {
      send: { id: 4, from_address: 'infos@asso.example.org' },
      recipient: { id: 5, type: 'to', address: 'a.roux@orange.fr', status: 'suppressed', try_count: 0 },
      attempt: null,
    };
    const { incidents, warnings } = await extract(JSON.stringify(payload, null, 2), options);
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.esp-suppressed']);
  });
});
