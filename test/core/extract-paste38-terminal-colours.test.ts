/**
 * A log saved from a terminal with grep's colours (`grep --color=always`): its matches wrapped in
 * `ESC[01;31mESC[K` … `ESC[mESC[K` inside the recipient, the relay and the queue id. Fixtures and
 * sources: test/fixtures/extract/paste38/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { withoutTerminalColours } from '../../core/extract/terminal-colours';

const dir = fileURLToPath(new URL('../fixtures/extract/paste38/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('a mail log pasted with grep --color=always escape codes', () => {
  it('reads the host, its address, the recipient and the sender through the colour codes', async () => {
    const { incidents } = await extract(fixture('grep-color-always.log'));
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.sendingDomain).toBe('shop.example.org');
    expect(incident?.sendingHosts).toEqual(['mta1']);
    expect(incident?.sendingIps).toEqual(['203.0.113.7']);
    expect(incident?.sources.reply?.line).toBe(2);
  });

  it('removes colour and erase-in-line sequences only, keeping the lines', () => {
    const text = 'a \x1b[01;31m\x1b[Korange\x1b[m\x1b[K b\nESC[36m kept\n';
    expect(withoutTerminalColours(text)).toBe('a orange b\nESC[36m kept\n');
  });
});
