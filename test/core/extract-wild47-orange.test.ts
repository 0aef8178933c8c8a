/**
 * Orange's refusals in pastes a Markdown converter escaped (test/fixtures/extract/wild47orange/SOURCES.md):
 * `host smtp-in.orange.fr\[193.252.22.65\]` and `\[102\]` read as the brackets they stand for.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/wild47orange/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe('a Postfix line whose brackets a knowledge-base article escaped', () => {
  it('gives the rejecting host and its address, and the reply as Orange wrote it', async () => {
    const { incidents } = await extract(fixture('kb-article-postfix-escaped-brackets-102.md'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    if (!incident) throw new Error('no incident');
    expect(incident.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident.remoteIp).toBe('193.252.22.65');
    expect(incident.sendingIps).toEqual(['203.0.113.7']);
    expect(incident.reply).toEqual({
      code: 550,
      enhanced: null,
      text: '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.7 [102]',
    });
    expect(incident.orange).toMatchObject({ token: 'OFR006_102', reason: 102, server: 'mwinf5c04' });
  });
});

describe("a help page's sample bounce converted to Markdown", () => {
  it('gives the rejecting host and its address, and the reply without the escapes', async () => {
    const { incidents } = await extract(fixture('kb-sample-bounce-escaped-brackets-416.md'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    if (!incident) throw new Error('no incident');
    expect(incident.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident.remoteIp).toBe('80.12.242.9');
    expect(incident.recipientDomain).toBe('wanadoo.fr');
    expect(incident.reply).toEqual({
      code: 550,
      enhanced: '5.1.1',
      text: '550 5.1.1 hnbpoTFYusAjD Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    });
    expect(incident.orange).toMatchObject({ token: 'OFR_416', reason: 416 });
  });
});
