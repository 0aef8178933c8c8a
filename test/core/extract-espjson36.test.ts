/**
 * ESP event JSON around an Orange refusal, in the published shapes of SparkPost, Mailjet, Brevo and
 * Mandrill (test/fixtures/extract/espjson36/SOURCES.md): each field read from the ESP's own key, the
 * sending IP never the Orange MX's.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/espjson36/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-06T12:00:00Z') };

async function summary(text: string) {
  const { incidents } = await extract(text, options);
  return incidents.map((i) => ({
    format: i.format,
    reply: i.reply.text,
    reason: i.orange?.reason ?? null,
    occurredAt: i.occurredAt,
    sendingIps: i.sendingIps,
    sendingDomain: i.sendingDomain,
    recipientDomain: i.recipientDomain,
    remoteIp: i.remoteIp,
  }));
}

const REFUSED_102 =
  '550 mwinf5c04 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR006_102 [102]';
const TOO_MANY_104 =
  '421 mwinf5c71 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]';

describe('SparkPost message events', () => {
  it('reads a bounce: seconds as a string, sending_ip (not ip_address, the MX), the custom bounce domain', async () => {
    expect(await summary(fixture('sparkpost-bounce-orange-102.json'))).toEqual([
      {
        format: 'json-event',
        reply: REFUSED_102,
        reason: 102,
        occurredAt: '2025-11-30T08:14:03+00:00',
        sendingIps: ['198.51.100.23'],
        sendingDomain: 'bounces.atelier-lumiere.example',
        recipientDomain: 'orange.fr',
        remoteIp: '193.252.22.65',
      },
    ]);
  });

  it("reads a delay sent with SparkPost's return path: the sending domain from friendly_from", async () => {
    expect(await summary(fixture('sparkpost-delay-orange-104.json'))).toEqual([
      {
        format: 'json-event',
        reply: TOO_MANY_104,
        reason: 104,
        occurredAt: '2025-12-01T08:09:43+00:00',
        sendingIps: ['203.0.113.61'],
        sendingDomain: 'atelier-lumiere.example',
        recipientDomain: 'wanadoo.fr',
        remoteIp: '193.252.22.90',
      },
    ]);
  });

  it('reads an out_of_band bounce whose raw_reason starts with smtp;', async () => {
    expect(await summary(fixture('sparkpost-out-of-band-orange-102.json'))).toEqual([
      {
        format: 'json-event',
        reply: REFUSED_102,
        reason: 102,
        occurredAt: '2025-12-02T08:10:17+00:00',
        sendingIps: ['198.51.100.24'],
        sendingDomain: 'bounces.atelier-lumiere.example',
        recipientDomain: 'orange.fr',
        remoteIp: '193.252.22.65',
      },
    ]);
  });
  it('takes the sending domain from friendly_from when the event has no msg_from', async () => {
    const text = fixture('sparkpost-bounce-orange-102.json').replace(/\n\s*"msg_from": "[^"]*",/, '');
    expect(text).not.toContain('msg_from');
    const [incident] = await summary(text);
    expect(incident?.sendingDomain).toBe('atelier-lumiere.example');
    expect(incident?.sendingIps).toEqual(['198.51.100.23']);
  });
});

describe('Mailjet bounce events', () => {
  it('reads the reply in smtp_reply; Mailjet names no sender nor sending IP: both stay empty', async () => {
    expect(await summary(fixture('mailjet-bounce-smtp-reply-orange-102.json'))).toEqual([
      {
        format: 'json-event',
        reply: REFUSED_102,
        reason: 102,
        occurredAt: '2025-12-03T08:35:21+00:00',
        sendingIps: [],
        sendingDomain: null,
        recipientDomain: 'orange.fr',
        remoteIp: null,
      },
    ]);
  });

  it("reads a soft bounce's reply in comment", async () => {
    expect(await summary(fixture('mailjet-softbounce-comment-orange-104.json'))).toEqual([
      {
        format: 'json-event',
        reply: TOO_MANY_104,
        reason: 104,
        occurredAt: '2025-12-04T08:36:50+00:00',
        sendingIps: [],
        sendingDomain: null,
        recipientDomain: 'wanadoo.fr',
        remoteIp: null,
      },
    ]);
  });
});

describe('Brevo transactional webhook', () => {
  it("reads ts_epoch in milliseconds, not the zone-less date; Brevo's relay message-id is no sending domain", async () => {
    expect(await summary(fixture('brevo-hard-bounce-orange-102.json'))).toEqual([
      {
        format: 'json-event',
        reply: REFUSED_102,
        reason: 102,
        occurredAt: '2025-12-03T09:42:17+00:00',
        sendingIps: ['198.51.100.77'],
        sendingDomain: null,
        recipientDomain: 'orange.fr',
        remoteIp: null,
      },
    ]);
  });

  it('reads ts_event when there is no ts_epoch, with a note to check it', async () => {
    const { incidents } = await extract(fixture('brevo-soft-bounce-orange-104.json'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2025-12-03T10:05:51+00:00');
    expect(incidents[0]?.orange?.reason).toBe(104);
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.140']);
    expect(incidents[0]?.assumptions.map((n) => n.code)).toContain('date.brevo-ts-event');
  });
});

describe('Mandrill (Mailchimp Transactional) events', () => {
  it("reads a hard bounce's sending IP from the smtp_events attempt whose diag is the bounce's", async () => {
    expect(await summary(fixture('mandrill-hard-bounce-orange-102.json'))).toEqual([
      {
        format: 'json-event',
        reply: REFUSED_102,
        reason: 102,
        occurredAt: '2025-12-04T09:40:07+00:00',
        sendingIps: ['198.51.100.208'],
        sendingDomain: 'compte.atelier-lumiere.example',
        recipientDomain: 'orange.fr',
        remoteIp: '193.252.22.65',
      },
    ]);
  });

  it('takes no sending IP from an attempt that got another reply (an earlier deferral)', async () => {
    const text = fixture('mandrill-hard-bounce-orange-102.json').replace(
      '"diag": "550 mwinf5c04',
      '"diag": "421 mwinf5c04',
    );
    const [incident] = await summary(text);
    expect(incident?.reason).toBe(102);
    expect(incident?.sendingIps).toEqual([]);
    expect(incident?.remoteIp).toBeNull();
  });

  it("reads a deferral's reply, source_ip and time from its smtp_events entry", async () => {
    expect(await summary(fixture('mandrill-deferral-orange-104.json'))).toEqual([
      {
        format: 'json-event',
        reply: TOO_MANY_104,
        reason: 104,
        occurredAt: '2025-12-04T10:10:14+00:00',
        sendingIps: ['203.0.113.19'],
        sendingDomain: 'atelier-lumiere.example',
        recipientDomain: 'wanadoo.fr',
        remoteIp: '193.252.22.90',
      },
    ]);
  });
});

describe('Elastic Email and SocketLabs events', () => {
  it("reads Elastic Email's FailedAttempt: IPAddress, FromEmail, To, EventDate (said to be UTC), not NextTryOn", async () => {
    const { incidents } = await extract(fixture('elastic-email-failed-attempt-orange-104.json'), options);
    expect(incidents.map((i) => [i.occurredAt, i.sendingIps, i.sendingDomain, i.recipientDomain])).toEqual([
      ['2025-12-05T07:18:44+00:00', ['203.0.113.88'], 'gite-des-pins.example', 'orange.fr'],
    ]);
    expect(incidents[0]?.orange?.reason).toBe(104);
    expect(incidents[0]?.assumptions.map((n) => n.code)).toEqual(['date.no-zone']);
  });

  it("reads SocketLabs' temporary failure: no sending IP in the event, RemoteMta as the remote", async () => {
    const { incidents } = await extract(fixture('socketlabs-failed-temporary-orange-104.json'), options);
    expect(
      incidents.map((i) => [i.occurredAt, i.sendingIps, i.sendingDomain, i.recipientDomain, i.remoteHost]),
    ).toEqual([
      ['2025-12-05T09:02:31+00:00', [], 'gite-des-pins.example', 'wanadoo.fr', 'smtp-in.orange.fr'],
    ]);
    expect(incidents[0]?.reply.text).toBe(TOO_MANY_104);
    expect(incidents[0]?.orange?.reason).toBe(104);
  });
});
