/**
 * ESP events and bounces found in public sources that were not yet read right, round 41
 * (test/fixtures/extract/hunt41/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt41/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe('Hyvor Relay’s event for a suppressed recipient', () => {
  it('says no server was contacted, the reply it quotes being the earlier refusal’s, and makes no incident', async () => {
    const { incidents, warnings } = await extract(
      fixture('hyvor-relay-webhook-suppressed-after-orange-416.json'),
      options,
    );
    // The suppression's description (Orange's 416 to an earlier send) was read as this send's refusal.
    expect(incidents).toEqual([]);
    const said = warnings.find((w) => w.code === 'input.esp-suppressed');
    expect(said?.text.en).toContain('no SMTP reply to give Orange');
    expect(said?.text.en).toContain('OFR_416 [416]');
    expect(said?.text.en).toContain('2025-12-05T12:29:37+00:00');
    expect(said?.text.fr).toContain('pas de réponse SMTP à transmettre à Orange');
    expect(said?.text.fr).toContain('n’a pas tenté la livraison\u00a0: l’adresse');
    expect(said?.text.fr).toContain('(«\u00a0550 5.1.1 <jean.petit@wanadoo.fr>');
  });

  it('says so for the flattened shape a client library gives, whose attempt is null', async () => {
    const { incidents, warnings } = await extract(
      fixture('hyvor-relay-events-flattened-suppressed.json'),
      options,
    );
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.esp-suppressed']);
    expect(warnings[0]?.text.en).toContain('Hyvor Relay did not attempt delivery');
    expect(warnings[0]?.text.en).toContain('no SMTP reply to give Orange');
  });

  it('reads the payload alone when its recipient is suppressed and no attempt was made', async () => {
    const payload = {
      send: { id: 4, from_address: 'infos@asso.example.org' },
      recipient: { id: 5, type: 'to', address: 'a.roux@orange.fr', status: 'suppressed', try_count: 0 },
      attempt: null,
    };
    const { incidents, warnings } = await extract(JSON.stringify(payload, null, 2), options);
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.esp-suppressed']);
  });
});

describe('Amazon Pinpoint’s email event stream', () => {
  it('reads SES’s bounce in snake_case: the sender from mail.from_address, the date from arrival_timestamp', async () => {
    const { incidents } = await extract(fixture('pinpoint-email-event-stream-orange-102.ndjson'), options);
    expect(
      incidents.map((i) => [
        i.occurredAt,
        i.orange?.reason,
        i.sendingDomain,
        i.sendingHosts,
        i.recipientDomain,
        i.remoteIp,
        i.sources.occurredAt?.line,
        i.sources.sendingDomain?.line,
      ]),
    ).toEqual([
      [
        '2025-12-06T10:12:06+00:00',
        102,
        'asso.example.org',
        ['b224-13.smtp-out.eu-west-3.amazonses.com'],
        'orange.fr',
        '80.12.242.9',
        2,
        2,
      ],
    ]);
    // The send time (`event_timestamp`, 10:12:03) is not the refusal's: the arrival time is, with a note.
    expect(incidents[0]?.sources.occurredAt?.text).toContain('"arrival_timestamp": 1765015926207');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.pinpoint-arrival');
  });

  it('takes the bounce’s own timestamp when it has one, without the note', async () => {
    const line = readFileSync(
      fileURLToPath(
        new URL('../fixtures/extract/hunt41/pinpoint-email-event-stream-orange-102.ndjson', import.meta.url),
      ),
      'utf8',
    ).split('\n')[1] as string;
    const record = JSON.parse(line);
    record.facets.email_channel.mail_event.bounce.timestamp = '2025-12-06T10:12:05.118Z';
    delete record.facets.email_channel.mail_event.mail.from_address;
    const { incidents } = await extract(JSON.stringify(record, null, 2), options);
    expect(incidents.map((i) => [i.occurredAt, i.sendingDomain])).toEqual([
      ['2025-12-06T10:12:05+00:00', 'asso.example.org'],
    ]);
    expect(incidents[0]?.assumptions.map((a) => a.code)).not.toContain('date.pinpoint-arrival');
  });
});

describe('a DSN dated by its Arrival-Date', () => {
  it('keeps it when it is the only time, with a note saying it is the arrival, not the refusal', async () => {
    const { incidents } = await extract(fixture('exchange-online-dsn-fields-pasted-orange-103.txt'), options);
    expect(incidents.map((i) => [i.occurredAt, i.orange?.reason, i.remoteHost])).toEqual([
      ['2026-12-07T09:12:44+00:00', 103, 'smtp-in.orange.fr'],
    ]);
    expect(incidents[0]?.sources.occurredAt?.text).toMatch(/^Arrival-Date:/);
    const said = incidents[0]?.assumptions.find((a) => a.code === 'date.arrival-only');
    expect(said?.text.en).toContain('its Arrival-Date');
    expect(said?.text.fr).toContain(
      '(son champ Arrival-Date)\u00a0: le refus est venu à ce moment ou plus tard',
    );
  });

  it('adds no note when the notice’s own Date, seconds later, bounds the refusal', async () => {
    const text = `From: Microsoft Outlook <postmaster@outlook.com>\nDate: Mon, 7 Dec 2026 09:12:47 +0000\n\n${fixture(
      'exchange-online-dsn-fields-pasted-orange-103.txt',
    )}`;
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.occurredAt)).toEqual(['2026-12-07T09:12:44+00:00']);
    expect(incidents[0]?.assumptions.map((a) => a.code)).not.toContain('date.arrival-only');
  });

  it('takes the notice’s own Date when the Arrival-Date, in a wrong zone, comes after it', async () => {
    const { incidents } = await extract(
      fixture('exchange2007-ndr-arrival-date-zone-label-orange-102.eml'),
      options,
    );
    expect(incidents.map((i) => [i.occurredAt, i.orange?.reason, i.sendingDomain])).toEqual([
      ['2026-12-07T10:14:05+01:00', 102, 'cabinet-exemple.fr'],
    ]);
    expect(incidents[0]?.sources.occurredAt?.text).toBe('Date: Mon, 7 Dec 2026 10:14:05 +0100');
    const said = incidents[0]?.assumptions.find((a) => a.code === 'date.notice-before-arrival');
    expect(said?.text.en).toContain('(2026-12-07 10:14:03 (UTC+00:00))');
    expect(said?.text.fr).toContain('(son en-tête Date)\u00a0: son champ Arrival-Date');
  });
});

describe('Google’s names for its own mail system', () => {
  const read = (path: string) =>
    readFileSync(fileURLToPath(new URL(`../fixtures/extract/${path}`, import.meta.url)), 'utf8');

  it.each([
    ['paste39/gmail-connect-refused-orange-102.eml', 'googlemail.com'],
    ['fr-hosts/gmail-fr-dsn.eml', 'googlemail.com'],
    ['hunt40/plusvibe-bounced-email-gmail-dsn-orange-102.json', 'googlemail.com'],
  ])('%s: no sending host from its Reporting-MTA or submission hop, a note instead', async (path, label) => {
    const { incidents } = await extract(read(path), options);
    expect(incidents.length).toBeGreaterThan(0);
    for (const incident of incidents) {
      // `Reporting-MTA: dns; googlemail.com`, `by smtp.gmail.com with ESMTPSA` were taken as sending hosts.
      expect(incident.sendingHosts).toEqual([]);
      expect(incident.remoteHost).toBe('smtp-in.orange.fr');
      const said = incident.assumptions.find((a) => a.code === 'host.google-label');
      expect(said?.text.en).toContain(`"${label}" is the name Google gives its mail system`);
      expect(said?.text.fr).toContain(`«\u00a0${label}\u00a0» est le nom`);
    }
  });

  it('keeps the sender’s own relay when Google refuses a group post', async () => {
    const { incidents } = await extract(read('audit2/google-group-refusal-crlf.eml'), options);
    expect(incidents.map((i) => i.sendingHosts)).toEqual([['mta1.mailhost.example.net']]);
    expect(incidents[0]?.assumptions.map((a) => a.code)).not.toContain('host.google-label');
  });
});

describe('Exchange 2003’s notice as Outlook shows it', () => {
  it('dates each refusal by the time its recipient line gives (US locale: month first)', async () => {
    const { incidents } = await extract(fixture('exchange2003-outlook-view-orange-102.txt'), {
      ...options,
      assumeZone: 'America/New_York',
    });
    expect(incidents.map((i) => [i.occurredAt, i.orange?.reason ?? null, i.recipientDomain])).toEqual([
      ['2026-12-17T10:14:00-05:00', 102, 'orange.fr'],
      ['2026-12-17T10:14:00-05:00', null, 'example.org'],
    ]);
    expect(incidents[0]?.sources.occurredAt?.text).toBe('      jean.petit@orange.fr on 12/17/2026 10:14 AM');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
  });

  it('leaves a date that reads both ways to fill in, with a note', async () => {
    const text = fixture('exchange2003-outlook-view-orange-102.txt').replaceAll(
      '12/17/2026 10:14 AM',
      '07/12/2026 10:14',
    );
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.occurredAt).toBeNull();
    const said = incidents[0]?.assumptions.find((a) => a.code === 'date.ambiguous');
    expect(said?.text.en).toContain('"07/12/2026 10:14"');
  });

  it('takes no order from a 12-hour clock (en-AU and en-IN write the day first with AM/PM)', async () => {
    const text = fixture('exchange2003-outlook-view-orange-102.txt').replaceAll(
      '12/17/2026 10:14 AM',
      '12/07/2026 10:14 AM',
    );
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.occurredAt).toBeNull();
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.ambiguous');
  });
});
