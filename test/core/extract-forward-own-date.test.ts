/**
 * A person's forward (`TR:`, `Fwd:`) of a notice that gives no date of its own, its forward header lines
 * cut (test/fixtures/extract/forward-blocks/SOURCES.md): the forward's Date is when the customer passed
 * it on, not when Orange refused; the date stays empty with a note.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../core/extract';

const path = (name: string) =>
  fileURLToPath(new URL(`../fixtures/extract/forward-blocks/${name}`, import.meta.url));

describe('a forward’s own Date', () => {
  it('is not the date of the refusal it forwards', async () => {
    const bytes = new Uint8Array(readFileSync(path('outlook-fr-tr-header-lines-removed.eml')));
    const { incidents, warnings } = await extractBytes(bytes, { now: new Date('2026-12-05T12:00:00Z') });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBeNull();
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.forward-own-date-unused');
    expect(warnings.map((w) => w.code)).toContain('missing.occurredAt');
    // The rest of the reply is read as before.
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.23']);
    expect(incidents[0]?.orange?.reason).toBe(103);
  });
});
