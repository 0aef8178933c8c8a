/**
 * Exchange Online's lead, `<host> rejected your message to the following email addresses:` (French, German
 * too), names the rejecting server where no Remote-MTA or `Server at X (IP) returned` does
 * (test/fixtures/extract/left47/SOURCES.md); never Microsoft's own servers, the sender's, or a bare domain.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/left47/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

const ORANGE_102 =
  '550 5.7.1 mwinf5c21 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=40.107.22.83 [102]';

/** An Office 365 notice pasted from Outlook: its lead naming `host`, the recipient, the diagnostic block. */
function notice(
  host: string,
  recipient: string,
  generating = 'AM9PR04MB8421.eurprd04.prod.outlook.com',
): string {
  return [
    `${host} rejected your message to the following email addresses:`,
    '',
    recipient,
    "Your message wasn't delivered because the recipient's email provider rejected it.",
    '',
    'Diagnostic information for administrators:',
    '',
    `Generating server: ${generating}`,
    '',
    recipient,
    `Remote Server returned '${ORANGE_102}'`,
    '',
  ].join('\n');
}

describe('the host Exchange Online’s lead names', () => {
  it('is the remote of an English notice that names no other, cited from the lead', async () => {
    const { incidents } = await extract(fixture('office365-en-lead-orange-102.txt'), options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.reply.text).toBe(ORANGE_102);
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.sources.remoteHost?.line).toBe(3);
    expect(incident?.remoteIp).toBeNull();
    expect(incident?.sendingIps).toEqual(['40.107.22.83']);
  });

  it('is read in French, its no-break space before the colon', async () => {
    const { incidents } = await extract(fixture('office365-fr-lead-wanadoo-506.txt'), options);
    expect(incidents.map((i) => [i.orange?.reason, i.remoteHost, i.sources.remoteHost?.line])).toEqual([
      [506, 'smtp-in.orange.fr', 3],
    ]);
  });

  it('is read in German, and then Exchange Online’s own server is no sending host', async () => {
    const { incidents } = await extract(fixture('office365-de-lead-remote-blocklist.txt'), options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.remoteHost).toBe('mx1.example.de');
    expect(incident?.sources.remoteHost?.line).toBe(1);
    expect(incident?.sendingHosts).toEqual([]);
    expect(incident?.assumptions.map((a) => a.code)).toContain('sender.exchange-online-relay');
  });

  it('goes to the recipients listed under it when the notice has one lead per server', async () => {
    const text = [
      'mx1.example.net rejected your message to the following email addresses:',
      '',
      'paul@example.net',
      '',
      notice('smtp-in.orange.fr', 'jean.dupont@orange.fr'),
      'paul@example.net',
      "Remote Server returned '550 5.1.1 <paul@example.net>: Recipient address rejected: User unknown'",
    ].join('\n');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.recipientDomain, i.remoteHost]).sort()).toEqual([
      ['example.net', 'mx1.example.net'],
      ['orange.fr', 'smtp-in.orange.fr'],
    ]);
  });

  it.each([
    ['Microsoft’s own server', notice('DB8EUR05FT012.mail.protection.outlook.com', 'jean.dupont@orange.fr')],
    ['the notice’s writer', notice('ex01.example.net', 'jean.dupont@orange.fr', 'ex01.example.net')],
    ['the recipient’s bare domain', notice('orange.fr', 'jean.dupont@orange.fr')],
  ])('is not %s', async (_, text) => {
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.orange?.reason, i.remoteHost])).toEqual([[102, null]]);
  });

  it('gives way to the server the notice names beside the reply', async () => {
    const text = notice('mx1.example.net', 'jean.dupont@orange.fr').replace(
      'jean.dupont@orange.fr\nRemote Server',
      'jean.dupont@orange.fr\nsmtp-in.orange.fr\nRemote Server',
    );
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.remoteHost, i.sources.remoteHost?.text])).toEqual([
      ['smtp-in.orange.fr', 'smtp-in.orange.fr'],
    ]);
  });
});
