/**
 * A reply cut by a terminal inside a word of RFC 5321's wording (`550-Reques` / `ted action not taken`,
 * docker-postfixrelay issue #46, test/fixtures/extract/hunt50/SOURCES.md) reads as one word again; a
 * break between words, or one that leaves two words (`mail` / `box`), keeps its space.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { unwrapReply } from '../../core/extract/reply';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt50/${name}`, import.meta.url)), 'utf8');

describe('a reply cut inside a word of RFC 5321 wording', () => {
  it("joins Postfix's reply cut by a terminal at 125 columns", async () => {
    const { incidents } = await extract(fixture('postfixrelay-46-hetzner-wrapped-sender-not-allowed.log'), {
      now: new Date('2026-12-07T12:00:00Z'),
    });
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '550 Requested action not taken: mailbox unavailable Sender address is not allowed.',
    ]);
  });

  it('joins a cut anywhere inside the phrase', () => {
    expect(
      unwrapReply('550-Requested action not taken: mailbox unavai\nlable\n550 Sender address rejected'),
    ).toBe('550 Requested action not taken: mailbox unavailable Sender address rejected');
  });

  it('keeps a break between words, one after a blank, and one that leaves two words', () => {
    expect(unwrapReply('550-Requested action not taken: mailbox\nunavailable')).toBe(
      '550 Requested action not taken: mailbox unavailable',
    );
    expect(unwrapReply('550 Reques \nted action not taken')).toBe('550 Reques ted action not taken');
    expect(unwrapReply('550 mail\nbox unavailable')).toBe('550 mail box unavailable');
    expect(unwrapReply('550 Access de\nnied')).toBe('550 Access de nied');
  });
});
