/**
 * Resend's `email.bounced` webhook: SES's suppression passed on as `bounce.subType`, and the recipients
 * listed in `data.to` (test/fixtures/extract/audit27/SOURCES-smalllogs.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit27/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("Resend's email.bounced event", () => {
  it('says a suppressed address was never sent, and makes no incident', async () => {
    const { incidents, warnings } = await extract(
      fixture('resend-email-bounced-suppressed-doc.json'),
      options,
    );
    expect(incidents).toEqual([]);
    const said = warnings.find((w) => w.code === 'input.esp-suppressed');
    expect(said?.text.en).toMatch(/^Resend did not attempt delivery/);
    expect(said?.text.fr).toMatch(/^Resend n’a pas tenté la livraison/);
    expect(warnings.map((w) => w.code)).not.toContain('input.esp-no-reply');
  });

  it("reads a refusal with the recipient Resend lists in 'to'", async () => {
    const { incidents } = await extract(fixture('derived-resend-email-bounced-orange.json'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.code).toBe(550);
    expect(incident?.orange?.token).toBe('OFR005_100');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.sources.recipientDomain?.line).toBe(10);
    expect(incident?.sendingDomain).toBe('acme.example');
  });
});
