/**
 * Microsoft's notices and their forwards, gaps left by the earlier passes (test/fixtures/extract/
 * ms45-leftovers/SOURCES.md): an Exchange notice holding only its recipient and `Remote Server returned`
 * sentence, Outlook's forward of a notice (whose To is the refused message's sender), Office 365's
 * German creation date, and a hybrid setup where Exchange Online, not the on-premises server, delivered.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract, extractBytes } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/ms45-leftovers/', import.meta.url));
const text = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const bytes = (name: string) => new Uint8Array(readFileSync(`${dir}${name}`));
const options = { now: new Date('2026-12-07T12:00:00Z'), assumeZone: 'Europe/Paris' };
const codes = (notes: readonly { code: string }[] | undefined) => (notes ?? []).map((n) => n.code);

const ORANGE_104 =
  '550 5.7.1 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_104 [104]';

describe('an Exchange notice without its diagnostic heading', () => {
  it('is Exchange’s by its X-MS-Exchange-Message-Is-Ndr mark and its sentence, each field from its line', async () => {
    const { incidents } = await extractBytes(bytes('exchange2013-returned-sentence-only-qp.eml'), options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.format).toBe('exchange');
    expect(incident?.reply.text).toBe(ORANGE_104);
    expect(incident?.orange?.reason).toBe(104);
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.sources.recipientDomain?.text).toContain('p.girard@orange.fr<mailto:');
    // Written to the envelope sender; dated by the notice's own Date.
    expect(incident?.sendingDomain).toBe('atelier-morel.example');
    expect(incident?.sources.sendingDomain?.text).toBe('To: <devis@atelier-morel.example>');
    expect(incident?.occurredAt).toBe('2026-12-04T10:14:22+01:00');
    // Nothing names the server that connected to Orange: left to fill in, not guessed from the notice's hop.
    expect(incident?.sendingHosts).toEqual([]);
    expect(incident?.sendingIps).toEqual([]);
  });

  it('reads Exchange 2010’s notice starting with its generating server, the status inside the sentence', async () => {
    const { incidents } = await extract(text('exchange2010-generating-first-status-inside.eml'), options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.format).toBe('exchange');
    expect(incident?.reply.text).toBe(ORANGE_104);
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.recipientDomain).toBe('wanadoo.fr');
    expect(incident?.sendingHosts).toEqual(['mx1.lettres-ventes.example']);
    expect(incident?.sources.sendingHosts?.text).toBe('Generating server: MX1.lettres-ventes.example');
    expect(incident?.sendingDomain).toBe('lettres-ventes.example');
    expect(incident?.occurredAt).toBe('2026-12-03T16:40:05+01:00');
  });
});

describe('Outlook’s forward of a notice: the notice’s To is the refused message’s sender', () => {
  it('takes the domain of `À : Marie Durand <…>`, not the colleague’s who forwarded it', async () => {
    const { incidents } = await extractBytes(bytes('outlook-fr-forward-by-colleague-qp.eml'), options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.reply.text).toBe(ORANGE_104);
    expect(incident?.sendingDomain).toBe('boutique-durand.example');
    expect(incident?.sendingDomain).not.toBe('hebergeur-exemple.example');
    // The forward's `Envoyé :` line, in the forwarding message's zone.
    expect(incident?.occurredAt).toBe('2026-12-04T10:14:00+01:00');
    expect(incident?.sendingHosts).toEqual(['srv-ex01.boutique-durand.example']);
  });

  it('leaves the domain empty, with a note, when the To line names a person without an address', async () => {
    const { incidents } = await extract(text('outlook-en-forward-to-name-only.txt'), options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.sendingDomain).toBeNull();
    expect(codes(incident?.assumptions)).toContain('sender.notice-to-without-address');
    const note = incident?.assumptions.find((a) => a.code === 'sender.notice-to-without-address');
    expect(note?.text.en).toContain('"Marie Durand"');
  });

  it('takes no domain from a To line naming two people', async () => {
    const two = text('outlook-en-forward-to-name-only.txt').replace(
      'To: Marie Durand',
      'To: Marie Durand <marie@shop-example.example>; Paul Roy <paul@other-shop.example>',
    );
    const { incidents } = await extract(two, options);
    expect(incidents[0]?.sendingDomain).toBeNull();
    expect(codes(incidents[0]?.assumptions)).toContain('sender.notice-to-without-address');
  });
});

describe('Office 365’s notice in German, as Outlook shows it', () => {
  it('dates it by `Erstellungsdatum: 04.12.2026 14:03:17`, day first and in UTC', async () => {
    const { incidents } = await extract(text('office365-de-erstellungsdatum-pasted.txt'), options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.reply.text).toBe(ORANGE_104);
    expect(incident?.sources.reply?.text).toContain('Remoteserver hat');
    expect(incident?.occurredAt).toBe('2026-12-04T14:03:17+00:00');
    expect(incident?.sources.occurredAt?.text).toBe('Erstellungsdatum: 04.12.2026 14:03:17');
  });

  it('leaves a dotted date whose month is beyond 12 unread', async () => {
    const wrong = text('office365-de-erstellungsdatum-pasted.txt').replace('04.12.2026', '12.14.2026');
    const { incidents } = await extract(wrong, options);
    expect(incidents[0]?.occurredAt).not.toBe('2026-12-14T14:03:17+00:00');
  });
});

describe('Office 365 in a hybrid setup: Exchange Online delivered, not the on-premises server', () => {
  it('gives neither the on-premises server nor Exchange Online’s inner servers as the sender', async () => {
    const { incidents } = await extract(text('office365-hybrid-onprem-to-exchange-online.eml'), options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.reply.text).toBe(ORANGE_104);
    expect(incident?.sendingIps).toEqual([]);
    expect(incident?.sendingHosts).toEqual([]);
    expect(codes(incident?.assumptions)).toContain('sender.exchange-online-relay');
    const note = incident?.assumptions.find((a) => a.code === 'sender.exchange-online-relay');
    expect(note?.text.en).toContain('ex01.menuiserie-roux.example');
    expect(note?.text.en).toContain('outbound.protection.outlook.com');
    expect(note?.text.fr).toContain('\u00a0:');
    expect(incident?.sendingDomain).toBe('menuiserie-roux.example');
  });

  it('keeps the on-premises server when Microsoft itself refused (the hop in was the recipient’s inbound)', async () => {
    // A recipient whose mail Microsoft 365 hosts: the reply ends with the refusing frontend's bracket.
    const microsoft = text('office365-hybrid-onprem-to-exchange-online.eml')
      .replaceAll('a.lefevre@orange.fr', 'achats@client-m365.example')
      .replace(
        ORANGE_104,
        '550 5.7.606 Access denied, banned sending IP [203.0.113.25]. AS(1430) [DB8EUR05FT012.eop-eur05.prod.protection.outlook.com]',
      );
    const { incidents } = await extract(microsoft, options);
    expect(incidents[0]?.reply.enhanced).toBe('5.7.606');
    expect(codes(incidents[0]?.assumptions)).not.toContain('sender.exchange-online-relay');
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.25']);
  });
});

describe('Microsoft’s shared outbound address in Orange’s reply', () => {
  it('keeps 40.107.22.70 from the Cloudmark link, saying it is Microsoft’s, shared among its customers', async () => {
    const { incidents } = await extract(text('office365-orange-102-microsoft-outbound-ip.txt'), options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.orange?.reason).toBe(102);
    expect(incident?.sendingIps).toEqual(['40.107.22.70']);
    // The generating server is Exchange Online's mailbox server: never the one Orange saw.
    expect(incident?.sendingHosts).toEqual([]);
    const note = incident?.assumptions.find((a) => a.code === 'sender.microsoft-shared-outbound');
    expect(note?.text.en).toContain('40.107.22.70');
    expect(note?.text.fr).toContain('Microsoft\u00a0365');
  });

  it('says nothing of Microsoft for an address outside its outbound ranges', async () => {
    const own = text('office365-orange-102-microsoft-outbound-ip.txt').replace(
      '40.107.22.70',
      '198.51.100.14',
    );
    const { incidents } = await extract(own, options);
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.14']);
    expect(codes(incidents[0]?.assumptions)).not.toContain('sender.microsoft-shared-outbound');
  });
});
