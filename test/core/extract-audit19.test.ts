/**
 * Nineteenth round of real input. Fixtures and their sources: test/fixtures/extract/audit19/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract, parseReply } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/audit19/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('a multi-line reply whose first line was copied without its codes', () => {
  it("keeps the first line's words, under the codes of the lines below", async () => {
    const { incidents } = await extract(fixture('gmail-reply-first-codes-lost.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.enhanced).toBe('5.7.26');
    expect(incidents[0]?.reply.text).toMatch(
      /^550 5\.7\.26 This message does not have authentication information or fails to pass authentication checks\. /,
    );
    expect(incidents[0]?.sources.reply?.text).toBe(
      'This message does not have authentication information or fails to',
    );
  });

  it('leaves out a line that ends its sentence, or one the reply does not go on from', async () => {
    const below =
      '550-5.7.26 pass authentication checks. To best protect our users from spam, the\n550 5.7.26 message has been blocked. - gsmtp\n';
    for (const above of [
      'The bounce says the following',
      'Our server got this back from Google this morning, twice.',
    ]) {
      const { incidents } = await extract(`${above}\n${below}`);
      expect(incidents[0]?.reply.text).toBe(
        '550 5.7.26 pass authentication checks. To best protect our users from spam, the message has been blocked. - gsmtp',
      );
    }
    const { incidents } = await extract(
      'Google answered\n550-5.7.1 [203.0.113.7] Our system has detected an unusual rate of\n550 5.7.1 unsolicited mail.\n',
    );
    expect(incidents[0]?.reply.text).toMatch(/^550 5\.7\.1 \[203\.0\.113\.7\] Our system/);
  });
});

describe("Amazon SES's `Message expired` bounce", () => {
  it('reports the last reply it quotes, when a remote gave it: here Orange’s 421', async () => {
    const { incidents } = await extract(fixture('ses-expired-orange-last-reply.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 421,
      enhanced: null,
      text: '421 mwinf5c41 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]',
    });
    expect(incidents[0]?.orange).toEqual({ token: 'OFR004_104', reason: 104, server: 'mwinf5c41' });
    expect(incidents[0]?.sendingIps).toEqual(['54.240.27.42']);
  });

  it('quotes no reply when the last one was its own failure to reach a server', async () => {
    const text = fixture('ses-expired-orange-last-reply.eml').replace(
      /<421 mwinf5c41 [^>]+>/,
      '<421 4.4.2 Connection timed out>',
    );
    const { incidents, warnings } = await extract(text);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBeNull();
    expect(incidents[0]?.reply.text).toBe('');
    expect(incidents[0]?.orange).toBeNull();
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });
});

describe("a notice's header lines copied without the empty line below them", () => {
  it('still give the date and the address the notice went back to', async () => {
    const { incidents } = await extract(fixture('postfix-notice-header-lines-run-on.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      occurredAt: '2026-11-24T10:12:44+01:00',
      sendingDomain: 'example-shop.fr',
      sendingHosts: ['smtp.example-shop.fr'],
      remoteIp: '193.252.22.65',
    });
    expect(incidents[0]?.sources.sendingDomain).toEqual({ line: 5, text: 'To: contact@example-shop.fr' });
    expect(incidents[0]?.sources.occurredAt?.line).toBe(4);
  });

  it('the same at the top of the paste; not for the header lines of a message that is no notice', async () => {
    const lines = fixture('postfix-notice-header-lines-run-on.txt').split('\n').slice(2);
    const top = await extract(lines.join('\n'));
    expect(top.incidents[0]?.sendingDomain).toBe('example-shop.fr');
    expect(top.incidents[0]?.sources.sendingDomain?.line).toBe(3);
    const plain = [
      'From: Jean Martin <jean@example-shop.fr>',
      'Date: Tue, 24 Nov 2026 10:12:44 +0100',
      'To: support@example.net',
      'Subject: our mail to Orange',
      'Orange answers 550 5.7.1 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_104 [104]',
    ];
    const { incidents } = await extract(plain.join('\n'));
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.occurredAt).toBeNull();
  });
});

describe("Postfix's own reason in a DSN (`Diagnostic-Code: X-Postfix; Spam message rejected`)", () => {
  it('is no refusal when the message came to it from no other host: no incident, a note says why', async () => {
    const { incidents, warnings } = await extract(fixture('postfix-own-filter-rejected-list-mail.eml'));
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.sender-own-diagnostic']);
    expect(warnings[0]?.text.en).toContain('"Spam message rejected", type X-Postfix');
    expect(warnings[0]?.text.fr).toContain('«\u00a0Spam message rejected\u00a0»');
  });

  it('still quotes a reply Postfix gives with its code, and a failed connection stays an incident', async () => {
    const suspended = fixture('postfix-own-filter-rejected-list-mail.eml').replaceAll(
      'Diagnostic-Code: X-Postfix; Spam message rejected',
      'Diagnostic-Code: X-Postfix; delivery temporarily suspended: host smtp-in.orange.fr[193.252.22.65]\n    refused to talk to me: 421 mwinf5c41 ME Service refuse. Veuillez essayer plus tard.\n    Service refused, please try later. OFR004_104 [104]',
    );
    const quoted = await extract(suspended);
    expect(quoted.incidents.map((i) => i.reply.code)).toEqual([421, 421, 421]);
    expect(quoted.incidents[0]?.orange?.token).toBe('OFR004_104');
    const timedOut = fixture('postfix-own-filter-rejected-list-mail.eml').replaceAll(
      'Diagnostic-Code: X-Postfix; Spam message rejected',
      'Diagnostic-Code: X-Postfix; connect to smtp-in.orange.fr[193.252.22.65]:25: Connection timed out',
    );
    const unreached = await extract(timedOut);
    expect(unreached.incidents).toHaveLength(3);
    expect(unreached.warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });
});

describe("a bounce's Date written as C's asctime (`Tue Nov 24 10:12:44 2026`)", () => {
  it('is the date, read in the assumed zone with a note, not the returned message’s Date', async () => {
    const { incidents } = await extract(fixture('postfix-notice-asctime-date.eml'));
    expect(incidents[0]?.occurredAt).toBe('2026-11-24T10:12:44+00:00');
    expect(incidents[0]?.sources.occurredAt?.line).toBe(4);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
    const paris = await extract(fixture('postfix-notice-asctime-date.eml'), { assumeZone: 'Europe/Paris' });
    expect(paris.incidents[0]?.occurredAt).toBe('2026-11-24T10:12:44+01:00');
  });

  it("with date(1)'s zone before the year, that zone; an unknown zone name gives no date from it", async () => {
    const zoned = fixture('postfix-notice-asctime-date.eml').replace(
      'Date: Tue Nov 24 10:12:44 2026',
      'Date: Tue Nov 24 10:12:44 CET 2026',
    );
    expect((await extract(zoned)).incidents[0]?.occurredAt).toBe('2026-11-24T10:12:44+01:00');
    const unknown = zoned.replace('CET 2026', 'XYZT 2026');
    expect((await extract(unknown)).incidents[0]?.occurredAt).not.toBe('2026-11-24T10:12:44+00:00');
  });
});

describe("Yahoo's `unable to connect to remote server [IP:25]: Operation timed out`", () => {
  it('is no reply: the note says no server replied, the unreached address is kept', async () => {
    const { incidents, warnings } = await extract(fixture('yahoo-unable-to-connect-remote-server.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('');
    expect(incidents[0]?.remoteIp).toBe('194.73.73.127');
    expect(incidents[0]?.sendingIps).not.toContain('194.73.73.127');
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
    // No reply to fill in: the note says why, no warning asks for one.
    expect(warnings.map((w) => w.code)).not.toContain('missing.reply');
  });
});

describe('more wordings in which the remote names the connecting client', () => {
  it('takes the address of `configured to reject mail from IP [IP]` as the sending IP', async () => {
    const { incidents, warnings } = await extract(fixture('postfix-barracuda-reject-mail-from-ip.log'), {
      now: new Date('2026-11-29T12:00:00Z'),
    });
    expect(incidents[0]?.sendingIps).toEqual(['38.108.79.34']);
    expect(incidents[0]?.remoteIp).toBe('64.94.160.236');
    expect(warnings.map((w) => w.code)).not.toContain('missing.sendingIps');
  });

  it.each([
    ['550 mail not accepted from blacklisted IP address [203.0.113.2]', '203.0.113.2'],
    [
      '451-203.0.113.77 is not yet authorized to deliver mail from <a@example.com> to <b@example.net>',
      '203.0.113.77',
    ],
  ])('%s', (reply, ip) => {
    expect(parseReply(reply).linkIps).toEqual([ip]);
  });
});

describe('a greeting refused before the client said its name (OpenSMTPD debug trace)', () => {
  it('takes the EHLO the client sent after the refusal as the sending host', async () => {
    const { incidents } = await extract(fixture('opensmtpd-debug-banner-refused-then-ehlo.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(554);
    expect(incidents[0]?.sendingHosts).toEqual(['leki.pkh.me']);
    expect(incidents[0]?.sources.sendingHosts?.line).toBe(9);
    expect(incidents[0]?.sendingIps).toEqual(['88.189.231.41']);
  });

  it('not an EHLO of the next session', async () => {
    const text = [
      'mta: 0xea6710: <<< 554 mx.example.net Service not available',
      'smtp-out: Connecting to smtp+tls://192.0.2.7:25 (mx2.example.net) on session 69738a26af1c7fa5...',
      'mta: 0xea6711: >>> EHLO other.example.org',
    ].join('\n');
    const { incidents } = await extract(text);
    expect(incidents[0]?.sendingHosts ?? []).not.toContain('other.example.org');
  });
});

describe("a JunkMail filter's RBL refusal (`JunkMail rejected - NAME (HELO) [IP]:port is in an RBL`)", () => {
  it('gives the reverse name beside the address as the sending host, across the lines of the reply', async () => {
    const { incidents } = await extract(fixture('junkmail-rbl-multiline-client-name.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['54.74.157.229']);
    expect(incidents[0]?.sendingHosts).toEqual(['ec2-54-74-157-229.eu-west-1.compute.amazonaws.com']);
  });
});

describe('two bounces pasted one after the other, without mbox separators', () => {
  it('are read as two messages: each incident has its own remote, date and lines', async () => {
    const { incidents } = await extract(fixture('two-orange-bounces-pasted-one-after-the-other.eml'));
    expect(incidents.map((i) => [i.orange?.token, i.remoteIp, i.occurredAt])).toEqual([
      ['OFR_999', '193.252.22.65', '2019-12-17T20:56:02+01:00'],
      ['OFR005_505', '80.12.242.9', '2019-12-17T11:32:37+01:00'],
    ]);
    expect(incidents[1]?.sources.occurredAt?.line).toBe(148);
    expect(incidents[1]?.sources.remoteIp?.line).toBe(137);
  });

  it('a single multipart bounce with words after its closing boundary stays one message', async () => {
    const one = fixture('two-orange-bounces-pasted-one-after-the-other.eml').split('\nReturn-Path: <>\n')[1];
    const { incidents } = await extract(`Return-Path: <>\n${one}\nThanks for your help,\nJean\n`);
    expect(incidents).toHaveLength(1);
  });
});

describe("Exchange's own words in its delay notice (`Remote Server returned '...'`)", () => {
  it('`554 5.4.0 <host #4.4.1>` is no reply: a note says no server replied', async () => {
    const { incidents, warnings } = await extract(fixture('exchange-delay-notice-own-554-summary.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBeNull();
    expect(incidents[0]?.remoteHost).toBe('fire.fundersclub.com.herokudns.com');
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });

  it('nor is `400 4.4.7 Message delayed`, for a recipient at orange.fr', async () => {
    const text = fixture('exchange-delay-notice-own-554-summary.txt')
      .replaceAll('<our-custom-email>@fire.fundersclub.com.herokudns.com', 'client@orange.fr')
      .replace('fire.fundersclub.com.herokudns.com\n', 'smtp-in.orange.fr\n')
      .replace('554 5.4.0 <fire.fundersclub.com.herokudns.com #4.4.1>', '400 4.4.7 Message delayed');
    const { incidents, warnings } = await extract(text);
    expect(incidents[0]?.reply.text).toBe('');
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });
});

describe("qmail's own lines below the remote's reply (`. (#5.5.0)`, `(Other MXes tried: ...)`)", () => {
  it('are no part of the reply, nor is its status the enhanced code', async () => {
    const { incidents } = await extract(fixture('qmail-remote-said-then-own-status.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 550,
      enhanced: null,
      text: '550 Unknown user kijitora@example.ne.jp',
    });
    expect(incidents[0]?.remoteIp).toBe('192.0.2.32');
  });
});

describe("Sendmail's own `451 ... reply: read error from host` (the server dropped the line)", () => {
  it('in a warning: no reply is quoted, a note says no server replied', async () => {
    const { incidents, warnings } = await extract(fixture('sendmail-warning-read-error.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('');
    expect(incidents[0]?.remoteHost).toBe('proxy1.fgm.fr');
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });

  it('in a log: no incident for Orange, the note says why', async () => {
    const { incidents, warnings } = await extract(fixture('sendmail-log-read-error-orange.log'), {
      now: new Date('2026-11-29T12:00:00Z'),
    });
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });
});

describe("a later Haraka's `recipient domain <x> rejected` (the connection's uuid after `[outbound]`)", () => {
  it('gives the recipient domain, and the bounce line repeating the reply is the same refusal', async () => {
    const { incidents } = await extract(fixture('haraka-recipient-domain-rejected.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('bell.net');
    expect(incidents[0]?.reply.text).toBe('521 Service not available');
    expect(incidents[0]?.sources.recipientDomain?.line).toBe(1);
  });
});

describe("a bounce whose only date is the returned message's", () => {
  it('takes it, and a note says the refusal came then or a little later', async () => {
    const { incidents } = await extract(fixture('exim-dsn-pasted-from-body-ofr506.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.orange?.token).toBe('OFR_506');
    expect(incidents[0]?.occurredAt).toBe('2018-02-07T17:20:45+00:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.returned-message');
    expect(incidents[0]?.sendingIps).not.toContain('193.252.22.65');
  });
});
