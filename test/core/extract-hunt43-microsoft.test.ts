/**
 * Microsoft's notices in other languages than English, as users paste them: Outlook's view of an Exchange
 * notice with its `Remote Server returned` sentence in German, French, Spanish, Italian, Portuguese and
 * Dutch (test/fixtures/extract/hunt43/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract, extractBytes } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/hunt43/', import.meta.url));
const text = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-12-06T12:00:00Z'), assumeZone: 'Europe/Paris' };

const ORANGE_104 =
  '550 5.7.1 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_104 [104]';

describe("Exchange's `Remote Server returned` sentence in the notice's language", () => {
  it.each([
    ['outlook-de-remoteserver-hat.txt', 'Der Remoteserver hat'],
    ['outlook-es-servidor-remoto-devolvio.txt', 'El servidor remoto devolvió'],
    ['outlook-it-server-remoto-restituito.txt', 'Il server remoto ha restituito'],
    ['outlook-pt-servidor-remoto-retornou.txt', 'O servidor remoto retornou'],
    ['outlook-nl-externe-server-retourneerde.txt', 'Externe server retourneerde'],
  ])('%s: the server inside Exchange’s status and the recipient above it', async (name, words) => {
    const { incidents } = await extract(text(name), options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.reply.text).toBe(ORANGE_104);
    expect(incident?.sources.reply?.text).toContain(words);
    // `<smtp-in.orange.fr #5.0.0 smtp; 550 …>`: Exchange's own 554 left out, the server it names kept.
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.recipientDomain).toBe('orange.fr');
    // Orange's server is the remote, never a sending host; the paste names no sending server.
    expect(incident?.sendingHosts).toEqual([]);
    expect(incident?.sendingIps).toEqual([]);
  });

  it('reads the French sentence without its article, the reply between guillemets, for each recipient', async () => {
    const { incidents } = await extract(text('outlook-fr-serveur-distant-guillemets.txt'), options);
    expect(incidents.map((i) => [i.recipientDomain, i.remoteHost, i.reply.text])).toEqual([
      ['orange.fr', 'smtp-in.orange.fr', ORANGE_104],
      ['wanadoo.fr', 'smtp-in.orange.fr', ORANGE_104],
    ]);
  });
});

describe("Outlook's recipient line dated in a language that writes the day first", () => {
  it.each([
    ['outlook-fr-serveur-distant-guillemets.txt', 'le 04/12/2026 11:14'],
    ['outlook-es-servidor-remoto-devolvio.txt', 'el 04/12/2026 11:14'],
    ['outlook-it-server-remoto-restituito.txt', 'il 04/12/2026 11:14'],
    ['outlook-pt-servidor-remoto-retornou.txt', 'em 04/12/2026 11:14'],
    ['outlook-nl-externe-server-retourneerde.txt', 'op 4-12-2026 11:14'],
    ['outlook-de-remoteserver-hat.txt', 'am 04.12.2026 11:14'],
  ])('%s: `%s` is the 4th of December, in the assumed zone', async (name, written) => {
    const { incidents } = await extract(text(name), options);
    expect(incidents[0]?.occurredAt).toBe('2026-12-04T11:14:00+01:00');
    expect(incidents[0]?.sources.occurredAt?.text).toContain(written);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
  });

  it('leaves the English line’s `on 04/12/2026` to fill in: its order is unknown', async () => {
    const english = text('outlook-es-servidor-remoto-devolvio.txt').replace(
      ' el 04/12/2026',
      ' on 04/12/2026',
    );
    const { incidents } = await extract(english, options);
    expect(incidents[0]?.occurredAt).toBeNull();
  });
});

describe("Office 365's notice in French: its creation date in UTC, the servers of its Message Hops", () => {
  it('reads `Heure de création : 04/12/2026 10:14:02` day first and in UTC, not in the assumed zone', async () => {
    const { incidents } = await extract(text('office365-fr-heure-creation-hops.txt'), options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.occurredAt).toBe('2026-12-04T10:14:02+00:00');
    expect(incident?.sources.occurredAt?.text).toContain('Heure de création');
    // When the returned message was written, in UTC: said, without the assumed zone's note.
    expect(incident?.assumptions.map((a) => a.code)).toEqual(['date.returned-message']);
  });

  it('reads the English `Created Date` in UTC too, whatever zone is assumed', async () => {
    const english = readFileSync(
      fileURLToPath(new URL('../fixtures/extract/office365-ndr-pasted-en.txt', import.meta.url)),
      'utf8',
    );
    const { incidents } = await extract(english, options);
    // `Created Date:   11/28/2026 2:03:17 PM`: en-US's month first.
    expect(incidents[0]?.occurredAt).toBe('2026-11-28T14:03:17+00:00');
  });

  it('gives the reply, the remote and the sender’s domain, and no Microsoft or Orange server as the sender', async () => {
    const { incidents } = await extract(text('office365-fr-heure-creation-hops.txt'), options);
    const incident = incidents[0];
    expect(incident?.reply.text).toBe(ORANGE_104);
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.sendingDomain).toBe('boutique.example');
    expect(incident?.recipientDomain).toBe('orange.fr');
    // `Serveur de rapport :`, `DSN généré par :` and the hops' servers are Microsoft's own.
    for (const host of incident?.sendingHosts ?? []) expect(host).not.toMatch(/outlook\.com$|orange\.fr$/i);
    expect(incident?.sendingIps).toEqual([]);
  });
});

describe("Office 365's Message Hops, when the notice's Created Date was not copied", () => {
  const withoutCreated = (pasted: string) =>
    pasted
      .split('\n')
      .filter((line) => !/Heure de création|Created Date/.test(line))
      .join('\n');

  it('dates the refusal by the last hop’s time, in UTC (`TIME (UTC)`), day first in French, said', async () => {
    const { incidents } = await extract(
      withoutCreated(text('office365-fr-heure-creation-hops.txt')),
      options,
    );
    expect(incidents[0]?.occurredAt).toBe('2026-12-04T10:14:03+00:00');
    // Hop 2's time, on the line under its date.
    expect(incidents[0]?.sources.occurredAt?.text).toMatch(/^10:14:03\tAM4PEPF00027A6C\.eurprd04/);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toEqual(['date.last-hop']);
    // The hops' servers are no sending host: Microsoft's own, or the one that handed the message in.
    expect(incidents[0]?.sendingHosts).toEqual([]);
  });

  it('reads an AM/PM hop month first (`11/28/2026` / `2:03:18 PM`)', async () => {
    const english = readFileSync(
      fileURLToPath(new URL('../fixtures/extract/office365-ndr-pasted-en.txt', import.meta.url)),
      'utf8',
    );
    const { incidents } = await extract(withoutCreated(english), options);
    expect(incidents[0]?.occurredAt).toBe('2026-11-28T14:03:18+00:00');
  });
});

describe("Exchange 2016's notice in French, as a whole message (fr-FR, quoted-printable, Windows-1252)", () => {
  it('reads `La remise a échoué pour ces destinataires ou groupes` and its delivery status', async () => {
    const bytes = new Uint8Array(readFileSync(`${dir}exchange2016-fr-la-remise-a-echoue-qp-cp1252.eml`));
    const { incidents } = await extractBytes(bytes, options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.reply.text).toBe(ORANGE_104);
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.sendingDomain).toBe('boutique.example');
    // The organisation's own Exchange servers, never Orange's: the notice's Received names them.
    expect(incident?.sendingIps).toEqual(['192.0.2.11']);
    expect(incident?.sendingHosts).toContain('srv-exch02.boutique.example');
    // `Arrival-Date: Fri, 4 Dec 2026 10:14:01 +0000`, with its zone.
    expect(incident?.occurredAt).toBe('2026-12-04T10:14:01+00:00');
  });
});
