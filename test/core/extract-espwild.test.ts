/**
 * What ESP users paste when Orange refuses their mail: event JSON and exports of Amazon SES, SparkPost
 * and Brevo in shapes the earlier audits did not cover (test/fixtures/extract/espwild/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/espwild/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("Amazon SES's event publishing: the `ses:outgoing-ip` tag", () => {
  it('is the sending IP; the caller address beside it (`sourceIp`, `ses:source-ip`) is not', async () => {
    const { incidents } = await extract(fixture('ses-event-publishing-outgoing-ip.json'), options);
    expect(
      incidents.map((i) => [
        i.orange?.reason,
        i.occurredAt,
        i.sendingIps,
        i.sendingHosts,
        i.sendingDomain,
        i.recipientDomain,
      ]),
    ).toEqual([
      [
        104,
        '2026-11-20T08:41:02+00:00',
        ['203.0.113.41'],
        ['b224-5.smtp-out.eu-west-3.amazonses.com'],
        'shop.example.com',
        'orange.fr',
      ],
    ]);
    expect(incidents[0]?.sources.sendingIps?.line).toBe(6);
  });

  it('leaves the sending IP empty without the tag, rather than take the caller address', async () => {
    const text = fixture('ses-event-publishing-outgoing-ip.json').replace(
      /,\\"ses:outgoing-ip\\":\[\\"203\.0\.113\.41\\"\]/,
      '',
    );
    expect(text).not.toContain('outgoing-ip');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.sendingIps)).toEqual([[]]);
  });
});

describe("SparkPost's webhook batch sent with SparkPost's own return path", () => {
  const SPARKPOST = 'sparkpost-batch-shared-return-path.json';

  it("takes the sending domain from `friendly_from`, not SparkPost's `msg_from`", async () => {
    const { incidents } = await extract(fixture(SPARKPOST), options);
    expect(
      incidents.map((i) => [
        i.orange?.reason,
        i.occurredAt,
        i.sendingIps,
        i.sendingDomain,
        i.recipientDomain,
        i.remoteIp,
      ]),
    ).toEqual([
      [104, '2026-11-19T09:12:01+00:00', ['198.51.100.7'], 'shop.example.com', 'orange.fr', '193.252.22.65'],
      [506, '2026-11-19T09:14:05+00:00', ['198.51.100.7'], 'shop.example.com', 'wanadoo.fr', '193.252.22.65'],
    ]);
  });

  it("keeps `msg_from` when the return path is the customer's own bounce domain", async () => {
    const text = fixture(SPARKPOST).replaceAll('@eu.sparkpostmail.com', '@bounces.mail.example.net');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.sendingDomain)).toEqual([
      'bounces.mail.example.net',
      'bounces.mail.example.net',
    ]);
  });
});

describe("Brevo's transactional events report: each event's `date` with its zone", () => {
  it('is the date of the incident, in the zone it is written in', async () => {
    const { incidents } = await extract(fixture('brevo-events-report-zoned-date.json'), options);
    expect(
      incidents.map((i) => [
        i.orange?.reason,
        i.occurredAt,
        i.sendingDomain,
        i.recipientDomain,
        i.sendingIps,
      ]),
    ).toEqual([
      [104, '2026-11-20T10:12:44+01:00', 'shop.example.com', 'orange.fr', []],
      [506, '2026-11-20T10:31:02+01:00', 'shop.example.com', 'wanadoo.fr', []],
    ]);
    expect(incidents[0]?.sources.occurredAt?.line).toBe(5);
    expect(incidents[0]?.assumptions.map((a) => a.code)).not.toContain('date.no-zone');
  });

  it("leaves a zoneless `date` (Brevo's webhook, in the account's time zone) unread", async () => {
    const text = fixture('brevo-events-report-zoned-date.json').replaceAll(
      /T(\d\d:\d\d:\d\d)\.000\+01:00/g,
      ' $1',
    );
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.occurredAt)).toEqual([null, null]);
  });
});

describe("SendGrid's Email Activity message details", () => {
  it("reads each event's time and MX, the message's addresses and its outbound IP", async () => {
    const { incidents } = await extract(fixture('sendgrid-activity-message-detail.json'), options);
    expect(
      incidents.map((i) => [
        i.orange?.reason,
        i.occurredAt,
        i.sendingIps,
        i.sendingDomain,
        i.recipientDomain,
        i.remoteHost,
      ]),
    ).toEqual([
      [
        104,
        '2026-11-20T08:12:03+00:00',
        ['203.0.113.88'],
        'shop.example.com',
        'orange.fr',
        'smtp-in.orange.fr',
      ],
      [
        102,
        '2026-11-20T09:42:17+00:00',
        ['203.0.113.88'],
        'shop.example.com',
        'orange.fr',
        'smtp-in.orange.fr',
      ],
    ]);
    expect(incidents[0]?.sources.occurredAt?.line).toBe(13);
  });

  it("never takes `originating_ip`, the API caller's address, for the sending IP", async () => {
    const text = fixture('sendgrid-activity-message-detail.json').replace(/\n\s*"outbound_ip": "[^"]*",/, '');
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.sendingIps).toEqual([]);
  });
});

describe("SendGrid's Activity feed exported as CSV", () => {
  const EXPORT = 'sendgrid-activity-export.csv';

  it('reads `processed`, `outbound_ip` and `mx` from the row of each reply', async () => {
    const { incidents } = await extract(fixture(EXPORT), options);
    expect(
      incidents.map((i) => [
        i.orange?.reason,
        i.occurredAt,
        i.sendingIps,
        i.sendingDomain,
        i.recipientDomain,
        i.remoteHost,
      ]),
    ).toEqual([
      [
        104,
        '2026-11-20T08:12:03+00:00',
        ['203.0.113.88'],
        'shop.example.com',
        'orange.fr',
        'smtp-in.orange.fr',
      ],
      [
        102,
        '2026-11-20T09:42:17+00:00',
        ['203.0.113.88'],
        'shop.example.com',
        'orange.fr',
        'smtp-in.orange.fr',
      ],
    ]);
    expect(incidents[0]?.sources.sendingIps?.line).toBe(3);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
  });

  it("never takes `originating_ip`, the API caller's address, for the sending IP", async () => {
    const rows = fixture(EXPORT).split('\n');
    const text = [rows[0], rows[2]].join('\n').replace(',203.0.113.88,dedicated,', ',,,');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.sendingIps)).toEqual([[]]);
  });
});

describe("SendGrid's `dropped` event beside the bounces before it", () => {
  it('is said as SendGrid not sending, not as a failure without its reply', async () => {
    const { incidents, warnings } = await extract(fixture('sendgrid-blocked-then-dropped.json'), options);
    expect(incidents.map((i) => [i.orange?.reason, i.occurredAt, i.sendingIps, i.recipientDomain])).toEqual([
      [105, '2026-11-19T08:32:01+00:00', ['203.0.113.17'], 'orange.fr'],
      [102, '2026-11-19T09:32:01+00:00', ['203.0.113.17'], 'orange.fr'],
    ]);
    const codes = warnings.map((w) => w.code);
    expect(codes).toContain('input.esp-suppressed');
    expect(codes).not.toContain('input.esp-no-reply');
  });

  it('names its own refusal apart from its suppression list', async () => {
    const dropped =
      '{"email":"not an address","smtp-id":"<4FB29F5D.5080404@sendgrid.com>","timestamp":1386636115,"reason":"Invalid","event":"dropped"}';
    const { incidents, warnings } = await extract(dropped, options);
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.esp-not-sent']);
  });
});

describe("Mailjet's grouped events: a block Mailjet relates to itself", () => {
  it('is said as Mailjet not sending, beside the bounce before it', async () => {
    const { incidents, warnings } = await extract(
      fixture('mailjet-grouped-bounce-then-preblocked.json'),
      options,
    );
    expect(incidents.map((i) => [i.orange?.reason, i.occurredAt, i.sendingIps, i.recipientDomain])).toEqual([
      [102, '2026-11-20T08:42:02+00:00', ['198.51.100.52'], 'wanadoo.fr'],
    ]);
    const codes = warnings.map((w) => w.code);
    expect(codes).toContain('input.esp-suppressed');
    expect(codes).not.toContain('input.esp-no-reply');
  });

  it('leaves a block Mailjet relates to the recipient as a failure without its reply', async () => {
    const text = fixture('mailjet-grouped-bounce-then-preblocked.json')
      .replace('"error_related_to": "mailjet"', '"error_related_to": "recipient"')
      .replace('"error": "preblocked"', '"error": "user unknown"');
    const { warnings } = await extract(text, options);
    expect(warnings.map((w) => w.code)).toContain('input.esp-no-reply');
  });
});

describe("Mandrill's `reject` event beside a bounce", () => {
  it('is said as Mandrill sending nothing; the bounce keeps its incident', async () => {
    const { incidents, warnings } = await extract(fixture('mandrill-bounce-then-reject.json'), options);
    expect(
      incidents.map((i) => [i.orange?.reason, i.occurredAt, i.sendingDomain, i.recipientDomain]),
    ).toEqual([[506, '2026-11-20T08:02:02+00:00', 'shop.example.com', 'orange.fr']]);
    expect(warnings.map((w) => w.code)).toContain('input.esp-not-sent');
  });

  it('names the rejection list when the message gives its reason', async () => {
    const text = fixture('mandrill-bounce-then-reject.json').replace(
      '"reject": null',
      '"reject": {"reason": "hard-bounce", "detail": ""}',
    );
    const { warnings } = await extract(text, options);
    expect(warnings.map((w) => w.code)).toContain('input.esp-suppressed');
  });
});
