/**
 * A bounce from the public corpus of PHP-Bounce-Handler giving the remote's reply after `recv:`,
 * reshaped (test/fixtures/extract/audit28cf/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit28cf/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('a recipient block written `send: RCPT TO:<...>` then `recv: 550 ...`', () => {
  it('reads the reply after the lower-case `recv:`', async () => {
    const { incidents } = await extract(fixture('send-recv-recipient-block.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.text).toBe('550 User unknown');
    expect(incidents[0]?.sources.reply?.text).toBe('   recv: 550 User unknown');
  });
});
