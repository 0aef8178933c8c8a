/**
 * Shapes found auditing the log reader on public MTA logs (sources in
 * test/fixtures/logs/real-world/SOURCES.md): what real logs hold that our own fixtures did not.
 */

import { extract } from '../../../../core/extract/index';
import { detectLogFormat, scanLogText } from '../../../../core/extract/logs/index';
import { at, NOW, readFixture, scanFixture } from './fixture';

describe("this machine's own filters and delivery agents", () => {
  it('makes no incident of amavisd-new on 127.0.0.1 nor of Dovecot LMTP on a local socket or a container', () => {
    const result = scanFixture('real-world/postfix-amavis-lmtp-local.log');
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([8]);
    expect(result.counts.failuresWithoutReply).toBe(6);
    expect(at(result, 8)).toMatchObject({
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      sendingIps: ['203.0.113.25'],
      sendingDomain: 'shop.example.com',
      orange: { token: 'OFR006_102', reason: 102 },
    });
  });

  it("makes no incident of sendmail's submission program relaying to [127.0.0.1]", () => {
    const result = scanFixture('real-world/sendmail-msp-loopback.log');
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([4]);
    expect(result.counts.failuresWithoutReply).toBe(1);
    expect(at(result, 4)).toMatchObject({ remoteIp: '193.252.22.65', sendingDomain: 'web1.example.com' });
  });

  it('still takes a remote at an IPv4-mapped public address for a remote', () => {
    const line =
      'Dec  7 00:09:50 mta1 postfix/smtp[4719]: B174DABE16: to=<marie@orange.fr>, relay=smtp-in.orange.fr[::ffff:193.252.22.65]:25, delay=0.61, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[::ffff:193.252.22.65] refused to talk to me: 421 mwinf5c18 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_999 [999])';
    const result = scanLogText(line, { now: NOW });
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0]?.remoteIp).toBe('193.252.22.65');
  });
});

describe('a log whose MTA lines are few among other syslog lines', () => {
  it("knows an OpenSMTPD log by its session lines, around its one failed 'mta delivery'", async () => {
    const text = readFixture('real-world/opensmtpd-brief-log.log');
    expect(detectLogFormat(text.split('\n'))).toBe('opensmtpd');
    const result = await extract(text, { now: NOW });
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0]).toMatchObject({
      sendingIps: ['192.0.2.44'],
      remoteIp: '193.252.22.65',
      sendingDomain: 'example.com',
      orange: { token: 'OFR004_104', reason: 104 },
      sources: { reply: { line: 12 } },
    });
  });

  it('knows the same OpenSMTPD log without syslog prefixes (journalctl -o cat, smtpd -d)', async () => {
    const bare = readFixture('real-world/opensmtpd-brief-log.log').replace(/^.{15} mx1 smtpd\[\d+\]: /gm, '');
    expect(bare.startsWith('5df87c972116a049 smtp connected')).toBe(true);
    expect(detectLogFormat(bare.split('\n'))).toBe('opensmtpd');
    const result = await extract(bare, { now: NOW });
    expect(result.incidents.map((i) => i.orange?.token)).toEqual(['OFR004_104']);
  });

  it('knows a Postfix mail.log full of Dovecot logins for a log, not a pasted reply', async () => {
    const text = readFixture('real-world/postfix-dovecot-mail-log.log');
    expect(detectLogFormat(text.split('\n'))).toBe('postfix');
    const result = await extract(text, { now: NOW });
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0]).toMatchObject({
      occurredAt: '2026-11-11T01:46:10+00:00',
      recipientDomain: 'orange.fr',
      sendingDomain: 'example.com',
      sendingHosts: ['mx1'],
      orange: { token: 'OFR_506', reason: 506 },
    });
  });

  it('still says a bounce text holding one log line is no log', () => {
    const lines = [
      'Hello, our newsletter to Marie bounced, here is the line from our server:',
      'Nov 11 01:46:10 mx1 postfix/smtp[16970]: 2EE3925814E: to=<marie@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, status=bounced (host smtp-in.orange.fr[193.252.22.65] said: 550 5.2.0 Mail rejected. OFR_506 [506])',
      'What should we do? We send about 2,000 messages a day to Orange.',
      'Thanks,',
      'Paul',
      '--',
      'Example Ltd',
    ];
    expect(detectLogFormat(lines)).toBeNull();
  });
});

describe('journalctl run in a French or German locale', () => {
  const result = scanFixture('real-world/postfix-journalctl-fr-locale.log');

  it('reads the localised month of each line (nov., déc., août, Mär)', () => {
    expect(result.incidents.map((i) => [i.sources.reply?.line, i.occurredAt])).toEqual([
      [5, '2026-11-03T09:58:42+00:00'],
      [7, '2025-12-01T00:00:08+00:00'],
      [8, '2026-08-14T17:23:37+00:00'],
      [9, '2026-03-08T20:48:47+00:00'],
    ]);
  });

  it('ties the rejection to its queue id and syslog host as for an English stamp', () => {
    expect(at(result, 5)).toMatchObject({
      sendingDomain: 'example.com',
      sendingHosts: ['mx1'],
      remoteIp: '193.252.22.65',
      orange: { token: 'OFR004_104' },
    });
    expect(at(result, 7)).toMatchObject({ sendingDomain: 'example.com', orange: { token: 'OFR_506' } });
    expect(at(result, 9).sendingHosts).toEqual(['mx2']);
  });
});

describe('a log pasted with line numbers (cat -n, nl)', () => {
  const result = scanFixture('real-world/sendmail-line-numbered-paste.log');

  it('reads each numbered line as its own record, behind spaces or a tab', () => {
    expect(result.counts.records).toBe(6);
    expect(result.counts.delivered).toBe(1);
    expect(result.counts.failuresWithoutReply).toBe(1);
  });

  it('ties the deferral to the envelope sender of its queue id', () => {
    expect(result.incidents).toHaveLength(1);
    expect(at(result, 3)).toMatchObject({
      occurredAt: '2026-10-14T18:04:41+00:00',
      sendingDomain: 'example.com',
      sources: { sendingDomain: { line: 1 } },
      sendingHosts: ['mail1'],
      remoteIp: '193.252.22.65',
      orange: { token: 'OFR004_999', reason: 999 },
    });
  });
});

describe('Postfix status lines pasted without their syslog prefix', () => {
  // As quoted in a GitLab issue (host and program, no date) and a Mail-in-a-Box issue (the status alone).
  it.each([
    'vps postfix/smtp[5327]: E72EF24640FF: to=<jean@gmail.com>, relay=gmail-smtp-in.l.google.com[2607:f8b0:400e:c02::1a]:25, delay=1.3, delays=0/0/0.36/0.92, dsn=5.7.1, status=bounced (host gmail-smtp-in.l.google.com[2607:f8b0:400e:c02::1a] said: 550-5.7.1 [2001:db8:1::2609:edb3      12] Our system has detected that this message is likely unsolicited mail. (in reply to end of DATA command))',
    ' to=<jean@gmail.com>, relay=gmail-smtp-in.l.google.com[2607:f8b0:400e:c02::1a]:25, delay=332, delays=328/0.03/3.4/0.57, dsn=5.7.1, status=bounced (host gmail-smtp-in.l.google.com[2607:f8b0:400e:c02::1a] said: 550-5.7.1 [2001:db8:1::2609:edb3      12] Our system has detected that this message is likely unsolicited mail. (in reply to end of DATA command))',
  ])('still reads the remote reply of %#', async (line) => {
    const { incidents } = await extract(line);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      remoteHost: 'gmail-smtp-in.l.google.com',
      remoteIp: '2607:f8b0:400e:c02::1a',
      sendingIps: ['2001:db8:1::2609:edb3'],
      recipientDomain: 'gmail.com',
      reply: { code: 550, enhanced: '5.7.1' },
    });
  });

  it('makes no incident of an inbound refusal pasted the same way', async () => {
    const { incidents } = await extract(
      'mx1 postfix/smtpd[812]: NOQUEUE: reject: RCPT from unknown[192.0.2.77]: 554 5.7.1 Service unavailable; Client host [192.0.2.77] blocked using zen.spamhaus.org; from=<a@example.net> to=<b@example.org> proto=ESMTP helo=<x>',
    );
    expect(incidents).toEqual([]);
  });
});

describe("a message's attempts logged before its status line", () => {
  it('take the recipient of the status line even when that line quotes no reply (a connect failure)', () => {
    const result = scanFixture('real-world/postfix-attempts-then-connect-failure.log');
    // One delivery run refused alike by two Orange MX (each naming its own server, mwinf5c21 and
    // mwinf5c44): one incident, on the first address tried.
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([2]);
    for (const incident of result.incidents) {
      expect(incident.recipientDomain).toBe('orange.fr');
      expect(incident.sources.recipientDomain?.line).toBe(6);
      expect(incident.sendingDomain).toBe('example.com');
      expect(incident.orange?.token).toBe('OFR004_104');
    }
    expect(result.incidents.map((i) => i.remoteIp)).toEqual(['193.252.22.65']);
    // The status line itself, a connection that failed on this side, is no refusal.
    expect(result.counts.failuresWithoutReply).toBeGreaterThan(0);
  });

  it('keep no recipient when no status line of theirs follows', () => {
    const text = readFixture('real-world/postfix-attempts-then-connect-failure.log')
      .split('\n')
      .slice(0, 5)
      .join('\n');
    const result = scanLogText(text, { now: NOW });
    expect(result.incidents).toHaveLength(1);
    for (const incident of result.incidents) expect(incident.recipientDomain).toBeNull();
  });
});

describe("ZoneMTA's Sender lines", () => {
  it('reads each refused delivery once, with the MX and addresses of its CONNECTED line', () => {
    const result = scanFixture('real-world/zonemta-sender-lines.log');
    expect(result.formats).toEqual(['zonemta']);
    // The session's error, the connection's and its close repeat the refusal the DEFERRED line gives.
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([6, 7, 8]);
    expect(at(result, 6)).toMatchObject({
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      sendingIps: ['203.0.113.7'],
      sendingHosts: ['zmta1'],
      sendingDomain: 'example.com',
      recipientDomain: 'orange.fr',
      orange: { token: 'OFR004_104', reason: 104 },
    });
    expect(at(result, 6).occurredAt).toMatch(/-02-11T08:39:37/);
  });

  it("takes no remote from a verdict's mx= that is only the recipient's domain", () => {
    const result = scanFixture('real-world/zonemta-sender-lines.log');
    expect(at(result, 7)).toMatchObject({
      remoteHost: null,
      recipientDomain: 'wanadoo.fr',
      sendingIps: ['203.0.113.8'],
      orange: { token: 'OFR_506' },
    });
    // A syslog prefix without a host (`zonemta[4133539]:`) still dates the line.
    expect(at(result, 7).occurredAt).toMatch(/-07-28T12:59:52/);
    expect(at(result, 8)).toMatchObject({ remoteHost: 'mx1.hotmail.com', recipientDomain: 'hotmail.fr' });
  });

  it("makes no incident of ZoneMTA's own words when it found no MX (DEFERRED[dns])", () => {
    const result = scanFixture('real-world/zonemta-sender-lines.log');
    expect(result.incidents.some((i) => i.reply.text.includes("Can't find an MX"))).toBe(false);
    expect(result.counts.failuresWithoutReply).toBe(1);
  });

  it('reads a session refused alone, before any verdict, from its SMTPCLOSE line', () => {
    const text = readFixture('real-world/zonemta-sender-lines.log').split('\n').slice(0, 5).join('\n');
    const result = scanLogText(text, { now: NOW });
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0]).toMatchObject({
      remoteIp: '193.252.22.65',
      reply: { code: 421 },
      sources: { reply: { line: 3 } },
    });
  });
});

describe('a status line a post wrapped at column 0', () => {
  it('keeps the lines after an open parenthesis in the record, when they start with a digit or a lower-case letter', () => {
    const text = [
      'Mar 25 07:48:52 mail postfix/smtp[29382]: AB687428625: to=<claire@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=1.3, dsn=5.0.0, status=bounced (host smtp-in.orange.fr[193.252.22.65] said: 550',
      '5.7.1 Service refuse. Veuillez essayer plus tard. Service refused, please try later.',
      'OFR_506 [506] (in reply to end of DATA command))',
      'Mar 25 07:48:53 mail postfix/qmgr[812]: AB687428625: removed',
    ].join('\n');
    const result = scanLogText(text, { now: NOW });
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0]?.reply.text).toBe(
      '550 5.7.1 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_506 [506]',
    );
    expect(result.incidents[0]?.orange?.token).toBe('OFR_506');
  });
});

describe("sendmail's ctladdr", () => {
  const line = (ctladdr: string) =>
    `Feb 17 03:43:38 server sm-mta[24870]: s1H8ZKsI024804: to=<claire@orange.fr>, ctladdr=${ctladdr}, delay=00:08:18, xdelay=00:00:56, mailer=esmtp, pri=120310, relay=smtp-in.orange.fr. [193.252.22.65], dsn=4.0.0, stat=Deferred: 421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_104 [104]`;

  it("gives the sender when the message's from= line is not in the excerpt (as in a post of 2014)", () => {
    const result = scanLogText(line('<root@server.example.com> (0/0)'), { now: NOW });
    expect(result.incidents[0]?.sendingDomain).toBe('server.example.com');
    expect(result.incidents[0]?.sources.sendingDomain?.line).toBe(1);
  });

  it('gives none when it is a local user, and yields to the from= line', () => {
    expect(scanLogText(line('www-data (33/33)'), { now: NOW }).incidents[0]?.sendingDomain).toBeNull();
    const withFrom = [
      'Feb 17 03:35:05 server sm-mta[24801]: s1H8ZKsI024804: from=<news@example.com>, size=372, class=0, nrcpts=1, msgid=<1@example.com>, proto=ESMTP, daemon=MTA, relay=localhost [127.0.0.1]',
      line('<root@server.example.com> (0/0)'),
    ].join('\n');
    expect(scanLogText(withFrom, { now: NOW }).incidents[0]?.sendingDomain).toBe('example.com');
  });
});

describe('a remote named by its public name at a loopback address', () => {
  it('keeps the name and drops the address (a README rewrote it to 127.0.0.1)', () => {
    const line =
      '2018-07-17 04:41:15 1fdHyN-00061Y-LL == claire@orange.fr R=dnslookup T=remote_smtp defer (-44): SMTP error from remote mail server after RCPT TO:<claire@orange.fr>: host smtp-in.orange.fr [127.0.0.1]: 421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_104 [104]';
    const result = scanLogText(line, { now: NOW });
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0]?.remoteHost).toBe('smtp-in.orange.fr');
    expect(result.incidents[0]?.remoteIp).toBeNull();
    expect(result.incidents[0]?.sources.remoteIp).toBeUndefined();
  });
});
