/**
 * ESP events and bounces found in public sources that were not yet read right, round 40
 * (test/fixtures/extract/hunt40/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt40/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-06T12:00:00Z') };

describe('Hyvor Relay’s webhook events', () => {
  it('reads the attempt’s result for the webhook’s recipient: its code and message, the MX, the EHLO name', async () => {
    const { incidents, warnings } = await extract(
      fixture('hyvor-relay-webhook-bounced-orange-102.json'),
      options,
    );
    expect(
      incidents.map((i) => [
        i.format,
        i.occurredAt,
        i.reply.code,
        i.reply.enhanced,
        i.orange?.reason,
        i.sendingIps,
        i.sendingHosts,
        i.sendingDomain,
        i.recipientDomain,
        i.remoteHost,
        i.remoteIp,
      ]),
    ).toEqual([
      [
        'json-event',
        '2025-12-05T09:50:13+00:00',
        550,
        null,
        102,
        ['203.0.113.45'],
        ['out-3.relay.example.net'],
        'boutique.example.fr',
        'orange.fr',
        'smtp-in.orange.fr',
        null,
      ],
    ]);
    // One incident: the attempt's result for the other recipient is that recipient's own webhook.
    expect(incidents[0]?.sources.recipientDomain?.text).toContain('compta.durand@orange.fr');
    expect(incidents[0]?.sources.sendingHosts?.text).toContain('EHLO out-3.relay.example.net');
    expect(incidents[0]?.sources.occurredAt?.text).toContain('1764928213');
    expect(warnings.map((w) => w.code)).not.toContain('input.esp-no-reply');
  });

  it('reads each webhook body an application logged one a line, the enhanced code given apart', async () => {
    const { incidents } = await extract(fixture('hyvor-relay-webhooks-logged.ndjson'), options);
    expect(
      incidents.map((i) => [
        i.occurredAt,
        i.reply.text,
        i.reply.enhanced,
        i.orange?.reason,
        i.sendingHosts,
        i.sendingDomain,
        i.recipientDomain,
        i.sources.reply?.line,
      ]),
    ).toEqual([
      [
        '2025-12-05T12:30:12+00:00',
        '421 mwinf5c27 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]',
        null,
        104,
        ['out-3.relay.example.net'],
        'asso.example.org',
        'orange.fr',
        1,
      ],
      [
        '2025-12-05T12:36:17+00:00',
        '550 5.1.1 <jean.petit@wanadoo.fr>: Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
        '5.1.1',
        416,
        ['out-4.relay.example.net'],
        'asso.example.org',
        'wanadoo.fr',
        2,
      ],
    ]);
    // The return path (`bounce+UUID@` the relay's domain) is not the sender's domain.
    expect(incidents.map((i) => i.sendingDomain)).not.toContain('relay.example.net');
  });

  it('says an attempt no MX answered reached no server, whatever code the relay wrote for it', async () => {
    const event = {
      event: 'send.recipient.deferred',
      payload: {
        send: { id: 7, from_address: 'infos@asso.example.org', recipients: [] },
        recipient: { id: 9, type: 'to', address: 'a.roux@orange.fr', status: 'deferred', try_count: 1 },
        attempt: {
          id: 3,
          created_at: 1764938177,
          status: 'deferred',
          resolved_mx_hosts: ['smtp-in.orange.fr'],
          responded_mx_host: null,
          smtp_conversations: {
            'smtp-in.orange.fr': { network_error: 'dial tcp 193.252.22.65:25: i/o timeout', steps: [] },
          },
          recipients: [
            {
              id: 4,
              recipient_id: 9,
              recipient_status: 'deferred',
              smtp_code: 400,
              smtp_enhanced_code: '4.2.1',
              smtp_message:
                'failed to connect to SMTP server smtp-in.orange.fr: dial tcp 193.252.22.65:25: i/o timeout',
            },
          ],
        },
      },
    };
    const { incidents, warnings } = await extract(JSON.stringify(event, null, 2), options);
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('input.esp-unreached');
  });
});

describe('MailBaby’s mail log', () => {
  it('reads each refused record with the MX it names, says which moment its time is, never `origin` as the sender', async () => {
    const { incidents } = await extract(fixture('mailbaby-mail-log-orange.json'), options);
    expect(
      incidents.map((i) => [
        i.occurredAt,
        i.reply.code,
        i.orange?.reason,
        i.sendingIps,
        i.sendingDomain,
        i.recipientDomain,
        i.remoteHost,
        i.assumptions.map((a) => a.code),
      ]),
    ).toEqual([
      [
        '2025-12-05T11:00:06+00:00',
        421,
        104,
        [],
        'club.example.fr',
        'orange.fr',
        'smtp-in.orange.fr',
        ['date.mailbaby-accepted'],
      ],
      [
        '2025-12-05T11:00:06+00:00',
        550,
        102,
        ['203.0.113.77'],
        'club.example.fr',
        'wanadoo.fr',
        'smtp-in.orange.fr',
        ['date.mailbaby-accepted'],
      ],
    ]);
    // The address that submitted the message to the relay is not the one the relay sent from.
    expect(incidents.flatMap((i) => i.sendingIps)).not.toContain('198.51.100.23');
    // Each record's values from its own lines.
    expect(incidents[1]?.sources.recipientDomain?.text).toContain('leroy.famille@wanadoo.fr');
    expect(incidents[1]?.sources.occurredAt?.line).toBeGreaterThan(incidents[0]?.sources.reply?.line ?? 0);
  });
});
