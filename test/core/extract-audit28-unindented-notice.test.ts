/**
 * Postfix's notice of Orange's refusal pasted without its indentation: the link and the reason on lines
 * of their own stay the reply's (test/fixtures/extract/audit28/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit28/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };
const NOTICE = 'derived-forum-copy-postfix-notice-unindented-102.txt';

describe('an Orange reply whose link and reason lost their indentation', () => {
  it('keeps them, and the sending IP of the link', async () => {
    const { incidents } = await extract(fixture(NOTICE), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.text).toBe(
      '550 mwinf5c14 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=198.51.100.23 [102]',
    );
    expect(incident?.sendingIps).toEqual(['198.51.100.23']);
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('80.12.242.9');
  });

  it('leaves a reply that holds its reason as the wording read it', async () => {
    const text = fixture(NOTICE).replace('OFR006_102 Ref\n', 'OFR006_102 [102]\n');
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.reply.text.endsWith('OFR006_102 [102]')).toBe(true);
  });
});
