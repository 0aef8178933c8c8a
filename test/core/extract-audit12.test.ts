/**
 * Twelfth round of real input: Orange's refusals once more, tricky dates, the sending side behind
 * several hops, unusual MIME, and MTA logs other than Postfix. Fixtures and their sources:
 * test/fixtures/extract/audit12/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/audit12/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('Sendmail refusals logged by their status alone', () => {
  it('makes no incident of `dsn=5.7.1, stat=User unknown` but says where the reply is', async () => {
    const { incidents, warnings } = await extract(fixture('sendmail-status-only-user-unknown.log'));
    expect(incidents).toEqual([]);
    const codes = warnings.map((w) => w.code);
    expect(codes).toContain('input.sendmail-status-without-reply');
    // The note explains the empty result: the generic "nothing recognised" notes would contradict it.
    expect(codes).not.toContain('input.no-incident');
    expect(codes).not.toContain('log-no-rejection');
    const note = warnings.find((w) => w.code === 'input.sendmail-status-without-reply');
    expect(note?.text.en).toContain('mx.yandex.net (dsn=5.7.1, "User unknown")');
    expect(note?.text.fr).toContain('«\u00a0User unknown\u00a0»');
  });

  it('says nothing of the kind for a deferral or a relay to this machine', async () => {
    const log = [
      'Oct 31 21:03:44 relay1 sendmail[15448]: 29VC3c9f015444: to=<a@orange.fr>, delay=00:00:04, mailer=esmtp, pri=1, relay=smtp-in.orange.fr. [193.252.22.65], dsn=4.0.0, stat=Deferred: Connection reset by smtp-in.orange.fr.',
      'Oct 31 21:03:45 relay1 sendmail[15449]: 29VC3c9f015445: to=<b@orange.fr>, delay=00:00:04, mailer=relay, pri=1, relay=[127.0.0.1] [127.0.0.1], dsn=5.0.0, stat=Service unavailable',
    ].join('\n');
    const { warnings } = await extract(log);
    expect(warnings.map((w) => w.code)).not.toContain('input.sendmail-status-without-reply');
  });
});

describe('`journalctl -x` explanation blocks among the lines', () => {
  it('reads the lines after a `-- Subject:` block: its `-- ` lines are no signature separator', async () => {
    const { incidents } = await extract(fixture('sendmail-msp-journal-explanations.log'));
    expect(incidents).toHaveLength(10);
    const last = incidents[9];
    expect(last?.occurredAt).toBe('2026-04-09T09:30:11+00:00');
    expect(last?.reply.text).toBe('454 4.7.1 <postmaster@infraportal.stfc.ac.uk>: Relay access denied');
    expect(last?.remoteIp).toBe('130.246.180.28');
    // `to=postmaster` is qualified by the MTA: the reply quotes the address whole.
    expect(last?.recipientDomain).toBe('infraportal.stfc.ac.uk');
    expect(last?.sources.recipientDomain?.line).toBe(20);
  });

  it('still blanks a real signature after a log excerpt', async () => {
    const paste = [
      'Apr 09 09:30:11 relay1 postfix/smtp[2001]: 4BCDEF: to=<jean@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=1, status=deferred (host smtp-in.orange.fr[193.252.22.65] said: 421 mwinf5c10 ME Service refuse. Veuillez essayer plus tard. OFR_999 [999] (in reply to end of DATA command))',
      '',
      '-- ',
      'Jean Dupont',
      'Administrateur systèmes, 01 23 45 67 89',
    ].join('\n');
    const { incidents } = await extract(paste);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.orange?.reason).toBe(999);
  });
});

describe('the time Microsoft 365 writes at the end of its reply', () => {
  it('dates a notice pasted without headers by the reply’s own `[server 2025-11-25T08:06:40.951Z id]`', async () => {
    const { incidents, warnings } = await extract(fixture('postfix-hotmail-s3150-stamped-reply.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.occurredAt).toBe('2025-11-25T08:06:40+00:00');
    expect(i?.sources.occurredAt?.line).toBe(14);
    expect(i?.assumptions.map((a) => a.code)).toContain('date.from-microsoft-reply');
    expect(warnings.map((w) => w.code)).not.toContain('missing.occurredAt');
    expect(i?.sendingIps).toEqual(['82.98.171.203']);
  });

  it('says so when it dates a bare reply pasted alone', async () => {
    const reply =
      '550 5.7.1 Unfortunately, messages from [203.0.113.9] weren’t sent. Please contact your Internet service ' +
      'provider since part of their network is on our block list (S3150). [BN3PEPF0000B077.namprd04.prod.outlook.com ' +
      '2025-11-25T08:06:40.951Z 08DE2A19D02BF789]';
    const { incidents } = await extract(reply);
    expect(incidents[0]?.occurredAt).toBe('2025-11-25T08:06:40+00:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.from-microsoft-reply');
  });

  it('leaves a date found in the notice’s own fields alone', async () => {
    const paste = [
      'Date: Tue, 25 Nov 2025 09:10:00 +0100',
      'From: MAILER-DAEMON@mta1.example.com (Mail Delivery System)',
      'Subject: Undelivered Mail Returned to Sender',
      '',
      '<jean@hotmail.com>: host hotmail-com.olc.protection.outlook.com[52.101.10.9] said: 550 5.7.1',
      '    Service unavailable, Client host [203.0.113.9] blocked using Spamhaus.',
      '    [BN3PEPF0000B077.namprd04.prod.outlook.com 2025-11-25T08:06:40.951Z',
      '    08DE2A19D02BF789] (in reply to MAIL FROM command)',
    ].join('\n');
    const { incidents } = await extract(paste);
    expect(incidents[0]?.occurredAt).toBe('2025-11-25T09:10:00+01:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).not.toContain('date.from-microsoft-reply');
  });
});

describe('the date of a notice the mail system wrote', () => {
  it('is the notice’s own Date (written when it gave up), not the Date of the message it returns', async () => {
    const { incidents } = await extract(fixture('undeliverable-inline-returned-10-attempts.eml'));
    expect(incidents).toHaveLength(1);
    // `Delivery failed 10 attempts`: the message was written at 18:25, the last attempt failed by 22:37.
    expect(incidents[0]?.occurredAt).toBe('2012-07-09T22:37:56-07:00');
    expect(incidents[0]?.sources.occurredAt?.line).toBe(2);
    expect(incidents[0]?.recipientDomain).toBe('example.net');
  });
});

describe('a placeholder written for the syslog host', () => {
  it('leaves the sending host empty for `hostname`, `myhost`, `yourserver`', async () => {
    for (const word of ['hostname', 'myhost', 'yourserver']) {
      const log = `Feb 19 18:45:56 ${word} postfix/smtp[20822]: A25DCC4104: to=<a@gmail.com>, relay=gmail-smtp-in.l.google.com[172.217.197.26]:25, delay=30, dsn=5.7.26, status=bounced (host gmail-smtp-in.l.google.com[172.217.197.26] said: 550 5.7.26 Unauthenticated email is not accepted. (in reply to end of DATA command))`;
      const { incidents } = await extract(log);
      expect(incidents[0]?.sendingHosts).toEqual([]);
      expect(incidents[0]?.remoteHost).toBe('gmail-smtp-in.l.google.com');
    }
  });

  it('leaves the sending host empty for `<server>`, and reads the wrapped line and its year', async () => {
    const { incidents } = await extract(fixture('postfix-placeholder-host-wrapped.log'), {
      now: new Date('2026-11-30T12:00:00Z'),
    });
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.sendingHosts).toEqual([]);
    expect(i?.sources.sendingHosts).toBeUndefined();
    expect(i?.assumptions.map((a) => a.code)).not.toContain('sending-host-from-syslog');
    // December is after today's month: last year's, as the assumption says.
    expect(i?.occurredAt).toBe('2025-12-21T21:54:51+00:00');
    expect(i?.remoteHost).toBe('spool.mail.gandi.net');
    expect(i?.reply.code).toBe(550);
  });
});

describe('header fields named with underscores (Exim’s `X-Spam_score`)', () => {
  it('reads the message as a message, so its quoted-printable body is decoded', async () => {
    const { incidents } = await extract(fixture('list-forward-qp-underscore-fields.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    // The soft break `[172.105.152.=` / `211` is undone: the address Gmail saw, whole.
    expect(i?.sendingIps).toEqual(['172.105.152.211']);
    expect(i?.sendingHosts).toEqual(['mail-01.amsat.org']);
    expect(i?.reply.text).toMatch(/^550 5\.7\.1 \[172\.105\.152\.211 12\] Our system has detected/);
    expect(i?.reply.text).not.toContain('=3D');
    expect(i?.remoteIp).toBe('64.233.177.26');
  });
});

describe('syslog lines without their host field', () => {
  it('reads `Nov 29 10:51:18 postfix/qmgr[12320]: ...` as Postfix, with its date and queue id', async () => {
    const { incidents } = await extract(fixture('postfix-hostless-srs-dmarc.log'), {
      now: new Date('2026-11-30T12:00:00Z'),
    });
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.format).toBe('postfix');
    expect(i?.occurredAt).toBe('2026-11-29T10:51:19+00:00');
    // The envelope sender of the queue id is an SRS address of the forwarding domain, which the poster
    // wrote `mydomain.com`: the field stays empty rather than taking the domain the reply names.
    expect(i?.sendingDomain).toBeNull();
    expect(i?.reply.text).toContain('from dhl.de');
    expect(i?.sendingHosts).toEqual([]);
    expect(i?.reply.enhanced).toBe('5.7.1');
  });
});

describe('MailEnable’s `Reason: 554 ...`', () => {
  it('reads the reply after `Reason:` and the returned message after `Message contents follow:`', async () => {
    const { incidents } = await extract(fixture('mailenable-reason-yahoo-554.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply).toMatchObject({ code: 554, enhanced: null });
    expect(i?.reply.text).toMatch(/^554 delivery error: dd This user doesn't have a yahoo\.com account/);
    expect(i?.recipientDomain).toBe('yahoo.com');
    expect(i?.sendingDomain).toBe('enterprisedevelopment.cargowise.com');
    // The one hop is from a private address: no sending IP.
    expect(i?.sendingIps).toEqual([]);
  });

  it('does not take a reason in words for a reply', async () => {
    const { incidents } = await extract(
      'Recipient: [SMTP:a@example.com]\nReason: recipient reached disk quota\n',
    );
    expect(incidents).toEqual([]);
  });
});

describe('the same reply for several named recipients', () => {
  it('is one incident per recipient in MailEnable’s list', async () => {
    const { incidents } = await extract(fixture('mailenable-four-recipients-same-reply.txt'));
    expect(incidents).toHaveLength(4);
    for (const i of incidents) {
      expect(i.reply).toMatchObject({ code: 550, enhanced: '5.1.1' });
      expect(i.recipientDomain).toBe('me.com');
    }
    // Each cites its own `Recipient:` line.
    const lines = incidents.map((i) => i.sources.recipientDomain?.line);
    expect(lines).toEqual([4, 7, 10, 13]);
  });
});

describe('a Postfix multi-line reply wrapped without indenting', () => {
  it('joins the lines after `said: 421-4.7.28 ...` up to `(in reply to ... command)`', async () => {
    const { incidents } = await extract(fixture('postfix-gmail-42128-rewrapped.log'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.text).toMatch(/^421 4\.7\.28 \[192\.99\.55\.226 15\] Our system has detected/);
    expect(i?.reply.text).toMatch(/Bulk Email Senders Guidelines\. k10si2978071qtp\.33 - gsmtp$/);
    expect(i?.sendingIps).toEqual(['192.99.55.226']);
    expect(i?.remoteIp).toBe('74.125.192.26');
  });

  it('leaves a question written under a complete line alone', async () => {
    const log = [
      'Feb 18 14:55:52 beau postfix/smtp[31892]: 463F01A2EBD: to=<a@gmail.com>, relay=gmail-smtp-in.l.google.com[74.125.192.26]:25, delay=1, dsn=4.7.28, status=deferred (host gmail-smtp-in.l.google.com[74.125.192.26] said: 421-4.7.28 [192.99.55.226 15] Our system has detected an unusual rate of 421 4.7.28 unsolicited mail. (in reply to end of DATA command))',
      'Any idea why Gmail does this?',
    ].join('\n');
    const { incidents } = await extract(log);
    expect(incidents[0]?.reply.text).not.toContain('Any idea');
  });
});

describe('a Postfix line wrapped between the remote’s name and its [address]', () => {
  it('reads `host NAME` / `[IP] said:` joined with a space as `host NAME[IP] said:`', async () => {
    // The line of a 2024 forum post (its host and program restored), wrapped as the post shows it.
    const log = [
      'Sep 21 09:27:58 mx postfix/smtp[2201]: 0EEA7827E9: to=<jean@hotmail.com>, relay=hotmail-com.olc.protection.outlook.com[52.101.194.5]:25,',
      'delay=1, delays=0.01/0.01/0.88/0.11, dsn=5.7.1, status=bounced (host hotmail-com.olc.protection.outlook.com',
      '[52.101.194.5] said: 550 5.7.1 Service unavailable, Client host [XXX.XXX.XXX.XXX] blocked using Spamhaus. ',
      '[CH3PEPF0000000F.namprd04.prod.outlook.com 2024-09-21T09:27:58.008Z 08DCD29EEC0C7774] (in reply to MAIL FROM command))',
    ].join('\n');
    const { incidents } = await extract(log, { now: new Date('2026-11-30T12:00:00Z') });
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.remoteHost).toBe('hotmail-com.olc.protection.outlook.com');
    expect(i?.remoteIp).toBe('52.101.194.5');
    expect(i?.reply.text).toMatch(/^550 5\.7\.1 Service unavailable, Client host \[XXX\.XXX\.XXX\.XXX\]/);
    // The masked client address is no sending IP.
    expect(i?.sendingIps).toEqual([]);
  });
});

describe('Gmail’s newer wordings after the client’s address', () => {
  it('takes the IPv6 address of `[2001:...] Gmail has detected ...` as the sending IP', async () => {
    const { incidents } = await extract(fixture('postfix-gmail-ipv6-flattened.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.sendingIps).toEqual(['2001:320:11:248:546f:4bff:fef8:c9']);
    expect(i?.remoteIp).toBe('2404:6800:4008:c03::1b');
    expect(i?.sendingHosts).toEqual(['lists.kreonet.net']);
  });

  it('takes the address before `This mail has been blocked because the sender is unauthenticated`', async () => {
    const reply =
      '550-5.7.26 [85.10.20.30] This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM.';
    const { incidents } = await extract(reply);
    expect(incidents[0]?.sendingIps).toEqual(['85.10.20.30']);
  });
});

describe('Sendmail’s `(reason: ...)` around a reply with parentheses of its own', () => {
  it('keeps Microsoft’s `(S3140)` and what follows it in the reply', async () => {
    // Sendmail's notice as a Microsoft knowledge-base article quotes it, its address made real.
    const notice = [
      '----- The following addresses had permanent fatal errors -----',
      '<jean@hotmail.com>',
      "    (reason: 550 5.7.1 Unfortunately, messages from [85.10.20.30] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [DM6NAM12FT056.eop-nam12.prod.protection.outlook.com])",
      '',
      '   ----- Transcript of session follows -----',
    ].join('\n');
    const { incidents } = await extract(notice);
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.text).toMatch(/\(S3140\)\. You can also refer your provider to /);
    expect(i?.reply.text).toMatch(/\[DM6NAM12FT056\.eop-nam12\.prod\.protection\.outlook\.com\]$/);
    expect(i?.sendingIps).toEqual(['85.10.20.30']);
    expect(i?.remoteHost).toBe('dm6nam12ft056.eop-nam12.prod.protection.outlook.com');
  });
});

describe('a Remote-MTA written with its port', () => {
  it('takes `example-com.mail.eo.outlook.com:25` as the host without the port', async () => {
    const { incidents } = await extract(fixture('ndr-remote-mta-with-port.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteHost).toBe('example-com.mail.eo.outlook.com');
    expect(incidents[0]?.sources.remoteHost?.line).toBe(28);
    expect(incidents[0]?.reply).toMatchObject({ code: 550, enhanced: '5.4.1' });
  });
});

describe('a paste in which no server replied', () => {
  it('says that no server replied (Gmail’s `did not accept our requests to connect`), not that nothing was recognised', async () => {
    const { incidents, warnings } = await extract(fixture('gmail-delivery-incomplete-timed-out.txt'));
    expect(incidents).toEqual([]);
    const codes = warnings.map((w) => w.code);
    expect(codes).toContain('input.no-server-reply');
    expect(codes).not.toContain('input.no-incident');
    expect(warnings[0]?.text.en).toContain('[agenticworkers.com 76.76.21.21: timed out]');
  });

  it('says so for a log whose deliveries only timed out', async () => {
    const log =
      'Mar 14 10:00:01 mta1 postfix/smtp[2001]: 4BCDEF: to=<jean@orange.fr>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to smtp-in.orange.fr[193.252.22.65]:25: Connection timed out)';
    const { incidents, warnings } = await extract(log);
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });
});

describe('an on-premises Exchange delay notice with its history', () => {
  it('is one attempt, dated by its history line, and a failure to connect rather than a refusal', async () => {
    const { incidents, warnings } = await extract(fixture('exchange-delay-forwarded-history.txt'));
    // Exchange's own `400 4.4.7 Message delayed` sums up the attempt below it.
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    // `4/11/2016 4:58:21 PM - Remote Server at ...` (the line above the wrapped reply), in UTC.
    expect(i?.occurredAt).toBe('2016-04-11T16:58:21+00:00');
    expect(i?.sources.occurredAt?.text).toContain('4/11/2016 4:58:21 PM - Remote Server at');
    expect(i?.remoteIp).toBe('208.73.211.178');
    // `441 4.4.1 ... "Failed to connect. Winsock error code: 10060"` is Exchange's, not the remote's.
    expect(i?.reply.text).toBe('');
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });
});

describe('a history date the message’s own dates rule out', () => {
  it('keeps the notice’s date when the history line reads before it (a day-first locale’s `3/09/2016`)', async () => {
    const notice = [
      'From: postmaster@mail.example.org',
      'Date: Sat, 3 Sep 2016 20:06:02 +0000',
      'Subject: Undeliverable: hello',
      '',
      'Delivery has failed to these recipients or groups:',
      '',
      'jean@student.example.ml',
      '',
      'Diagnostic information for administrators:',
      '',
      'Generating server: mail.example.org',
      '',
      'jean@student.example.ml',
      "3/09/2016 8:05:56 PM - Remote Server at student.example.ml (192.0.2.80) returned '550 5.7.1 Service unavailable; client [203.0.113.4] blocked'",
    ].join('\n');
    const { incidents } = await extract(notice);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2016-09-03T20:06:02+00:00');
    expect(incidents[0]?.remoteIp).toBe('192.0.2.80');
  });
});

describe('the remote’s refusal Exchange Online quotes in its expiry status', () => {
  it('reads `[Message=550-5.7.0 ...` (a hyphen after the code, the bracket cut off) as the reply', async () => {
    const { incidents, warnings } = await extract(fixture('exo-expired-quoting-bigpond-refusal.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply).toMatchObject({ code: 550, enhanced: '5.7.0' });
    expect(i?.reply.text).toMatch(
      /^550 5\.7\.0 Connection refused - IB116\. 40\.107\.107\.122 Senderscore too low/,
    );
    expect(i?.sendingIps).toEqual(['40.107.107.122']);
    expect(i?.occurredAt).toBe('2024-06-13T01:19:40+00:00');
    expect(warnings.map((w) => w.code)).not.toContain('input.no-server-reply');
  });
});

describe('a history line in a day-first, 24-hour locale', () => {
  it('reads `11/01/2023 04:20:14` as the 11th of January, the reading the message’s own date allows', async () => {
    const { incidents } = await extract(fixture('exchange-delay-day-first-history.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2023-01-11T04:20:14+00:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
  });

  it('reads a date whose day is above 12 without help, and leaves an ambiguous one alone', async () => {
    const line = (stamp: string) =>
      `${stamp} - Remote Server at mx.example.net (192.0.2.25) returned '550 5.7.1 Message rejected as spam'`;
    const alone = await extract(line('25/03/2023 08:23:47'));
    expect(alone.incidents[0]?.occurredAt).toBe('2023-03-25T08:23:47+00:00');
    const ambiguous = await extract(line('11/01/2023 04:20:14'));
    expect(ambiguous.incidents[0]?.occurredAt ?? null).toBeNull();
  });
});

describe('a quoted reply closed before Markdown or HTML', () => {
  it("ends `Remote Server returned '...'` at the quote before a backtick", async () => {
    const post =
      "If you try send you will get `Remote Server returned '550 5.7.367 Remote server returned not permitted to relay -> 550 5.7.1 Relaying denied'` error.";
    const { incidents } = await extract(post);
    // (The reply is the remote's, which Exchange's own 5.7.367 quotes after `->`.)
    expect(incidents[0]?.reply.text).toBe('550 5.7.1 Relaying denied');
  });

  it('ends it at the quote before a tag, and reads the upper-case server stamp for the date', async () => {
    const html =
      "<p>Remote Server returned '550 5.7.501 Service unavailable. Spam abuse detected from IP range. [SJ1P223MB0482.NAMP223.PROD.OUTLOOK.COM 2023-06-26T15:46:02.597Z 08DB747F4B5EA12D]'<br></p><p>Original message headers:</p>";
    const { incidents } = await extract(html);
    expect(incidents[0]?.reply.text).toMatch(/08DB747F4B5EA12D\]$/);
    expect(incidents[0]?.occurredAt).toBe('2023-06-26T15:46:02+00:00');
  });
});

describe('MDaemon’s session log (`[434849] <-- 550-5.1.1 ...`)', () => {
  it('reads each multi-line reply once, also quoted and wrapped by a mail client', async () => {
    const { incidents } = await extract(fixture('mdaemon-session-quoted-wrapped.txt'));
    expect(incidents).toHaveLength(2);
    expect(incidents[0]?.reply.text).toBe(
      "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser d30-v6si1296965pld.428 - gsmtp",
    );
    expect(incidents[1]?.reply.enhanced).toBe('5.7.1');
    expect(incidents[1]?.sendingIps).toEqual(['103.12.84.170']);
  });

  it('takes the recipient of the session’s `--> RCPT To:` line', async () => {
    const session = [
      '[434849] --> RCPT To:<jean@gmail.com>',
      '[434849] <-- 550-5.1.1 The email account that you tried to reach does not exist. Please try',
      '[434849] <-- 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser d30-v6si1296965pld.428 - gsmtp',
    ].join('\n');
    const { incidents } = await extract(session);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('gmail.com');
  });
});

describe('smtplib’s tuple printed inside another repr', () => {
  it("reads `b'pune2.logix.in\\\\nIP blacklisted ...'` without a stray backslash", async () => {
    const line = `2021-02-09 03:52:10,145 ["hostmx01.logix.in: (554, b'pune2.logix.in\\\\nIP blacklisted in http://www.senderbase.org')"]`;
    const { incidents } = await extract(line);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('554 pune2.logix.in IP blacklisted in http://www.senderbase.org');
  });
});

describe('lookup links that name the client', () => {
  it('takes the address of an SPF `Why?` link and of SpamCop’s `bl.shtml?IP`', async () => {
    const spf = await extract(
      '451 4.7.1 Rejected: SPF check failed, see http://www.openspf.org/Why?id=mateusz%40loskot.net&ip=209.85.218.67&receiver=smtp.wp.pl',
    );
    expect(spf.incidents[0]?.sendingIps).toEqual(['209.85.218.67']);
    const spamcop = await extract(
      '554 5.7.1 Your IP address was found in a blacklist, see http://spamcop.net/bl.shtml?69.89.25.95',
    );
    expect(spamcop.incidents[0]?.sendingIps).toEqual(['69.89.25.95']);
  });
});

describe('Exim’s delay warning pasted without its headers', () => {
  it('takes the sender of `after pipelined MAIL FROM:<...>` and says the date is the writing time', async () => {
    const { incidents } = await extract(fixture('exim-delay-warning-yahoo-tss04.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.sendingDomain).toBe('b2btech.in');
    expect(i?.sources.sendingDomain?.text).toContain('after pipelined MAIL FROM:<alber@b2btech.in>');
    expect(i?.sendingIps).toEqual(['104.225.221.17']);
    expect(i?.occurredAt).toBe('2020-02-01T10:37:02+05:30');
    expect(i?.assumptions.map((a) => a.code)).toContain('date.message-written');
  });
});

describe('Microsoft’s mailbox servers and qmail’s DNS failure', () => {
  it('does not take an Exchange Online mailbox server for the remote (5.7.708 refuses the sender’s own tenant)', async () => {
    const reply =
      '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7230) [BM1PR01MB1076.INDPRD01.PROD.OUTLOOK.COM]';
    const { incidents } = await extract(reply);
    expect(incidents[0]?.remoteHost).toBeNull();
  });

  it('reads qmail’s `Sorry, I couldn’t find any host by that name.` as no server reply', async () => {
    const notice = [
      'Hi. This is the qmail-send program at mail.example.org.',
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      '',
      '<jean@wanadoo.example>:',
      "Sorry, I couldn't find any host by that name.",
    ].join('\n');
    const { incidents, warnings } = await extract(notice);
    expect(incidents[0]?.reply.text ?? '').toBe('');
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });
});

describe('Exim’s `host [IPv6]:` for a peer without a name', () => {
  it('takes the address as the remote’s', async () => {
    const paste = [
      '    SMTP error from remote mail server after end of data:',
      '    host [2607:f8b0:400d:c03::1a]:',
      '    550-5.7.1 [MyIP6Address] Our system has detected an unusual rate',
      '    550-5.7.1 of unsolicited mail originating from your IP address.',
      '    550 5.7.1 Bulk Email Senders Guidelines. u66si15473913qki.107 - gsmtp',
    ].join('\n');
    const { incidents } = await extract(paste);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteIp).toBe('2607:f8b0:400d:c03::1a');
    expect(incidents[0]?.remoteHost).toBeNull();
    // `[MyIP6Address]` is the poster's placeholder: no sending IP.
    expect(incidents[0]?.sendingIps).toEqual([]);
  });
});

describe('qmail-send’s status lines wrapped by a mail client', () => {
  it('joins the wrapped rest of a status line (no space: qmail writes `_` for one) up to its `/`', async () => {
    const { incidents } = await extract(fixture('qmail-send-wrapped-lkml.log'));
    // Four deliveries succeeded; one failed.
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 5.1.1 <andrea@novell.com> is not a valid mailbox. 550 No such recipient',
    );
    expect(incidents[0]?.remoteIp).toBe('130.57.1.11');
  });
});

describe('Postfix’s `connect to NAME[IP]: server refused to talk to me:` in a notice’s text', () => {
  it('names the remote of Orange’s greeting refusal, wrapped as Postfix writes it', async () => {
    const notice = [
      'This is the mail system at host mta1.example.com.',
      '',
      '<jean@orange.fr>: connect to smtp-in.orange.fr[193.252.22.65]: server refused to talk',
      '    to me: 421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service',
      '    refused, please try later. OFR_999 [999]',
    ].join('\n');
    const { incidents } = await extract(notice);
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.remoteIp).toBe('193.252.22.65');
    expect(i?.orange).toMatchObject({ token: 'OFR_999', reason: 999, server: 'mwinf5c77' });
    expect(i?.sendingHosts).toEqual(['mta1.example.com']);
  });

  it('reads it in a list archive’s re-flowed lines (audit AO)', async () => {
    const paste = [
      '<delta4@comcast.net>: delivery temporarily suspended: connect to',
      'mx2.comcast.net[76.96.30.116]:',
      'server refused to talk to me: 554',
      'IMTA01.emeryville.ca.mail.comcast.net comcast 66.242.23.142 Comcast',
      'requires that all mail servers must have a PTR record with a valid Reverse DNS entry.',
    ].join('\n');
    const { incidents } = await extract(paste);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteHost).toBe('mx2.comcast.net');
    expect(incidents[0]?.remoteIp).toBe('76.96.30.116');
    expect(incidents[0]?.sendingIps).toEqual(['66.242.23.142']);
  });
});
