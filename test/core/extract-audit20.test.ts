/**
 * Twentieth round of real input (test/fixtures/extract/audit20/SOURCES.md): MTA logs of large senders.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { googleGroupsRefusal } from '../../core/extract/google-groups';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit20/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('PowerMTA accounting files', () => {
  it("does not quote PowerMTA's own dsnStatus summary as the remote's reply when there is no dsnDiag", async () => {
    const { incidents } = await extract(fixture('powermta-accounting-no-dsndiag.csv'), options);
    expect(incidents).toHaveLength(1);
    const [bounce] = incidents;
    expect(bounce?.reply).toEqual({ code: null, enhanced: '5.1.1', text: '' });
    expect(bounce?.assumptions.map((n) => n.code)).toContain('powermta-no-reply');
    expect(bounce?.remoteHost).toBe('mx1.destindomain.com');
    expect(bounce?.remoteIp).toBe('2.2.2.2');
    expect(bounce?.sendingIps).toEqual(['1.1.1.1']);
  });

  it('reads a dsnMta that names the host without its address', async () => {
    const { incidents } = await extract(fixture('powermta-dsnmta-name-only.csv'), options);
    expect(incidents.map((i) => i.remoteHost)).toEqual([
      'mail.bounce.test',
      'mail.test.com',
      'mta5.am0.yahoodns.net',
      'mx.google.com',
      'mailin-01.mx.aol.com',
    ]);
    expect(incidents.map((i) => i.remoteIp)).toEqual([null, null, null, null, null]);
    expect(incidents[3]?.reply.text).toBe(
      '550 5.7.1 Our system has detected an unusual rate of unsolicited mail',
    );
    expect(incidents[3]?.sources.remoteHost?.line).toBe(5);
  });
});

describe('a log line without its date', () => {
  it('says the date is missing and asks for it, as it does for a missing sending IP', async () => {
    const { incidents, warnings } = await extract(fixture('postfix-line-without-date-ipv6.log'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBeNull();
    expect(incidents[0]?.sendingIps).toEqual(['2604:180:1::2609:edb3']);
    const note = warnings.find((w) => w.code === 'log-no-date');
    expect(note?.text.en).toBe('1 rejection without a date: its log line carries none. Please fill it in.');
    expect(note?.text.fr).toContain('1 refus sans date');
  });
});

describe("Exchange's last retry written day/month or month/day", () => {
  it('leaves the date empty and says why, quoting the date as written', async () => {
    const { incidents } = await extract(fixture('exchange-tracking-lrt-day-or-month.txt'), options);
    expect(incidents).toHaveLength(1);
    const [refusal] = incidents;
    expect(refusal?.occurredAt).toBeNull();
    expect(refusal?.remoteHost).toBe('gmail-smtp-in.l.google.com');
    const note = refusal?.assumptions.find((n) => n.code === 'date.ambiguous');
    expect(note?.text.en).toBe(
      'The last attempt\'s date Exchange\'s queue shows, "12/03/2025 19:50:43", reads day/month as well as month/day: it was not used. Please fill in the date.',
    );
    expect(note?.text.fr).toContain('«\u00a012/03/2025 19:50:43\u00a0»');
  });
});

describe('an mbox that did not escape From in bodies', () => {
  it('splits only at From_ lines that carry their time, not at a body line starting with From', async () => {
    const { incidents } = await extract(fixture('mboxo-body-line-from-unescaped.mbox'), options);
    expect(incidents.map((i) => [i.reply.code, i.sources.reply?.line])).toEqual([
      [554, 39],
      [554, 126],
      [550, 194],
      [550, 272],
    ]);
    expect(incidents[0]?.reply.text).toMatch(
      /^554 5\.7\.1 <xxxx\.xxxx\.net>: Client host rejected: #216 lpn LP/,
    );
  });
});

describe("Mimecast's refusals naming the sender", () => {
  it('takes the address after `Blocked Senders:` or `Anti-Spoofing policy:` as the sender, not the recipient', async () => {
    for (const [name, domain] of [
      ['mimecast-blocked-senders.txt', 'expat-immo.com'],
      ['mimecast-anti-spoofing-sender.txt', 'ellisontechnologies.com'],
    ] as const) {
      const { incidents } = await extract(fixture(name), options);
      expect(incidents, name).toHaveLength(1);
      expect(incidents[0]?.recipientDomain, name).toBeNull();
      expect(incidents[0]?.sendingDomain, name).toBe(domain);
      expect(incidents[0]?.reply.code).toBe(550);
    }
  });
});

describe("an Office 365 report written by the recipient's tenant", () => {
  it("takes the hop into the recipient's filter, not Microsoft's own hosts, as the sender's", async () => {
    const { incidents } = await extract(fixture('office365-ndr-inbound-through-barracuda.eml'), options);
    expect(incidents).toHaveLength(1);
    const [ndr] = incidents;
    expect(ndr?.reply.text).toBe(
      '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient info@morgansolicitors.com not found by SMTP address lookup',
    );
    expect(ndr?.recipientDomain).toBe('morgansolicitors.com');
    // `Received: from lists.linux.dev (unknown [115.209.79.125]) by mx-inbound22-1...ess.aws.cudaops.com`
    expect(ndr?.sendingIps).toEqual(['115.209.79.125']);
    expect(ndr?.sendingHosts).toEqual(['lists.linux.dev']);
    expect(ndr?.sources.sendingIps?.text).toContain('from lists.linux.dev (unknown [115.209.79.125])');
    for (const host of ndr?.sendingHosts ?? []) expect(host).not.toMatch(/outlook\.com$|barracuda\.com$/);
  });
});

describe("an Office 365 notice dated only by its returned message's Created Date", () => {
  // (The Created Date is UTC, as Exchange Online writes it: no assumed zone, test/core/extract-hunt43-microsoft.test.ts.)
  it('says the date is when the message was written, not when it was refused', async () => {
    for (const name of ['../office365-ndr-pasted-en.txt', '../office365-ndr-pasted-fr.txt']) {
      const { incidents } = await extract(fixture(name), options);
      expect(incidents[0]?.sources.occurredAt?.text, name).toMatch(/Created Date|Date de création/);
      expect(
        incidents[0]?.assumptions.map((n) => n.code),
        name,
      ).toEqual(['date.returned-message']);
    }
  });
});

describe("a two-line reply folded in a DSN's Diagnostic-Code", () => {
  it("drops the last line's prefix when the first line announced more (`554-5.7.0 ...` / `554 5.7.0 ...`)", async () => {
    const { incidents } = await extract(fixture('amavisd-banned-two-line-reply.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 554,
      enhanced: '5.7.0',
      text: '554 5.7.0 Bounce, id=31536-15 - BANNED: .exe,.exe-ms,pmlyg.bat',
    });
    expect(incidents[0]?.sendingIps).toEqual(['121.34.33.227']);
  });
});

describe("an Office 365 report's own time in its error line", () => {
  it('dates the refusal by the stamp Microsoft wrote in the error, not by the Created Date', async () => {
    for (const assumeZone of [undefined, 'Europe/Paris']) {
      const { incidents } = await extract(fixture('office365-ndr-printed-error-stamp.txt'), {
        ...options,
        ...(assumeZone ? { assumeZone } : {}),
      });
      expect(incidents).toHaveLength(1);
      expect(incidents[0]?.occurredAt).toBe('2024-04-21T13:47:53+00:00');
      expect(incidents[0]?.sources.occurredAt?.text).toContain('2024-04-21T13:47:53.142Z');
      expect(incidents[0]?.assumptions.map((n) => n.code)).not.toContain('date.no-zone');
    }
  });
});

describe("Microsoft's stamp with a space before its T", () => {
  it('still dates the refusal by it', async () => {
    const { incidents } = await extract(fixture('outlook-541-stamp-space-before-t.txt'), options);
    expect(incidents[0]?.occurredAt).toBe('2024-08-06T19:13:55+00:00');
    expect(incidents[0]?.remoteHost).toBe('ty1pepf0000bad7.jpnp286.prod.outlook.com');
  });
});

describe("ZMailer's transcript lines", () => {
  it("reads the server's reply after `->>` (ZMailer writes `<<-` for its own commands)", async () => {
    const { incidents } = await extract(fixture('zmailer-transcript-quoted-on-lkml.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 Open relay - see http://www.orbs.org/verify.php3?address=212.153.111.69 mail from 212.153.111.69 rejected: administrative prohibition (host is blacklisted)',
    );
    expect(incidents[0]?.sendingIps).toEqual(['212.153.111.69']);
  });
});

describe("a relay's own 'Host ... not found'", () => {
  it('says no server replied instead of asking for the SMTP reply', async () => {
    const { incidents, warnings } = await extract(fixture('verizon-host-not-found-forwarded.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('');
    const codes = warnings.map((w) => w.code);
    expect(codes).toContain('input.no-server-reply');
    expect(codes).not.toContain('missing.reply');
    expect(warnings.find((w) => w.code === 'input.no-server-reply')?.text.en).toContain(
      '"Host vger.kernel.org not found"',
    );
  });
});

describe('a bounce written by the host the copy went into', () => {
  it("names that host (its Reporting-MTA) as the rejecting one when the copy's hop out of the sender leads to it", async () => {
    const apple = (await extract(fixture('mboxo-body-line-from-unescaped.mbox'), options)).incidents[2];
    expect(apple?.reply.text).toBe('550 5.1.6 recipient no longer on server: kijitora@example.jp');
    expect(apple?.remoteHost).toBe('mail-in2.apple.com');
    expect(apple?.sources.remoteHost?.text).toBe('Reporting-MTA: dns; mail-in2.apple.com');
    expect(apple?.sendingHosts).not.toContain('mail-in2.apple.com');
    const amavisd = (await extract(fixture('amavisd-banned-two-line-reply.eml'), options)).incidents[0];
    expect(amavisd?.remoteHost).toBe('server.jpvtrading.co.uk');
  });
});

describe('a delivery-status written twice', () => {
  it('gives one incident when the same recipient block is copied in the report text and its delivery-status part', async () => {
    const { incidents } = await extract(fixture('zmailer-report-as-text-part-on-lkml.eml'), options);
    expect(incidents).toHaveLength(1);
    const [refusal] = incidents;
    expect(refusal?.recipientDomain).toBe('idcomm.com');
    expect(refusal?.reply.code).toBe(550);
    expect(refusal?.reply.enhanced).toBe('5.7.1');
    expect(refusal?.remoteIp).toBe('207.40.196.12');
    expect(refusal?.sendingIps).toEqual(['199.183.24.194']);
  });

  it('still gives one incident per recipient when several recipients share a reply', async () => {
    const block = (rcpt: string) =>
      `Final-Recipient: rfc822; ${rcpt}\nAction: failed\nStatus: 5.7.1\nRemote-MTA: dns; smtp-in.orange.fr\n` +
      'Diagnostic-Code: smtp; 550 5.7.1 Service refuse. OFR004_104 [104]\n';
    const dsn = [
      'From: MAILER-DAEMON@mail.example.com',
      'Subject: Undelivered Mail Returned to Sender',
      'Date: Sat, 28 Nov 2026 10:00:00 +0100',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mail.example.com',
      '',
      block('jean@orange.fr'),
      block('marie@orange.fr'),
      '--b--',
      '',
    ].join('\n');
    const { incidents } = await extract(dsn, options);
    expect(incidents).toHaveLength(2);
  });
});

describe("Postfix's own reason in its notice, without a Diagnostic-Code", () => {
  it('gives no incident and says the sending server refused, when the delivery-status part was cut', async () => {
    const { incidents, warnings } = await extract(
      fixture('postfix-own-filter-six-recipients-cut.txt'),
      options,
    );
    expect(incidents).toHaveLength(0);
    const note = warnings.find((w) => w.code === 'input.sender-own-diagnostic');
    expect(note?.text.en).toContain('"Spam message rejected", a reason Postfix gives without a reply code');
    expect(warnings.map((w) => w.code)).not.toContain('missing.reply');
  });

  it('says the same for the notice text alone', async () => {
    const { incidents, warnings } = await extract(
      fixture('postfix-own-filter-notice-text-only.txt'),
      options,
    );
    expect(incidents).toHaveLength(0);
    expect(warnings.map((w) => w.code)).toEqual(['input.sender-own-diagnostic']);
    expect(warnings[0]?.text.fr).toContain('«\u00a0Spam message rejected\u00a0»');
  });

  it("still reads a remote's reply listed in the same notice", async () => {
    const notice = [
      'This is the mail system at host mail.example.fr.',
      '',
      '<jean@orange.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550 5.7.1',
      '    Service refuse. OFR004_104 [104] (in reply to RCPT TO command)',
      '',
      '<marie@example.org>: Spam message rejected',
      '',
    ].join('\n');
    const { incidents } = await extract(notice, options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.orange?.token).toBe('OFR004_104');
  });
});

describe("Postfix's copy for the postmaster", () => {
  it('is not counted again when its notice (the same queue id) is in the same mbox', async () => {
    const { incidents, warnings } = await extract(
      fixture('postfix-bounce-and-postmaster-copy-cr.mbox'),
      options,
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('cox.net');
    expect(incidents[0]?.reply.enhanced).toBe('5.1.0');
    expect(warnings.map((w) => w.code)).toContain('input.postmaster-copy');
  });

  it('is read when it is alone', async () => {
    const mbox = fixture('postfix-bounce-and-postmaster-copy-cr.mbox');
    const copy = mbox.slice(mbox.indexOf('From double-bounce@'));
    const { incidents, warnings } = await extract(copy, options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('cox.net');
    expect(warnings.map((w) => w.code)).not.toContain('input.postmaster-copy');
  });
});

describe('a notice quoted or forwarded by a person', () => {
  it("is dated by Thunderbird's attribution line (day first, 24-hour clock), in the zone of the reply", async () => {
    const { incidents } = await extract(
      fixture('thunderbird-reply-quoting-google-groups-refusal.eml'),
      options,
    );
    expect(incidents).toHaveLength(1);
    // The person answered at 22:41:52; the notice came at 22:30.
    expect(incidents[0]?.occurredAt).toBe('2017-11-23T22:30:00+01:00');
    expect(incidents[0]?.sources.occurredAt?.text).toBe(
      'On 23/11/2017 22:30, Mail Delivery Subsystem wrote:',
    );
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.quoted-notice');
  });

  it('is dated by the Date under a forward separator when its From is a mail system', async () => {
    const { incidents } = await extract(fixture('gmail-forward-of-postfix-notice-qp-crlf.eml'), options);
    expect(incidents).toHaveLength(1);
    // Not the forward's 15:07:31, nor the returned message's 14:41:57.
    expect(incidents[0]?.occurredAt).toBe('2021-10-15T14:42:00+02:00');
    expect(incidents[0]?.sources.occurredAt?.text).toBe('Date: Fri, Oct 15, 2021 at 2:42 PM');
    expect(incidents[0]?.orange?.token).toBe('OFR006_102');
  });

  it('pasted without headers, is dated by its French attribution line, saying the zone was assumed', async () => {
    const { incidents, warnings } = await extract(fixture('thunderbird-fr-quote-of-postfix-notice.txt'), {
      ...options,
      assumeZone: 'Europe/Paris',
    });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2021-10-15T14:42:00+02:00');
    expect(incidents[0]?.sources.occurredAt?.line).toBe(1);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toEqual(
      expect.arrayContaining(['date.quoted-notice', 'date.no-zone']),
    );
    expect(warnings.map((w) => w.code)).not.toContain('missing.occurredAt');
  });

  it('is left undated when the attribution line could be read either day or month first', async () => {
    const paste = fixture('thunderbird-fr-quote-of-postfix-notice.txt').replace(
      'Le 15/10/2021 à 14:42, Mail Delivery System a écrit :',
      'On 05/10/2021 14:42, Mail Delivery System wrote:',
    );
    const { incidents, warnings } = await extract(paste, options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBeNull();
    expect(warnings.map((w) => w.code)).toContain('missing.occurredAt');
  });
});

describe("Google Groups' refusal of a post", () => {
  it('says in a note what the group wrote, and asks for no SMTP reply', async () => {
    const { incidents, warnings } = await extract(fixture('google-groups-refusal-fr.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('googlegroups.com');
    expect(incidents[0]?.isOrange).toBe(false);
    const codes = warnings.map((w) => w.code);
    expect(codes).toContain('input.group-refusal');
    expect(codes).not.toContain('missing.reply');
    const note = warnings.find((w) => w.code === 'input.group-refusal');
    expect(note?.text.fr).toContain(
      "«\u00a0Il se peut que le groupe que vous avez essayé de contacter (libsisimai) n'existe pas",
    );
  });

  it('is recognised quoted in a reply too', async () => {
    const { warnings } = await extract(
      fixture('thunderbird-reply-quoting-google-groups-refusal.eml'),
      options,
    );
    const note = warnings.find((w) => w.code === 'input.group-refusal');
    expect(note?.text.en).toContain(
      "We're writing to let you know that the group you tried to contact (git-for-windows) may not exist",
    );
    expect(warnings.map((w) => w.code)).not.toContain('missing.reply');
  });

  it("takes the group's words in corner brackets (Chinese), never a date's zone in parentheses", () => {
    const lines = [
      '我們謹此通知，您試圖聯絡的「libsisimai」群組可能不存在，或者您沒有在此群組張貼留言的權限。',
      '如果您對這則通知或其他 Google 群組有任何問題，請造訪「說明中心」，網址是：https://groups.google.com/support/。',
      '        Thu, 29 Apr 2019 23:34:45 -0800 (PST)',
    ];
    expect(googleGroupsRefusal(lines)).toMatch(/^我們謹此通知/);
    expect(googleGroupsRefusal(lines.slice(1))).not.toContain('(PST)');
  });

  it('is not claimed for a notice that only links to Google Groups', async () => {
    const notice = [
      'From: Mail Delivery System <MAILER-DAEMON@mail.example.fr>',
      'Subject: Undelivered Mail Returned to Sender',
      '',
      '<jean@orange.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550 5.7.1',
      '    Service refuse. OFR004_104 [104] (in reply to RCPT TO command)',
      '',
      'See our list (archives) at https://groups.google.com/support/ for help.',
    ].join('\n');
    const { incidents, warnings } = await extract(notice, options);
    expect(incidents[0]?.orange?.token).toBe('OFR004_104');
    expect(warnings.map((w) => w.code)).not.toContain('input.group-refusal');
  });
});
