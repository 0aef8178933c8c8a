/**
 * Orange's reply wrapped in a mail at 72 columns, a sign-off right under it: the sign-off is no part of
 * the reply (test/fixtures/extract/audit28/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { parseReply } from '../../core/extract/reply';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit28/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };
const MAIL = 'derived-mail-72-columns-reply-then-signoff.txt';

describe("a wrapped Orange reply, then the writer's sign-off", () => {
  it('ends the reply at its [999]', async () => {
    const { incidents } = await extract(fixture(MAIL), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '421 opmta1mti12nd1 smtp.orange.fr 7Hk2PqLmN0aB Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]',
    );
    expect(incidents[0]?.orange?.reason).toBe(999);
  });

  it.each([
    ['a sign-off joined to it', 'OFR_999 [999] Cordialement', 'OFR_999 [999]'],
    ["a client's sentence after it", 'OFR_999 [999]. Veuillez vérifier le message.', 'OFR_999 [999]'],
    ["Postfix's note after it", 'OFR_999 [999] (in reply to end of DATA command)', 'OFR_999 [999]'],
  ])('ends the reply at the reason with %s', (_, tail, end) => {
    const head =
      '421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later.';
    expect(parseReply(`${head} ${tail}`).reply.text).toBe(`${head} ${end}`);
  });
});
