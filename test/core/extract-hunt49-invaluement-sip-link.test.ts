/**
 * A refusal by invaluement's sender-IP list (`550-Blocked by ivmSIP and/or ivmSIP/24 - see
 * https://www.invaluement.com/lookup/?item=IP`) names the connecting client in its lookup link, as
 * Spamhaus's `/query/ip/IP` does: an o2switch notice forwarded from Apple Mail in French
 * (test/fixtures/extract/hunt49fr/SOURCES.md, pastebin iAp1b4gm). invaluement's URI list (ivmURI) also
 * looks up addresses, those written in the message's links: only a refusal by ivmSIP is read so.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt49fr/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe("invaluement's sender-IP list in a refusal", () => {
  it('takes the sending IP from the lookup link of an ivmSIP refusal', async () => {
    const { incidents } = await extract(
      fixture('derived-pastebin-iAp1b4gm-apple-mail-fr-forward-o2switch-notice.txt'),
      options,
    );
    expect(incidents.map((i) => [i.sendingIps, i.sendingHosts, i.remoteHost, i.remoteIp])).toEqual([
      [['109.234.163.22'], ['sortant-01.o2switch.net'], 'mx.stackmail.com', '185.151.28.67'],
    ]);
  });

  it("does not take an address an ivmURI refusal looks up (one in the message's links)", async () => {
    const text =
      '<a@example.net>: host mx.example.net[198.51.100.7] said: 550 Blocked by ivmURI - see ' +
      'https://www.invaluement.com/lookup/?item=203.0.113.9 (in reply to end of DATA command)';
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.sendingIps)).toEqual([[]]);
  });
});
