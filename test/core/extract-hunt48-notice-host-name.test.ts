/**
 * Log lines whose syslog host field gives the machine's short name, pasted with the notice that machine
 * wrote (`Hi. This is the Haraka Mailer program at mxbt1.example.com.`, `This is the mail system at host
 * relay1.example.net.`): the notice gives its full name (test/fixtures/extract/hunt48/SOURCES.md,
 * haraka/Haraka issue 848).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt48/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe("Haraka's notice and its log line in two fences of an issue", () => {
  it("gives the sending host the full name the notice's first line gives, citing that line", async () => {
    const { incidents } = await extract(fixture('haraka-848-notice-then-log-line.md'), options);
    expect(incidents.map((i) => [i.sendingHosts, i.sources.sendingHosts?.line, i.sendingIps])).toEqual([
      [['mxbt1.barontel.com'], 4, ['107.6.51.128']],
    ]);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('sending-host-from-notice');
  });
});

describe("Postfix's notice pasted above its log line", () => {
  const log =
    'Dec  5 10:14:02 relay1 postfix/smtp[2811]: 4F2A81C0453: to=<jean@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.0.0, status=bounced (host smtp-in.orange.fr[193.252.22.65] said: 550 5.2.0 Mail rejete. Mail rejected. OFR_506 [506] (in reply to end of DATA command))';

  it('gives the full name of the machine the notice names', async () => {
    const text = ['This is the mail system at host relay1.example.net.', '', log].join('\n');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.orange?.reason, i.sendingHosts])).toEqual([[506, ['relay1.example.net']]]);
  });

  it('keeps the short name when the notice names another machine', async () => {
    const text = ['This is the mail system at host relay2.example.net.', '', log].join('\n');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.sendingHosts)).toEqual([['relay1']]);
  });
});
