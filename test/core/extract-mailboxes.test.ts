import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../core/extract';
import { fixtureBytes } from './extract/fixtures';

const read = (name: string) => extractBytes(fixtureBytes(`mailboxes/${name}`));
type Result = Awaited<ReturnType<typeof extractBytes>>;
const fields = (r: Result) =>
  r.incidents.map((i) => [i.occurredAt, i.sendingIps, i.sendingHosts, i.remoteIp, i.orange?.token]);

// The three Postfix notices the mailboxes hold, each dated by its own Arrival-Date.
const A = ['2026-12-03T15:02:05+01:00', ['203.0.113.7'], ['out1.example.org'], '193.252.22.65', 'OFR006_102'];
const B = ['2026-12-04T09:02:31+01:00', ['198.51.100.23'], ['out2.example.org'], '80.12.242.9', 'OFR004_104'];
const C = ['2026-12-05T07:30:58+01:00', ['203.0.113.54'], ['out3.example.org'], '193.252.22.84', 'OFR_506'];

describe('mailbox files: one incident per bounce, with its own fields', () => {
  it.each([
    ['gmail-takeout-three-bounces.mbox', [A, B, C]],
    ['thunderbird-bounces-folder.mbox', [A, B, C]],
    ['mboxcl2-content-length.mbox', [A, B, C]],
    ['windows-export-crlf.mbox', [A, B]],
    ['Bounces Orange.mbox/mbox', [A, B]],
    ['outlook-saved-bom.eml', [B]],
  ])('%s', async (name, expected) => {
    const r = await read(name);
    expect(fields(r)).toEqual(expected);
    // Never the separator line's date (Takeout's 14:02:11 +0000, Thunderbird's zoneless local time).
    for (const i of r.incidents) expect(i.sources.occurredAt?.text).toMatch(/^Arrival-Date: /);
    expect(r.warnings).toEqual([]);
  });

  it('leaves out a message Thunderbird moved to another folder, not compacted yet, saying so', async () => {
    // Inbox after moving bounce A to the Bounces folder: A stays, X-Mozilla-Status 0009 (read, expunged).
    const r = await read('thunderbird-inbox-moved-out.mbox');
    expect(fields(r)).toEqual([B]);
    expect(r.warnings.map((w) => w.code)).toEqual(['input.thunderbird-expunged']);
    expect(r.warnings[0]?.text.fr).toContain('n’a pas été lu');
  });

  it.each([
    ['outlook-saveas-en.txt', 'OFR006_102', '2026-12-03T15:01:57+01:00'],
    ['outlook-saveas-fr.txt', 'OFR004_104', '2026-12-04T09:16:39+01:00'],
  ])(
    "reads Outlook's Save As text %s: the NDR under its From/Sent (De/Envoyé) lines",
    async (name, token, date) => {
      const r = await read(name);
      expect(r.incidents).toHaveLength(1);
      expect(r.incidents[0]?.orange?.token).toBe(token);
      expect(r.incidents[0]?.occurredAt).toBe(date);
      expect(r.incidents[0]?.sendingHosts).toEqual(['ex01.corp.example.org']);
      // Its `To:` names the user alone (`Jean Dupont`): the domain is the returned headers' From.
      expect(r.incidents[0]?.sendingDomain).toBe('corp.example.org');
      expect(r.incidents[0]?.sources.sendingDomain?.text).toBe(
        'From: Jean Dupont <jean.dupont@corp.example.org>',
      );
    },
  );
});
