/**
 * Twenty-second round of real input (test/fixtures/extract/audit22/SOURCES.md): records of the MTAs ESPs
 * run, ESPs' events, and notices in other languages.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit22/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('Exchange notices in other languages, pasted without their headers', () => {
  it('reads an Italian notice as a notice: the returned headers give the sending domain', async () => {
    const { incidents } = await extract(fixture('exchange-it-body-pasted.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.text).toBe('550 5.1.1 RESOLVER.ADR.RecipNotFound; not found');
    expect(incident?.recipientDomain).toBe('example.jp');
    expect(incident?.sendingDomain).toBe('neko.example.com');
    expect(incident?.sources.sendingDomain?.text).toBe('Return-Path: sironeko@neko.example.com');
  });

  it('reads a notice that starts at its Norwegian generating server line', async () => {
    const paste = [
      'Genererende server: mail.example.com',
      '',
      'jean.dupont@orange.fr',
      'smtp-in.orange.fr #<smtp-in.orange.fr #5.7.1 smtp; 550 5.7.1 Service refuse. OFR004_104 [104]> #SMTP#',
      '',
      'Opprinnelige meldingshoder:',
      '',
      'Return-Path: <news@example.com>',
      'From: <news@example.com>',
      'To: <jean.dupont@orange.fr>',
    ].join('\n');
    const { incidents } = await extract(paste, options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingHosts).toEqual(['mail.example.com']);
    expect(incidents[0]?.sendingDomain).toBe('example.com');
    expect(incidents[0]?.remoteHost).toBe('smtp-in.orange.fr');
  });
});

describe('PowerMTA records without their header line', () => {
  it('reads a record whose diagnostic is written `Smtp;`, dated by the timestamp after its type', async () => {
    const { incidents } = await extract(fixture('pmta-headerless-barracuda.csv'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.format).toBe('powermta');
    // The reply's unquoted commas do not cut it: its words go on after `, ` (audit24/SOURCES-logs2.md).
    expect(incidents[0]?.reply).toEqual({
      code: 550,
      enhanced: '5.7.1',
      text: '550 5.7.1 spam URL , Barracuda, www.niche.com',
    });
    expect(incidents[0]?.occurredAt).toBe('2017-09-22T16:31:06+05:30');
    // The private address in the record is no sending IP.
    expect(incidents[0]?.sendingIps).toEqual([]);
  });

  it('dates a record in another column order by its second field, and says where the date came from', async () => {
    const { incidents } = await extract(fixture('pmta-derived-hdfc-headerless-bounce.csv'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2014-08-24T16:00:14+05:30');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('powermta-headerless-time');
    expect(incidents[0]?.reply.code).toBe(554);
    expect(incidents[0]?.sendingIps).toEqual([]);
  });

  it('leaves the date empty when the field after the type is no timestamp', async () => {
    const { incidents } = await extract(
      'b,,,bob@example.net,failed,5.0.0,smtp;550 5.1.1 unknown user\n',
      options,
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBeNull();
  });
});

describe("Exchange's LastError when its own Frontend server gave up", () => {
  it('joins the error that the console wrapped, and quotes the remote reply whole', async () => {
    const { incidents } = await extract(fixture('exchange-getqueue-tracking-msqa234456.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 451,
      enhanced: '4.4.0',
      text: '451 4.4.0 Security status InvalidToken.',
    });
    expect(incidents[0]?.recipientDomain).toBe('destination.com');
  });

  it('does not take the Frontend server named by the tags for the remote one', async () => {
    const { incidents } = await extract(fixture('exchange-getqueue-lasterror-oneline.derived.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('451 4.4.0 Security status InvalidToken.');
    // The last endpoint is redacted (`2a0X:3cXX:...`): no address is better than the Frontend's.
    expect(incidents[0]?.remoteIp).toBeNull();
    expect(incidents[0]?.remoteHost).toBeNull();
  });

  it('takes the last endpoint attempted as the remote address when it is readable', async () => {
    const line = fixture('exchange-getqueue-lasterror-oneline.derived.txt').replace(
      '2a0X:3cXX:XX2:XXX::XX00',
      '2001:db8:1:2::1100',
    );
    const { incidents } = await extract(line, options);
    expect(incidents[0]?.remoteIp).toBe('2001:db8:1:2::1100');
  });
});

describe('ESP events as they are pasted', () => {
  it("reads Mailgun's delivery status cut before its closing braces, and Mailspike's client address", async () => {
    const { incidents } = await extract(fixture('mailgun-gitlab-handbook-fragment.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(550);
    expect(incidents[0]?.reply.text).toMatch(
      /^550 5\.7\.1 H:M11 \[192\.237\.158\.143\] .* E-mail provider\.$/,
    );
    expect(incidents[0]?.remoteHost).toBe('mx1.external-mailserver.com');
    expect(incidents[0]?.sendingIps).toEqual(['192.237.158.143']);
  });

  it('decodes Mandrill’s form-encoded webhook body: one incident per failed event, the send left out', async () => {
    const { incidents } = await extract(fixture('mandrill-requestbin-urlencoded.txt'), options);
    expect(incidents.map((i) => i.reply.code)).toEqual([451, 550, 552]);
    expect(incidents[0]?.occurredAt).toBe('2013-04-04T21:31:51+00:00');
    expect(incidents[0]?.sources.reply?.line).toBe(1);
  });

  it('leaves a form-encoded body without JSON to the other readers', async () => {
    const { incidents } = await extract('status=550%205.1.1%20unknown&rcpt=a%40example.com', options);
    expect(incidents).toEqual([]);
  });

  it('makes an incident of an Azure report that failed with the remote’s words but no code', async () => {
    const { incidents } = await extract(fixture('azure-acs-failed-icloud.derived.json'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: null,
      enhanced: null,
      text: '[HM08] Message rejected due to local policy...',
    });
    expect(incidents[0]?.remoteHost).toBe('mx01.mail.icloud.com');
    expect(incidents[0]?.occurredAt).toBe('2025-11-11T21:17:05+00:00');
    expect(incidents[0]?.recipientDomain).toBe('icloud.com');
  });

  it("does not take SparkPost's policy rejection for a remote server's refusal", async () => {
    const { incidents } = await extract(fixture('sparkpost-mautic-sample-events.json'), options);
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '554 MAIL REFUSED - IP (18.99.99.99) is in black list',
      '554 MAIL REFUSED - IP (17.99.99.99) is in black list',
    ]);
    expect(incidents.flatMap((i) => i.sendingIps)).not.toContain('19.99.99.99');
  });

  it("does not give SendGrid's status written from the basic code as the reply's enhanced code", async () => {
    const { incidents } = await extract(fixture('sendgrid-test-webhook-all-events.json'), options);
    expect(incidents.map((i) => i.reply)).toEqual([
      { code: 400, enhanced: null, text: '400 try again later' },
      { code: 500, enhanced: null, text: '500 unknown recipient' },
    ]);
  });
});

describe("Momentum's logs", () => {
  it('reads the mainlog: the permanent failure is an incident, the reception, delivery and Momentum’s own failure are not', async () => {
    const { incidents, warnings } = await extract(fixture('momentum-mainlog-doc.derived.log'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.format).toBe('momentum');
    expect(incidents[0]?.occurredAt).toBe('2003-09-29T21:27:27+00:00');
    expect(incidents[0]?.reply).toEqual({ code: 552, enhanced: null, text: '552 No such account' });
    expect(incidents[0]?.recipientDomain).toBe('postalengine.com');
    expect(incidents[0]?.remoteIp).toBe('10.0.0.1');
    expect(incidents[0]?.sources.reply?.line).toBe(3);
    expect(warnings.map((w) => w.code)).toContain('momentum-own-failure');
  });

  it('says a bounce record with an [internal] reply is Momentum’s own, not a refusal', async () => {
    const { incidents, warnings } = await extract(fixture('momentum-bouncelog-doc.derived.log'), options);
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('momentum-own-failure');
  });

  it('reads a bouncelog record: recipient, envelope sender and the remote address, its reply with its @ kept', async () => {
    const line =
      '1764410000@91/6D-07914-E67BC044@00/00-03736-F4101B54@00/00-04532-A3456B54@B@jean.dupont@orange.fr@bounce@news.example.com@group-a@binding-a@21@24@1223@193.252.22.65@421 mwinf5c41 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104] <jean.dupont@orange.fr>';
    const { incidents } = await extract(line, options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.orange?.token).toBe('OFR004_104');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.sendingDomain).toBe('news.example.com');
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.sendingIps).toEqual([]);
    expect(incident?.reply.text.endsWith('[104] <jean.dupont@orange.fr>')).toBe(true);
    expect(incident?.occurredAt).toBe('2025-11-29T09:53:20+00:00');
  });
});

describe('a KumoMTA record’s members pasted alone', () => {
  it('reads the reply of its response object', async () => {
    const { incidents } = await extract(fixture('kumo-issue431-fragment.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 552,
      enhanced: null,
      text: '552 1 Requested mail action aborted, mailbox not found',
    });
  });

  it('makes no incident of a delivery’s members', async () => {
    const { incidents } = await extract(
      '"response":{"code":250,"enhanced_code":null,"content":"OK","command":".\\r\\n"}\n"type":"Delivery"\n',
      options,
    );
    expect(incidents).toEqual([]);
  });
});

describe('a reply kept in a program’s comments', () => {
  it('reads a reply wrapped over two comment lines without the marks', async () => {
    const code = [
      '    // Orange refuses with:',
      '    // 421 mwinf5c41 ME Trop de connexions, veuillez verifier votre configuration.',
      '    // Too many connections, slow down. OFR004_104 [104]',
      '    if (reply.code === 421) return retryLater(message);',
    ].join('\n');
    const { incidents } = await extract(code, options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '421 mwinf5c41 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]',
    );
    expect(incidents[0]?.sources.reply?.line).toBe(2);
  });

  it('does the same for a shell script’s comments, and leaves a reply’s own `#216` line alone', async () => {
    const script =
      '# Orange says:\n# 550 5.7.1 Service refuse. Veuillez essayer plus tard.\n# service refused, please try later. OFR004_506 [506]\nexit 1\n';
    const { incidents } = await extract(script, options);
    expect(incidents[0]?.reply.text).toBe(
      '550 5.7.1 Service refuse. Veuillez essayer plus tard. service refused, please try later. OFR004_506 [506]',
    );
    const laPoste =
      '<a@laposte.net>: host smtp-in.laposte.net said: 554\n    5.7.1 <x.example.net>: Client host rejected:\n    #216 lpn LPN000_630 (in reply to RCPT TO command)\n';
    const read = await extract(laPoste, options);
    expect(read.incidents[0]?.reply.text).toBe(
      '554 5.7.1 <x.example.net>: Client host rejected: #216 lpn LPN000_630',
    );
  });
});

describe('Thunderbird’s sentence after the reply it quotes', () => {
  it('is left out also when the paste starts at the reply and the reply ends with no [NNN]', async () => {
    const { incidents } = await extract(fixture('tb-fr-lpn104-424-wrapped.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '4.2.1 Service refuse. Veuillez essayer plus tard. Service refused, please try later. LPN104_424',
    );
  });

  it('is left out in English too', async () => {
    const { incidents } = await extract(
      'The mail server responded: 5.7.1 Service refuse. OFR004_506 [506]. Please check the message and try again.',
      options,
    );
    expect(incidents[0]?.reply.text).toBe('5.7.1 Service refuse. OFR004_506 [506]');
  });
});

describe("Postfix's report to its postmaster of an incoming session's errors", () => {
  it('is no refusal: no incident, a note saying the Out: lines are the server’s own replies', async () => {
    const { incidents, warnings } = await extract(fixture('postfix-smtpd-errors-report.eml'), options);
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.postfix-server-errors']);
  });
});

describe('a MIME part pasted with its own headers only', () => {
  it('is decoded from quoted-printable before its reply is read', async () => {
    const { incidents } = await extract(fixture('tb-fr-ofr514-mime-part-qp.derived.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '5.2.0 Taille limite du message atteinte. Maximum size of the message reached. OFR_514 [514]',
    );
    expect(incidents[0]?.orange?.token).toBe('OFR_514');
  });
});

describe('a reply whose link was copied from HTML source', () => {
  it('gives the link with the & Orange sent, not &amp;', async () => {
    const { incidents } = await extract(fixture('orange-ofr006-101-amp-entity.txt'), options);
    expect(incidents[0]?.reply.text).toContain('?ec=OFR006_101&ip=5.196.195.202 [101]');
    expect(incidents[0]?.sendingIps).toEqual(['5.196.195.202']);
  });
});

describe('a qmail failure pasted without its starting delivery line', () => {
  it('takes the recipient from the one address the reply to RCPT TO names', async () => {
    const { incidents } = await extract(fixture('qmail-lkml2004-tai64n-wrapped.log'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('novell.com');
    expect(incidents[0]?.remoteIp).toBe('130.57.1.11');
    expect(incidents[0]?.occurredAt).toBe('2004-11-20T09:51:23+00:00');
  });
});

describe('the format of an Exchange notice that returns headers naming another MTA', () => {
  it('is Exchange, not the Postfix its returned Received line names', async () => {
    const text = readFileSync(
      fileURLToPath(
        new URL('../fixtures/extract/audit15/exchange2003-hash-smtp-norwegian.txt', import.meta.url),
      ),
      'utf8',
    );
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.format).toBe('exchange');
    expect((await extract(fixture('exchange-it-body-pasted.txt'), options)).incidents[0]?.format).toBe(
      'exchange',
    );
  });
});

describe("Exchange's own expiry quoted as a remote server's return", () => {
  it('is no reply: the incident keeps its hosts and date, a note says no server replied', async () => {
    const { incidents, warnings } = await extract(fixture('exchange2007-queue-expired.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBeNull();
    expect(incidents[0]?.reply.text).toBe('');
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });
});

describe("a transcript's attempt dated on a line of its own above the reply", () => {
  it('dates the incident, cited at that line (not at a Received header with the same words)', async () => {
    const { incidents } = await extract(fixture('surfcontrol-attempt-dated-above.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2008-04-20T23:34:45+09:00');
    expect(incidents[0]?.sources.occurredAt).toEqual({ line: 33, text: 'Thu, 20 Apr 2008 23:34:45 +0900' });
  });
});
