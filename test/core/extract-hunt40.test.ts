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

  it('reads the delivery report’s text a bounce after acceptance quotes in `bounce.text`', async () => {
    const { incidents, warnings } = await extract(
      fixture('hyvor-relay-webhook-async-bounce-forwarder-orange-102.json'),
      options,
    );
    expect(
      incidents.map((i) => [
        i.occurredAt,
        i.reply.code,
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
        null,
        550,
        102,
        ['198.51.100.52'],
        ['relais.example.net'],
        'asso.example.org',
        'orange.fr',
        'smtp-in.orange.fr',
        '80.12.242.9',
      ],
    ]);
    expect(incidents[0]?.sources.sendingDomain?.text).toContain('"from_address"');
    expect(warnings.map((w) => w.code)).not.toContain('input.esp-no-reply');
    // The send's creation is not the refusal's time: no date rather than a wrong one.
    expect(warnings.map((w) => w.code)).toContain('missing.occurredAt');
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
    // Its MX too, written after its reply: not the previous record's `mxHostname`, above it.
    for (const incident of incidents) {
      const replyLine = incident.sources.reply?.line ?? 0;
      expect(incident.sources.remoteHost?.text).toContain('"mxHostname"');
      expect(incident.sources.remoteHost?.line).toBeGreaterThan(replyLine);
      expect(incident.sources.remoteHost?.line).toBeLessThan(replyLine + 10);
    }
  });
});

describe('a bounce notice an outreach tool’s webhook quotes whole', () => {
  it('reads PlusVibe’s `msg` as the Gmail notice it is, its delivery-status fields included', async () => {
    const { incidents, warnings } = await extract(
      fixture('plusvibe-bounced-email-gmail-dsn-orange-102.json'),
      options,
    );
    expect(
      incidents.map((i) => [
        i.occurredAt,
        i.reply.text,
        i.orange?.reason,
        i.sendingIps,
        i.sendingDomain,
        i.recipientDomain,
        i.remoteHost,
        i.remoteIp,
        i.sources.reply?.line,
      ]),
    ).toEqual([
      [
        '2025-12-02T06:50:55-08:00',
        '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=198.51.100.141 [102]',
        102,
        ['198.51.100.141'],
        'prospection.example.com',
        'orange.fr',
        'smtp-in.orange.fr',
        '193.252.22.65',
        15,
      ],
    ]);
    // Gmail's `Reporting-MTA: dns; googlemail.com` names no sending host (hunt41): asked for, with a note.
    expect(warnings.filter((w) => w.code.startsWith('missing.')).map((w) => w.code)).toEqual([
      'missing.sendingHosts',
    ]);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('host.google-label');
  });

  it('reads each of Smartlead’s `bounce_message.text`, its event giving the date and the sender', async () => {
    const { incidents, warnings } = await extract(
      fixture('smartlead-email-bounce-previews-orange.json'),
      options,
    );
    expect(
      incidents.map((i) => [
        i.occurredAt,
        i.reply.code,
        i.orange?.reason,
        i.sendingDomain,
        i.recipientDomain,
        i.sources.occurredAt?.line,
        i.sources.sendingDomain?.line,
      ]),
    ).toEqual([
      ['2025-12-03T08:14:09+00:00', 550, 102, 'prospection.example.com', 'wanadoo.fr', 8, 10],
      ['2025-12-03T08:21:47+00:00', 421, 104, 'prospection.example.com', 'orange.fr', 45, 47],
    ]);
    // The fields the events gave are not said to be missing; each notice's notes numbered in the list.
    const codes = warnings.map((w) => w.code);
    expect(codes).not.toContain('missing.occurredAt');
    expect(codes).not.toContain('missing.sendingDomain');
    expect(warnings.some((w) => w.text.en.startsWith('Incident 2: the sending IP'))).toBe(true);
  });

  it('takes the lead’s address from the event when the notice names none (a preview cut short)', async () => {
    const event = {
      webhook_event: 'BOUNCED_EMAIL',
      date: '2025-12-02T14:50:58.114+00:00',
      sender_email: 'camille@prospection.example.com',
      lead_email: 'paul.girard@orange.fr',
      // (A preview cut short, Smartlead's word for its older field: the notice's first lines.)
      msg: '** Message not delivered **\n\nThe response from the remote server was:\n550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]\n',
    };
    const { incidents, warnings } = await extract(JSON.stringify(event, null, 2), options);
    expect(incidents.map((i) => [i.reply.code, i.orange?.reason, i.recipientDomain, i.isOrange])).toEqual([
      [550, 506, 'orange.fr', true],
    ]);
    expect(incidents[0]?.sources.recipientDomain?.text).toContain('"lead_email"');
    expect(warnings.map((w) => w.code)).not.toContain('missing.recipientDomain');
  });
});

describe('Marketing Cloud’s `_Bounce` data view exported as CSV', () => {
  it('reads `Domain` as the bounced address’s, never the sender’s, and `EventDate` at UTC−06:00', async () => {
    const { incidents } = await extract(fixture('sfmc-bounce-data-view-query-export.csv'), options);
    expect(
      incidents.map((i) => [
        i.occurredAt,
        i.reply.code,
        i.orange?.reason,
        i.sendingIps,
        i.sendingDomain,
        i.recipientDomain,
        i.assumptions.map((a) => a.code),
      ]),
    ).toEqual([
      ['2025-12-05T03:50:13-06:00', 550, 102, ['203.0.113.61'], null, 'orange.fr', ['date.sfmc-cst']],
      // (Its `SubscriberKey` is no address here: the recipient's domain from `Domain`.)
      ['2025-12-05T04:02:41-06:00', 421, 104, [], null, 'wanadoo.fr', ['date.sfmc-cst']],
    ]);
  });

  it('never takes for the sender’s a `Domain` column that is the row’s recipient’s domain', async () => {
    const csv = [
      'date,email,domain,status,error',
      '2025-12-05 09:50:13,m.durand@orange.fr,orange.fr,bounced,"421 mwinf5c27 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]"',
      '',
    ].join('\r\n');
    const { incidents } = await extract(csv, options);
    expect(incidents.map((i) => [i.orange?.reason, i.recipientDomain, i.sendingDomain])).toEqual([
      [104, 'orange.fr', null],
    ]);
  });
});
