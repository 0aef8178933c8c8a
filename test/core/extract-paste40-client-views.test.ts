/**
 * Bounces as French users' mail clients show them when Orange refuses their mail: Gmail's web view of a
 * notice Gmail wrote itself, copied without its delivery status; Office 365's and Exchange's French
 * notices saved as HTML only (no text part), their `&nbsp;` and Latin-1 `=A0` before each colon, one
 * block per refused recipient; Roundcube's table of a notice's header fields copied from the browser, its
 * cells joined by tabs (test/fixtures/extract/paste40/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract, extractBytes } from '../../core/extract';
import { webmailHeaderTable } from '../../core/extract/webmail-header-table';

const dir = fileURLToPath(new URL('../fixtures/extract/paste40/', import.meta.url));
const text = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const bytes = (name: string) => new Uint8Array(readFileSync(`${dir}${name}`));
const options = { now: new Date('2026-12-06T12:00:00Z'), assumeZone: 'Europe/Paris' };

describe("Gmail's web view of its own notice, copied without the delivery status", () => {
  it('is dated by the view’s date line, in the assumed zone, said', async () => {
    const pasted = text('gmail-web-view-fr-own-notice-102.txt');
    const { incidents } = await extract(pasted, options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.occurredAt).toBe('2026-12-05T14:03:00+01:00');
    expect(incident?.sources.occurredAt?.line).toBe(2);
    expect(incident?.assumptions.map((a) => a.code)).toContain('date.no-zone');
    expect(incident?.orange?.reason).toBe(102);
    // The address in Cloudmark's link is Gmail's sending address, the only one the view gives.
    expect(incident?.sendingIps).toEqual(['198.51.100.45']);
    expect(incident?.remoteIp).toBeNull();
  });

  it('reads the English view alike (`Sat, Dec 5, 2026, 2:03 PM`, `to me`)', async () => {
    const pasted = text('gmail-web-view-fr-own-notice-102.txt')
      .replace('sam. 5 déc. 2026, 14:03 (il y a 1 jour)', 'Sat, Dec 5, 2026, 2:03 PM (1 day ago)')
      .replace('À moi', 'to me')
      .replace('La réponse du serveur distant était\u00a0:', 'The response from the remote server was:');
    const { incidents } = await extract(pasted, options);
    expect(incidents.map((i) => i.occurredAt)).toEqual(['2026-12-05T14:03:00+01:00']);
  });

  it('takes no date from a line under a person’s name, nor from a view below the reply', async () => {
    const person = text('gmail-web-view-fr-own-notice-102.txt').replace(
      'Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
      'Claire Martin <claire.martin@example.com>',
    );
    expect((await extract(person, options)).incidents.map((i) => i.occurredAt)).toEqual([null]);
    const lines = text('gmail-web-view-fr-own-notice-102.txt').trimEnd().split('\n');
    const below = [...lines.slice(3), '', ...lines.slice(0, 3)].join('\n');
    expect((await extract(below, options)).incidents.map((i) => i.occurredAt)).toEqual([null]);
  });
});

describe("Office 365's French notice saved with its HTML part only (base64)", () => {
  it('names the remote server of `Serveur distant&nbsp;:` in its table', async () => {
    const { incidents } = await extractBytes(bytes('o365-fr-html-only-base64-506.eml'), options);
    expect(
      incidents.map((i) => [i.orange?.reason, i.remoteHost, i.recipientDomain, i.sendingDomain]),
    ).toEqual([[506, 'smtp-in.orange.fr', 'orange.fr', 'example.com']]);
    // Microsoft's generating server is its own, no sending host of the customer's.
    expect(incidents[0]?.sendingHosts).toEqual([]);
    expect(incidents[0]?.sendingIps).toEqual([]);
  });
});

describe("Exchange's French notice saved with its HTML part only (Latin-1, quoted-printable)", () => {
  it('gives each refused recipient its own domain and server, the blocks run together', async () => {
    const { incidents } = await extractBytes(
      bytes('exchange-fr-html-only-latin1-two-recipients.eml'),
      options,
    );
    expect(incidents.map((i) => [i.orange?.reason, i.recipientDomain, i.remoteHost, i.sendingIps])).toEqual([
      [102, 'orange.fr', 'smtp-in.orange.fr', ['203.0.113.25']],
      [104, 'wanadoo.fr', 'smtp-in.orange.fr', []],
    ]);
    // The sending server is the Exchange server that wrote the notice; its address is no sending IP.
    expect(incidents.map((i) => i.sendingHosts)).toEqual([
      ['exch01.corp.example.com'],
      ['exch01.corp.example.com'],
    ]);
  });

  it('reads the same blocks copied as text without the empty lines between them', async () => {
    const pasted = [
      'Informations de diagnostic pour les administrateurs\u00a0:',
      'Serveur de génération\u00a0: EXCH01.corp.example.com',
      'jean.dupont@orange.fr',
      'smtp-in.orange.fr',
      "Remote Server returned '550 5.7.1 mwinf5c21 ME Mail rejete. Mail rejected. ofr_506 [506]'",
      'marc.petit@wanadoo.fr',
      'smtp-in.orange.fr',
      "Remote Server returned '552 5.1.1 kzjyw4NWpQ9aB Boite du destinataire pleine. Recipient overquota. OFR_417 [417]'",
      '',
      'En-têtes de message d’origine\u00a0:',
      '',
    ].join('\n');
    const { incidents } = await extract(pasted, options);
    expect(
      incidents.map((i) => [i.orange?.reason, i.recipientDomain, i.sources.recipientDomain?.line]),
    ).toEqual([
      [506, 'orange.fr', 3],
      [417, 'wanadoo.fr', 6],
    ]);
  });
  it('gives each recipient of an English notice copied so its own incident, as with the empty lines', async () => {
    const pasted = readFileSync(
      fileURLToPath(
        new URL(
          '../fixtures/extract/audit18/outlook-ndr-two-recipients-wrapped-5.7.133.txt',
          import.meta.url,
        ),
      ),
      'utf8',
    );
    const spaced = pasted.replace(/\n(svemula-(?:all-emp|xhd-npw)@xilinx\.com\nRemote)/g, '\n\n$1');
    const named = async (text: string) =>
      (await extract(text, options)).incidents.map((i) => i.sources.recipientDomain?.text);
    expect(await named(pasted)).toEqual(['svemula-all-emp@xilinx.com', 'svemula-xhd-npw@xilinx.com']);
    expect(await named(pasted)).toEqual(await named(spaced));
  });
});

describe("Roundcube's table of a notice's header fields, copied from the browser", () => {
  const name = 'roundcube-header-table-postfix-102-104.txt';

  it('dates the notice by its Date row and gives the sender the address it went back to', async () => {
    const { incidents } = await extract(text(name), options);
    expect(
      incidents.map((i) => [i.orange?.reason, i.recipientDomain, i.occurredAt, i.sendingDomain]),
    ).toEqual([
      [102, 'orange.fr', '2026-12-05T14:03:00+01:00', 'example.com'],
      [104, 'wanadoo.fr', '2026-12-05T14:03:00+01:00', 'example.com'],
    ]);
    expect(incidents[0]?.sources.occurredAt).toEqual({ line: 4, text: 'Date\t2026-12-05 14:03' });
    expect(incidents[0]?.sources.sendingDomain?.line).toBe(3);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
    // Orange's MX address is the remote's, never a sending one.
    expect(incidents.map((i) => i.sendingIps)).toEqual([['203.0.113.25'], []]);
  });

  it('reads a slashed date under French labels day first', async () => {
    const pasted = text(name).replace('Date\t2026-12-05 14:03', 'Date\t05/12/2026 14:03');
    const { incidents } = await extract(pasted, options);
    expect(incidents.map((i) => i.occurredAt)).toEqual([
      '2026-12-05T14:03:00+01:00',
      '2026-12-05T14:03:00+01:00',
    ]);
  });

  it("leaves a person's message's table alone, and keeps each row on its line", () => {
    const person = ['De\tJean Martin <jean@example.com>', 'À\tclaire@example.com', 'Date\t2026-12-05 14:03'];
    expect(webmailHeaderTable([...person, 'Bonjour Claire,'], 0)).toBeNull();
    const lines = text(name).split('\n');
    const table = webmailHeaderTable(lines, 1);
    expect(table?.text.split('\n').slice(0, 4)).toEqual([
      'From: Mail Delivery System <MAILER-DAEMON@mail.example.com>',
      'To: claire.martin@example.com',
      'Date: 2026-12-05 14:03',
      '',
    ]);
    expect(table?.lineIndex.slice(0, 5)).toEqual([1, 2, 3, 3, 4]);
  });
});
