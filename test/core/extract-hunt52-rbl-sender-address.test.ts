/**
 * Postfix's DNS blocklist refusal names what it looked up in brackets after what it is (smtpd_check.c):
 * `Service unavailable; Sender address [a@x] blocked using dbl.spamhaus.org` is the envelope sender,
 * never the recipient; `Client host [IP] blocked using ...` the connecting client. The sender's came from
 * a CI run quoted in mailserver2/mailserver pull 90 (test/fixtures/extract/hunt52/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt52/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe("Postfix's blocklist refusal of a sender address", () => {
  it('reads the address in brackets as the sender, not as the recipient', async () => {
    const { incidents } = await extract(fixture('mailserver2-90-dbl-open-resolver-wrapped.txt'), options);
    expect(incidents.map((i) => [i.sendingDomain, i.recipientDomain, i.sources.sendingDomain?.line])).toEqual(
      [['gmail.com', null, 2]],
    );
  });

  it('still reads the recipient of a Postfix line beside it, and a client host as the sending IP', async () => {
    const text =
      'Mar  3 10:00:01 relay postfix/smtp[123]: 4AB12: to=<b@example.net>, relay=mx.example.net[198.51.100.7]:25, ' +
      'delay=1, delays=0/0/0/1, dsn=5.7.1, status=bounced (host mx.example.net[198.51.100.7] said: 554 5.7.1 ' +
      'Service unavailable; Client host [203.0.113.9] blocked using zen.spamhaus.org (in reply to RCPT TO command))';
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.recipientDomain, i.sendingIps])).toEqual([
      ['example.net', ['203.0.113.9']],
    ]);
  });
});
