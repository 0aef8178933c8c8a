/**
 * Localized bounces as French senders paste them, round 35 (test/fixtures/extract/audit35fr/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit35fr/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('Office 365’s notice in French', () => {
  it('reads `Erreur signalée :` holding the remote’s reply as English `Reported error:`', async () => {
    const { incidents } = await extract(fixture('o365-fr-pasted-reported-reply-102.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('exchange');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.sendingDomain).toBe('example.fr');
    expect(incident?.sendingIps).toEqual(['198.51.100.139']);
    expect(incident?.occurredAt).toBe('2025-11-03T13:02:08+00:00');
    expect(incident?.reply?.enhanced).toBe('5.7.1');
    expect(incident?.orange?.token).toBe('OFR006_102');
  });
});

describe('Roundcube’s inline forward in French', () => {
  it('dates the notice by the lines under `-------- Courriel original --------`', async () => {
    const { incidents } = await extract(fixture('roundcube-fr-forward-inline-416.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBe('2025-11-03T14:02:00+01:00');
    expect(incident?.recipientDomain).toBe('wanadoo.fr');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('80.12.242.82');
    expect(incident?.sendingHosts).toEqual(['mail.example.fr']);
    expect(incident?.orange?.reason).toBe(416);
  });
});

describe('Outlook’s send error naming its account', () => {
  it('takes the account’s address in `La tâche ’a@x - Envoi’` for the sender’s, not the recipient’s', async () => {
    const { incidents } = await extract(fixture('outlook-fr-task-error-account-address-415.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.recipientDomain).toBeNull();
    expect(incident?.sendingDomain).toBe('example.fr');
    expect(incident?.reply?.text).toBe('550 5.1.0 Emetteur invalide. Invalid Sender. OFR_415 [415]');
    expect(incident?.orange?.reason).toBe(415);
  });
});

describe('Gmail’s forward in Italian', () => {
  it('reads `gio 17 lug 2025 alle ore 16:48`: the abbreviated month and `alle ore`', async () => {
    const { incidents } = await extract(fixture('gmail-it-forward-alle-ore-lug-104.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBe('2025-07-17T16:48:00+02:00');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.orange?.reason).toBe(104);
  });
});

describe('Apple Mail’s forward in Spanish and Italian', () => {
  it('dates the notice by the lines under `Inicio del mensaje reenviado:` (`Fecha:`)', async () => {
    const { incidents } = await extract(fixture('apple-mail-es-forward-quoted-104.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2025-11-03T14:02:11+01:00');
    expect(incidents[0]?.remoteIp).toBe('80.12.242.82');
  });

  it('dates the notice by the lines under `Inizio messaggio inoltrato:`', async () => {
    const { incidents } = await extract(fixture('apple-mail-it-forward-quoted-104.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2025-11-03T14:02:11+01:00');
    expect(incidents[0]?.orange?.reason).toBe(104);
  });
});

describe('Yahoo’s forward in French', () => {
  it('dates the notice by the lines under `----- Message transmis -----`', async () => {
    const { incidents } = await extract(fixture('yahoo-fr-forward-message-transmis-104.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2025-11-03T14:02:11+01:00');
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
  });
});

describe('Outlook for Mac’s reply in French', () => {
  it('dates a quoted notice by `Le 03/11/2025 14:02, « … » a écrit :`, written without `à`', async () => {
    const { incidents } = await extract(fixture('outlook-mac-fr-reply-attribution-no-a-506.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBe('2025-11-03T14:02:00+01:00');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.orange?.reason).toBe(506);
  });
});

describe('a Postfix notice quoted with an indent', () => {
  it('reads `refused to` / `talk to me:` wrapped under Outlook for Mac’s four-space quote', async () => {
    const { incidents } = await extract(
      fixture('outlook-mac-fr-reply-indented-refused-to-talk-104.eml'),
      options,
    );
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('80.12.242.82');
    expect(incident?.reply?.code).toBe(421);
    expect(incident?.orange?.reason).toBe(104);
  });
});
