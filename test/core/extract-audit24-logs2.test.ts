/**
 * Logs of MTAs other than Postfix, as an audit found them misread (test/fixtures/extract/audit24/
 * SOURCES-logs2.md): OpenSMTPD's older formats and its local deliveries, a KumoMTA record written as
 * JavaScript, PowerMTA accounting rows.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit24/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('OpenSMTPD', () => {
  it('ends a reply where the next syslog record, reflowed onto its line, starts', async () => {
    const { incidents } = await extract(fixture('opensmtpd-195-relay-tempfail-wrapped.log'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('451 Temporary failure, please try again later.');
    expect(incidents[0]?.remoteHost).toBe('mx1.poolp.org');
    expect(incidents[0]?.remoteIp).toBe('88.190.237.114');
  });

  it('takes no sending domain from a sender redacted in part (`from=tXXX@XXXt.com`)', async () => {
    const { incidents } = await extract(fixture('opensmtpd-195-relay-tempfail-wrapped.log'), options);
    expect(incidents[0]?.sendingDomain).toBeNull();
    expect(incidents[0]?.recipientDomain).toBeNull();
    const brand = await extract(
      'Apr 25 12:48:01 lx2 smtpd[4603]: 66251a4092099e2d mta delivery evpid=66251a4092099e2d from=<news@XXXLutz.de> to=<a@gmail.com> rcpt=<-> source="192.0.2.7" relay="142.250.1.26 (gmail-smtp-in.l.google.com)" delay=1s result="TempFail" stat="421 4.7.0 Try again later"',
      options,
    );
    expect(brand.incidents[0]?.sendingDomain).toBe('xxxlutz.de');
  });
});

describe("OpenSMTPD's local delivery", () => {
  it('gives no incident for its own LMTP delivery failing, wrapped as the issue shows it', async () => {
    const { incidents } = await extract(fixture('opensmtpd-1276-mda-lmtp-tempfail.log'), options);
    expect(incidents).toHaveLength(0);
  });

  it('says so when the record is on one line', async () => {
    const oneLine = fixture('opensmtpd-1276-mda-lmtp-tempfail.log').replace(/\s*\n/g, ' ');
    const { incidents, warnings } = await extract(oneLine, options);
    expect(incidents).toHaveLength(0);
    expect(warnings.map((w) => w.code)).toContain('input.local-delivery');
  });
});

describe("OpenSMTPD's first releases", () => {
  it('reads `to=<...>, delay=..., relay=host [IPv6:address], stat=RemoteError (text)`, its code not logged', async () => {
    const { incidents } = await extract(fixture('opensmtpd-84-remoteerror-ipv6.log'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.format).toBe('opensmtpd');
    expect(incidents[0]?.remoteIp).toBe('2001:470:ba0a::6c');
    expect(incidents[0]?.recipientDomain).toBe('t41.locb.fries.net');
    expect(incidents[0]?.reply.code).toBeNull();
    expect(incidents[0]?.reply.enhanced).toBe('5.5.1');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('opensmtpd-code-not-logged');
  });

  it('names the remote host when it has a name, and counts a Sent line as a delivery', async () => {
    const log = [
      'Sep 23 06:05:34 mx smtpd[20370]: c30ebb44ba62a49d: to=<todd@example.net>, delay=1s, relay=mx.example.net [192.0.2.25], stat=Sent (250 2.0.0 Ok: queued as 3A1B2)',
      'Sep 23 06:05:35 mx smtpd[20370]: c30ebb44ba62a49e: to=<ann@example.net>, delay=2s, relay=mx.example.net [192.0.2.25], stat=RemoteError (5.7.1 Service unavailable; client host blocked)',
    ].join('\n');
    const { incidents } = await extract(log, options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteHost).toBe('mx.example.net');
    expect(incidents[0]?.remoteIp).toBe('192.0.2.25');
    expect(incidents[0]?.reply.text).toBe('5.7.1 Service unavailable; client host blocked');
  });
});

describe('KumoMTA', () => {
  it('reads a record written as a JavaScript object: an assignment before it, a comma after its last member', async () => {
    const { incidents } = await extract(fixture('kumomta-tsa-k6-transientfailure-yahoo.json'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '421 4.7.0 [TSS04] Messages from a.b.c.d temporarily deferred due to user complaints',
    );
    expect(incidents[0]?.occurredAt).toBe('2023-03-06T02:28:11+00:00');
    expect(incidents[0]?.sendingDomain).toBe('example.com');
    expect(incidents[0]?.recipientDomain).toBe('yahoo.com');
  });
});

describe('PowerMTA accounting rows', () => {
  it('keeps the words of a reply an unquoted comma cut, in a row without header', async () => {
    const { incidents } = await extract(fixture('pmta-acct-row-noheader-barracuda.csv'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('550 5.7.1 spam URL , Barracuda, www.niche.com');
    expect(incidents[0]?.sendingIps).toEqual([]);
  });

  it("says that bounces were recorded without the remote's reply, not that nothing was recognised", async () => {
    const { incidents, warnings } = await extract(fixture('pmta-userguide-v4-epoch-sample.csv'), options);
    expect(incidents).toHaveLength(0);
    expect(warnings.map((w) => w.code)).toEqual(['input.powermta-bounce-without-reply']);
  });
});

describe('Logs where no remote replied', () => {
  it.each([
    ['exim-test-0099.log', 'defer (dd): Connection refused'],
    ['haraka-2520-tempfail-closed.log', 'Remote end 173.194.219.27:25 closed connection'],
  ])('says the sending server reached no server, for %s', async (name, words) => {
    const { incidents, warnings } = await extract(fixture(name), options);
    expect(incidents).toHaveLength(0);
    expect(warnings[0]?.code).toBe('input.no-server-reply');
    expect(warnings[0]?.text.en).toContain(words);
  });

  it("says a reply from OpenSMTPD's relay on 127.0.0.1 is this machine's own", async () => {
    const { incidents, warnings } = await extract(
      fixture('opensmtpd-546-relay-tempfail-localhost.log'),
      options,
    );
    expect(incidents).toHaveLength(0);
    expect(warnings.map((w) => w.code)).toEqual(['input.local-service-reply']);
  });
});
