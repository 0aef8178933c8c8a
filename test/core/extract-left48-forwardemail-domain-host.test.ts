/**
 * Forward Email's `host 'orange.fr' [80.12.24.83]:25:` names the recipient's domain, not the server it
 * connected to: no rejecting host then, its address kept (test/fixtures/extract/left48/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/left48/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe('the host Forward Email names in quotes', () => {
  it('is no rejecting host when it is the recipient’s domain; the address stays', async () => {
    const { incidents, warnings } = await extract(fixture('forwardemail-orange-100-derived.txt'), options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.remoteHost).toBeNull();
    expect(incident?.remoteIp).toBe('80.12.24.83');
    expect(incident?.sendingIps).toEqual(['121.127.44.66']);
    expect(incident?.orange?.reason).toBe(100);
    expect(warnings.map((w) => w.code)).toContain('missing.remoteHost');
  });

  it('is the rejecting host when it names a server', async () => {
    const text = fixture('forwardemail-orange-100-derived.txt').replace("'orange.fr'", "'smtp-in.orange.fr'");
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.remoteHost, i.remoteIp])).toEqual([['smtp-in.orange.fr', '80.12.24.83']]);
  });
});
