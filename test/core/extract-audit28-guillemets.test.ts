/**
 * A reply a French writer or client put in guillemets after `a répondu :` keeps none of them
 * (test/fixtures/extract/audit28/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit28/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('a reply in French guillemets', () => {
  it('ends before the closing guillemet on the line under the wording (no-break spaces inside)', async () => {
    const { incidents } = await extract(fixture('derived-fr-helpdesk-guillemets-505.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 421,
      enhanced: '4.2.0',
      text: '421 4.2.0 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR005_505 [505]',
    });
    expect(incidents[0]?.orange?.reason).toBe(505);
  });

  it('ends before the closing guillemet and the period in the same sentence', async () => {
    const { incidents } = await extract(fixture('derived-fr-sentence-guillemets-416.txt'), options);
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '550 5.1.1 g1aPogOQcUQ7x Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    ]);
  });

  it('reads guillemets without spaces inside, and a reply that is not Orange’s, alike', async () => {
    const text =
      'Réponse du serveur : «550 5.7.1 Service unavailable, Client host [203.0.113.5] blocked using Spamhaus.»\n';
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '550 5.7.1 Service unavailable, Client host [203.0.113.5] blocked using Spamhaus.',
    ]);
  });
});
