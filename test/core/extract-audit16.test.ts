/**
 * Sixteenth round of real input. Fixtures and their sources: test/fixtures/extract/audit16/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { findClientIps } from '../../core/extract/client-ip';
import { parseJsonInput } from '../../core/extract/formats/json-input';
import { jsonFromRubyInspect } from '../../core/extract/formats/ruby-inspect';

const dir = fileURLToPath(new URL('../fixtures/extract/audit16/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('the sending IP a refusal names in other wordings', () => {
  it("reads Yahoo's TSS07 `Connections will not be accepted from IP`", async () => {
    const { incidents } = await extract(fixture('yahoo-tss07-python-session.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(553);
    expect(incidents[0]?.sendingIps).toEqual(['206.189.235.121']);
    // Yahoo's MX, which the tool connected to, is never the sender's.
    expect(incidents[0]?.sendingIps).not.toContain('98.136.96.76');
  });

  it("reads Gmail's `[IP]` after the codes in a wording no list names, in a whole notice", async () => {
    const { incidents } = await extract(fixture('postfix-notice-gmail-multiple-from.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['23.83.222.38']);
    expect(incidents[0]?.remoteIp).toBe('192.178.163.27');
  });

  it('reads it when a notice cut the reply before `gsmtp`, by its help link', async () => {
    const { incidents } = await extract(fixture('exchange-de-gmail-multiple-from-cut.txt'));
    expect(incidents[0]?.sendingIps).toEqual(['194.150.248.71']);
  });

  it('leaves such an address alone in a reply that is not Gmail’s', () => {
    expect(findClientIps('421 4.3.2 [198.51.100.8] Service not available, closing channel')).toEqual([]);
    expect(findClientIps('550-5.7.1 [203.0.113.5] Messages with multiple addresses in From: header')).toEqual(
      [],
    );
    expect(
      findClientIps('550-5.7.1 [203.0.113.5] Messages with multiple addresses. x1si2.3 - gsmtp'),
    ).toEqual(['203.0.113.5']);
  });

  it('reads the client of `not configured to relay mail to <rcpt> for IP`', async () => {
    const { incidents } = await extract(fixture('exim-notice-not-configured-to-relay-for-ip.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['216.163.188.208']);
    expect(incidents[0]?.remoteIp).toBe('209.67.128.24');
  });
});

describe('the server a notice or a log names', () => {
  it("takes Gmail's older `rejected by the server for the recipient domain X by host. [IP].` in a pasted notice", async () => {
    const { incidents } = await extract(fixture('gmail-notice-rejected-by-server-pasted.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('500 Internal Server Error');
    expect(incidents[0]?.remoteHost).toBe('mailnesia.com');
    expect(incidents[0]?.remoteIp).toBe('162.250.144.109');
    expect(incidents[0]?.sources.remoteHost?.text).toContain(
      'rejected by the server for the recipient domain',
    );
  });

  it("reads Exim's `H=host [IP]` before its TLS fields (eximstats' list of errors), each line its own remote", async () => {
    const { incidents } = await extract(fixture('eximstats-errors-tls-fields.html.txt'));
    expect(incidents.map((i) => [i.remoteHost, i.remoteIp])).toEqual([
      ['gmail-smtp-in.l.google.com', '173.194.76.26'],
      ['gmail-smtp-in.l.google.com', '74.125.133.27'],
      ['gmail-smtp-in.l.google.com', '64.233.166.27'],
    ]);
    // The reply's lines written out as `\n` are joined, up to Gmail's end.
    expect(incidents[0]?.reply.text).toMatch(
      /^550 5\.1\.1 The email account .* c124si2348927wme\.6 - gsmtp$/,
    );
  });
});

describe('SMTP sessions as more tools print them', () => {
  it('reads lower-case `c:` and `s:` prefixes and commands ending in a written-out `\\r\\n`', async () => {
    const { incidents } = await extract(fixture('cpp-client-lowercase-c-s-session.txt'));
    expect(incidents).toHaveLength(1);
    const [i] = incidents;
    expect(i?.reply.text).toBe('550 5.5.1 Protocol error');
    expect(i?.remoteHost).toBe('mailinosl111.protonmail.ch');
    expect(i?.sendingHosts).toEqual(['smtp.norveil.ca']);
    expect(i?.sendingDomain).toBe('validdomain.com');
    expect(i?.recipientDomain).toBe('proton.me');
  });

  it("joins the continuation lines of Haraka's `[queue/smtp_forward]` protocol log", async () => {
    const { incidents } = await extract(fixture('haraka-queue-smtp-forward-protocol.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '554 5.6.0 Message exceeded 50 hops, this may indicate a mail loop. Learn more at https://support.google.com/mail/answer/6598 u78sm10746758ywu.13 - gsmtp',
    );
  });

  it("counts smtplib's debug reply and its `data: (550, ...)` two lines below as one refusal", async () => {
    const { incidents } = await extract(fixture('smtplib-debug-reply-then-data.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('550 SL E515 Email not exist');
    expect(incidents[0]?.sendingDomain).toBe('example.com');
    // The session's own reading is kept, with the envelope its commands gave.
    expect(incidents[0]?.sources.reply?.text).toBe("reply: b'550 SL E515 Email not exist\\r\\n'");
    expect(incidents[0]?.recipientDomain).toBe('sl.local');
  });
});

describe('application logs', () => {
  it("dates a reply by its Monolog record's `datetime`, and reads the two records as one refusal", async () => {
    const { incidents } = await extract(fixture('laravel-monolog-json-records.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('550 5.7.1 Relaying denied');
    expect(incidents[0]?.occurredAt).toBe('2025-09-20T18:47:46+00:00');
    expect(incidents[0]?.sources.occurredAt?.text).toContain('"datetime":"2025-09-20T18:47:46.850091+00:00"');
  });
});

describe('events printed by a Ruby program', () => {
  it('reads a Mandrill event printed as a Ruby Hash like its JSON', async () => {
    const { incidents } = await extract(fixture('mandrill-ruby-inspect-hard-bounce.txt'));
    expect(incidents).toHaveLength(1);
    const [i] = incidents;
    expect(i?.format).toBe('json-event');
    expect(i?.reply.text).toBe(
      "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.",
    );
    expect(i?.occurredAt).toBe('2013-09-18T00:04:12+00:00');
    expect(i?.recipientDomain).toBe('mandrillapp.com');
  });

  it('turns `=>` and `nil` into JSON, leaving them alone inside strings', () => {
    const json = jsonFromRubyInspect('{"a"=>nil, "b"=>"x => nil", "c"=>[1, "d\\"e"], "u"=>"caf\\u00E9"}');
    expect(JSON.parse(json ?? '')).toEqual({ a: null, b: 'x => nil', c: [1, 'd"e'], u: 'café' });
    expect(jsonFromRubyInspect('{"a": 1}')).toBeNull();
    const [event] = parseJsonInput(fixture('mandrill-ruby-inspect-no-code.txt')) ?? [];
    expect(event).toMatchObject({
      event: 'hard_bounce',
      msg: { template: null, email: 'example@example.org' },
    });
  });
});

describe("Coremail's notices (163.com, 126.com)", () => {
  it('reads the English line of a GBK notice in base64: the reply, the MX named by domain and address', async () => {
    const { incidents } = await extract(fixture('coremail-163-gbk-base64-multipart-cte.eml'));
    expect(incidents).toHaveLength(1);
    const [i] = incidents;
    expect(i?.reply.text).toBe('550 No such user here');
    expect(i?.remoteHost).toBe('ethereal.email');
    expect(i?.remoteIp).toBe('54.36.85.113');
    expect(i?.recipientDomain).toBe('ethereal.email');
    expect(i?.sendingDomain).toBe('163.com');
  });

  it('reads the reply on the lines under `DOT said` and ends it at the next Chinese label', async () => {
    const { incidents } = await extract(fixture('coremail-qq-dot-said-pasted.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 The "From" header is missing or invalid. Please follow RFC5322, RFC2047, RFC822 standard protocol.',
    );
    expect(incidents[0]?.remoteIp).toBe('157.255.221.253');
  });
});

describe("Office 365's notice in its 2024 layout", () => {
  it('reads the reply under `Error Details`, not Microsoft’s own status code above it', async () => {
    const { incidents } = await extract(fixture('office365-acs-error-details-2026.eml'));
    expect(incidents).toHaveLength(1);
    const [i] = incidents;
    expect(i?.reply.code).toBe(554);
    expect(i?.reply.text).toBe(
      '554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137. Txn ID 00000000-0000-0000-0000-b00000000000',
    );
    expect(i?.recipientDomain).toBe('icloud.com');
    // `Message rejected by:` names a pod, no host name: the field stays empty.
    expect(i?.remoteHost).toBeNull();
  });
});

describe('sendmail-compatible programs', () => {
  it('reads the reply ssmtp prints after its name, even without an enhanced code', async () => {
    const { incidents } = await extract(fixture('ssmtp-501-no-enhanced-code.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(501);
    expect(incidents[0]?.reply.text).toMatch(/^501 Mail from address must be same as authorization user/);
  });

  it('does not take a number inside such a line for a reply', async () => {
    const { incidents } = await extract('sendmail: fatal: queue file write error 550 bytes');
    expect(incidents).toHaveLength(0);
  });
});

describe('a relay host refusing Postfix’s login', () => {
  it('keeps the log line when words stand in place of the relay’s address', async () => {
    const { incidents } = await extract(fixture('postfix-sasl-relay-ip-address-placeholder.log'));
    expect(incidents).toHaveLength(1);
    const [i] = incidents;
    expect(i?.format).toBe('postfix');
    expect(i?.reply.text).toBe('451 Authentication failed: Maximum credits exceeded');
    expect(i?.remoteHost).toBe('smtp.sendgrid.net');
    expect(i?.remoteIp).toBeNull();
    expect(i?.recipientDomain).toBe('email.com');
  });

  it('reads the relay host and its address from the words quoted alone', async () => {
    const { incidents } = await extract(fixture('postfix-sasl-server-said-quoted.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteHost).toBe('smtp.gmail.com');
    expect(incidents[0]?.remoteIp).toBe('64.233.186.109');
    expect(incidents[0]?.reply.enhanced).toBe('5.7.8');
  });
});

describe('replies pasted one a line', () => {
  it('starts a new reply at a line with another code after a final line', async () => {
    const { incidents } = await extract(
      '554 5.7.1 <a@b.example>: Recipient address rejected: Access denied\n450 4.7.1 Error: too much mail from 203.0.113.9\n',
    );
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '554 5.7.1 <a@b.example>: Recipient address rejected: Access denied',
      '450 4.7.1 Error: too much mail from 203.0.113.9',
    ]);
  });

  it('still joins a multi-line reply, its lines announced by a dash', async () => {
    const { incidents } = await extract(
      '550-5.7.1 [203.0.113.9] Our system has detected an unusual rate of\n550-5.7.1 unsolicited mail originating from your IP address.\n550 5.7.1 https://support.google.com/mail/?p=UnsolicitedIPError a1si2.3 - gsmtp\n',
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toMatch(/rate of unsolicited mail .* - gsmtp$/);
  });
});

describe('Postfix lines pasted without their syslog stamp', () => {
  it('still tells LMTP delivery to the own mail store from a remote refusal', async () => {
    const { incidents, warnings } = await extract(fixture('mailu-compose-postfix-lmtp-no-stamp.log'));
    expect(incidents).toHaveLength(0);
    expect(warnings.map((w) => w.code)).toContain('input.postfix-own-refusal');
  });

  it('reads a remote’s refusal on such a line as before', async () => {
    const line =
      'postfix/smtp[4415]: 0B4DE381AF6: to=<jean@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=3, delays=0.29/0.13/2.3/0.3, dsn=5.0.0, status=bounced (host smtp-in.orange.fr[193.252.22.65] said: 550 5.7.1 Mail rejete. Mail rejected. ofr_506 [506] (in reply to end of DATA command))';
    const { incidents } = await extract(line);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteIp).toBe('193.252.22.65');
    expect(incidents[0]?.orange?.token).toBe('OFR_506');
  });
});

describe('Chinese providers and tools', () => {
  it("reads Alibaba Mail's `the mta server of X — host(IP) reply:` with the MX and its address", async () => {
    const { incidents } = await extract(fixture('alimail-mta-server-of-reply.txt'));
    const real = incidents.find((i) => i.reply.text.includes('MI:SPF'));
    expect(real?.remoteHost).toBe('163mx01.mxmail.netease.com');
    expect(real?.remoteIp).toBe('220.181.14.141');
    expect(real?.sendingIps).toEqual(['42.120.134.177']);
  });

  it("takes Alibaba's `Connection IP address:` as the sending IP, never the MX's", async () => {
    const { incidents } = await extract(fixture('postfix-notice-mxhichina-connection-ip.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['117.121.45.243']);
    expect(incidents[0]?.remoteIp).toBe('42.120.219.27');
  });

  it("reads Coremail's hint with the command glued to the reply", async () => {
    const { incidents } = await extract(fixture('coremail-hint-rcpt-to-glued.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('550 5.2.1 The email account that you tried to reach is disabled.');
  });

  it(".NET's Chinese `事务失败。 服务器响应为:` gives the code its words stand for", async () => {
    const { incidents } = await extract(fixture('dotnet-smtpexception-chinese.txt'));
    expect(incidents).toHaveLength(1);
    const [i] = incidents;
    expect(i?.reply.code).toBe(554);
    expect(i?.reply.text).toMatch(/^DT:SPM 163 smtp8,/);
    expect(i?.sendingIps).toEqual(['52.80.7.202']);
    expect(i?.occurredAt).toBe('2017-07-10T06:04:08+00:00');
  });

  it("reads Python 2's `(554, '...')` tuple before the help text pasted under it", async () => {
    const { incidents } = await extract(fixture('python2-smtplib-tuple-163.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toMatch(
      /^554 DT:SPM 163 smtp12,EMCowACnzwc_BjhcKMZmAQ--\.20404S2 1547175487/,
    );
    expect(incidents[0]?.sendingIps).toEqual(['218.94.104.2']);
  });
});

describe('a reply inside a JSON log line', () => {
  it('ends at the JSON string’s closing quote, and is given once when the client repeats it', async () => {
    const { incidents } = await extract(fixture('outline-compose-json-nodemailer-421.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '421 4.7.0 Try again later, closing connection. (EHLO) s12-20020a170902ea0c00b00192dbd5b753sm1113729plg.113 - gsmtp',
    );
  });
});

describe('web servers’ statuses are no SMTP replies', () => {
  it('makes no incident of an SDK’s `400 Bad Request` nor of nginx’s `502 Bad Gateway` page', async () => {
    for (const name of ['ses-sdk-400-bad-request.txt', 'nginx-502-bad-gateway.txt']) {
      const { incidents } = await extract(fixture(name));
      expect(incidents, name).toHaveLength(0);
    }
  });

  it('still reads `500 Internal Server Error` when a notice quotes it as the server’s reply', async () => {
    const { incidents } = await extract(fixture('gmail-notice-rejected-by-server-pasted.txt'));
    expect(incidents[0]?.reply.code).toBe(500);
  });
});

describe('a reply in a logfmt value', () => {
  it('ends at the value’s quote, and two records of one refusal give one incident with its recipient', async () => {
    const { incidents } = await extract(fixture('mox-logfmt-two-records-one-refusal.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('502 5.5.1 Error: command not implemented');
    expect(incidents[0]?.recipientDomain).toBe('gmail.com');
  });
});
