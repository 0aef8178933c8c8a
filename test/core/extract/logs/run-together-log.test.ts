/**
 * A Postfix log pasted with its line breaks lost: every record run together on one line. Read as if the
 * breaks were there (run-on.ts cuts the line before each record of the same host), also when the first
 * record is one the fast paths dismiss (smtpd's `connect from`) or the line holds a delivery somewhere,
 * and without a recursion per record (a 3 MB paste overflowed the stack) or work growing with the
 * square of the length (each record was read with the whole rest of the line after it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { Incident } from '../../../../core/types';

/** The length of every record handed to dispatch: the characters the readers were given. */
const dispatched: number[] = [];
vi.mock('../../../../core/extract/logs/dispatch', async (original) => {
  const real = await original<typeof import('../../../../core/extract/logs/dispatch')>();
  return {
    ...real,
    dispatch: (text: string, state: Parameters<typeof real.dispatch>[1]) => {
      dispatched.push(text.length);
      return real.dispatch(text, state);
    },
  };
});

const { scanLogText } = await import('../../../../core/extract/logs/index');
const NOW = new Date('2026-11-29T10:00:00Z');

const fixture = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../../../fixtures/${path}`, import.meta.url)), 'utf8');

/** What an incident says, without where it was read (every record of a run-together paste is line 1). */
const fields = (i: Incident) => [
  i.occurredAt,
  i.sendingHosts,
  i.sendingDomain,
  i.recipientDomain,
  i.remoteHost,
  i.remoteIp,
  i.reply,
  i.orange?.token ?? null,
];

describe('A Postfix log whose records run together on one line', () => {
  it('gives the incidents of the same log with its line breaks', () => {
    const joined = fixture('extract/logs2/postfix-run-together.txt');
    const lines = fixture('logs/postfix-orange.log').split('\n').slice(0, 17).join('\n');
    expect(joined.trim()).toBe(lines.replaceAll('\n', ' '));
    const together = scanLogText(joined, { now: NOW });
    const apart = scanLogText(lines, { now: NOW });
    expect(together.incidents.map(fields)).toEqual(apart.incidents.map(fields));
    expect(
      together.incidents.map((i) => [i.orange?.token ?? i.reply.code, i.sendingDomain, i.remoteIp]),
    ).toEqual([
      ['OFR006_102', 'news.example.com', '80.12.242.10'],
      ['OFR_506', 'shop.example.org', '193.252.22.65'],
      [421, 'example.com', '192.0.2.27'],
      ['OFR004_999', 'news.example.com', '193.252.22.65'],
      ['OFR004_999', null, '193.252.22.65'],
    ]);
    // Each reply ends where its record does, not with the records after it, another host's included.
    expect(together.incidents[1]?.reply.text.endsWith('OFR_506 [506]')).toBe(true);
    expect(together.incidents[3]?.reply.text.endsWith('OFR004_999 [999]')).toBe(true);
    expect(together.incidents.map((i) => i.sendingHosts)).toEqual([
      ['mta1'],
      ['mta1'],
      ['mta1'],
      ['mta1'],
      ['mta2'],
    ]);
    expect(together.counts.delivered).toBe(1);
  });

  // A Dovecot login first: no reader claims it, the records after it are read all the same.
  const dovecot =
    'Mar  2 09:00:00 relay1 dovecot: imap-login: Login: user=<jean@example.com>, method=PLAIN, rip=198.51.100.23, lip=192.0.2.10, mpid=4412, TLS, session=<kJ8mFxsSmsTGM2Qj>';

  it('reads the records after a first one no reader claims, Postfix ones', () => {
    const joined = `${dovecot.replace('relay1', 'mta1')} ${fixture('extract/logs2/postfix-run-together.txt').trim()}`;
    const { incidents } = scanLogText(joined, { now: NOW });
    expect(incidents.map((i) => i.orange?.token ?? i.reply.code)).toEqual([
      'OFR006_102',
      'OFR_506',
      421,
      'OFR004_999',
      'OFR004_999',
    ]);
  });

  it('reads the records after a first one no reader claims, sendmail ones', () => {
    const sendmail = fixture('logs/sendmail-orange.log').split('\n').slice(0, 3);
    const joined = [dovecot, ...sendmail].join(' ');
    const { incidents, counts } = scanLogText(joined, { now: NOW });
    expect(incidents.map((i) => [i.orange?.token, i.sendingDomain, i.remoteIp])).toEqual([
      ['OFR005_104', 'example.com', '193.252.22.65'],
    ]);
    expect(incidents[0]?.reply.text.endsWith('OFR005_104 [104]')).toBe(true);
    expect(counts.delivered).toBe(1);
  });

  /**
   * `n` messages refused by Orange, each in four records (queued, deferred, removed, the next client's
   * connection). The
   * excerpt starts at the first message's refusal, its queue line cut off, as a copied stretch may.
   */
  const runTogether = (n: number, hostOf = (_k: number) => 'mta1') => {
    const records: string[] = [];
    for (let k = 0; k < n; k++) {
      const id = `4PcV${k.toString(16).toUpperCase().padStart(8, '0')}Q`;
      const s = String(k % 60).padStart(2, '0');
      const host = hostOf(k);
      records.push(
        `Mar 16 02:27:${s} ${host} postfix/qmgr[3166]: ${id}: from=<bounce-${k}@news.example.com>, size=101141, nrcpt=1 (queue active)`,
        `Mar 16 02:27:${s} ${host} postfix/smtp[5058]: ${id}: to=<jean.dupont@orange.fr>, relay=smtp-in.orange.fr[80.12.242.10]:25, delay=1.9, delays=0.02/0/1.8/0, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[80.12.242.10] refused to talk to me: 550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.7 [102])`,
        `Mar 16 02:27:${s} ${host} postfix/qmgr[3166]: ${id}: removed`,
        `Mar 16 02:27:${s} ${host} postfix/smtpd[5050]: connect from app3.example.net[192.0.2.33]`,
      );
    }
    return records.slice(1).join(' ');
  };

  it('reads a 3 MB paste without overflowing the stack', () => {
    const n = 5000;
    const text = runTogether(n);
    expect(text.length).toBeGreaterThan(3_000_000);
    const { incidents, warnings } = scanLogText(text, { now: NOW });
    expect(incidents).toHaveLength(n);
    // Only the first, whose queue line was cut off, lacks its sender.
    expect(incidents.filter((i) => i.sendingDomain === null)).toHaveLength(1);
    expect(incidents.filter((i) => i.sendingDomain === 'news.example.com')).toHaveLength(n - 1);
    expect(incidents[n - 1]?.orange?.token).toBe('OFR006_102');
    expect(warnings.map((w) => w.code)).not.toContain('log-no-rejection');
  });

  it('hands each record to the readers alone, not with the rest of the line: work linear in its length', () => {
    const text = runTogether(1000);
    dispatched.length = 0;
    const { incidents } = scanLogText(text, { now: NOW });
    expect(incidents).toHaveLength(1000);
    // The whole line once (to read its first record's prefix), then each record: twice the text at most.
    const total = dispatched.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(2 * text.length);
  });

  it('does so too when each message is another host’s (a central syslog server)', () => {
    const text = runTogether(1000, (k) => `mta${k}`);
    dispatched.length = 0;
    const { incidents } = scanLogText(text, { now: NOW });
    expect(incidents).toHaveLength(1000);
    // Each its own host's, with its own sender (but the first, whose queue line was cut off).
    expect(new Set(incidents.map((i) => i.sendingHosts.join())).size).toBe(1000);
    expect(incidents.filter((i) => i.sendingDomain === 'news.example.com')).toHaveLength(999);
    expect(dispatched.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2 * text.length);
  });
});
