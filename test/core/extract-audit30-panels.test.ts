/**
 * Refusals copied out of hosting control panels and mailing tools, the reply one field of a record:
 * cPanel's Track Delivery and WHM's Mail Delivery Reports (detail view and table), Webmin's Postfix queue,
 * MailWizz's bounce log (test/fixtures/extract/audit30panels/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import type { Incident } from '../../core/types';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit30panels/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

const fields = (i: Incident | undefined) =>
  i && {
    occurredAt: i.occurredAt,
    sendingIps: i.sendingIps,
    sendingHosts: i.sendingHosts,
    sendingDomain: i.sendingDomain,
    recipientDomain: i.recipientDomain,
    remoteHost: i.remoteHost,
    remoteIp: i.remoteIp,
  };

describe("a panel's delivery record", () => {
  it("reads cPanel's Track Delivery detail: Out Time, sender, recipient, Delivery Host and IP", async () => {
    const { incidents, warnings } = await extract(fixture('cpanel-track-delivery-detail.txt'), options);
    expect(incidents).toHaveLength(1);
    const [i] = incidents;
    expect(fields(i)).toEqual({
      occurredAt: '2026-12-03T16:12:56+00:00',
      sendingIps: ['203.0.113.45'],
      sendingHosts: [],
      sendingDomain: 'atelier-exemple.fr',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
    });
    expect(i?.reply.text).toBe(
      '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.45 [102]',
    );
    expect(i?.orange).toEqual({ token: 'OFR006_102', reason: 102, server: 'mwinf5c04' });
    expect(i?.sources.occurredAt?.text).toBe('Out Time\tDec 3, 2026 4:12:56 PM');
    expect(i?.assumptions.map((a) => a.code)).toContain('date.no-zone');
    expect(warnings.map((w) => w.code)).toEqual(['missing.sendingHosts']);
  });

  it('reads the date in the zone asked for', async () => {
    const { incidents } = await extract(fixture('cpanel-track-delivery-detail.txt'), {
      ...options,
      assumeZone: 'Europe/Paris',
    });
    expect(incidents[0]?.occurredAt).toBe('2026-12-03T16:12:56+01:00');
  });

  it("never takes WHM's Sender Host and Sender IP Address (the submitting client) for the sender's", async () => {
    const { incidents } = await extract(fixture('whm-mail-delivery-report-defer-detail.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(fields(incidents[0])).toEqual({
      occurredAt: '2026-12-04T09:03:44+00:00',
      sendingIps: [],
      sendingHosts: [],
      sendingDomain: 'atelier-exemple.fr',
      recipientDomain: 'wanadoo.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '80.12.242.15',
    });
    expect(incidents[0]?.orange?.reason).toBe(999);
    expect(incidents[0]?.reply.code).toBe(421);
  });

  it("reads each Track Delivery row's recipient from its own Recipient cell, not the sender's", async () => {
    const { incidents } = await extract(fixture('cpanel-track-delivery-rows.tsv'), options);
    expect(
      incidents.map((i) => [
        i.orange?.reason,
        i.occurredAt,
        i.recipientDomain,
        i.sendingDomain,
        i.sendingIps,
      ]),
    ).toEqual([
      [102, '2026-12-03T16:12:55+00:00', 'orange.fr', 'atelier-exemple.fr', ['203.0.113.45']],
      [506, '2026-12-03T16:10:02+00:00', 'wanadoo.fr', 'atelier-exemple.fr', []],
    ]);
    expect(incidents[1]?.sources.recipientDomain?.line).toBe(3);
  });

  it("reads Webmin's queue row by its header, leaving its yearless date empty", async () => {
    const { incidents, warnings } = await extract(fixture('webmin-postfix-queue-rows.tsv'), options);
    expect(incidents).toHaveLength(1);
    expect(fields(incidents[0])).toEqual({
      occurredAt: null,
      sendingIps: ['203.0.113.45'],
      sendingHosts: [],
      sendingDomain: 'atelier-exemple.fr',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
    });
    expect(warnings.map((w) => w.code)).toContain('missing.occurredAt');
  });

  it("dates MailWizz's bounce log row by its Date added cell", async () => {
    const { incidents } = await extract(fixture('mailwizz-bounce-log-rows.tsv'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2026-12-03T16:12:55+00:00');
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
    expect(incidents[0]?.reply.text).toBe('550 5.2.0 mwinf5c22 ME Mail rejete. Mail rejected. OFR_506 [506]');
    expect(incidents[0]?.sendingIps).toEqual([]);
  });

  it("reads SEPPmail's queue details row: its Delay reason is the reply, its Recipient the recipient", async () => {
    const { incidents } = await extract(fixture('seppmail-queue-details-rows.tsv'), options);
    expect(incidents).toHaveLength(1);
    expect(fields(incidents[0])).toEqual({
      occurredAt: null,
      sendingIps: [],
      sendingHosts: [],
      sendingDomain: 'atelier-exemple.fr',
      recipientDomain: 'wanadoo.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '80.12.242.15',
    });
    expect(incidents[0]?.orange).toEqual({ token: 'OFR005_104', reason: 104, server: 'mwinf5c40' });
  });

  it("gives Mautic's Swift Mailer error the sender and recipient of the session log on its line", async () => {
    const { incidents } = await extract(fixture('mautic-swift-log-data-506.log'), options);
    expect(
      incidents.map((i) => [
        i.orange?.reason,
        i.occurredAt,
        i.sendingDomain,
        i.recipientDomain,
        i.sendingIps,
      ]),
    ).toEqual([
      [506, '2026-12-03T16:12:55+00:00', 'atelier-exemple.fr', 'orange.fr', []],
      [506, '2026-12-03T16:12:57+00:00', 'atelier-exemple.fr', 'wanadoo.fr', []],
    ]);
    expect(incidents[1]?.sources.recipientDomain?.line).toBe(2);
    expect(incidents[0]?.reply.text).toBe('550 5.2.0 mwinf5c22 ME Mail rejete. Mail rejected. OFR_506 [506]');
  });

  it("dates each reply of Postal's message page by its attempt's time, above its status", async () => {
    const { incidents, warnings } = await extract(fixture('postal-message-page-two-attempts.txt'), options);
    expect(incidents.map((i) => [i.orange?.reason, i.occurredAt, i.remoteHost, i.remoteIp])).toEqual([
      [104, '2026-12-03T16:05:00+00:00', 'smtp-in.orange.fr', '193.252.22.65'],
      [999, '2026-12-03T16:08:00+00:00', 'smtp-in.orange.fr', '80.12.242.15'],
    ]);
    expect(incidents[1]?.sources.occurredAt?.line).toBe(15);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
    expect(warnings.map((w) => w.code)).not.toContain('missing.occurredAt');
    const yahoo = readFileSync(
      fileURLToPath(new URL('../fixtures/extract/audit10/postal-soft-fail-page.txt', import.meta.url)),
      'utf8',
    );
    const { incidents: page } = await extract(yahoo, options);
    expect(page[0]?.occurredAt).toBe('2019-09-17T13:05:00+00:00');
  });

  it("reads zmmsgtrace's sender and leaving hop for each message, never the arriving client's address", async () => {
    const { incidents, warnings } = await extract(fixture('zimbra-zmmsgtrace-two-messages.txt'), options);
    expect(incidents.map(fields)).toEqual([
      {
        occurredAt: '2026-12-03T16:12:56+00:00',
        sendingIps: [],
        sendingHosts: ['mail.atelier-exemple.fr'],
        sendingDomain: 'atelier-exemple.fr',
        recipientDomain: 'orange.fr',
        remoteHost: 'smtp-in.orange.fr',
        remoteIp: '193.252.22.65',
      },
      {
        occurredAt: '2026-12-03T16:18:05+00:00',
        sendingIps: [],
        sendingHosts: ['mail.atelier-exemple.fr'],
        sendingDomain: 'club-exemple.org',
        recipientDomain: 'wanadoo.fr',
        remoteHost: 'smtp-in.orange.fr',
        remoteIp: '80.12.242.15',
      },
    ]);
    expect(incidents[1]?.sources.sendingDomain?.line).toBe(14);
    expect(warnings.map((w) => w.code)).toEqual(['missing.sendingIps', 'missing.sendingIps']);
  });
});
