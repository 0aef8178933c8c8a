/**
 * Postfix line shapes as collected by whyscream/postfix-grok-patterns (its test/*.yaml and
 * test/POSTFIX_*.log data), written again around Orange's replies: the fixtures and where each shape
 * comes from are in test/fixtures/logs/real-world/SOURCES.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { scanLogText } from '../../core/extract/logs/index';
import type { Incident } from '../../core/types';

const NOW = new Date('2026-11-29T10:00:00Z');

function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/logs/real-world/${name}`, import.meta.url)), 'utf8');
}

function at(incidents: Incident[], line: number): Incident {
  const found = incidents.find((i) => i.sources.reply?.line === line);
  if (!found) throw new Error(`no incident on line ${line}: ${incidents.map((i) => i.sources.reply?.line)}`);
  return found;
}

describe('an attempt line, and status lines of the same message from other smtp processes', () => {
  const { incidents } = scanLogText(fixture('postfix-attempt-other-process.log'), { now: NOW });

  it("does not give Orange's refusal the recipient of another process's status line", () => {
    // smtp[5058] was refused by Orange, then delivered to its other MX; smtp[5059] was deferred by Gmail
    // for the message's gmail.com recipient. The Orange refusal was for no gmail.com address: for the
    // orange.fr one of smtp[5058]'s own status line (`status=sent`, line 5).
    const refusal = at(incidents, 2);
    expect(refusal).toMatchObject({
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      orange: { token: 'OFR005_104', reason: 104 },
      sendingDomain: 'letters.example.com',
    });
    expect(refusal.recipientDomain).toBe('orange.fr');
    expect(refusal.sources.recipientDomain?.line).toBe(5);
    expect(at(incidents, 3)).toMatchObject({
      recipientDomain: 'gmail.com',
      remoteHost: 'gmail-smtp-in.l.google.com',
    });
  });

  it('still lets the status line of the process that logged the attempt complete it', () => {
    // smtp[5058]'s attempt at 193.252.22.65 and its status line at 80.12.242.10 quote the same refusal:
    // one incident, for the wanadoo.fr recipient, not for the example.net one of smtp[5059].
    const cloudmark = incidents.filter((i) => i.orange?.reason === 102);
    expect(cloudmark).toHaveLength(1);
    expect(cloudmark[0]).toMatchObject({ recipientDomain: 'wanadoo.fr', sendingIps: ['203.0.113.7'] });
    expect(at(incidents, 8)).toMatchObject({ recipientDomain: 'example.net', isOrange: false });
    expect(incidents).toHaveLength(4);
  });
});

describe("the sender lines of Postfix 2.0's nqmgr and of oqmgr", () => {
  it('gives the sending domain they log, as qmgr lines do', () => {
    const { incidents } = scanLogText(fixture('postfix-nqmgr-sender.log'), { now: NOW });
    expect(incidents).toHaveLength(2);
    expect(at(incidents, 2)).toMatchObject({
      sendingDomain: 'asso.example.org',
      sources: { sendingDomain: { line: 1 } },
      recipientDomain: 'wanadoo.fr',
      orange: { token: 'OFR_506', reason: 506 },
    });
    expect(at(incidents, 5)).toMatchObject({
      sendingDomain: 'asso.example.org',
      sources: { sendingDomain: { line: 4 } },
      sendingIps: ['203.0.113.9'],
    });
  });
});

describe('a message Postfix would not send, larger than the SIZE Orange announced', () => {
  const lines = fixture('postfix-size-limit.log').split('\n');

  it('says so beside the incident of a refusal, and makes none of its own', () => {
    const { incidents, warnings } = scanLogText(lines.join('\n'), { now: NOW });
    expect(incidents.map((i) => i.sources.reply?.line)).toEqual([9]);
    expect(warnings.map((w) => w.code)).toContain('input.size-limit-announced');
  });

  it('says so beside the connection failures of the other lines, when nothing else is found', async () => {
    const { incidents, warnings } = await extract(lines.slice(0, 7).join('\n'), { now: NOW });
    expect(incidents).toHaveLength(0);
    const codes = warnings.map((w) => w.code);
    expect(codes).toContain('input.size-limit-announced');
    expect(codes).toContain('input.no-server-reply');
    expect(codes).not.toContain('input.no-incident');
    const size = warnings.find((w) => w.code === 'input.size-limit-announced');
    expect(size?.text.en).toMatch(/52,428,800 bytes .* smtp-in\.orange\.fr advertises a limit of 47,185,920/);
  });

  it('says so alone when that is the only line', async () => {
    const { incidents, warnings } = await extract(lines.slice(0, 2).join('\n'), { now: NOW });
    expect(incidents).toHaveLength(0);
    expect(warnings.map((w) => w.code)).toEqual(['input.size-limit-announced']);
  });
});

describe('an RFC 3339 stamp written without its offset', () => {
  it('is read as a syslog line: host, sender, recipient of each line, and the zone assumption said', async () => {
    const { incidents } = await extract(fixture('postfix-iso-without-zone.log'), { now: NOW });
    expect(incidents.map((i) => i.format)).toEqual(['postfix', 'postfix']);
    expect(at(incidents, 4)).toMatchObject({
      occurredAt: '2026-03-16T09:14:02+00:00',
      sendingHosts: ['mx1'],
      sendingDomain: 'letters.example.com',
      sources: { sendingDomain: { line: 2 } },
      recipientDomain: 'wanadoo.fr',
      remoteIp: '80.12.242.10',
      sendingIps: ['203.0.113.7'],
      orange: { token: 'OFR006_102', reason: 102 },
    });
    expect(
      at(incidents, 4)
        .assumptions.map((a) => a.text.en)
        .join(' '),
    ).toMatch(/no time zone: zone UTC assumed/);
  });

  it('is read in the zone the user gives', async () => {
    const { incidents } = await extract(fixture('postfix-iso-without-zone.log'), {
      now: NOW,
      assumeZone: 'Europe/Paris',
    });
    expect(at(incidents, 4).occurredAt).toBe('2026-03-16T09:14:02+01:00');
  });
});

describe("Postfix 2.2's greeting refusal, ended with the port it connected to", () => {
  const text = fixture('postfix-2.2-port-note.log');
  const orangeWords =
    '421 mwinf5c77 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]';

  it("quotes Orange's reply without Postfix's `(port 25)`", () => {
    const { incidents } = scanLogText(text, { now: NOW });
    expect(at(incidents, 3)).toMatchObject({
      reply: { code: 421, enhanced: null, text: orangeWords },
      orange: { token: 'OFR005_104', reason: 104, server: 'mwinf5c77' },
      sendingDomain: 'staging.example.com',
      recipientDomain: 'wanadoo.fr',
      remoteIp: '193.252.22.65',
    });
    expect(at(incidents, 5).reply.text).toMatch(/OFR_506 \[506\]$/);
  });

  it('does so on the attempt line too, which names no queue id', () => {
    const status = text.split('\n')[2] ?? '';
    const attempt = `Nov 11 15:12:27 staging postfix/smtp[13076]: ${status.slice(status.indexOf('(connect to') + 1, -1)}`;
    expect(attempt).toMatch(/^Nov 11 15:12:27 staging postfix\/smtp\[13076\]: connect to smtp-in.orange.fr/);
    const { incidents } = scanLogText(attempt, { now: NOW });
    expect(incidents.map((i) => i.reply.text)).toEqual([orangeWords]);
  });
});

describe("Postfix's own TLS failures with Orange's MX, which quote no reply", () => {
  const lines = fixture('postfix-tls-failures.log').split('\n');

  it('make no incident, and say that no server replied, quoting the first', async () => {
    for (const excerpt of [lines.slice(0, 3), lines.slice(3, 6)]) {
      const { incidents, warnings } = await extract(excerpt.join('\n'), { now: NOW });
      expect(incidents).toHaveLength(0);
      const note = warnings.find((w) => w.code === 'input.no-server-reply');
      expect(note?.text.en).toContain(excerpt[2]?.slice(excerpt[2].indexOf('status=')));
    }
  });

  it("leave Orange's refusal later in the log as it was", () => {
    const { incidents } = scanLogText(lines.join('\n'), { now: NOW });
    expect(incidents.map((i) => i.sources.reply?.line)).toEqual([9]);
  });

  it('in a Postfix bounce: an incident without reply, with the same note', async () => {
    const bounce = [
      'From: MAILER-DAEMON@mx1.example.com (Mail Delivery System)',
      'To: news@letters.example.com',
      'Subject: Undelivered Mail Returned to Sender',
      'Date: Mon, 16 Mar 2026 09:14:02 +0100 (CET)',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
      'MIME-Version: 1.0',
      '',
      '--B1',
      'Content-Type: text/plain',
      '',
      'This is the mail system at host mx1.example.com.',
      '',
      '<jean@orange.fr>: Cannot start TLS: handshake failure',
      '',
      '--B1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx1.example.com',
      '',
      'Final-Recipient: rfc822; jean@orange.fr',
      'Action: failed',
      'Status: 4.7.5',
      'Diagnostic-Code: X-Postfix; Cannot start TLS: handshake failure',
      '',
      '--B1--',
    ].join('\n');
    const { incidents, warnings } = await extract(bounce, { now: NOW });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('');
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
    expect(warnings.map((w) => w.code)).not.toContain('input.sender-own-diagnostic');
  });
});
