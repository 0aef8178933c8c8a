/**
 * Log and bounce shapes published elsewhere that were not yet read right, round 38
 * (test/fixtures/extract/real38/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/real38/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-06T12:00:00Z') };

describe('hMailServer’s delivery manager line above a session refused at the greeting', () => {
  it('takes the sender and recipient from the one `Delivering message from ... to ...` line before it', async () => {
    const { incidents } = await extract(
      fixture('hmailserver-greeting-refusals-delivering-lines.log'),
      options,
    );
    expect(
      incidents.map((i) => [i.orange?.reason, i.sendingIps, i.sendingDomain, i.recipientDomain, i.remoteIp]),
    ).toEqual([
      [102, ['198.51.100.23'], 'example.com', 'orange.fr', '193.252.22.65'],
      // Two deliveries announced before two sessions: which is whose is not written, both stay empty.
      [104, [], null, null, '80.12.242.9'],
      [104, [], null, null, '193.252.22.65'],
    ]);
    expect(incidents[0]?.sources.sendingDomain?.line).toBe(1);
  });
});

describe('MDaemon’s session log pasted from its log file', () => {
  it('takes the envelope, the host tried and both ends of the connection of a greeting refusal', async () => {
    const { incidents } = await extract(fixture('mdaemon-log-greeting-102.log'), options);
    expect(
      incidents.map((i) => [
        i.orange?.reason,
        i.sendingIps,
        i.sendingDomain,
        i.recipientDomain,
        i.remoteHost,
        i.remoteIp,
      ]),
    ).toEqual([[102, ['203.0.113.5'], 'example.com', 'orange.fr', 'smtp-in.orange.fr', '193.252.22.65']]);
    expect(incidents[0]?.sources.sendingDomain?.line).toBe(3);
    expect(incidents[0]?.sources.remoteIp?.line).toBe(16);
  });

  it('reads the lines with milliseconds after the seconds, the local address as the sending IP', async () => {
    const { incidents } = await extract(fixture('mdaemon-log-milliseconds-data-506.log'), options);
    expect(
      incidents.map((i) => [
        i.occurredAt,
        i.orange?.reason,
        i.sendingIps,
        i.sendingHosts,
        i.sendingDomain,
        i.remoteHost,
        i.remoteIp,
      ]),
    ).toEqual([
      [
        '2026-12-02T10:14:03+00:00',
        506,
        ['203.0.113.5'],
        ['mail.example.com'],
        'example.com',
        'smtp-in.orange.fr',
        '193.252.22.65',
      ],
    ]);
    expect(incidents[0]?.sources.sendingIps?.line).toBe(16);
  });
});

describe('SmarterMail’s delivery log', () => {
  it('dates each refusal by its line, takes the sender of the delivery, never as the recipient', async () => {
    const { incidents } = await extract(fixture('smartermail-delivery-log-orange.log'), options);
    expect(
      incidents.map((i) => [
        i.occurredAt,
        i.orange?.reason,
        i.sendingIps,
        i.sendingDomain,
        i.recipientDomain,
      ]),
    ).toEqual([
      // The greeting refused: the recipient is named only below the reply, in the delivery's `Delivery for
      // ... to paul@orange.fr has completed (Bounced)` line.
      ['2026-12-02T10:14:02+00:00', 102, ['198.51.100.71'], 'example.com', 'orange.fr'],
      ['2026-12-02T10:16:28+00:00', 416, [], 'example.com', 'wanadoo.fr'],
    ]);
    expect(incidents[0]?.sources.recipientDomain?.line).toBe(4);
    expect(incidents[1]?.sources.recipientDomain?.line).toBe(10);
  });
});

describe('Lotus Domino’s delivery failure notice', () => {
  it('takes the host of `Error transferring to HOST;` as the remote, never a Notes domain as the sender’s', async () => {
    const { incidents } = await extract(fixture('domino-delivery-failure-notes-client-102.txt'), options);
    expect(
      incidents.map((i) => [
        i.orange?.reason,
        i.sendingIps,
        i.sendingDomain,
        i.recipientDomain,
        i.remoteHost,
      ]),
    ).toEqual([[102, ['203.0.113.30'], null, 'orange.fr', 'smtp-in.orange.fr']]);
  });

  it('reads its DSN, the diagnostic folded before its `;`', async () => {
    const { incidents } = await extract(fixture('domino-dsn-x-notes-416.eml'), options);
    expect(
      incidents.map((i) => [i.orange?.reason, i.sendingDomain, i.recipientDomain, i.remoteHost]),
    ).toEqual([[416, 'example.com', 'orange.fr', 'smtp-in.orange.fr']]);
  });
});

describe('Windows’ SMTP service in the Microsoft IIS log file format (comma separated)', () => {
  it('reads its outgoing rows as a session: remote, envelope, EHLO name and the address Orange saw', async () => {
    const { incidents } = await extract(fixture('iis-smtpsvc-ms-format-orange-416.log'), options);
    expect(
      incidents.map((i) => [
        i.format,
        i.orange?.reason,
        i.sendingIps,
        i.sendingHosts,
        i.sendingDomain,
        i.recipientDomain,
        i.remoteIp,
        // The row's date is local, its order of day and month the server's setting: not read.
        i.occurredAt,
      ]),
    ).toEqual([
      [
        'iis-smtp',
        416,
        ['203.0.113.12'],
        ['mail.example.com'],
        'example.com',
        'orange.fr',
        '193.252.22.65',
        null,
      ],
    ]);
    expect(incidents[0]?.sources.sendingIps?.line).toBe(5);
  });
});
