/**
 * SmarterMail's delivery log, its deliveries' lines interleaved: each delivery read apart, a refusal at
 * the greeting given the recipient its delivery's `Delivery for ... to ... has completed` lines name
 * below it, and none when the log has none. Fixtures and sources: test/fixtures/extract/paste39/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { deliveryRecipient } from '../../core/extract/smartermail-threads';

const dir = fileURLToPath(new URL('../fixtures/extract/paste39/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe("SmarterMail's delivery log with deliveries side by side", () => {
  it("never gives a refusal another delivery's envelope, EHLO or address", async () => {
    const { incidents } = await extract(fixture('smartermail-interleaved-greeting-refusals.log'));
    expect(
      incidents.map((i) => [
        i.orange?.reason,
        i.sendingIps,
        i.sendingHosts,
        i.recipientDomain,
        i.sources.reply?.line,
        i.sources.recipientDomain?.line ?? null,
      ]),
    ).toEqual([
      // Refused at the greeting: the recipient from the `Delivery for ... to ...@orange.fr` lines below,
      // the sending IP from Cloudmark's link, no EHLO of its own.
      [102, ['203.0.113.41'], [], 'orange.fr', 10, 13],
      // Its own EHLO and its answer, its own RCPT TO.
      [506, ['203.0.113.40'], ['mail.example.com'], 'wanadoo.fr', 21, 12],
      // Refused at the greeting, the log cut before its delivery's lines: no recipient.
      [104, [], [], null, 23, null],
    ]);
    expect(incidents.map((i) => i.sources.sendingDomain?.text)).toEqual([
      expect.stringContaining('news@example.com'),
      expect.stringContaining('factures@example.com'),
      expect.stringContaining('alertes@example.com'),
    ]);
  });

  it("takes no recipient from delivery lines naming two domains, or another sender's", () => {
    const line = (n: number, from: string, to: string) =>
      `[2026.12.03] 08:41:1${n} [11207] Delivery for ${from} to ${to} has completed (Bounced)`;
    const refusal = '[2026.12.03] 08:41:12 [11207] RSP: 550 mwinf5c04 ME ... OFR006_102 [102]';
    const sender = 'news@example.com';
    const same = [refusal, line(2, sender, 'a@orange.fr'), line(3, sender, 'b@orange.fr')];
    expect(deliveryRecipient(same, 0, sender)).toBe('a@orange.fr');
    expect(
      deliveryRecipient(
        [refusal, line(2, sender, 'a@orange.fr'), line(3, sender, 'c@example.net')],
        0,
        sender,
      ),
    ).toBeNull();
    expect(deliveryRecipient([refusal, line(2, 'other@example.org', 'a@orange.fr')], 0, sender)).toBeNull();
    const next = '[2026.12.03] 08:41:13 [11207] Sending remote mail for news@example.com';
    expect(deliveryRecipient([refusal, next, line(4, sender, 'a@orange.fr')], 0, sender)).toBeNull();
  });
});
