/**
 * ESP events as their webhooks send them, after an audit of real payloads (django-anymail's and
 * symfony/mailer's webhook fixtures, the providers' documented samples). Fixtures and their shapes:
 * test/fixtures/extract/esp/SOURCES.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';

const dir = fileURLToPath(new URL('../../fixtures/extract/esp/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('SendGrid', () => {
  it('reads a pretty-printed bounce: its bounce_classification does not make it a KumoMTA log', async () => {
    const { incidents } = await extract(fixture('sendgrid-bounce-pretty.json'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.format).toBe('json-event');
    expect(i?.reply.code).toBe(550);
    expect(i?.orange?.reason).toBe(103);
    expect(i?.sendingIps).toEqual(['198.51.100.27']);
    expect(i?.occurredAt).toBe('2024-11-29T09:07:25+00:00');
    expect(i?.sources.reply?.line).toBe(12);
  });
});

describe('Mandrill', () => {
  it("dates each event by its own `ts`, cites each event's own lines and reads `smtp_events` with the message's addresses", async () => {
    const { incidents } = await extract(fixture('mandrill-batch.json'));
    expect(incidents.map((i) => i.reply.code)).toEqual([421, 550, 552]);
    const [deferral, hard, soft] = incidents;
    // The attempt's own time, its addresses from the message around it, its source address as sent.
    expect(deferral?.occurredAt).toBe('2024-11-29T09:05:02+00:00');
    expect(deferral?.recipientDomain).toBe('orange.fr');
    expect(deferral?.sendingDomain).toBe('shop.example.com');
    expect(deferral?.sendingIps).toEqual(['198.51.100.40']);
    expect(deferral?.remoteIp).toBe('192.0.2.65');
    expect(deferral?.orange?.reason).toBe(104);
    // The event's time, not when the message was sent (`msg.ts`, 09:00:00).
    expect(hard?.occurredAt).toBe('2024-11-29T09:07:25+00:00');
    expect(hard?.recipientDomain).toBe('wanadoo.fr');
    expect(hard?.sources.sendingDomain?.line).toBe(43);
    expect(hard?.sources.occurredAt?.line).toBe(49);
    expect(soft?.sources.sendingDomain?.line).toBe(56);
    expect(soft?.sources.occurredAt?.line).toBe(61);
  });
});

describe('Postal', () => {
  it('reads the reply in `output`, the remote in `details` and the addresses in `message`', async () => {
    const { incidents } = await extract(fixture('postal-delivery-failed.json'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.orange?.reason).toBe(103);
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.remoteIp).toBe('193.252.22.65');
    expect(i?.sendingIps).toEqual([]);
    expect(i?.sendingDomain).toBe('shop.example.com');
    expect(i?.recipientDomain).toBe('orange.fr');
    expect(i?.occurredAt).toBe('2024-11-29T09:07:25+00:00');
    expect(i?.sources.occurredAt?.line).toBe(21);
  });
});

/** One event as a webhook posts it, pretty-printed. */
const event = (o: object) => extract(JSON.stringify(o, null, 2));

describe('replies under other keys or inside the ESP’s own words', () => {
  it("Mailtrap's `bounced (550 ...)`, without the ESP's words", async () => {
    const { incidents } = await event({
      events: [
        {
          event: 'bounce',
          timestamp: 1732871245,
          email: 'jean.dupont@orange.fr',
          response: 'bounced (550 5.7.1 Service refuse. OFR006_103 [103])',
          response_code: 550,
        },
      ],
    });
    expect(incidents[0]?.reply.text).toBe('550 5.7.1 Service refuse. OFR006_103 [103]');
    expect(incidents[0]?.orange?.reason).toBe(103);
    const soft = await event({
      events: [
        { event: 'soft bounce', email: 'x@example.org', response: 'soft bounce (450 4.2.0 Mailbox busy)' },
      ],
    });
    expect(soft.incidents[0]?.reply.text).toBe('450 4.2.0 Mailbox busy');
  });

  it("Brevo's ` RecipientError: 550 ...` and `550 RecipientError: 550 ...`, dated by `ts_epoch` (milliseconds)", async () => {
    const leading = await event({
      event: 'hard_bounce',
      email: 'jean.dupont@orange.fr',
      ts_epoch: 1732871245000,
      reason: ' RecipientError: 550 5.1.1 Adresse d au moins un destinataire invalide. OFR_416 [416]',
    });
    expect(leading.incidents[0]?.reply.text).toBe(
      '550 5.1.1 Adresse d au moins un destinataire invalide. OFR_416 [416]',
    );
    expect(leading.incidents[0]?.occurredAt).toBe('2024-11-29T09:07:25+00:00');
    const repeated = await event({
      event: 'deferred',
      email: 'x@example.org',
      reason: '550 RecipientError: 550 5.1.1 <x@example.org>: Recipient address rejected',
    });
    expect(repeated.incidents[0]?.reply.text).toBe('550 5.1.1 <x@example.org>: Recipient address rejected');
  });

  it("SparkPost's reply with its code apart (`error_code`), the refused IP it names left to the reply", async () => {
    const { incidents } = await event({
      msys: {
        message_event: {
          type: 'bounce',
          bounce_class: '51',
          error_code: '554',
          ip_address: '192.0.2.30',
          msg_from: 'news@shop.example.com',
          rcpt_to: 'x@example.org',
          raw_reason: 'MAIL REFUSED - IP (198.51.100.40) is in black list',
          sending_ip: '198.51.100.40',
          timestamp: '1732871245',
        },
      },
    });
    expect(incidents[0]?.reply.code).toBe(554);
    expect(incidents[0]?.reply.text).toBe('554 MAIL REFUSED - IP (198.51.100.40) is in black list');
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.40']);
    expect(incidents[0]?.remoteIp).toBe('192.0.2.30');
  });

  it("Unisender Go's `destination_response`: never the reader's IP beside a user agent; a date without zone is said to be UTC", async () => {
    const { incidents } = await event({
      events_by_user: [
        {
          events: [
            {
              event_name: 'transactional_email_status',
              event_data: {
                email: 'jean.dupont@orange.fr',
                status: 'hard_bounced',
                event_time: '2024-11-29 09:07:25',
                delivery_info: {
                  delivery_status: 'err_delivery_failed',
                  destination_response: '550 5.7.1 Service refuse. OFR006_103 [103]',
                  user_agent: 'Mozilla/5.0',
                  ip: '203.0.113.9',
                },
              },
            },
          ],
        },
      ],
    });
    const i = incidents[0];
    expect(i?.recipientDomain).toBe('orange.fr');
    expect(i?.sendingIps).toEqual([]);
    expect(i?.occurredAt).toBe('2024-11-29T09:07:25+00:00');
    expect(i?.assumptions.map((a) => a.code)).toEqual(['date.no-zone']);
  });

  it("SMTP2GO's `message` and Mailomat's `delivery-status.remote`", async () => {
    const smtp2go = await event({
      event: 'bounce',
      time: '2024-11-29 09:07:25',
      sender: 'news@shop.example.com',
      rcpt: 'jean.dupont@orange.fr',
      message: '550 5.7.1 Service refuse. OFR006_103 [103]',
      bounce: 'hard',
    });
    expect(smtp2go.incidents[0]?.sendingDomain).toBe('shop.example.com');
    expect(smtp2go.incidents[0]?.reply.code).toBe(550);
    const mailomat = await event({
      eventType: 'failure_perm',
      payload: {
        event: 'failure_perm',
        timestamp: 1732871245.19,
        recipient: 'jean.dupont@orange.fr',
        'delivery-status': {
          code: 550,
          'enhanced-code': '5.7.1',
          message: '5.7.1 Service refuse. OFR006_103 [103]',
          local: { ip: '198.51.100.40' },
          remote: { ip: '193.252.22.65', mx: 'smtp-in.orange.fr' },
        },
      },
    });
    const m = mailomat.incidents[0];
    expect(m?.reply.text).toBe('550 5.7.1 Service refuse. OFR006_103 [103]');
    expect([m?.remoteHost, m?.remoteIp, m?.sendingIps]).toEqual([
      'smtp-in.orange.fr',
      '193.252.22.65',
      ['198.51.100.40'],
    ]);
  });
});

describe('delivery logs of gateways and JMAP servers', () => {
  it("Mimecast's delivery log: `RejCode` beside `RejInfo`, `Rcpt`, `datetime`", async () => {
    const { incidents } = await event({
      acc: 'C0A0',
      Delivered: false,
      RejType: 'Recipient email address is possibly incorrect',
      RejCode: '550',
      Dir: 'Outbound',
      Sender: 'factures@example.com',
      datetime: '2024-11-29T09:07:25+0100',
      Rcpt: 'jean.dupont@orange.fr',
      RejInfo: '5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
      Route: 'Internet',
    });
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.text).toBe(
      '550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    );
    expect(i?.orange?.reason).toBe(416);
    expect(i?.recipientDomain).toBe('orange.fr');
    expect(i?.occurredAt).toBe('2024-11-29T09:07:25+01:00');
  });

  it("JMAP's EmailSubmission (Stalwart): `smtpReply` under the recipient's address", async () => {
    const { incidents } = await event({
      id: 'br',
      emailId: 'wmaaaaft',
      sendAt: '2024-11-29T08:10:51Z',
      undoStatus: 'final',
      deliveryStatus: {
        'jean.dupont@wanadoo.fr': {
          delivered: 'no',
          smtpReply: '550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR004_103 [103]',
          displayed: 'unknown',
        },
      },
    });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('wanadoo.fr');
    expect(incidents[0]?.orange?.token).toBe('OFR004_103');
  });
});

describe("events that are the ESP's own, or carry no reply", () => {
  it("SparkPost's generation events and `[internal]` reasons say no server was reached", async () => {
    const generation = await event({
      msys: {
        gen_event: {
          type: 'generation_rejection',
          rcpt_to: 'x@example.org',
          raw_reason: '554 5.7.1 recipient address suppressed due to customer policy',
          error_code: '554',
        },
      },
    });
    expect(generation.incidents).toEqual([]);
    expect(generation.warnings.map((w) => w.code)).toEqual(['input.esp-not-sent']);
    const internal = await event({
      msys: {
        message_event: {
          type: 'delay',
          bounce_class: '21',
          rcpt_to: 'x@example.org',
          raw_reason: '454 4.4.4 [internal] no MX or A for domain',
        },
      },
    });
    expect(internal.incidents).toEqual([]);
    expect(internal.warnings.map((w) => w.code)).toEqual(['input.esp-not-sent']);
  });

  it('says a failure event holds no reply, instead of "nothing recognised"', async () => {
    const { incidents, warnings } = await event({
      event: 'bounce',
      email: 'x@example.org',
      error: 'user unknown',
      hard_bounce: true,
    });
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.esp-no-reply']);
    expect(warnings[0]?.text.fr).toContain('« bounce »');
  });

  it('keeps quiet about events that are no failure', async () => {
    const { warnings } = await event({ event: 'open', email: 'x@example.org', ip: '203.0.113.9' });
    expect(warnings.map((w) => w.code)).toEqual(['input.no-incident']);
  });
});

describe('Amazon SES', () => {
  const sesBounce = (reportingMTA: string) =>
    event({
      notificationType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [
          {
            emailAddress: 'jean.dupont@orange.fr',
            status: '5.1.1',
            diagnosticCode: 'smtp; 550 5.1.1 user unknown',
          },
        ],
        timestamp: '2024-11-29T09:07:25.000Z',
        reportingMTA,
      },
      mail: { source: 'news@shop.example.com', destination: ['jean.dupont@orange.fr'] },
    });

  it("takes its own Reporting-MTA as the sending host, and a receiver's as the host that refused", async () => {
    const own = (await sesBounce('dsn; a27-23.smtp-out.eu-west-1.amazonses.com')).incidents[0];
    expect(own?.sendingHosts).toEqual(['a27-23.smtp-out.eu-west-1.amazonses.com']);
    expect(own?.remoteHost).toBeNull();
    const receivers = (await sesBounce('dns; mx1.receiver.example.org')).incidents[0];
    expect(receivers?.sendingHosts).toEqual([]);
    expect(receivers?.remoteHost).toBe('mx1.receiver.example.org');
  });
});
