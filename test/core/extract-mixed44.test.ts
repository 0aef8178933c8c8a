/**
 * Several incidents in one paste (test/fixtures/extract/mixed44/README.md): a forum post, two notices
 * one after the other, a ticket's thread, chat pastes, Orange beside another provider. Each incident's
 * fields checked against the text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { advise } from '../../core/orange/advice';
import type { Incident } from '../../core/types';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/mixed44/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

const fields = (i: Incident) => ({
  occurredAt: i.occurredAt,
  sendingIps: i.sendingIps,
  recipientDomain: i.recipientDomain,
  remoteHost: i.remoteHost,
  remoteIp: i.remoteIp,
  code: i.reply.code,
  reason: i.orange?.reason ?? null,
  nextStep: advise(i).nextStep,
});

describe('a ticket’s thread: a quoted notice and a forwarded one', () => {
  it('keeps the notice forwarded below the quote (it was lost with the quote read alone)', async () => {
    const { incidents } = await extract(
      fixture('ticket-reply-quoting-notice-then-outlook-forward.txt'),
      options,
    );
    expect(incidents.map(fields)).toEqual([
      {
        // Quoted in a person's mail: the attribution's date is when he wrote, not the refusal's.
        occurredAt: null,
        sendingIps: ['198.51.100.14'],
        recipientDomain: 'orange.fr',
        remoteHost: 'smtp-in.orange.fr',
        remoteIp: '193.252.22.65',
        code: 550,
        reason: 102,
        nextStep: 'delist-elsewhere',
      },
      {
        occurredAt: '2026-12-07T09:58:00+01:00',
        sendingIps: [],
        recipientDomain: 'wanadoo.fr',
        remoteHost: 'smtp-in.orange.fr',
        remoteIp: '80.12.242.9',
        code: 421,
        reason: 999,
        nextStep: 'wait-and-retry',
      },
    ]);
    expect(incidents[1]?.sendingHosts).toEqual(['smtp2.corp.example.org']);
  });

  it('reads the reply a person’s earlier mail quotes under a French forward', async () => {
    const { incidents } = await extract(fixture('ticket-french-forward-quoting-gmail-reply.txt'), options);
    expect(incidents.map((i) => [i.reply.code, i.orange?.reason, i.occurredAt])).toEqual([
      [550, 416, '2026-12-07T08:47:31+01:00'],
      [552, 417, null],
    ]);
  });

  it('does not count the forwarded refusal twice when the quote holds the same one', async () => {
    const text = fixture('ticket-french-forward-quoting-gmail-reply.txt').replace(
      '552 5.1.1 Boite du destinataire pleine. Recipient mailbox full. OFR_417 [417]',
      '550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    );
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.orange?.reason)).toEqual([416]);
  });

  it('reads a quote under an attribution line that kept its marks, CRLF line ends', async () => {
    const text = fixture('ticket-french-forward-quoting-gmail-reply.txt').replace(/\n/g, '\r\n');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.orange?.reason)).toEqual([416, 417]);
  });
});

describe('a forum post: log lines, then the notice of the first one', () => {
  it('gives the 102 once and the 999 apart, the 999 pointing at the 102', async () => {
    const { incidents } = await extract(fixture('forum-postfix-102-999-then-notice-body.md'), options);
    expect(incidents.map(fields)).toEqual([
      {
        // The notice's Arrival-Date (09:14:06 +0100) is the line's 09:14:07 less its delay=0.35, same
        // recipient: the log's clock is the notice's (no longer UTC assumed).
        occurredAt: '2026-12-03T09:14:07+01:00',
        sendingIps: ['203.0.113.25'],
        recipientDomain: 'orange.fr',
        remoteHost: 'smtp-in.orange.fr',
        remoteIp: '193.252.22.65',
        code: 550,
        reason: 102,
        nextStep: 'delist-elsewhere',
      },
      {
        // The same host's clock.
        occurredAt: '2026-12-03T09:31:52+01:00',
        sendingIps: ['203.0.113.25'],
        recipientDomain: 'wanadoo.fr',
        remoteHost: 'smtp-in.orange.fr',
        remoteIp: '80.12.242.9',
        code: 421,
        reason: 999,
        nextStep: 'wait-and-retry',
      },
    ]);
    expect(incidents[1]?.trigger?.line).toBe(7);
    expect(incidents[1]?.trigger?.occurredAt).toBe('2026-12-03T09:14:07+01:00');
  });

  it('takes the log’s year and zone from the notice’s Arrival-Date, citing it, only for the same message', async () => {
    const { incidents } = await extract(fixture('forum-postfix-102-999-then-notice-body.md'), options);
    for (const incident of incidents) {
      const codes = incident.assumptions.map((a) => a.code);
      expect(codes).toContain('year-and-zone-from-notice');
      expect(codes).not.toContain('assumed-year-and-zone');
      const note = incident.assumptions.find((a) => a.code === 'year-and-zone-from-notice');
      expect(note?.text.en).toContain('Arrival-Date on line 25');
      expect(note?.text.fr).toContain('l’Arrival-Date est à la ligne 25');
      expect(note?.text.en).toContain('+01:00');
    }
  });

  it('keeps the assumed zone when the notice’s arrival is not the line’s time less its delay', async () => {
    const text = fixture('forum-postfix-102-999-then-notice-body.md').replace(
      'Arrival-Date: Thu,  3 Dec 2026 09:14:06 +0100',
      'Arrival-Date: Thu,  3 Dec 2026 09:14:02 +0100',
    );
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.occurredAt)).toEqual([
      '2026-12-03T09:14:07+00:00',
      '2026-12-03T09:31:52+00:00',
    ]);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('assumed-year-and-zone');
  });

  it('keeps the assumed zone when the notice is another recipient’s', async () => {
    const text = fixture('forum-postfix-102-999-then-notice-body.md').replace(
      'Final-Recipient: rfc822; jean.dupont@orange.fr',
      'Final-Recipient: rfc822; paul.durand@orange.fr',
    );
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.occurredAt).toBe('2026-12-03T09:14:07+00:00');
  });

  it('names the sending host in full from the notice that server wrote, in its own fenced block', async () => {
    const { incidents } = await extract(fixture('forum-postfix-102-999-then-notice-body.md'), options);
    for (const incident of incidents) {
      expect(incident.sendingHosts).toEqual(['mx1.news.example.com']);
      expect(incident.sources.sendingHosts).toEqual({
        line: 14,
        text: 'This is the mail system at host mx1.news.example.com.',
      });
      expect(incident.assumptions.map((a) => a.code)).toContain('sending-host-from-notice');
      expect(incident.assumptions.map((a) => a.code)).not.toContain('sending-host-from-syslog');
    }
  });
});

describe('the same reason from two sending IPs', () => {
  it('stays two refusals, and the second one’s Diagnostic-Code below is no third', async () => {
    const { incidents } = await extract(
      fixture('forum-two-ips-same-102-then-diagnostic-of-second.md'),
      options,
    );
    expect(incidents.map((i) => [i.sendingIps, i.sendingHosts, i.remoteIp, i.orange?.server])).toEqual([
      [['198.51.100.21'], ['out-a'], '193.252.22.65', 'mwinf5c04'],
      [['198.51.100.22'], ['out-b'], '80.12.242.9', 'mwinf5c31'],
    ]);
  });
});

describe('two whole notices pasted one after the other, CRLF then LF', () => {
  it('reads each with its own date, recipient, remote and reason', async () => {
    const { incidents } = await extract(fixture('two-notices-crlf-then-lf-104-506.eml'), options);
    expect(incidents.map((i) => [i.occurredAt, i.remoteIp, i.orange?.reason, i.sendingHosts])).toEqual([
      ['2026-12-04T12:58:03+01:00', '193.252.22.86', 104, ['mta2.shop.example.net']],
      ['2026-12-05T07:40:09+00:00', '80.12.242.9', 506, ['mta7.shop.example.net']],
    ]);
    // The submitting app server's address in the returned Received line is no sending IP.
    expect(incidents.flatMap((i) => i.sendingIps)).toEqual([]);
  });
});

describe('Orange beside another provider', () => {
  it('keeps Gmail’s 421 apart and without Orange’s advice', async () => {
    const { incidents } = await extract(fixture('gmail-421-and-orange-550-mixed.txt'), options);
    expect(incidents.map((i) => [i.isOrange, i.orange?.reason ?? null, advise(i).nextStep])).toEqual([
      [false, null, 'unknown'],
      [true, 102, 'delist-elsewhere'],
    ]);
    expect(incidents[0]?.sendingIps).toEqual([]);
    expect(incidents[1]?.sendingIps).toEqual(['198.51.100.60']);
  });
});

describe('Microsoft’s refusal beside Orange’s in a ticket', () => {
  it('dates Microsoft’s by its stamp and leaves Orange’s undated, each its own advice', async () => {
    const { incidents } = await extract(fixture('ticket-outlook-s3150-and-orange-104.txt'), options);
    expect(
      incidents.map((i) => [i.isOrange, i.occurredAt, i.sendingIps, i.remoteIp, advise(i).nextStep]),
    ).toEqual([
      [false, '2026-12-06T08:14:22+00:00', ['203.0.113.140'], null, 'unknown'],
      [true, null, [], '193.252.22.86', 'wait-and-retry'],
    ]);
  });
});

describe('chat pastes', () => {
  it('reads each Orange reply of a Slack paste, undated (time of day only)', async () => {
    const { incidents } = await extract(fixture('chat-slack-timestamped-orange-replies.txt'), options);
    expect(incidents.map((i) => [i.orange?.reason, i.occurredAt])).toEqual([
      [104, null],
      [999, null],
      [999, null],
    ]);
  });

  it('keeps two different refusals of a Teams paste apart, the 102’s IP from its link', async () => {
    const { incidents } = await extract(fixture('chat-teams-dated-lines-102-and-506.txt'), options);
    expect(incidents.map((i) => [i.orange?.reason, i.sendingIps])).toEqual([
      [102, ['203.0.113.77']],
      [506, []],
    ]);
  });
});
