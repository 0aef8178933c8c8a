/**
 * Twenty-first round of real input (test/fixtures/extract/audit21/SOURCES.md): replies inside
 * applications' error output, and notices in languages the readers have no wording for.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { fileText } from '../../core/extract/decode-bytes';
import { advise } from '../../core/orange/advice';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit21/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("a library's 'Server responded with' error", () => {
  it('gives the reply without the escaped line end, the closing quote or the brace of the object', async () => {
    const { incidents } = await extract(
      fixture('node-mailer-server-responded-with-escaped-crlf.txt'),
      options,
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({ code: 550, enhanced: null, text: '550 esmtp: protocol deviation' });
  });

  it('keeps brackets the reply itself opened', async () => {
    const { incidents } = await extract(
      "message: 'Server responded with 550 5.7.1 Message refused (see https://example.net/why)' }",
      options,
    );
    expect(incidents[0]?.reply.text).toBe('550 5.7.1 Message refused (see https://example.net/why)');
  });

  it('is not read in words that only say a server responded with an error', async () => {
    const { incidents } = await extract(
      'The server responded with an error, try again in 550 seconds.',
      options,
    );
    expect(incidents).toHaveLength(0);
  });
});

describe("the user's own relay refusing to relay to Orange", () => {
  it('is no case for the abuse desk', async () => {
    const { incidents } = await extract(
      [
        '{',
        " [Error: Can't send mail - all recipients were rejected]",
        "  code: 'EENVELOPE',",
        "  response: '550 5.7.1 Unable to relay for jean.dupont@orange.fr',",
        '  responseCode: 550',
        ' }',
      ].join('\n'),
      options,
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
    const advice = advise(incidents[0] as (typeof incidents)[number]);
    expect(advice.nextStep).toBe('not-an-abuse-desk-case');
    expect(advice.contactAbuseDesk).toBe(false);
  });
});

describe('a notice in a language the readers have no wording for', () => {
  it("still gives Orange's reply, found by its token", async () => {
    const { incidents, warnings } = await extract(fixture('korean-notice-euc-kr-qp-orange-104.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 5.7.1 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_104 [104]',
    );
    expect(incidents[0]?.orange?.token).toBe('OFR004_104');
    expect(incidents[0]?.recipientDomain).toBe('wanadoo.fr');
    expect(warnings.map((w) => w.code)).not.toContain('missing.reply');
    // The note on where the reply came from names the field as the subject of its sentence.
    const decoded = warnings.find((w) => w.code === 'source.decoded.reply');
    expect(decoded?.text.fr).toMatch(/^La réponse SMTP provient d’une partie encodée/);
    expect(decoded?.text.en).toMatch(/^The SMTP reply comes from an encoded part/);
  });
});

describe("Go programs' output", () => {
  it("reads logrus's line: its time, and Gmail's reply with its escaped line breaks joined", async () => {
    const { incidents } = await extract(fixture('gophish-logrus-gmail-550-escaped-lines.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2021-09-24T17:27:57+00:00');
    expect(incidents[0]?.reply.text).toBe(
      "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser 17si5697335qks.415 - gsmtp",
    );
  });

  it("ends gomail's reply before Go's panic line that repeats it", async () => {
    const { incidents } = await extract(fixture('gomail-503-then-panic.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({
      code: 503,
      enhanced: '5.5.2',
      text: '503 5.5.2 Need rcpt command',
    });
  });
});

describe('an unencoded part in its own character set', () => {
  const bytesOf = (name: string) =>
    readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit21/${name}`, import.meta.url)));

  it('is read in ISO-8859-2 as it declares, not as Windows-1252 like the rest of a file that is no UTF-8', async () => {
    const { incidents } = await extract(fileText(bytesOf('polish-dsn-iso-8859-2-8bit.eml')), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('550 5.7.1 Nadawca odrzucony: zbyt wiele błędów / Sender rejected');
  });

  it('is read in ISO-2022-JP, its escape sequences decoded', async () => {
    const { incidents } = await extract(fileText(bytesOf('japanese-notice-iso-2022-jp-7bit.eml')), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 5.1.1 <hanako@example.ne.jp>: 宛先のメールボックスは存在しません',
    );
  });

  it('is left as it is when pasted as Unicode text, whatever it declares', async () => {
    // As a mail client shows it: already decoded, `ł` being no Windows-1252 character.
    const pasted = new TextDecoder('iso-8859-2').decode(bytesOf('polish-dsn-iso-8859-2-8bit.eml'));
    const { incidents } = await extract(pasted, options);
    expect(incidents[0]?.reply.text).toBe('550 5.7.1 Nadawca odrzucony: zbyt wiele błędów / Sender rejected');
  });
});

describe("a client's debug log that writes its line ends out", () => {
  it('gives the reply without the <CRLF> mark', async () => {
    const { incidents } = await extract(fixture('async-smtp-debug-outlook-spamhaus-crlf-marks.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 5.7.1 Service unavailable, Client host [18.202.176.17] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/18.202.176.17 (AS3130). [VE1EUR02FT053.eop-EUR02.prod.protection.outlook.com]',
    );
    expect(incidents[0]?.sendingIps).toEqual(['18.202.176.17']);
    expect(incidents[0]?.occurredAt).toBe('2021-03-22T18:44:29+00:00');
  });
});

describe('an error quoted in the middle of a post', () => {
  it("ends the reply at the quote that closes it, not at the writer's next sentence", async () => {
    const { incidents } = await extract(fixture('nodemailer-error-quoted-in-a-sentence.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 Requested action not taken: mailbox unavailable Failure sending mail. Try again later.',
    );
  });

  it('keeps a reply that quotes words of its own', async () => {
    const { incidents } = await extract(
      'Error: 550 5.7.1 Message rejected: "Spam detected." See https://example.net/why',
      options,
    );
    expect(incidents[0]?.reply.text).toBe(
      '550 5.7.1 Message rejected: "Spam detected." See https://example.net/why',
    );
  });
});

describe('a link pasted under a one-line error', () => {
  it("is no part of the reply when the reply's words do not lead to it", async () => {
    const { incidents } = await extract(fixture('ruby-smtp-unknown-error-then-tracker-link.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('550 5.7.0 Requested action not taken: too many emails');
  });

  it('is part of it when they do (a reply wrapped before its link)', async () => {
    const { incidents } = await extract(
      'Error: 550 5.7.1 Your message was blocked, please visit\nhttps://example.net/unblock\n',
      options,
    );
    expect(incidents[0]?.reply.text).toBe(
      '550 5.7.1 Your message was blocked, please visit https://example.net/unblock',
    );
  });
});

describe("Orange's reply beside another provider's or under another of Orange's", () => {
  it("keeps Orange's 999 after La Poste's refusal read first", async () => {
    const { incidents } = await extract(fixture('bounce-map-laposte-then-orange-999.txt'), options);
    expect(incidents.map((i) => i.orange?.token ?? i.reply.text.slice(-10))).toEqual([
      'LPN007_510',
      'OFR_999',
    ]);
  });

  it('adds no second incident for another wording of the same reason under the first (OFR102_104 under OFR004_104)', async () => {
    const { incidents } = await extract(fixture('orange-codes-listed-in-an-issue.txt'), options);
    const reasons = incidents.map((i) => i.orange?.reason);
    expect(reasons.filter((r) => r === 104)).toHaveLength(1);
    expect(reasons).toEqual(expect.arrayContaining([415, 416, 417, 506, 513, 514]));
  });
});

describe("Orange's reply in a bounce beside a reply read by its wording", () => {
  it('is read by its token', async () => {
    const bounce = [
      'From: Mail Delivery System <MAILER-DAEMON@mail.example.kr>',
      'To: <news@example.kr>',
      'Subject: Undelivered Mail Returned to Sender',
      'Date: Thu, 26 Nov 2026 21:10:45 +0900',
      '',
      '<kim@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 User unknown (in',
      '    reply to RCPT TO command)',
      '',
      '받는 사람 : sophie.petit@wanadoo.fr',
      '서버 응답 : 550 5.7.1 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_104 [104]',
      '',
    ].join('\n');
    const { incidents } = await extract(bounce, options);
    expect(incidents.map((i) => i.reply.code)).toEqual([550, 550]);
    expect(incidents[1]?.orange?.token).toBe('OFR004_104');
  });
});

describe('a reply in a Markdown table', () => {
  it('ends at its cell, not at the end of the next rows', async () => {
    const { incidents } = await extract(fixture('orange-codes-markdown-table.md'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe("550 5.7.0 Code d'authentification invalide OFR 305");
  });

  it('keeps a reply that writes one bar of its own', async () => {
    const { incidents } = await extract('Error: 550 5.7.1 Rejected | see https://example.net/why', options);
    expect(incidents[0]?.reply.text).toBe('550 5.7.1 Rejected | see https://example.net/why');
  });
});

describe('a Postfix line whose relay name starts with a redaction', () => {
  it('gives the relay address, and no redacted name', async () => {
    const { incidents } = await extract(fixture('postfix-redacted-relay-name-outlook.md'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteIp).toBe('207.46.163.74');
    expect(incidents[0]?.remoteHost ?? '').not.toContain('redacted');
    expect(incidents[0]?.reply.code).toBe(550);
  });
});
