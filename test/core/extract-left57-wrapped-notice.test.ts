/**
 * A gateway's notification wrapping a bounce whole (test/fixtures/extract/left57/SOURCES.md, Sisimai's
 * lhost-x5-01): the notification goes to its own recipients (`NotificationRecipients@mpvss-002...`, an
 * address at a host name), the wrapped bounce to the refused message's sender, whose domain is the sending
 * domain. A double bounce, whose wrapped notice went to a failed recipient, keeps the notice's own To.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = readFileSync(
  fileURLToPath(new URL('../fixtures/extract/left57/x5-notification-wrapping-bounce.eml', import.meta.url)),
  'utf8',
);
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe('a bounce wrapped whole in a gateway’s notification', () => {
  it('takes the sending domain from the wrapped bounce’s To, not the notification’s', async () => {
    const { incidents } = await extract(fixture, options);
    expect(incidents.map((i) => [i.sendingDomain, i.sources.sendingDomain?.text, i.recipientDomain])).toEqual(
      [['cat.example.co.jp', 'To: shironeko@cat.example.co.jp', 'neko.example.org']],
    );
  });

  it('keeps the notice’s own To when the wrapped notice went to the failed recipient (a double bounce)', async () => {
    const double = fixture.replace('To: shironeko@cat.example.co.jp', 'To: kijitora@neko.example.org');
    expect(double).not.toBe(fixture);
    const { incidents } = await extract(double, options);
    expect(incidents.map((i) => i.sendingDomain)).toEqual(['mpvss-002.int.example.co.jp']);
  });
});
