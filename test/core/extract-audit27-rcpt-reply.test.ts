/**
 * A RCPT reply naming its recipient at its start (`550 5.1.1 <b@y>: ...`) gives that recipient, over the
 * one the paragraph named first (test/fixtures/extract/audit27/SOURCES-smalllogs.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit27/${name}`, import.meta.url)), 'utf8');

describe('two RCPT replies one under the other', () => {
  it('gives each the recipient it names, on its own line', async () => {
    const { incidents } = await extract(fixture('derived-two-orange-rcpt-replies-adjacent.txt'));
    expect(incidents.map((i) => i.recipientDomain)).toEqual(['orange.fr', 'wanadoo.fr']);
    expect(incidents.map((i) => i.sources.recipientDomain?.line)).toEqual([1, 2]);
    expect(incidents.map((i) => i.orange?.token)).toEqual(['OFR005_100', 'OFR_416']);
  });

  it("does not take the sender a reply names for a recipient ('Sender address rejected')", async () => {
    const text =
      '553 5.7.1 <news@example.com>: Sender address rejected: not owned by user smtp@example.com\n';
    const { incidents } = await extract(text);
    expect(incidents[0]?.recipientDomain).toBeNull();
  });
});
