/**
 * Eighteenth round of real input. Fixtures and their sources: test/fixtures/extract/audit18/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { withoutAutolinks } from '../../core/extract/autolinks';
import { findClientIps } from '../../core/extract/client-ip';
import { findEmbeddedOrangeReplies } from '../../core/extract/embedded-orange';
import { recipientIn } from '../../core/extract/envelope-address';
import { flattenedLog } from '../../core/extract/inline-log';

const dir = fileURLToPath(new URL('../fixtures/extract/audit18/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe("MailKit's exception, which keeps the reply's enhanced code only", () => {
  it('reads the reply after `SmtpCommandException:`', async () => {
    const { incidents } = await extract(fixture('mailkit-smtpcommandexception-enhanced-only.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.enhanced).toBe('5.7.3');
    expect(incidents[0]?.reply.code).toBeNull();
    expect(incidents[0]?.reply.text).toBe('5.7.3 Authentication unsuccessful');
  });

  it("starts Orange's reply at the enhanced code, not at the paragraph's first words", () => {
    const [found] = findEmbeddedOrangeReplies([
      'Failed to send mail to jean@orange.fr',
      'MailKit.Net.Smtp.SmtpCommandException: 5.7.1 Service refuse. Veuillez essayer plus tard. OFR004_104 [104]',
    ]);
    expect(found?.text).toBe('5.7.1 Service refuse. Veuillez essayer plus tard. OFR004_104 [104]');
    expect(found?.lineIndex).toBe(1);
    expect(found?.recipient).toBe('jean@orange.fr');
  });
});

describe('a forward whose header lines are in Spanish or German', () => {
  const notice = [
    'Delivery has failed to these recipients or groups:',
    '',
    'jean@orange.fr',
    'Remote Server returned: 550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR004_104 [104]',
  ];

  it.each([
    ['De:', 'Enviado el: martes, 5 de marzo de 2024 10:12', 'Para:', 'Asunto:'],
    ['Von:', 'Gesendet: Dienstag, 5. März 2024 10:12', 'An:', 'Betreff:'],
  ])('takes the date from `%s` / `%s`', async (from, sent, to, subject) => {
    const text = [
      '-----Original Message-----',
      `${from} Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.com>`,
      sent,
      `${to} Newsletter <news@contoso.com>`,
      `${subject} Undeliverable: offers`,
      '',
      ...notice,
    ].join('\n');
    const { incidents } = await extract(text, { assumeZone: 'Europe/Paris' });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2024-03-05T10:12:00+01:00');
    expect(incidents[0]?.reply.code).toBe(550);
  });
});

describe('a bounce sent when the message expired in the queue', () => {
  it("keeps the Arrival-Date and says the reply is the last attempt's, giving the bounce's own Date", async () => {
    const { incidents } = await extract(fixture('postfix-dsn-orange-999-after-queue.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2019-12-17T20:56:02+01:00');
    expect(incidents[0]?.sources.occurredAt?.text).toMatch(/^Arrival-Date:/);
    const queued = incidents[0]?.assumptions.find((a) => a.code === 'date.queued-until-bounce');
    expect(queued?.text.en).toContain('(2019-12-18 09:20:00 (UTC+01:00))');
    expect(queued?.text.fr).toContain('dernière tentative');
    expect(incidents[0]?.orange?.reason).toBe(999);
  });

  it('adds no such note when the bounce came right after the arrival', async () => {
    const quick = fixture('postfix-dsn-orange-999-after-queue.eml').replace(
      'Date: Wed, 18 Dec 2019 09:20:00 +0100 (CET)',
      'Date: Tue, 17 Dec 2019 20:56:09 +0100 (CET)',
    );
    const { incidents } = await extract(quick);
    expect(incidents[0]?.assumptions.map((a) => a.code)).not.toContain('date.queued-until-bounce');
  });
});

describe('KumoMTA records cut to a few fields', () => {
  it('reads them as KumoMTA records by their response object, with the enhanced code given apart', async () => {
    const { incidents } = await extract(fixture('kumomta-records-few-fields.jsonl'));
    expect(incidents.map((i) => [i.reply.code, i.reply.enhanced, i.recipientDomain])).toEqual([
      [550, '5.7.1', 'spectrum.net'],
      [451, '4.4.4', 'gmail.com'],
    ]);
  });
});

describe('PowerMTA accounting lines', () => {
  it("reads a line without its header in PowerMTA's default columns when its values fit them, with a note", async () => {
    const { incidents, warnings } = await extract(fixture('powermta-acct-line-without-header.csv'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.occurredAt).toBe('2017-05-04T18:07:21-03:00');
    expect(i?.sendingIps).toEqual(['66.45.248.227']);
    expect(i?.sendingDomain).toBe('galafassi.org');
    expect(i?.remoteHost).toBe('vip-us-br-mx.terra.com');
    expect(i?.remoteIp).toBe('208.84.244.133');
    expect(i?.reply.text).toBe('550 5.1.1 5.1.1 <3amygos@terra.com.br>: Recipient address rejected');
    expect(warnings.map((w) => w.code)).toContain('powermta-default-columns');
  });

  it('keeps to the reply alone when a header-less line does not fit the default columns', async () => {
    const shifted = fixture('powermta-acct-line-without-header.csv').replace(',failed,', ',x,');
    const { incidents, warnings } = await extract(shifted);
    expect(incidents[0]?.sendingIps).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('powermta-no-header');
  });

  it('takes a header kept as a comment, and reads times without an offset in the assumed zone', async () => {
    const { incidents } = await extract(fixture('powermta-acct-hash-header-no-zone.csv'), {
      assumeZone: 'Europe/Paris',
    });
    expect(incidents.map((i) => [i.occurredAt, i.reply.code, i.recipientDomain, i.sendingDomain])).toEqual([
      ['2026-03-11T10:01:00+01:00', 550, 'invalid.com', 'example.com'],
      ['2026-03-11T10:03:00+01:00', 452, 'gmail.com', 'example.com'],
    ]);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('assumed-zone');
  });
});

describe("Exim's syslog lines without the syslog stamp and host", () => {
  it("reads `exim[pid]: ` lines by Exim's own stamp, a deferral that lost its `==` included", async () => {
    const { incidents } = await extract(fixture('ossec-doc-exim-program-prefix.rst'));
    expect(incidents.map((i) => [i.occurredAt, i.reply.code, i.remoteIp])).toEqual([
      ['2006-11-21T15:01:33+00:00', 450, '1.1.1.1'],
      ['2006-11-21T15:01:39+00:00', 550, '1.1.1.1'],
      ['2006-11-21T15:24:02+00:00', 450, '66.93.22.101'],
      ['2006-11-21T14:39:59+00:00', 501, '1.1.3.1'],
    ]);
    expect(incidents[0]?.remoteHost).toBe('gmail-smtp-in.l.google.com');
    expect(incidents[0]?.reply.enhanced).toBe('4.2.1');
  });
});

describe("Brevo's webhook times", () => {
  it('dates the event by `ts_epoch`, the only one of its times in UTC', async () => {
    const { incidents } = await extract(fixture('brevo-hard-bounce-ts-epoch.json'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2018-03-06T19:10:23+00:00');
    expect(incidents[0]?.sources.occurredAt?.text).toContain('ts_epoch');
  });
});

describe("ESP events: Mailgun's sending domain, SES's own failures", () => {
  it("takes Mailgun's `domain.name` for the sending domain when no sender address gives it", async () => {
    const { incidents } = await extract(fixture('mailgun-failed-domain-name-only.json'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingDomain).toBe('27pm.org');
    expect(incidents[0]?.reply.code).toBe(421);
  });

  it("says SES's delay for a connection that timed out is no server's refusal", async () => {
    const { incidents, warnings } = await extract(fixture('ses-delivery-delay-timed-out.json'));
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.text.en).join(' ')).toContain('(connection timed out)');
  });
});

describe('qmail log lines kept in comments', () => {
  it('reads `# 1054194596.057500 delivery 183: failure: ...` as the qmail record it is', async () => {
    const { incidents } = await extract(fixture('qmail-splogger-commented.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      occurredAt: '2003-05-29T07:49:56+00:00',
      remoteIp: '213.242.147.30',
      sendingDomain: 'bayour.com',
      recipientDomain: 'nocrew.org',
      reply: { code: 550, text: '550 Unknown local part fjkdasljf in <fjkdasljf@nocrew.org>' },
    });
  });
});

describe("a header's `From:` with a display name", () => {
  it('names the sender, never the recipient', async () => {
    // The header lines and the reply of a hitobito issue (GMX's refusal), without the backticks.
    expect(recipientIn('From: "Jugendarbeit" <info@db.cevi.ch>')).toBeNull();
    expect(recipientIn('From: Jugendarbeit Cevi <info@db.cevi.ch>')).toBeNull();
    const { incidents } = await extract(
      [
        'Date: Wed, 05 Jun 2024 21:01:33 +0200',
        'From: "Jugendarbeit" <info@db.cevi.ch>',
        '554-Transaction failed 554-Reject due to policy restrictions. 554 For explanation visit https://postmaster.gmx.net/de/case?c=r0735&i=ip&v=185.79.233.85',
      ].join('\n'),
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).not.toBe('db.cevi.ch');
    expect(incidents[0]?.sendingIps).toEqual(['185.79.233.85']);
  });
});

describe('Exim records run together on one line', () => {
  it('cuts them apart at each stamp and message id, so the failure has its date', async () => {
    const { incidents } = await extract(fixture('exim-grep-flattened-one-line.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      format: 'exim',
      occurredAt: '2014-10-15T12:42:12+00:00',
      remoteHost: 'mail.fictional.example',
      reply: { code: 554, text: '554 rejected due to spam content' },
    });
    expect(incidents[0]?.sources.reply?.line).toBe(1);
  });

  it("ends a reply where the log's next record starts", async () => {
    const { incidents } = await extract(fixture('exim-reply-then-next-record.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '450 4.7.1 Client host rejected: cannot find your hostname, [20.20.20.20]',
    );
  });
});

describe("Orange's SPF refusal without a token", () => {
  it('takes the address Orange names before `Emetteur invalide` for the client it checked', async () => {
    const text = fixture('orange-spf-refusal-no-token.txt').replace('192.0.2.1', '203.0.113.45');
    expect(findClientIps(text.replace(/\n/g, ' '))).toEqual(['203.0.113.45']);
    const { incidents } = await extract(text);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.45']);
    expect(incidents[0]?.reply.code).toBe(421);
    expect(incidents[0]?.isOrange).toBe(true);
  });
});

describe("Outlook's send error in Italian, its quotes made curly", () => {
  it('ends the reply at its closing quote and names the server', async () => {
    const { incidents } = await extract(fixture('outlook-it-error-curly-quotes.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '553 5.7.1 <casella@email.it>: Sender address rejected: not logged in',
    );
    expect(incidents[0]?.remoteHost).toBe('smtp.email.it');
  });

  it('reads its straight-quoted form by the Italian and Spanish labels', async () => {
    for (const [label, server] of [
      ['Risposta del server', 'Server'],
      ['Respuesta del servidor', 'Servidor'],
    ] as const) {
      const { incidents } = await extract(
        `${server}: 'smtp.example.it', Protocollo: SMTP, ${label}: '550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR006_102 [102]', Porta: 25`,
      );
      expect(incidents[0]?.reply.text).toBe(
        '550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR006_102 [102]',
      );
      expect(incidents[0]?.remoteHost).toBe('smtp.example.it');
    }
  });
});

describe("applications' errors quoting a refusal", () => {
  it("takes the address of SES's `identity/` resource for the sender, not the recipient", async () => {
    const { incidents } = await extract(fixture('ckan-smtplib-ses-identity-refused.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBeNull();
    expect(incidents[0]?.sendingDomain).toBe('gsa.gov');
    expect(incidents[0]?.reply.code).toBe(554);
  });

  it('gives the code an application names beside the enhanced-only reply (`StatusCode: 451`)', async () => {
    const { incidents } = await extract(fixture('mailkit-statuscode-beside-message.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(451);
    expect(incidents[0]?.reply.enhanced).toBe('4.7.500');
  });

  it(".NET's `Mailbox unavailable.` without a code is a refusal whose code is unknown", async () => {
    const { incidents } = await extract(fixture('dotnet-mailbox-unavailable-no-status.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: null,
      enhanced: null,
      text: 'If MAIL FROM is local then you must authenticate',
    });
  });

  it("reads gomail's `Mail: 501 ...`", async () => {
    const { incidents } = await extract(fixture('gomail-mail-command-501.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('501 Mail from address must be same as authorization user');
  });
});

describe("Orange's reply ends at its reason in brackets", () => {
  it('does not run on into the next line, another wording of the same reason', async () => {
    const { incidents } = await extract(fixture('orange-104-two-wordings-listed.md'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '421 mwinf5c27 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]',
    );
    expect(incidents[0]?.orange).toEqual({ token: 'OFR004_104', reason: 104, server: 'mwinf5c27' });
  });
});

describe('a log line among more words than the paste can count as a log', () => {
  it('is read as the log it is, with its date and host', async () => {
    const { incidents } = await extract(fixture('postfix-line-then-settings.txt'), {
      now: new Date('2026-12-02T00:00:00Z'),
    });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      format: 'postfix',
      occurredAt: '2026-09-10T15:53:16+00:00',
      sendingHosts: ['smtp1'],
      remoteHost: 'mx1.hotmail.com',
      reply: { code: 550, enhanced: '5.7.0' },
    });
  });

  it('gives only the log records: other lines holding a reply of their own are read apart by the caller', () => {
    // (log-with-replies.ts reads the rest of the paste, the records' lines left empty: extract-audit25-f2.test.ts.)
    expect(
      flattenedLog([
        'Sep 10 15:53:16 smtp1 postfix/smtp[8295]: 79EEF3472294: to=<a@hotmail.com>, relay=mx1.hotmail.com[65.55.37.120]:25, dsn=5.7.0, status=bounced (host mx1.hotmail.com[65.55.37.120] said: 550 5.7.0 Message could not be delivered. (in reply to end of DATA command))',
        'and the bounce says:',
        'Remote Server returned: 554 5.7.1 Service refuse',
      ])?.lineOf,
    ).toEqual([1]);
  });
});

describe("a ticket tool's links after the names they repeat", () => {
  it('reads `host name (http://name)[IP]` as `host name[IP]`', async () => {
    expect(
      withoutAutolinks('host mx.example.net (http://mx.example.net)[192.0.2.1], see (http://other.example)'),
    ).toBe('host mx.example.net[192.0.2.1], see (http://other.example)');
    const { incidents } = await extract(fixture('exim-hotmail-ticket-link-annotations.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteHost).toBe('hotmail-com.olc.protection.outlook.com');
    expect(incidents[0]?.remoteIp).toBe('52.101.68.13');
    expect(incidents[0]?.sendingIps).toEqual(['51.89.254.43']);
  });
});

describe('notices that no server was reached', () => {
  it.each([
    ['gmail-dns-error-domain-not-found.eml', 'DNS Error: Domain name not found'],
    ['zoho-delay-host-not-reachable.txt', 'Host not reachable.'],
  ])('%s says so and quotes no reply', async (name, words) => {
    const { incidents, warnings } = await extract(fixture(name));
    expect(incidents.every((i) => i.reply.text === '' && i.reply.code === null)).toBe(true);
    const note = warnings.find((w) => w.code === 'input.no-server-reply');
    expect(note?.text.en).toContain(words);
  });
});

describe("mailx's and Exim's verbose sessions (`SMTP<<`, `SMTP>>`)", () => {
  it('are read as a session: the 503s that follow a refusal are its consequences', async () => {
    const { incidents } = await extract(fixture('mailx-smtp-arrows-503-after-refusal.md'));
    expect(incidents.map((i) => i.reply.text)).toEqual(['550 5.7.1 Authentication Required']);
  });
});

describe("PHPMailer's echo of a refusal at the end of DATA", () => {
  it('is the same refusal as the session line before it: one incident, with the recipient the session names', async () => {
    const { incidents } = await extract(fixture('phpmailer-data-end-refusal-echoed.md'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      recipientDomain: 'outlook.com',
      sendingIps: ['190.161.45.138'],
      reply: { code: 554, enhanced: '5.7.9' },
    });
  });
});

describe("curl's verbose SMTP session (`> ` client, `< ` server)", () => {
  it('is read as a session, not as a mail quote: the envelope and the client name come from its commands', async () => {
    const { incidents } = await extract(fixture('curl-verbose-gmail-rcpt-refused.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      sendingDomain: 'example.fr',
      recipientDomain: 'gmail.com',
      sendingHosts: ['mail.example.fr'],
      sendingIps: ['203.0.113.9'],
      // curl's `* Connected to aspmx.l.google.com (142.250.27.26) port 25`.
      remoteHost: 'aspmx.l.google.com',
      remoteIp: '142.250.27.26',
      reply: { code: 550, enhanced: '5.1.1' },
    });
  });

  it('gives no incident for the answer to `VRFY`, which refuses no mail', async () => {
    const { incidents } = await extract(fixture('curl-verbose-vrfy-502.md'));
    expect(incidents).toEqual([]);
  });
});

describe('a 999 suspension linked to the earlier Orange error that names the sending IP', () => {
  it("takes that IP, with a note, when the log gives the suspension's none", async () => {
    const { incidents } = await extract(fixture('postfix-102-then-999-same-host.log'), {
      now: new Date('2026-12-02T00:00:00Z'),
    });
    const suspension = incidents.find((i) => i.orange?.reason === 999);
    expect(suspension?.trigger?.reason).toBe(102);
    expect(suspension?.sendingIps).toEqual(['193.200.42.126']);
    expect(suspension?.sources.sendingIps?.line).toBe(suspension?.trigger?.line);
    expect(suspension?.assumptions.map((a) => a.code)).toContain('sending-ip-from-trigger');
  });

  it('links nothing across two Postfix instances of one machine, which may send from two addresses', async () => {
    const { incidents } = await extract(fixture('postfix-instances-102-then-999.log'), {
      now: new Date('2026-12-02T00:00:00Z'),
    });
    const suspension = incidents.find((i) => i.orange?.reason === 999);
    expect(suspension?.trigger).toBeNull();
    expect(suspension?.sendingIps).toEqual([]);
  });
});

describe('French notices and documents, and what no server said', () => {
  it('reads `a retourné la valeur 550;5.7.711 ...`, its codes joined by a semicolon', async () => {
    const { incidents } = await extract(fixture('msdocs-fr-remote-server-returned-value.md'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 550,
      enhanced: '5.7.711',
      text: '550 5.7.711 Accès refusé, connecteur entrant incorrect. AS(2204).',
    });
  });

  it("says no server replied when Postfix's `lost connection with host[IP]` is wrapped before `while`", async () => {
    const { warnings } = await extract(fixture('roundcube-fr-postfix-lost-connection-wrapped.txt'));
    const note = warnings.find((w) => w.code === 'input.no-server-reply');
    expect(note?.text.en).toContain('lost connection with mail.ideagroup.it[82.193.33.205]');
  });

  it("takes Exchange's `(421 4.2.1 Unable to connect)` for its own words, not a remote's reply", async () => {
    const { incidents, warnings } = await extract(fixture('exchange-online-fr-4.4.317-own-words.txt'));
    expect(incidents.every((i) => i.reply.code === null && i.reply.text === '')).toBe(true);
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });
});

describe('a 999 suspension days after the last Orange error', () => {
  it('is linked to no trigger: Orange suspends right after what it blames', async () => {
    const log = readFileSync(
      fileURLToPath(new URL('../fixtures/logs/real-world/postfix-pasted-from-email.log', import.meta.url)),
      'utf8',
    );
    const { incidents } = await extract(log, { now: new Date('2026-12-02T00:00:00Z') });
    const suspension = incidents.find((i) => i.orange?.reason === 999);
    expect(suspension).toBeDefined();
    expect(suspension?.trigger).toBeNull();
    expect(suspension?.sendingIps).toEqual([]);
    // Within hours, the same lines link: only the gap changed.
    const sameDay = log.replace(/^May 10 08:00:01/m, 'May  7 11:00:01');
    const linked = (await extract(sameDay, { now: new Date('2026-12-02T00:00:00Z') })).incidents.find(
      (i) => i.orange?.reason === 999,
    );
    expect(linked?.trigger?.line).toBe(2);
  });
});

describe('a DSN whose recipient blocks lost the blank lines between them', () => {
  it('gives one incident per Final-Recipient, each with its own refusing address', async () => {
    const { incidents } = await extract(fixture('free-postfix-two-recipients-blank-lines-lost.txt'));
    expect(incidents.map((i) => i.remoteIp)).toEqual(['114.112.233.132', '121.12.130.37']);
    expect(incidents.every((i) => i.reply.code === 550 && i.reply.enhanced === '5.7.1')).toBe(true);
  });
});

describe("Outlook's French delay notice forwarded under its rule of underscores", () => {
  it("dates it by the forward's `Envoyé :` line and says no server replied (Exchange's own 441 4.4.1)", async () => {
    const { incidents, warnings } = await extract(fixture('outlook-fr-delay-forward-blank-lines-lost.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2018-06-26T18:12:00+00:00');
    expect(incidents[0]?.sources.occurredAt?.line).toBe(3);
    expect(incidents[0]?.reply.text).toBe('');
    expect(incidents[0]?.remoteIp).toBe('149.202.176.158');
    expect(warnings.map((w) => w.code)).toContain('input.no-server-reply');
  });
});

describe("Exchange 5.5's list of recipients (`x@y on <date>`)", () => {
  it("takes the listed address for the refused recipient, not the returned copy's To", async () => {
    const { incidents } = await extract(fixture('exchange55-ims-via-mailman.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('example.edu');
  });
});

describe("an application's exception written through syslog", () => {
  it('is dated by the syslog stamp of its line, year and zone assumed and said', async () => {
    const { incidents } = await extract(fixture('spring-javamail-through-journald.txt'), {
      now: new Date('2026-12-02T00:00:00Z'),
    });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2026-03-23T18:03:33+00:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('assumed-year-and-zone');
    expect(incidents[0]?.reply.code).toBe(504);
  });
});

describe("SparkPost's `Unconfigured Sending Domain <x>`", () => {
  it('names the sending domain', async () => {
    const { incidents } = await extract(fixture('ruby-sparkpost-unconfigured-sending-domain.txt'));
    expect(incidents[0]?.sendingDomain).toBe('mapzen.com');
    expect(incidents[0]?.reply.code).toBe(550);
  });
});

describe('a field left empty', () => {
  it('has no source line (the masked `To: xxxx.xxxx.net` is no sending domain)', async () => {
    const { incidents } = await extract(fixture('laposte-630-masked-addresses.eml'));
    expect(incidents.length).toBeGreaterThan(0);
    for (const incident of incidents) {
      expect(incident.sendingDomain).toBeNull();
      expect(incident.sources.sendingDomain).toBeUndefined();
    }
  });
});

describe("Exim's echo of the refused RCPT TO", () => {
  it('gives the recipient, the address the remote refused rather than the one Exim logs first', async () => {
    const { incidents } = await extract(fixture('exim-cpanel-guide-rcpt-to-echo.log'));
    expect(incidents.map((i) => i.recipientDomain)).toEqual(['bol.com', 'gylsystems.com', 'domain.com']);
  });
});

describe("Exchange's status around the remote's reply, quoted once per recipient", () => {
  it('is read the same way for every recipient: no second incident with its own code', async () => {
    const { incidents } = await extract(fixture('outlook-ndr-two-recipients-wrapped-5.7.133.txt'));
    expect(incidents.length).toBeGreaterThan(0);
    for (const incident of incidents) {
      expect(incident.reply.code).toBe(550);
      expect(incident.reply.enhanced).toBe('5.7.133');
    }
  });
});

describe('an Exim line in local time whose Microsoft reply names the same second in UTC', () => {
  it('takes the zone from the reply, and says so', async () => {
    const { incidents } = await extract(fixture('exim-local-time-microsoft-utc-stamp.txt'));
    const refusal = incidents.find((i) => i.reply.enhanced === '4.7.650');
    expect(refusal?.occurredAt).toBe('2026-05-14T17:49:33+02:00');
    expect(refusal?.assumptions.map((a) => a.code)).toContain('zone-from-reply');
  });
});

describe("Gmail's 4.7.28 naming the SPF domain over two lines of its reply", () => {
  it('gives that domain for the sending domain', async () => {
    const { incidents } = await extract(fixture('gmail-4.7.28-spf-domain-split-template.md'));
    expect(incidents[0]?.sendingDomain).toBe('11708864.brevosend.com');
    expect(incidents[0]?.reply.enhanced).toBe('4.7.28');
  });
});

describe("Gmail's web view of a notice, copied from its top", () => {
  it('is dated by the line under the sender, in the assumed zone, said', async () => {
    const { incidents } = await extract(fixture('gmail-web-view-notice-yahoo-5.7.9.md'), {
      assumeZone: 'Europe/Paris',
    });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2025-09-29T18:17:00+02:00');
    expect(incidents[0]?.sources.occurredAt?.text).toContain('Sep 29, 2025, 6:17 PM');
    expect(incidents[0]?.sendingIps).toEqual(['209.85.215.170']);
  });
});

describe('a Postfix line whose syslog stamp was cut but whose host stayed', () => {
  it('is read as the log, the host before the program being the sending host', async () => {
    const { incidents } = await extract(fixture('postfix-line-stamp-cut-host-kept.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.format).toBe('postfix');
    expect(incidents[0]?.sendingHosts).toEqual(['vps']);
    expect(incidents[0]?.occurredAt).toBeNull();
  });
});
