/**
 * Bounces, ESP events and pasted replies found in public sources that were not yet read right, round 39
 * (test/fixtures/extract/hunt39/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt39/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-06T12:00:00Z') };

describe('Sweego’s webhook events', () => {
  it('reads the ZoneMTA line in `details`: the reply, `src=` as the sending IP, `mx=` as the remote', async () => {
    const { incidents, warnings } = await extract(fixture('sweego-webhook-orange-batch.json'), options);
    expect(
      incidents.map((i) => [
        i.format,
        i.occurredAt,
        i.reply.code,
        i.orange?.reason,
        i.sendingIps,
        i.sendingDomain,
        i.recipientDomain,
        i.remoteHost,
        i.remoteIp,
      ]),
    ).toEqual([
      [
        'json-event',
        '2026-11-20T08:38:27+00:00',
        421,
        104,
        ['198.51.100.28'],
        'factures.example.fr',
        'orange.fr',
        'smtp-in.orange.fr',
        '193.252.22.65',
      ],
      [
        'json-event',
        '2026-11-20T08:48:35+00:00',
        550,
        102,
        ['198.51.100.29'],
        'factures.example.fr',
        'wanadoo.fr',
        'smtp-in.orange.fr',
        '80.12.242.9',
      ],
    ]);
    // Never the API caller's `x-originating-ip`, nor Sweego's bounce address as the sending domain.
    expect(incidents.flatMap((i) => i.sendingIps)).not.toContain('192.0.2.44');
    // Each value from its own event's lines.
    expect(incidents[1]?.sources.sendingIps?.text).toContain('src=198.51.100.29');
    expect(incidents[1]?.sources.occurredAt?.line).toBe(29);
    // The suppressed address: Sweego tried no server.
    expect(warnings.map((w) => w.code)).toContain('input.esp-suppressed');
    // The MX that did not answer: no server refused, nor is the ESP's own failure said.
    expect(warnings.map((w) => w.code)).toContain('input.esp-unreached');
    expect(warnings.map((w) => w.code)).not.toContain('input.esp-not-sent');
  });

  it('reads the short `details` a Sweego test payload gives (`REJECTED[other] (550 ...)`), remote left empty', async () => {
    const event = {
      event_type: 'hard_bounce',
      timestamp: '2026-11-20T08:48:35+00:00',
      swg_uid: '01-68d20f85-253e-4986-b7f0-0e4229df4d61',
      headers: { 'x-mailer': 'Sweego', 'x-originating-ip': '192.0.2.44' },
      recipient: 'paul.martin@wanadoo.fr',
      domain_from: 'factures.example.fr',
      details: 'REJECTED[other] (550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506])',
      response_code: 550,
    };
    const { incidents } = await extract(JSON.stringify(event, null, 2), options);
    expect(
      incidents.map((i) => [
        i.format,
        i.occurredAt,
        i.orange?.reason,
        i.sendingIps,
        i.sendingDomain,
        i.remoteIp,
      ]),
    ).toEqual([['json-event', '2026-11-20T08:48:35+00:00', 506, [], 'factures.example.fr', null]]);
  });
});

describe('Mailgun’s events flattened for a table (GitLab’s runbook)', () => {
  it('reads `delivery_status_*` and `envelope_*` as Mailgun’s nested keys: reply, MX, sending IP, date', async () => {
    const { incidents, warnings } = await extract(
      fixture('mailgun-events-flattened-runbook.ndjson'),
      options,
    );
    expect(
      incidents.map((i) => [
        i.format,
        i.occurredAt,
        i.reply.code,
        i.orange?.reason,
        i.sendingIps,
        i.sendingDomain,
        i.recipientDomain,
        i.remoteHost,
      ]),
    ).toEqual([
      [
        'json-event',
        '2026-11-20T08:38:27+00:00',
        421,
        104,
        ['198.51.100.28'],
        'mg.example.com',
        'orange.fr',
        'smtp-in.orange.fr',
      ],
      [
        'json-event',
        '2026-11-20T08:43:51+00:00',
        550,
        102,
        ['198.51.100.28'],
        'mg.example.com',
        'wanadoo.fr',
        'smtp-in.orange.fr',
      ],
    ]);
    // Each event cited from its own line; no "failure without a reply" said of them.
    expect(incidents.map((i) => i.sources.reply?.line)).toEqual([1, 2]);
    expect(warnings.map((w) => w.code)).not.toContain('input.esp-no-reply');
  });

  it('keeps a query’s row without the code as a reply without code, not as no reply at all', async () => {
    const row = {
      time_interval: '2026-11-20 08:00:00 UTC',
      event: 'failed',
      reason: 'generic',
      delivery_status_message:
        'mwinf5c79 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]',
      delivery_status_mx_host: 'smtp-in.orange.fr',
      count: '412',
    };
    const { incidents } = await extract(JSON.stringify([row], null, 2), options);
    expect(incidents.map((i) => [i.reply.code, i.orange?.reason, i.remoteHost])).toEqual([
      [null, 104, 'smtp-in.orange.fr'],
    ]);
  });

  it('reads a query’s `timestamp` written in UTC by name (`... UTC`) as UTC, without assuming a zone', async () => {
    const row = {
      event: 'failed',
      timestamp: '2026-11-20 08:38:27.481000 UTC',
      recipient: 'marie.leroy@orange.fr',
      delivery_status_code: '421',
      delivery_status_message:
        'mwinf5c79 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]',
      delivery_status_mx_host: 'smtp-in.orange.fr',
    };
    const { incidents } = await extract(JSON.stringify([row], null, 2), options);
    expect(incidents.map((i) => [i.occurredAt, i.reply.code, i.assumptions.map((a) => a.code)])).toEqual([
      ['2026-11-20T08:38:27+00:00', 421, []],
    ]);
  });
});

describe('an application’s log record quoting the refusal under its stamped first line', () => {
  it('dates Odoo’s refusal by its own ERROR record’s stamp, not by the record above it', async () => {
    const { incidents } = await extract(fixture('odoo-log-record-orange-415.log'), options);
    expect(incidents.map((i) => [i.occurredAt, i.reply.code, i.orange?.reason])).toEqual([
      ['2026-11-20T08:41:02+00:00', 550, 415],
    ]);
    expect(incidents[0]?.sources.occurredAt?.line).toBe(2);
    // Python's logging writes no zone: the one assumed is said.
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
    // The Message-Id of the INFO line above is an id shaped like an address, not the recipient: the log
    // names no recipient (smtplib refused the sender).
    expect(incidents[0]?.recipientDomain).toBeNull();
    expect(incidents[0]?.sendingDomain).toBe('example.fr');
  });

  it('does not take a stamped line without a log level, nor one across an empty line', async () => {
    const refusal =
      'SMTPSenderRefused: 550\n5.1.0 Emetteur invalide. Invalid Sender. OFR_415 [415]\nfactures@example.fr\n';
    const noLevel = `2026-11-20 08:41:02,113 Mail delivery failed via SMTP server 'smtp.orange.fr'.\n${refusal}`;
    const apart = `2026-11-20 08:41:02,113 4242 ERROR prod odoo.addons.base.models.ir_mail_server: Mail delivery failed via SMTP server 'smtp.orange.fr'.\n\n${refusal}`;
    for (const text of [noLevel, apart]) {
      const { incidents } = await extract(text, options);
      expect(incidents.map((i) => [i.occurredAt, i.orange?.reason])).toEqual([[null, 415]]);
    }
  });
});

describe('the sender smtplib’s SMTPSenderRefused names, alone on its line in Odoo’s log', () => {
  it('is the sending domain, never the recipient’s', async () => {
    const text = [
      "2026-11-20 08:41:02,113 4242 ERROR prod odoo.addons.base.models.ir_mail_server: Mail delivery failed via SMTP server 'smtp.orange.fr'.",
      'SMTPSenderRefused: 550',
      '5.1.0 Emetteur invalide. Invalid Sender. OFR_415 [415]',
      'factures@example.fr',
      '',
    ].join('\n');
    const { incidents } = await extract(text, options);
    expect(
      incidents.map((i) => [i.orange?.reason, i.sendingDomain, i.recipientDomain, i.remoteHost]),
    ).toEqual([[415, 'example.fr', null, 'smtp.orange.fr']]);
  });
});
