/**
 * ESP event JSON of platforms the earlier fixtures did not cover (test/fixtures/extract/esp32/SOURCES.md):
 * the sender, the recipient, the date and the sending IP each platform names in its own words.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/esp32/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

/** What the desk needs of each incident, with the line each value was read from. */
async function summary(name: string) {
  const { incidents } = await extract(fixture(name), options);
  return incidents.map((i) => ({
    format: i.format,
    reason: i.orange?.reason ?? null,
    occurredAt: i.occurredAt,
    sendingIps: i.sendingIps,
    sendingDomain: i.sendingDomain,
    recipientDomain: i.recipientDomain,
    lines: [i.sources.sendingDomain?.line ?? null, i.sources.recipientDomain?.line ?? null],
  }));
}

describe("MailerSend's activity webhook", () => {
  it('reads the sender and the recipient from the email the activity describes', async () => {
    expect(await summary('mailersend-activity-hard-bounced.json')).toEqual([
      {
        format: 'json-event',
        reason: 102,
        occurredAt: '2026-11-17T08:42:17+00:00',
        sendingIps: ['203.0.113.25'],
        sendingDomain: 'shop.example.com',
        recipientDomain: 'orange.fr',
        lines: [15, 18],
      },
    ]);
  });
});

describe("Zoho Campaigns' bounce webhook", () => {
  it('reads the reply, the date in UTC milliseconds, the sending IP and the contact', async () => {
    expect(await summary('zoho-campaigns-bounce-action-time-ms.json')).toEqual([
      {
        format: 'json-event',
        reason: 102,
        occurredAt: '2025-11-17T08:42:17+00:00',
        sendingIps: ['198.51.100.7'],
        // (Zoho names no sender in the payload: said missing rather than guessed.)
        sendingDomain: null,
        recipientDomain: 'wanadoo.fr',
        lines: [null, 15],
      },
    ]);
  });

  it('takes the enhanced code it gives apart when the reason has none', async () => {
    const text = fixture('zoho-campaigns-bounce-action-time-ms.json').replace(
      '"550 5.7.1 mwinf5c11',
      '"550 mwinf5c11',
    );
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced])).toEqual([[550, '5.7.1']]);
  });
});

describe("Braze's Currents email bounce event", () => {
  it('reads the reply, the recipient and the sending domain Braze names apart', async () => {
    expect(await summary('braze-currents-email-bounce.json')).toEqual([
      {
        format: 'json-event',
        reason: 102,
        occurredAt: '2025-11-17T08:42:17+00:00',
        sendingIps: ['203.0.113.44'],
        sendingDomain: 'news.shop.example.com',
        recipientDomain: 'orange.fr',
        lines: [18, 13],
      },
    ]);
  });
});

describe("Netcore Email API's (Pepipost's) webhook", () => {
  it('reads its capital keys: the reply, the recipient, the sender and the date in Unix seconds', async () => {
    expect(await summary('pepipost-bounced-uppercase-keys.json')).toEqual([
      {
        format: 'json-event',
        reason: 104,
        occurredAt: '2025-11-17T08:42:17+00:00',
        // (The event names no sending IP: said missing.)
        sendingIps: [],
        sendingDomain: 'mail.shop.example.com',
        recipientDomain: 'orange.fr',
        lines: [7, 5],
      },
    ]);
  });
});

describe("Elastic Email's recipient event (v4 API)", () => {
  it('reads the reply in Message, the recipient in To and the sending IP in IPAddress', async () => {
    expect(await summary('elastic-email-recipient-event-bounce.json')).toEqual([
      {
        format: 'json-event',
        reason: 100,
        occurredAt: '2026-11-17T08:42:17+00:00',
        sendingIps: ['198.51.100.61'],
        sendingDomain: 'shop.example.com',
        recipientDomain: 'orange.fr',
        lines: [5, 6],
      },
    ]);
    const { incidents } = await extract(fixture('elastic-email-recipient-event-bounce.json'), options);
    // (EventDate has no zone: the UTC read is said.)
    expect(incidents[0]?.assumptions.map((a) => a.text.en)).toEqual([
      'The date carries no time zone: UTC was assumed.',
    ]);
  });

  it('leaves a capitalised Message and To alone outside that shape', async () => {
    const text = fixture('elastic-email-recipient-event-bounce.json').replace('"FromEmail"', '"Sender"');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.format, i.recipientDomain])).not.toContainEqual([
      'json-event',
      'orange.fr',
    ]);
  });
});

describe("Mailtrap's webhook in JSON Lines", () => {
  it('reads the sending domain Mailtrap names apart, and the code it gives beside the response', async () => {
    const name = 'mailtrap-webhook-jsonl-soft-bounce-then-bounce.jsonl';
    expect(await summary(name)).toEqual([
      {
        format: 'json-event',
        reason: 104,
        occurredAt: '2025-11-17T08:42:17+00:00',
        sendingIps: [],
        sendingDomain: 'news.shop.example.com',
        recipientDomain: 'orange.fr',
        lines: [1, 1],
      },
      {
        format: 'json-event',
        reason: 100,
        occurredAt: '2025-11-17T09:42:17+00:00',
        sendingIps: ['203.0.113.90'],
        sendingDomain: 'news.shop.example.com',
        recipientDomain: 'orange.fr',
        lines: [2, 2],
      },
    ]);
    const { incidents } = await extract(fixture(name), options);
    expect(incidents.map((i) => i.reply.code)).toEqual([421, 550]);
  });
});

describe("SocketLabs' Failed event", () => {
  it('reads its capitalised members: reply, recipient, sender, date and remote host', async () => {
    expect(await summary('socketlabs-failed-event.json')).toEqual([
      {
        format: 'json-event',
        reason: 102,
        occurredAt: '2026-11-17T08:42:17+00:00',
        sendingIps: ['198.51.100.23'],
        sendingDomain: 'shop.example.com',
        recipientDomain: 'orange.fr',
        lines: [12, 6],
      },
    ]);
    const { incidents } = await extract(fixture('socketlabs-failed-event.json'), options);
    expect(incidents[0]?.remoteHost).toBe('smtp-in.orange.fr');
  });

  it('says a Suppressed failure was never sent, rather than an incident', async () => {
    const text = fixture('socketlabs-failed-event.json')
      .replace('"Permanent"', '"Suppressed"')
      .replace(/"(Reason|DiagnosticCode)": "[^"]*"/g, '"$1": "Recipient suppressed"');
    const { incidents, warnings } = await extract(text, options);
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('input.esp-suppressed');
  });
});

describe("Amazon SES v2's message insights (aws sesv2 get-message-insights)", () => {
  it('reads the bounce with the recipient, sender and time of the insight, message and event around it', async () => {
    expect(await summary('ses-v2-get-message-insights-bounce.json')).toEqual([
      {
        format: 'json-event',
        reason: 102,
        occurredAt: '2026-11-17T09:42:17+01:00',
        sendingIps: ['203.0.113.77'],
        sendingDomain: 'shop.example.com',
        recipientDomain: 'orange.fr',
        lines: [3, 13],
      },
    ]);
  });
});

describe("Loops' email.hardBounced webhook", () => {
  it('says the failure came without the remote server’s reply', async () => {
    const { incidents, warnings } = await extract(fixture('loops-email-hard-bounced-no-reply.json'), options);
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.esp-no-reply']);
    expect(warnings[0]?.text.en).toContain('"email.hardBounced"');
  });
});
