/**
 * EmailEngine's webhooks (test/fixtures/extract/esp33/SOURCES.md): `messageDeliveryError`'s reply, envelope,
 * date and local address; `messageBounce`'s reply and the original message's Return-Path.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/esp33/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

async function summary(text: string) {
  const { incidents } = await extract(text, options);
  return incidents.map((i) => ({
    format: i.format,
    reply: i.reply?.code ?? null,
    reason: i.orange?.reason ?? null,
    occurredAt: i.occurredAt,
    sendingIps: i.sendingIps,
    sendingDomain: i.sendingDomain,
    recipientDomain: i.recipientDomain,
  }));
}

describe("EmailEngine's messageDeliveryError webhook", () => {
  it('reads the reply, the envelope and the date of the event', async () => {
    expect(await summary(fixture('emailengine-delivery-error-orange-abusix.json'))).toEqual([
      {
        format: 'json-event',
        reply: 550,
        reason: 100,
        occurredAt: '2026-11-24T09:41:07+00:00',
        sendingIps: ['203.0.113.58'],
        sendingDomain: 'boutique-lumiere.fr',
        recipientDomain: 'orange.fr',
      },
    ]);
  });

  it('takes the sending IP from networkRouting.localAddress when the reply names none', async () => {
    expect(await summary(fixture('emailengine-delivery-error-orange-too-many-connections.json'))).toEqual([
      {
        format: 'json-event',
        reply: 421,
        reason: 104,
        occurredAt: '2026-11-26T14:02:55+00:00',
        sendingIps: ['198.51.100.142'],
        sendingDomain: 'atelier-bois.fr',
        recipientDomain: 'wanadoo.fr',
      },
    ]);
  });

  it('reads no sending IP when the connection went out through a proxy', async () => {
    const proxied = fixture('emailengine-delivery-error-orange-too-many-connections.json').replace(
      '"localAddress": "198.51.100.142"',
      '"localAddress": "198.51.100.142",\n      "proxy": "socks5://proxy.atelier-bois.example:1080"',
    );
    const [incident] = await summary(proxied);
    expect(incident?.sendingIps).toEqual([]);
    expect(incident?.reason).toBe(104);
  });
});

describe("EmailEngine's messageBounce webhook", () => {
  it('reads the reply and the original Return-Path, and leaves the date to the user', async () => {
    expect(await summary(fixture('emailengine-bounce-orange-cloudmark.json'))).toEqual([
      {
        format: 'json-event',
        reply: 550,
        reason: 102,
        occurredAt: null,
        sendingIps: ['203.0.113.58'],
        sendingDomain: 'boutique-lumiere.fr',
        recipientDomain: 'orange.fr',
      },
    ]);
  });
});
