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
