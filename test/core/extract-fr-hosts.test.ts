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

  // Exchange Online writes its Created Date in UTC (test/fixtures/extract/hunt43/SOURCES.md): not in the
  // zone the user chose.
  it("dates the incident from 'Date de création', day first, in UTC", async () => {
    const bytes = new Uint8Array(readFileSync(`${dir}${name}`));
    const i = (await extractBytes(bytes, { assumeZone: 'Europe/Paris' })).incidents[0];
    expect(i?.occurredAt).toBe('2024-06-07T09:41:22+00:00');
    expect(i?.sources.occurredAt?.text).toContain('Date de création :');
    expect(i?.assumptions.map((a) => a.code)).not.toContain('date.no-zone');
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

/** The fields a postmaster puts in the ticket, as the extractor should give them. */
interface TicketFields {
  occurredAt: string | null;
  sendingIps: string[];
  sendingHosts: string[];
  sendingDomain: string | null;
  recipientDomain: string | null;
  remoteHost: string | null;
  remoteIp: string | null;
  reply: Incident['reply'];
  orange: Incident['orange'];
}

function ticketFields(i: Incident): TicketFields {
  const { occurredAt, sendingIps, sendingHosts, sendingDomain, recipientDomain, remoteHost, remoteIp } = i;
  return {
    occurredAt,
    sendingIps,
    sendingHosts,
    sendingDomain,
    recipientDomain,
    remoteHost,
    remoteIp,
    reply: i.reply,
    orange: i.orange,
  };
}

const CLOUDMARK_102 = (server: string, ip: string) =>
  `550 ${server} ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=${ip} [102]`;

describe('French hosting providers: whole bounces', () => {
  it('OVH (Postfix on mo548.mail-out.ovh.net, greeting refusal): the Cloudmark IP, never the MX Plan hop or the PC', async () => {
    expect(ticketFields(await only('ovh-postfix-greeting.eml'))).toEqual({
      occurredAt: '2024-03-12T09:42:15+00:00',
      sendingIps: ['198.51.100.23'],
      sendingHosts: ['mo548.mail-out.ovh.net'],
      sendingDomain: 'boulangerie-example.fr',
      recipientDomain: 'wanadoo.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      reply: { code: 550, enhanced: null, text: CLOUDMARK_102('mwinf5c13', '198.51.100.23') },
      orange: { token: 'OFR006_102', reason: 102, server: 'mwinf5c13' },
    });
  });

  it("Free (Postfix on smtp6-g21.free.fr, Orange's newer opmta reply, Abusix link)", async () => {
    const i = await only('free-postfix-abusix.eml');
    expect(i.sendingIps).toEqual(['198.51.100.212']);
    expect(i.sendingHosts).toEqual(['smtp6-g21.free.fr']);
    expect(i.sendingDomain).toBe('free.fr');
    expect(i.occurredAt).toBe('2024-05-17T18:03:39+02:00');
    expect(i.reply.code).toBe(550);
    expect(i.reply.enhanced).toBeNull();
    expect(i.reply.text).toBe(
      '550 opmta1mti07aub smtp.orange.fr EnJyw4MoQfspR Adresse IP source bloquee par Abusix. IP blocked by Abusix, OFR006_100 please visit https://lookup.abusix.com/search?q=198.51.100.212 [100]',
    );
    expect(i.orange).toEqual({ token: 'OFR006_100', reason: 100, server: 'opmta1mti07aub' });
    expect(i.remoteIp).toBe('80.12.242.9');
  });

  it('Ionos (kundenserver.de): no sending IP rather than the PC address of the submission hop', async () => {
    const i = await only('ionos-rcpt-506.eml');
    expect(i.sendingIps).toEqual([]);
    expect(i.sendingDomain).toBe('menuiserie-example.fr');
    expect(i.recipientDomain).toBe('orange.fr');
    expect(i.remoteHost).toBe('smtp-in.orange.fr');
    expect(i.remoteIp).toBe('80.12.242.9');
    expect(i.reply).toEqual({
      code: 550,
      enhanced: '5.2.0',
      text: '550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]',
    });
    expect(i.occurredAt).toMatch(/^2024-03-20T15:07:\d\d\+01:00$/);
  });

  it('o2switch (cPanel Exim, French template in quoted-printable UTF-8): unwrapped reply, not the PC of the esmtpsa hop', async () => {
    const i = await only('o2switch-exim-fr.eml');
    expect(i.format).toBe('exim');
    expect(i.reply.code).toBe(550);
    expect(i.reply.text).toBe(CLOUDMARK_102('mwinf5c77', '198.51.100.61'));
    expect(i.sendingIps).toEqual(['198.51.100.61']);
    expect(i.sendingHosts).toEqual(['sapin.o2switch.net']);
    expect(i.sendingDomain).toBe('gite-example.fr');
    expect(i.remoteIp).toBe('193.252.22.65');
    expect(i.occurredAt).toBe('2024-04-04T08:15:03+02:00');
  });

  it('cPanel Exim with a French ISO-8859-1 template, no IP in the reply: no sending IP, the host that refused', async () => {
    const i = await only('cpanel-exim-fr-latin1.eml');
    expect(i.reply).toEqual({
      code: 550,
      enhanced: '5.2.0',
      text: '550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]',
    });
    expect(i.sendingIps).toEqual([]);
    expect(i.sendingHosts).toEqual(['node12.planethoster.net']);
    expect(i.sendingDomain).toBe('plomberie-example.fr');
    expect(i.remoteHost).toBe('smtp-in.orange.fr');
    expect(i.remoteIp).toBe('80.12.242.9');
  });

  it('Infomaniak (Postfix, reason 103): the IP Orange writes after its token', async () => {
    const i = await only('infomaniak-postfix-103.eml');
    expect(i.sendingIps).toEqual(['198.51.100.77']);
    expect(i.sendingHosts).toEqual(['smtp-190e.mail.infomaniak.ch']);
    expect(i.orange).toEqual({ token: 'OFR006_103', reason: 103, server: 'mwinf5c22' });
    expect(i.reply.text).toBe(
      '550 mwinf5c22 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_103 198.51.100.77 [103]',
    );
  });

  it('Gandi (Postfix delay warning, 421 OFR_999 at the greeting): the basic code from the reply', async () => {
    const i = await only('gandi-postfix-delayed-999.eml');
    expect(i.reply.code).toBe(421);
    expect(i.orange).toEqual({ token: 'OFR_999', reason: 999, server: 'mwinf5c79' });
    expect(i.sendingHosts[0]).toBe('relay4-d.mail.gandi.net');
    expect(i.sendingDomain).toBe('atelier-example.fr');
    expect(i.recipientDomain).toBe('orange.fr');
  });
  it("Plesk on a VPS (Postfix, the customer's own domain): never the PC address of the ESMTPSA hop or of Authentication-Results", async () => {
    const i = await only('plesk-vps-postfix-506.eml');
    expect(i.sendingIps).toEqual([]);
    expect(i.sendingHosts).toEqual(['mail.cave-example.fr']);
    expect(i.sendingDomain).toBe('cave-example.fr');
    expect(i.occurredAt).toBe('2024-07-11T11:20:07+02:00');
    expect(i.reply).toEqual({
      code: 550,
      enhanced: '5.2.0',
      text: '550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]',
    });
    expect(i.remoteIp).toBe('193.252.22.65');
  });
});

describe('French hosting providers: the body copied from a webmail', () => {
  it('OVH: the same reply, IPs and host; no date or sender to invent', async () => {
    const whole = await only('ovh-postfix-greeting.eml');
    const pasted = await only('ovh-postfix-greeting-pasted.txt');
    expect(pasted.reply).toEqual(whole.reply);
    expect(pasted.orange).toEqual(whole.orange);
    expect(pasted.sendingIps).toEqual(['198.51.100.23']);
    expect(pasted.sendingHosts).toEqual(['mo548.mail-out.ovh.net']);
    expect(pasted.remoteIp).toBe('193.252.22.65');
    expect(pasted.recipientDomain).toBe('wanadoo.fr');
    expect(pasted.occurredAt).toBeNull();
    expect(pasted.sendingDomain).toBeNull();
  });

  it.each([
    ['free-postfix-abusix-pasted.txt', 'free-postfix-abusix.eml'],
    ['ionos-rcpt-506-pasted.txt', 'ionos-rcpt-506.eml'],
    ['o2switch-exim-fr-pasted.txt', 'o2switch-exim-fr.eml'],
  ])(
    '%s: the same reply text, Orange fields, sending IPs and remote as the whole bounce',
    async (paste, whole) => {
      const a = await only(paste);
      const b = await only(whole);
      expect(a.reply.code).toBe(b.reply.code);
      expect(a.reply.text).toBe(b.reply.text);
      expect(a.orange).toEqual(b.orange);
      expect(a.sendingIps).toEqual(b.sendingIps);
      expect(a.remoteHost).toBe(b.remoteHost);
      expect(a.remoteIp).toBe(b.remoteIp);
      expect(a.recipientDomain).toBe(b.recipientDomain);
    },
  );
});

describe('Microsoft 365 notice in French, saved from Outlook as a message', () => {
  it("gives the Cloudmark link's IP, not Microsoft's internal address of the notice's hop to the mailbox", async () => {
    const i = await only('o365-fr-ndr.eml');
    expect(i.sendingIps).toEqual(['198.51.100.140']);
    expect(i.sendingDomain).toBe('agence-example.fr');
    expect(i.recipientDomain).toBe('orange.fr');
    expect(i.remoteHost).toBe('smtp-in.orange.fr');
    expect(i.orange).toEqual({ token: 'OFR006_102', reason: 102, server: 'mwinf5c40' });
    expect(i.reply.text).toContain(CLOUDMARK_102('mwinf5c40', '198.51.100.140'));
    expect(i.occurredAt).toBe('2024-06-07T07:41:22+00:00');
  });
});

describe('Thunderbird in French, a recipient refused while sending to an Orange mailbox', () => {
  it("ends the reply before Thunderbird's 'Veuillez vérifier le destinataire du message « ... »'", async () => {
    const i = await only('thunderbird-fr-recipient-416.txt');
    expect(i.reply.text).toBe(
      '5.1.1 g1aPogOQcUQ7x Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    );
    expect(i.reply.enhanced).toBe('5.1.1');
    expect(i.orange).toEqual({ token: 'OFR_416', reason: 416, server: null });
    expect(i.recipientDomain).toBe('wanadoo.fr');
  });
});

describe("cPanel Exim's delay warning (421 OFR_999 for 24 hours)", () => {
  it('whole: the reply from the delivery report, the host, the envelope sender, never the PC of the esmtpsa hop', async () => {
    const i = await only('cpanel-exim-delay-999.eml');
    expect(i.reply.code).toBe(421);
    expect(i.reply.text).toBe(
      '421 mwinf5c79 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]',
    );
    expect(i.orange).toEqual({ token: 'OFR_999', reason: 999, server: 'mwinf5c79' });
    expect(i.sendingHosts).toEqual(['sapin.o2switch.net']);
    expect(i.sendingIps).toEqual([]);
    expect(i.sendingDomain).toBe('fleurs-example.fr');
    expect(i.remoteIp).toBe('193.252.22.65');
  });

  it("pasted: the host named by 'on the queue on ...' is the sending host", async () => {
    const i = await only('cpanel-exim-delay-999-pasted.txt');
    expect(i.sendingHosts).toEqual(['sapin.o2switch.net']);
    expect(i.sources.sendingHosts?.text).toContain('on the queue on sapin.o2switch.net.');
    expect(i.reply.code).toBe(421);
    expect(i.orange?.reason).toBe(999);
  });
});

describe("Exim's delay warning pasted without headers", () => {
  it("dates the incident from 'The date of the message is:', with its zone and no assumption", async () => {
    const i = await only('cpanel-exim-delay-999-pasted.txt');
    expect(i.occurredAt).toBe('2024-07-12T09:27:41+02:00');
    expect(i.sources.occurredAt?.text).toContain('The date of the message is:');
    expect(i.assumptions.map((a) => a.code)).not.toContain('date.no-zone');
  });
});
