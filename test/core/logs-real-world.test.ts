/**
 * MTA log lines in the shapes they take in the wild, from public bug reports, forum posts and mailing
 * lists (sources in test/fixtures/logs/real-world/SOURCES.md). Sender-side names and addresses are
 * replaced by documentation ones; Orange's server ids, MX names, addresses and replies are kept.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectLogFormat } from '../../core/extract/logs/detect';
import { type DispatchState, dispatch } from '../../core/extract/logs/dispatch';
import {
  createLineSplitter,
  createLogScanner,
  type LogScanResult,
  scanLogText,
} from '../../core/extract/logs/index';
import type { RawRejection, ScanContext } from '../../core/extract/logs/model';
import { SenderState } from '../../core/extract/logs/sender-state';
import type { Incident } from '../../core/types';

const NOW = new Date('2026-11-29T10:00:00Z');

function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/logs/real-world/${name}`, import.meta.url)), 'utf8');
}

function scan(name: string): LogScanResult {
  return scanLogText(fixture(name), { now: NOW });
}

/**
 * What the readers alone make of a fixture: every line dispatched and read, without the scanner's
 * pre-filter (core/extract/logs/index.ts), so a reader's own reading is checked.
 */
function readLines(name: string): RawRejection[] {
  const out: RawRejection[] = [];
  const ctx: ScanContext = {
    senders: new SenderState(1000),
    formatState: new Map(),
    emit: (r) => out.push(r),
    emitIncident: () => {},
    hold: (r) => out.push(r),
    release: () => {},
    count: () => {},
    warnOnce: () => {},
  };
  const state: DispatchState = { powermta: false, exchange: false };
  fixture(name)
    .split(/\r?\n/)
    .forEach((text, i) => {
      const found = text ? dispatch(text, state) : null;
      found?.reader.read({ text, line: i + 1 }, found.syslog, ctx);
    });
  return out;
}

function readAt(rejections: RawRejection[], line: number): RawRejection {
  const found = rejections.find((r) => r.ref.line === line);
  if (!found) throw new Error(`no rejection on line ${line}: ${rejections.map((r) => r.ref.line)}`);
  return found;
}

/** The incident whose reply was read on `line`. */
function at(result: LogScanResult, line: number): Incident {
  const found = result.incidents.find((i) => i.sources.reply?.line === line);
  if (!found)
    throw new Error(`no incident on line ${line}: ${result.incidents.map((i) => i.sources.reply?.line)}`);
  return found;
}

describe('Sendmail, as logged by sm-mta', () => {
  const result = scan('sendmail-bare-from.log');

  it('reads the envelope sender of a from= written with angle brackets', () => {
    const incident = at(result, 2);
    expect(incident.sendingDomain).toBe('web.example.com');
    expect(incident.sources.sendingDomain?.line).toBe(1);
    expect(incident).toMatchObject({
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      sendingHosts: ['mkalimu'],
      reply: { code: 421, enhanced: null },
      orange: { token: 'OFR004_999', reason: 999, server: 'mwinf5c18' },
    });
  });

  it('reads the envelope sender of a from= written without angle brackets', () => {
    const rejection = readAt(readLines('sendmail-bare-from.log'), 4);
    expect(rejection.sender).toMatchObject({ value: 'alerts@app.example.com', ref: { line: 3 } });
    expect(rejection).toMatchObject({ recipient: 'marie@wanadoo.fr', remoteIp: '80.12.24.81' });
    expect(at(result, 4)).toMatchObject({
      sendingDomain: 'app.example.com',
      sources: { sendingDomain: { line: 3 } },
      recipientDomain: 'wanadoo.fr',
      remoteHost: 'smtp-in.orange.fr',
      orange: { token: 'OFR004_104', reason: 104, server: 'mwinf5c27' },
    });
  });

  it('makes no incident of a permanent failure whose reply sendmail did not log', () => {
    expect(result.incidents).toHaveLength(2);
    expect(result.counts.failuresWithoutReply).toBe(1);
  });
});

describe('qmail-send under multilog', () => {
  const result = scan('qmail-multilog-ofr.log');

  it('keeps Orange short tokens (OFR_999, OFR_416) as written, underscores and all', () => {
    expect(at(result, 5).reply.text).toBe(
      '421 mwinf5c18 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]',
    );
    expect(at(result, 5).orange).toEqual({ token: 'OFR_999', reason: 999, server: 'mwinf5c18' });
    expect(at(result, 7).reply.text).toBe(
      '550 5.1.1 suS6oL4egFSnb Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    );
  });

  it('ties each delivery to its recipient and the envelope sender of its message', () => {
    expect(at(result, 5)).toMatchObject({
      occurredAt: '2024-03-25T16:13:29Z',
      sendingDomain: 'news.example.com',
      recipientDomain: 'orange.fr',
      remoteIp: '193.252.22.65',
      sendingIps: [],
    });
    expect(at(result, 7)).toMatchObject({ recipientDomain: 'wanadoo.fr', remoteIp: '80.12.24.81' });
    expect(at(result, 7).reply).toMatchObject({ code: 550, enhanced: '5.1.1' });
  });

  it('reads the sending IP from the Cloudmark link, never the MX qmail connected to', () => {
    expect(at(result, 9)).toMatchObject({ sendingIps: ['203.0.113.7'], remoteIp: '80.12.242.10' });
    expect(at(result, 9).orange).toEqual({ token: 'OFR006_102', reason: 102, server: 'mwinf5c04' });
  });
});

describe('OpenSMTPD, current and pre-6.4 delivery lines', () => {
  const result = scan('opensmtpd-relay-lines.log');

  it('reads the pre-6.4 `relay: TempFail for EVPID:` line like the current `mta delivery` one', () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([1, 2, 3, 5]);
    expect(at(result, 2)).toMatchObject({
      format: 'opensmtpd',
      sendingIps: ['192.0.2.10'],
      sendingHosts: ['mx'],
      sendingDomain: 'news.example.com',
      recipientDomain: 'wanadoo.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '80.12.24.81',
      reply: { code: 421, enhanced: null },
      orange: { token: 'OFR004_104', reason: 104, server: 'mwinf5c27' },
    });
    expect(at(result, 3)).toMatchObject({
      reply: { code: 550, enhanced: '5.1.1' },
      remoteIp: '80.12.242.10',
    });
  });

  it('reads the 5.3 shape, which has no source= (no sending IP) and no comma after relay=', () => {
    expect(at(result, 5)).toMatchObject({
      sendingIps: [],
      sendingDomain: 'news.example.com',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      orange: { token: 'OFR004_999', reason: 999 },
    });
  });

  it('counts the Ok line as delivered and a failure without a reply apart', () => {
    expect(result.counts.delivered).toBe(1);
    expect(result.counts.failuresWithoutReply).toBe(1);
  });
});

describe('Haraka outbound', () => {
  const result = scan('haraka-recipient-lines.log');

  it('reads a reply to RCPT TO from its own `recipient <rcpt> rejected:` line, with the recipient', () => {
    expect(at(result, 2)).toMatchObject({
      format: 'haraka',
      occurredAt: '2026-02-17T21:53:28+00:00',
      sendingHosts: ['mxbt1'],
      recipientDomain: 'wanadoo.fr',
      reply: { code: 550, enhanced: '5.1.1' },
      orange: { token: 'OFR_416', reason: 416 },
    });
    expect(at(result, 4)).toMatchObject({
      occurredAt: '2020-02-04T03:19:47Z',
      recipientDomain: 'example.org',
      reply: { code: 451, enhanced: '4.7.1' },
    });
  });

  it('takes the remote MX from the attempt line of the same delivery uuid, and only from it', () => {
    expect(at(result, 2).remoteIp).toBe('80.12.24.81');
    expect(at(result, 7).remoteIp).toBe('193.252.22.65');
    expect(at(result, 4).remoteIp).toBeNull();
    for (const incident of result.incidents) expect(incident.sendingIps).toEqual([]);
  });

  it('still reads a greeting refusal from the temp-fail line, naming the host from the queue file', () => {
    expect(at(result, 7)).toMatchObject({
      sendingHosts: ['mta1.example.com'],
      reply: { code: 421, enhanced: null },
      orange: { token: 'OFR004_999', reason: 999, server: 'mwinf5c18' },
    });
  });

  it('makes no incident of the summary lines that name the recipients without the reply', () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([2, 4, 7]);
  });
});

describe('Postfix as printed by journalctl', () => {
  it('reads `-o short-full` lines, taking the offset from an unambiguous zone abbreviation', () => {
    const result = scan('postfix-journalctl-short-full.log');
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([3, 4, 5]);
    expect(at(result, 3)).toMatchObject({
      occurredAt: '2024-05-07T10:12:31+02:00',
      sendingHosts: ['mx1'],
      sendingDomain: 'shop.example.com',
      recipientDomain: 'wanadoo.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '80.12.24.81',
      reply: { code: 550, enhanced: null },
      orange: { token: 'OFR006_103', reason: 103, server: 'opmta1mti37nd1' },
    });
    expect(at(result, 3).assumptions.map((a) => a.code)).not.toContain('assumed-zone');
    expect(at(result, 4).occurredAt).toBe('2024-11-03T09:02:11Z');
  });

  it('says which zone it assumed when the abbreviation names several zones (IST)', () => {
    const incident = at(scan('postfix-journalctl-short-full.log'), 5);
    expect(incident.occurredAt).toBe('2024-11-03T03:02:12+00:00');
    expect(incident.assumptions.map((a) => a.code)).toContain('assumed-zone');
  });

  it('reads `-o short-iso` (offset without colon) and `short-iso-precise` lines, multi-instance names too', () => {
    const result = scan('postfix-journalctl-short-iso.log');
    expect(at(result, 2)).toMatchObject({
      occurredAt: '2024-05-07T10:12:31+02:00',
      sendingDomain: 'shop.example.com',
      orange: { token: 'OFR006_103', reason: 103 },
    });
    expect(at(result, 3)).toMatchObject({
      occurredAt: '2024-05-07T10:12:31+02:00',
      sendingHosts: ['mx1'],
      remoteIp: '193.252.22.65',
      reply: { code: 421, enhanced: null },
      orange: { token: 'OFR004_104', reason: 104, server: 'mwinf5c27' },
    });
  });
});

describe('Postfix pasted from `docker compose logs` (mailcow)', () => {
  const result = scan('postfix-docker-compose.log');

  it('reads the syslog line behind the service-name prefix, v1 and v2 container names alike', () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([2, 3]);
    expect(at(result, 2)).toMatchObject({
      format: 'postfix',
      occurredAt: '2026-05-07T10:12:31+00:00',
      sendingIps: ['203.0.113.7'],
      sendingHosts: ['mx1'],
      sendingDomain: 'shop.example.com',
      recipientDomain: 'wanadoo.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '80.12.24.81',
      orange: { token: 'OFR006_102', reason: 102, server: 'mwinf5c10' },
    });
    expect(at(result, 3)).toMatchObject({
      sendingHosts: ['mx1'],
      remoteIp: '193.252.22.65',
      reply: { code: 421, enhanced: null },
    });
  });
});

describe('Postfix inside a Docker container', () => {
  const result = scan('postfix-container-host.log');

  it('names no sending host when the syslog host is a container id', () => {
    expect(at(result, 3).sendingHosts).toEqual([]);
    expect(at(result, 3).assumptions.map((a) => a.code)).not.toContain('sending-host-from-syslog');
    expect(at(result, 4).sendingHosts).toEqual([]);
    expect(at(result, 3)).toMatchObject({
      sendingIps: ['203.0.113.7'],
      sendingDomain: 'shop.example.com',
      recipientDomain: 'orange.fr',
      remoteIp: '193.252.22.65',
      reply: { code: 550, enhanced: null },
    });
    expect(at(result, 4).occurredAt).toBe('2019-04-11T19:41:56+00:00');
  });

  it('still names a real machine', () => {
    expect(at(result, 5).sendingHosts).toEqual(['mail-out2']);
  });
});

describe('qmail-send through tai64nlocal, and lines pasted without their stamp', () => {
  const result = scan('qmail-tai64nlocal-and-bare.log');

  it('reads tai64nlocal stamps as local time, saying which zone it assumed', () => {
    const incident = at(result, 5);
    expect(incident).toMatchObject({
      format: 'qmail',
      occurredAt: '2024-03-25T17:13:30+00:00',
      sendingDomain: 'news.example.com',
      recipientDomain: 'orange.fr',
      remoteIp: '193.252.22.65',
      orange: { token: 'OFR004_999', reason: 999, server: 'mwinf5c18' },
    });
    expect(incident.assumptions.map((a) => a.code)).toContain('assumed-zone');
  });

  it('reads a delivery line pasted alone, as in bug reports', () => {
    expect(at(result, 7)).toMatchObject({
      occurredAt: null,
      remoteIp: '80.12.24.81',
      reply: { code: 550, enhanced: '5.1.1' },
      orange: { token: 'OFR_416', reason: 416 },
    });
    expect(result.counts.failuresWithoutReply).toBe(1);
  });
});

describe('Postfix through rsyslog, instance names and suspended deliveries', () => {
  const result = scan('postfix-rsyslog-instances.log');

  it('reads a multi-instance line (server1-1/smtp) with its qmgr sender and RFC 3339 stamp', () => {
    expect(at(result, 2)).toMatchObject({
      occurredAt: '2021-04-21T17:16:28+02:00',
      sendingIps: ['203.0.113.7'],
      sendingHosts: ['server1'],
      sendingDomain: 'news.example.com',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtppromx.orange.fr',
      remoteIp: '193.252.22.65',
      reply: { code: 550, enhanced: null },
      orange: { token: 'OFR006_102', reason: 102, server: 'mwinf5c14' },
    });
  });

  it('reads the reply behind `delivery temporarily suspended:` and the IP in an Orange assistance link', () => {
    expect(at(result, 4)).toMatchObject({
      occurredAt: '2021-04-21T17:20:02+02:00',
      remoteIp: '193.252.22.65',
      reply: { code: 421 },
      orange: { reason: 999 },
    });
    expect(at(result, 5)).toMatchObject({
      sendingIps: ['203.0.113.9'],
      recipientDomain: 'orange.fr',
      orange: { token: 'OFR006_101', reason: 101, server: 'opmta1mti33nd1' },
    });
  });

  it('makes no incident of a lost connection, which carries no reply', () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([2, 4, 5]);
    expect(result.counts.failuresWithoutReply).toBe(1);
  });
});

describe('Sendmail delivering over IPv6', () => {
  it('reads the remote address without the IPv6: tag of its address literal', () => {
    const incident = at(scan('sendmail-ipv6-relay.log'), 1);
    expect(incident).toMatchObject({
      remoteHost: 'gmail-smtp-in.l.google.com',
      remoteIp: '2a00:1450:400c:c08::1b',
      recipientDomain: 'gmail.com',
      reply: { code: 421, enhanced: '4.7.0' },
    });
    // Gmail's reply names the client it saw (`[2001:db8::25      15]`); the remote's own address never is.
    expect(incident.sendingIps).toEqual(['2001:db8::25']);
  });
});

describe('Sendmail recipients written with their display name', () => {
  const result = scan('sendmail-named-recipient.log');

  it('takes the address between angle brackets, quoted names with commas included', () => {
    expect(at(result, 2)).toMatchObject({ recipientDomain: 'orange.fr', remoteIp: '193.252.22.65' });
    expect(at(result, 3)).toMatchObject({ recipientDomain: 'wanadoo.fr', remoteIp: '80.12.24.81' });
    expect(at(result, 4)).toMatchObject({ recipientDomain: 'orange.fr', remoteIp: '80.12.242.10' });
  });

  it('gives no sending domain for a local user name as sender (from=www-data)', () => {
    expect(at(result, 2).sendingDomain).toBeNull();
    expect(at(result, 2).sendingHosts).toEqual(['mx1']);
  });
});

describe("hMailServer's log (SMTPC sessions)", () => {
  const result = scan('hmailserver-smtpc.log');

  it('is recognised as such', () => {
    expect(detectLogFormat(fixture('hmailserver-smtpc.log').split('\n'))).toBe('hmailserver');
  });

  it("reads Orange's refusal to MAIL FROM with the session's remote, sender and EHLO name", () => {
    expect(result.incidents).toHaveLength(2);
    const orange = at(result, 6);
    expect(orange.format).toBe('hmailserver');
    expect(orange.orange?.token).toBe('OFR006_102');
    expect(orange.remoteIp).toBe('193.252.22.84');
    expect(orange.sendingIps).toEqual(['198.51.100.20']);
    expect(orange.sendingDomain).toBe('example.com');
    expect(orange.sources.sendingDomain?.line).toBe(5);
    expect(orange.sendingHosts).toEqual(['mail.example.com']);
    expect(orange.assumptions.map((a) => a.code)).toContain('sending-host-from-helo');
    // The log's local time: no zone written, one assumed and said.
    expect(orange.occurredAt).toBe('2026-03-16T09:41:02+00:00');
    expect(orange.recipientDomain).toBeNull();
  });

  it('joins a multi-line reply logged on one line with [nl], the recipient from RCPT TO', () => {
    const gmail = at(result, 13);
    expect(gmail.reply.text).toBe(
      "550 5.7.1 [198.51.100.20] The IP you're using to send mail is not authorized to send email directly to our servers. Please use the SMTP relay at your service provider instead. - gsmtp",
    );
    expect(gmail.remoteHost).toBe('mx.google.com');
    expect(gmail.recipientDomain).toBe('gmail.com');
  });
});

describe('every real-world fixture, streamed', () => {
  const dir = fileURLToPath(new URL('../fixtures/logs/real-world/', import.meta.url));
  const names = readdirSync(dir).filter((f) => f.endsWith('.log'));

  function byLines(text: string): LogScanResult {
    const scanner = createLogScanner({ now: NOW });
    const splitter = createLineSplitter((line, n) => scanner.push(line, n));
    splitter.push(text);
    splitter.end();
    return scanner.finish();
  }

  function byChunks(text: string, size: number, fastPaths: boolean): LogScanResult {
    const scanner = createLogScanner({ now: NOW, fastPaths });
    for (let i = 0; i < text.length; i += size) scanner.pushText(text.slice(i, i + size));
    return scanner.finish();
  }

  it.each(names)('%s: chunked pushText, with or without fast paths, reads as line-by-line pushes', (name) => {
    const text = fixture(name);
    const expected = byLines(text);
    expect(expected.incidents.length).toBeGreaterThan(0);
    for (const size of [text.length, 61, 7]) {
      expect(byChunks(text, size, true)).toEqual(expected);
      expect(byChunks(text, size, false).incidents).toEqual(expected.incidents);
    }
  });
});

describe('Postfix lines pasted from `grep` over several files', () => {
  const result = scan('postfix-grep-prefix.log');

  it('reads the syslog line behind a file-name prefix, with or without grep -n line numbers', () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([2, 3, 4]);
    expect(at(result, 2)).toMatchObject({
      occurredAt: '2026-05-07T10:12:31+00:00',
      sendingHosts: ['latonia'],
      sendingDomain: 'shop.example.com',
      recipientDomain: 'wanadoo.fr',
      remoteIp: '80.12.24.81',
      orange: { token: 'OFR004_999', reason: 999 },
    });
    expect(at(result, 3)).toMatchObject({ sendingIps: ['203.0.113.7'], remoteIp: '193.252.22.65' });
    expect(at(result, 4)).toMatchObject({
      occurredAt: '2024-05-08T06:03:11+02:00',
      sendingHosts: ['latonia'],
    });
  });
});

describe('Postfix lines pasted from an e-mail (double spaces turned into no-break spaces)', () => {
  const result = scan('postfix-pasted-from-email.log');

  it('reads `May\\u00a0 7` stamps like `May  7`, with the sender of the queue id', () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([2, 3]);
    expect(at(result, 2)).toMatchObject({
      occurredAt: '2026-05-07T10:12:31+00:00',
      sendingIps: ['203.0.113.7'],
      sendingHosts: ['mx1'],
      sendingDomain: 'shop.example.com',
      recipientDomain: 'wanadoo.fr',
      remoteIp: '80.12.24.81',
      orange: { token: 'OFR006_102', reason: 102, server: 'mwinf5c04' },
    });
  });
});

describe('Exim lines pasted from an e-mail (no-break spaces where the log had spaces)', () => {
  it('reads the ** line and its H= host as if the spaces were plain', () => {
    const line =
      '2026-01-02 10:12:43 1tTQ1a-00000000H2b-0007\u00a0** claire@wanadoo.fr F=<promo@mail.example.com> R=dnslookup T=remote_smtp H=smtp-in.orange.fr\u00a0[193.252.22.65] I=[203.0.113.25]:41240: SMTP error from remote mail server after end of data: 550 5.7.1 mwinf5c21 ME Mail rejete. Mail rejected. ofr_506 [506]';
    const result = scanLogText(`${line}\n`, { now: NOW });
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0]).toMatchObject({
      format: 'exim',
      sendingIps: ['203.0.113.25'],
      sendingDomain: 'mail.example.com',
      recipientDomain: 'wanadoo.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      orange: { token: 'OFR_506', reason: 506 },
    });
    expect(result.incidents[0]?.sources.reply?.text).not.toContain('\u00a0');
  });
});

describe('Postfix as printed by journalctl in its default mode', () => {
  it('reads zero-padded days (May 07) after the `-- Logs begin` banner, assuming year and zone', () => {
    const incident = at(scan('postfix-journalctl-short.log'), 3);
    expect(incident).toMatchObject({
      occurredAt: '2026-05-07T10:12:31+00:00',
      sendingHosts: ['mx1'],
      sendingDomain: 'shop.example.com',
      recipientDomain: 'wanadoo.fr',
      remoteIp: '80.12.24.81',
      orange: { token: 'OFR006_103', reason: 103, server: 'opmta1mti37nd1' },
    });
    expect(incident.assumptions.map((a) => a.code)).toContain('assumed-year-and-zone');
  });
});

describe('Exim main log, and Exim through syslog', () => {
  const result = scan('exim-mainlog-and-syslog.log');

  it('keeps one incident for an attempt line repeated by its == line, with the <= sender', () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([3, 4, 7, 8, 9]);
    expect(at(result, 3)).toMatchObject({
      occurredAt: '2024-02-12T09:14:03+00:00',
      sendingDomain: 'lists.example.org',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      reply: { code: 421, enhanced: null },
      orange: { token: 'OFR004_999', reason: 999, server: 'mwinf5c18' },
    });
    expect(at(result, 3).assumptions.map((a) => a.code)).toContain('assumed-zone');
  });

  it('takes I= as the sending IP, never H=, and F= as the sender; a new-style message id too', () => {
    expect(at(result, 4)).toMatchObject({ sendingIps: ['192.0.2.10'], remoteIp: '80.12.24.81' });
    expect(at(result, 4).reply).toMatchObject({ code: 550, enhanced: '5.1.1' });
    expect(at(result, 7)).toMatchObject({
      sendingIps: ['192.0.2.10'],
      sendingDomain: 'news.example.com',
      remoteIp: '80.12.242.10',
      orange: { token: 'OFR006_100', reason: 100, server: 'opmta1mti07aub' },
    });
  });

  it('reads the zone Exim wrote (log_timezone) behind a syslog prefix, and the syslog host', () => {
    expect(at(result, 8)).toMatchObject({ occurredAt: '2024-02-12T09:14:03+01:00', sendingHosts: ['mx2'] });
    expect(at(result, 9)).toMatchObject({ sendingHosts: ['mx2'], orange: { token: 'OFR_506', reason: 506 } });
  });
});

describe('Accounting and JSON logs of bulk MTAs, and Exchange tracking', () => {
  it('KumoMTA: source_address is the sending IP, peer_address the MX (its trailing dot dropped)', () => {
    const result = scan('kumomta-records.log');
    expect(at(result, 1)).toMatchObject({
      format: 'kumomta',
      occurredAt: '2024-02-12T09:14:03Z',
      sendingIps: ['192.0.2.10'],
      sendingDomain: 'news.example.com',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      reply: { code: 421, enhanced: null },
      orange: { token: 'OFR004_999', reason: 999 },
    });
    expect(at(result, 2)).toMatchObject({
      sendingIps: ['2001:db8::10'],
      reply: { code: 550, enhanced: '5.1.1' },
    });
  });

  it('PowerMTA: timeLogged with its offset, dlvSourceIp as sending IP, dsnMta as remote side', () => {
    const result = scan('powermta-acct-default-fields.log');
    expect(at(result, 2)).toMatchObject({
      format: 'powermta',
      occurredAt: '2024-02-12T09:14:03+01:00',
      sendingIps: ['192.0.2.10'],
      sendingDomain: 'news.example.com',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      orange: { token: 'OFR006_102', reason: 102 },
    });
    expect(at(result, 3).reply.text).toContain('Trop de connexions, veuillez verifier votre configuration.');
  });

  it('Exchange 2010: a plain recipient-status, no IP taken from client-ip/server-ip', () => {
    const result = scan('exchange-tracking-fail.log');
    expect(at(result, 6)).toMatchObject({
      format: 'exchange',
      sendingIps: [],
      remoteIp: null,
      sendingDomain: 'corp.example.com',
      recipientDomain: 'orange.fr',
      reply: { code: 550, enhanced: '5.1.1' },
    });
  });
});

describe('Exchange tracking rows with {LED=...} tags, as Exchange writes them', () => {
  const result = scan('exchange-tracking-led-tags.log');

  it('reads the reply, host and address from [{LED=...};{MSG=};{FQDN=...};{IP=...};{LRT=}]', () => {
    expect(at(result, 6)).toMatchObject({
      format: 'exchange',
      occurredAt: '2024-02-12T08:14:03Z',
      sendingIps: [],
      sendingDomain: 'corp.example.com',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '80.12.242.10',
      reply: {
        code: 550,
        enhanced: '5.1.1',
        text: '550 5.1.1 suS6oL4egFSnb Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
      },
      orange: { token: 'OFR_416', reason: 416 },
    });
  });

  it('makes no incident of a status Exchange wrote itself (QUEUE.Expired), whatever host it names', () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([6, 8]);
    expect(result.counts.failuresWithoutReply).toBe(1);
  });

  it("takes the remote reply quoted inside Exchange's 451 4.4.0 failover status, and its last endpoint", () => {
    expect(at(result, 8)).toMatchObject({
      remoteIp: '193.252.22.65',
      recipientDomain: 'orange.fr',
      reply: { code: 421, enhanced: null },
      orange: { token: 'OFR004_999', reason: 999, server: 'mwinf5c18' },
    });
    expect(at(result, 8).reply.text).toMatch(/^421 mwinf5c18 ME Service refuse\./);
  });
});

describe('Shapes from a later audit of posted logs', () => {
  it('Postfix: an attempt line whose remote was removed (`host XXXX said:`) keeps its date, host and sender', () => {
    const result = scan('postfix-redacted-peer.log');
    const i = at(result, 2);
    expect(i.reply.code).toBe(451);
    expect(i.occurredAt).toMatch(/-12-31T00:06:49\+00:00$/);
    expect(i.sendingHosts).toEqual(['sv']);
    expect(i.sendingDomain).toBe('example.com');
    expect(i.remoteHost).toBeNull();
    expect(i.remoteIp).toBeNull();
  });

  it('Postfix: a reason that lost only the address (`host smtp-in.orange.fr said:`) takes it from relay=', () => {
    const i = at(scan('postfix-redacted-peer.log'), 4);
    expect(i.remoteHost).toBe('smtp-in.orange.fr');
    expect(i.remoteIp).toBe('193.252.22.65');
    expect(i.orange?.token).toBe('OFR005_104');
    expect(i.sendingIps).toEqual([]);
  });

  it('Exim: an attempt line without H= (or with its host cut to `[]:`) is a refusal, its sender echoed', () => {
    const result = scan('exim-attempt-without-host.log');
    const yahoo = at(result, 2);
    expect(yahoo.reply.text).toMatch(/^421 4\.7\.0 \[TS01\] Messages from 198\.500\.500\.500 /);
    expect(yahoo.occurredAt).toBe('2016-07-20T14:18:21+00:00');
    expect(yahoo.sendingDomain).toBe('example.com');
    // 198.500.500.500 is no address: nothing is made of it.
    expect(yahoo.sendingIps).toEqual([]);
    const orange = at(result, 3);
    expect(orange.orange?.token).toBe('OFR004_104');
    expect(orange.remoteIp).toBeNull();
  });

  it('OpenSMTPD 6.4-6.6: `mta event=delivery` lines are read like `mta delivery`', () => {
    const result = scan('opensmtpd-event-delivery.log');
    const hotmail = at(result, 1);
    expect(hotmail.sendingIps).toEqual(['203.0.113.1']);
    expect(hotmail.remoteIp).toBe('104.47.38.33');
    // The address written twice (no reverse name) is no host name: the server Microsoft's reply names
    // at its end is the one that refused.
    expect(hotmail.remoteHost).toBe('bl2nam02ft031.eop-nam02.prod.protection.outlook.com');
    expect(hotmail.reply.code).toBe(550);
    const orange = at(result, 2);
    expect(orange.remoteHost).toBe('smtp-in.orange.fr');
    expect(orange.orange?.token).toBe('OFR004_999');
    expect(orange.sendingDomain).toBe('example.com');
  });
});

describe('Log lines wrapped by a post (mailing list, forum), without indenting', () => {
  const result = scan('postfix-wrapped-by-post.log');

  it('reads each wrapped record whole, with its date and host', () => {
    expect(result.incidents).toHaveLength(2);
    const outlook = at(result, 1);
    expect(outlook.reply.text).toBe(
      '451 4.7.652 The mail server [xxx.xxx.xxx.238] has exceeded the maximum number of connections. (S3115)',
    );
    expect(outlook.occurredAt).toMatch(/-08-21T01:35:40\+00:00$/);
    expect(outlook.sendingHosts).toEqual(['mail0.example.net']);
    expect(outlook.remoteIp).toBe('104.47.41.33');
    expect(outlook.sendingIps).toEqual([]);
  });

  it("reads Orange's wrapped refusal: its token, its Cloudmark link's address, never the MX's", () => {
    const orange = at(result, 8);
    expect(orange.orange).toEqual({ token: 'OFR006_102', reason: 102, server: 'mwinf5c14' });
    expect(orange.reply.code).toBe(550);
    expect(orange.sendingIps).toEqual(['198.51.100.23']);
    expect(orange.remoteIp).toBe('193.252.22.65');
    expect(orange.recipientDomain).toBe('orange.fr');
  });

  it('reads the same lines alike when the scanner gets them in chunks', () => {
    const scanner = createLogScanner({ now: NOW });
    const text = fixture('postfix-wrapped-by-post.log');
    for (let i = 0; i < text.length; i += 37) scanner.pushText(text.slice(i, i + 37));
    const chunked = scanner.finish();
    expect(chunked.incidents.map((i) => i.reply.text)).toEqual(result.incidents.map((i) => i.reply.text));
  });
});
