/**
 * Fields absent or treacherous in real input (test/fixtures/extract/audit26/SOURCES-precision.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit26/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };
const codes = (notes: readonly { code: string }[]) => notes.map((n) => n.code);

describe("Exchange Online's own codes for a server it never reached", () => {
  it('reads 550 5.4.310 (the recipient domain does not exist) as no reply, naming no server', async () => {
    const { incidents, warnings } = await extract(fixture('crisp-550-5.4.310-o365-no-domain.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply).toEqual({ code: null, enhanced: '5.4.310', text: '' });
    expect(incident?.sources.reply).toBeUndefined();
    expect(incident?.remoteHost).toBeNull();
    expect(incident?.remoteIp).toBeNull();
    expect(incident?.recipientDomain).toBe('yaloc.moc');
    expect(incident?.occurredAt).toBe('2023-01-01T00:00:00+00:00');
    expect(codes(warnings)).toContain('input.no-server-reply');
    expect(codes(warnings)).not.toContain('missing.reply');
  });

  it('names no server from LastAttemptedServerName when it is the missing domain itself', async () => {
    const line =
      "Remote Server returned '550 5.4.310 DNS domain sj2ing5.net does not exist [Message=InfoDomainNonexistent] [LastAttemptedServerName=sj2ing5.net] [VE1EUR03FT026.eop-EUR03.prod.protection.outlook.com]'";
    const { incidents, warnings } = await extract(line, options);
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced, i.reply.text, i.remoteHost])).toEqual([
      [null, '5.4.310', '', null],
    ]);
    expect(codes(warnings)).toContain('input.no-server-reply');
  });

  it('reads 450 4.4.315 Connection timed out (Microsoft: it cannot connect) as no reply', async () => {
    const line =
      "Remote Server returned '450 4.4.315 Connection timed out [Message=Socket error code 10060] [LastAttemptedServerName=mx.example.net] [LastAttemptedIP=192.0.2.25:25]'";
    const { incidents, warnings } = await extract(line, options);
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced, i.remoteHost, i.remoteIp])).toEqual([
      [null, '4.4.315', 'mx.example.net', '192.0.2.25'],
    ]);
    expect(codes(warnings)).toContain('input.no-server-reply');
  });
});

describe('WebShield notice with its returned copy (alaveteli): the sending domain', () => {
  it("cites the sending domain at the returned copy's envelope-from, not the notice's identical hop", async () => {
    const { incidents } = await extract(
      fixture('derived-alaveteli-webshield-loop-bounce-cut.email'),
      options,
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingDomain).toBe('whatdotheyknow.com');
    expect(incidents[0]?.sources.sendingDomain).toEqual({
      line: 61,
      text: '\t(envelope-from <track@whatdotheyknow.com>)',
    });
  });
});

describe("Haraka's failure notice (Haraka issue 568)", () => {
  it('gives the sending host, no placeholder recipient domain, and says no MX answered', async () => {
    const { incidents, warnings } = await extract(
      fixture('haraka568-failure-notice-dates-placeholder.md'),
      options,
    );
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.sendingHosts).toEqual(['mail.theartfarm.com']);
    expect(incident?.sources.sendingHosts).toEqual({
      line: 9,
      text: 'Hi. This is the Haraka Mailer program at mail.theartfarm.com.',
    });
    expect(incident?.recipientDomain).toBeNull();
    expect(incident?.reply).toEqual({ code: null, enhanced: null, text: '' });
    expect(incident?.occurredAt).toBe('2014-05-02T22:21:09-06:00');
    expect(codes(warnings)).toContain('input.no-server-reply');
    expect(codes(warnings)).not.toContain('missing.reply');
  });

  it("reads Haraka's later `550 5.1.2 Tried all MXs domain` as its own words", async () => {
    const { incidents, warnings } = await extract(
      'Recipient: <a@example.net>\nReason: 550 5.1.2 Tried all MXs example.net\n',
      options,
    );
    expect(incidents.map((i) => i.reply)).toEqual([{ code: null, enhanced: '5.1.2', text: '' }]);
    expect(codes(warnings)).toContain('input.no-server-reply');
  });
});

describe("Forward Email's delay line cut before its host (forwardemail.net issue 554)", () => {
  it('takes the address and port right before the reply as the remote', async () => {
    const { incidents } = await extract(fixture('fwdemail554-delayed-greylist-fragment.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('450 4.2.1 Message was greylisted, try again in 59 seconds;...');
    expect(incidents[0]?.remoteIp).toBe('138.197.213.185');
    expect(incidents[0]?.sources.remoteIp?.line).toBe(7);
    expect(incidents[0]?.remoteHost).toBeNull();
  });

  it('takes no private address there', async () => {
    const { incidents } = await extract(
      `"...com' [10.0.0.5]:25: 450 4.2.1 Message was greylisted, try again in 59 seconds"`,
      options,
    );
    expect(incidents.map((i) => [i.reply.code, i.remoteIp])).toEqual([[450, null]]);
  });
});

describe('WebShield notice (alaveteli): its asctime Date', () => {
  it.each([
    'derived-alaveteli-webshield-loop-bounce-cut.email',
    'derived-alaveteli-webshield-notice-only.email',
  ])('dates %s by its asctime Date in the zone of its Received stamp of the same time', async (name) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents[0]?.occurredAt).toBe('2012-04-28T23:09:37+01:00');
    expect(incidents[0]?.sources.occurredAt).toEqual({ line: 31, text: 'Date: Sat Apr 28 23:09:37 2012' });
    expect(codes(incidents[0]?.assumptions ?? [])).toEqual(['date.zone-of-own-hop']);
    expect(incidents[0]?.assumptions[0]?.text.en).toContain('(+01:00)');
  });

  it('takes the zone of a stamp a second later too: the notice was handed over right after', async () => {
    const text = fixture('derived-alaveteli-webshield-notice-only.email').replace(
      '28 Apr 2012 23:09:37 +0100',
      '28 Apr 2012 23:09:38 +0100',
    );
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.occurredAt).toBe('2012-04-28T23:09:37+01:00');
    expect(codes(incidents[0]?.assumptions ?? [])).toEqual(['date.zone-of-own-hop']);
  });

  it('keeps a zone-less Date with no Received stamp right after it read as before', async () => {
    const text = fixture('derived-alaveteli-webshield-notice-only.email').replace(
      '28 Apr 2012 23:09:37 +0100',
      '28 Apr 2012 23:10:37 +0100',
    );
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.occurredAt).toBe('2012-04-28T23:09:37+00:00');
    expect(codes(incidents[0]?.assumptions ?? [])).toEqual(['date.no-zone']);
  });
});
