/**
 * Bounces French senders get when Orange refuses their mail, as their hosting providers and ESPs write
 * them (OVH, Ionos, o2switch/cPanel Exim, Free, Gmail/Google Workspace in French, Microsoft 365 in
 * French), as a whole message and as the body a user copies from a webmail. Orange's replies are the
 * real ones (../shared/notes/orange.md); sender-side names and addresses are documentation values.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../core/extract';
import type { Incident } from '../../core/types';

const dir = fileURLToPath(new URL('../fixtures/extract/fr-hosts/', import.meta.url));

async function only(name: string): Promise<Incident> {
  const { incidents } = await extractBytes(new Uint8Array(readFileSync(`${dir}${name}`)));
  expect(incidents).toHaveLength(1);
  const incident = incidents[0];
  if (!incident) throw new Error(`no incident in ${name}`);
  return incident;
}

describe('Gmail / Google Workspace in French', () => {
  it('reads the reply under "La réponse du serveur distant était :" in the pasted notice', async () => {
    const i = await only('gmail-fr-pasted.txt');
    expect(i.reply).toEqual({
      code: 550,
      enhanced: '5.2.0',
      text: '550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]',
    });
    expect(i.orange).toEqual({ token: 'OFR_506', reason: 506, server: null });
    expect(i.recipientDomain).toBe('wanadoo.fr');
  });
});

describe('Gmail / Google Workspace DSN (French notice, delivery-status part)', () => {
  it("gives Orange's MX address from the Remote-MTA comment, never as a sending IP", async () => {
    const i = await only('gmail-fr-dsn.eml');
    expect(i.remoteHost).toBe('smtp-in.orange.fr');
    expect(i.remoteIp).toBe('80.12.242.9');
    expect(i.sources.remoteIp?.text).toContain('Remote-MTA: dns; smtp-in.orange.fr.');
    expect(i.sendingIps).toEqual([]);
  });

  it('reads the envelope sender, recipient domain, reply and the dated last attempt with its zone', async () => {
    const i = await only('gmail-fr-dsn.eml');
    expect(i.sendingDomain).toBe('cabinet-example.fr');
    expect(i.recipientDomain).toBe('wanadoo.fr');
    expect(i.reply).toEqual({
      code: 550,
      enhanced: '5.2.0',
      text: '550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]',
    });
    expect(i.orange?.reason).toBe(506);
    expect(i.occurredAt).toBe('2024-05-06T02:12:34-07:00');
  });
});

describe('Microsoft 365 notice in French, pasted from Outlook without headers', () => {
  const name = 'o365-fr-pasted-102.txt';

  it("dates the incident from 'Date de création', day first, in the zone the user chose", async () => {
    const bytes = new Uint8Array(readFileSync(`${dir}${name}`));
    const i = (await extractBytes(bytes, { assumeZone: 'Europe/Paris' })).incidents[0];
    expect(i?.occurredAt).toBe('2024-06-07T09:41:22+02:00');
    expect(i?.sources.occurredAt?.text).toContain('Date de création :');
    expect(i?.assumptions.map((a) => a.code)).toContain('date.no-zone');
  });

  it("reads Orange's reply after '->', the Cloudmark link's IP as the sending IP, and the named sender", async () => {
    const i = await only(name);
    expect(i.reply.code).toBe(550);
    expect(i.reply.enhanced).toBeNull();
    expect(i.reply.text).toBe(
      '550 mwinf5c40 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=198.51.100.140 [102]',
    );
    expect(i.orange).toEqual({ token: 'OFR006_102', reason: 102, server: 'mwinf5c40' });
    expect(i.sendingIps).toEqual(['198.51.100.140']);
    expect(i.sendingDomain).toBe('agence-example.fr');
    expect(i.recipientDomain).toBe('orange.fr');
    expect(i.remoteHost).toBe('smtp-in.orange.fr');
  });

  it("reads the English notice's AM/PM 'Created Date' month first", async () => {
    const text = 'Created Date:   6/7/2024 9:41:22 PM\n';
    const i = await only(name);
    const english = readFileSync(`${dir}${name}`, 'utf8').replace(/^Date de création :.*$/m, text.trim());
    const result = await extractBytes(new TextEncoder().encode(english));
    expect(i.occurredAt).toBe('2024-06-07T09:41:22+00:00');
    expect(result.incidents[0]?.occurredAt).toBe('2024-06-07T21:41:22+00:00');
  });
});
