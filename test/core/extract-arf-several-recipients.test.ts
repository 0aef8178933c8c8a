/**
 * An abuse report (ARF) whose `Original-Rcpt-To:` lines name several domains
 * (test/fixtures/extract/arf-several/SOURCES.md): it says not which recipient complained, so no domain is
 * taken, not even Orange's, nor the reported copy's To (a list's address); a note names the domains.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../core/extract';

const path = (name: string) => fileURLToPath(new URL(`../fixtures/extract/${name}`, import.meta.url));
const read = (name: string) =>
  extractBytes(new Uint8Array(readFileSync(path(name))), { now: new Date('2026-12-05T12:00:00Z') });

describe('a complaint report listing recipients of several domains', () => {
  it.each([
    ['arf-several/arf-rcpt-to-three-domains.eml', 'orange.fr, wanadoo.fr, free.example'],
    ['arf-several/arf-rcpt-to-orange-and-wanadoo.eml', 'orange.fr, wanadoo.fr'],
  ])('%s: no recipient domain, a note naming them', async (name, listed) => {
    const { incidents } = await read(name);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.recipientDomain).toBeNull();
    expect(incident?.sources.recipientDomain).toBeUndefined();
    const note = incident?.assumptions.find((a) => a.code === 'recipient.several-reported');
    expect(note?.text.en).toContain(`(${listed})`);
    // The rest of the report is read as before.
    expect(incident?.sendingIps).toEqual(['198.51.100.77']);
    expect(incident?.sendingDomain).toBe('news.example.com');
  });

  it('one domain, even on several lines, is still taken', async () => {
    const { incidents } = await read('bouncemisc/arf-original-rcpt-to-bcc.eml');
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
    expect(incidents[0]?.assumptions).toEqual([]);
  });
});
