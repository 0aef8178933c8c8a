/**
 * Twenty-fifth round of real input (f3's share). Fixtures and their sources: test/fixtures/extract/audit25/
 * (SOURCES-f3.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/audit25/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("a PHP array of providers' replies (WHEP's test fixture)", () => {
  it("gives Orange's 417 no recipient from iCloud's reply three lines above", async () => {
    const { incidents } = await extract(fixture('whep-provider-messages.php'), options);
    const orange = incidents.find((i) => i.orange?.reason === 417);
    expect(orange?.sources.reply?.line).toBe(19);
    expect(orange?.recipientDomain).toBeNull();
    expect(orange?.sources.recipientDomain).toBeUndefined();
    const icloud = incidents.find((i) => i.sources.reply?.line === 16);
    expect(icloud?.recipientDomain).toBe('example.com');
  });
});
