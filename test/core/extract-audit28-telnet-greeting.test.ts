/**
 * A telnet session refused at Orange's greeting, before any command was typed: the host it connected to
 * is the remote (test/fixtures/extract/audit28/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { advise } from '../../core/orange/advice';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit28/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };
const TELNET = 'derived-telnet-greeting-refused-999.txt';

describe('a telnet session refused at the greeting', () => {
  it("names Orange's MX and its address as the remote, never as the sender", async () => {
    const { incidents } = await extract(fixture(TELNET), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.code).toBe(421);
    expect(incident?.orange?.reason).toBe(999);
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.sendingIps).toEqual([]);
    expect(advise(incident as NonNullable<typeof incident>).nextStep).toBe('wait-and-retry');
  });

  it('leaves a session greeted with 220 to the other readers', async () => {
    const text = fixture(TELNET).replace(/^421 .*$/m, '220 mwinf5c77 ME ESMTP server ready');
    const { incidents } = await extract(text, options);
    expect(incidents).toHaveLength(0);
  });
});
