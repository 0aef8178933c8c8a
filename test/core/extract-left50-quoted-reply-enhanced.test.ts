/**
 * A reply quoting another server's reply (Forward Email's `550 Error for a@x of "Invalid greeting.
 * response=550 5.7.0 Blocked - see ..."`): the incident's enhanced code is the one of the reply its basic
 * code comes from, Forward Email's, which has none; the quoted one's `5.7.0` is not taken
 * (test/fixtures/extract/hunt48/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/hunt48/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe('the enhanced code of a reply quoting another reply', () => {
  it('is not the quoted reply’s', async () => {
    const { incidents } = await extract(fixture('forwardemail-219-icloud-proofpoint-notice.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.enhanced).toBeNull();
    expect(incidents[0]?.reply.text).toMatch(
      /^550 Error for test@example\.com of "Invalid greeting\. response=550 5\.7\.0 /,
    );
  });

  it('is still the one written after the code repeated before it', async () => {
    const { incidents } = await extract(
      '<jean@example.org>: host mx.example.org[192.0.2.25] said: 554 554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked (in reply to RCPT TO command)',
      options,
    );
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced])).toEqual([[554, '5.7.1']]);
  });
});

describe('the enhanced code on the last line of a multi-line reply', () => {
  it('is the reply’s own when Postfix logs the lines joined', async () => {
    const { incidents } = await extract(
      'Dec  4 10:00:01 mta1 postfix/smtp[2345]: 4P1ABCD: to=<jean@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.1.1, status=bounced (host smtp-in.orange.fr[193.252.22.65] said: 550-Mailbox unavailable 550 5.1.1 User unknown (in reply to RCPT TO command))',
      options,
    );
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced])).toEqual([[550, '5.1.1']]);
  });

  it('is the quoted reply’s own when another code introduces it', async () => {
    const { incidents } = await extract(
      '<jean@example.org>: host relay.example.org[192.0.2.25] said: 554 Relaying failed: host mx.example.net said: 421 4.7.0 Try again later (in reply to end of DATA command)',
      options,
    );
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced])).toEqual([[554, null]]);
  });
});
