/**
 * Gateway and non-mainstream MTA notices (test/fixtures/extract/audit26/SOURCES-dsnvar.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { advise } from '../../core/orange/advice';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit26/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("Cisco IronPort's status around the remote's reply", () => {
  it('reads the reply of a DSN without the quotes and the count of attempts', async () => {
    const { incidents } = await extract(fixture('derived-ironport-dsn-qq-spf-sourceforge.eml'), options);
    expect(
      incidents.map((i) => [i.reply, i.remoteIp, i.sendingIps, i.recipientDomain, i.occurredAt]),
    ).toEqual([
      [
        {
          code: 550,
          enhanced: '5.0.0',
          text: '550 SPF check failed [MPf7Mks9mtErD1Fu/P4qoIVx2ocLGWC7Ehw6PkGYUi69ZE0ZXc9AyAjcW9i5tdnGKw== IP: 203.116.38.243]. http://service.mail.qq.com/cgi-bin/help?subtype=1&&no=1001445&&id=20022.',
        },
        '203.205.219.57',
        ['203.116.38.243'],
        'qq.com',
        '2020-11-15T22:12:54+08:00',
      ],
    ]);
  });

  it('reads the reply of a notice pasted from a mail client', async () => {
    const { incidents } = await extract(fixture('ironport-undeliverable-forum-evolution.txt'), options);
    expect(incidents.map((i) => [i.reply, i.recipientDomain, i.sources.reply?.line])).toEqual([
      [{ code: 554, enhanced: '5.4.0', text: '554 5.4.0 Error: too many hops' }, 'smouselinux.com', 9],
    ]);
  });

  it.each([
    [
      "5.1.0 - Unknown address error 550-'5.2.2 <kijitora@example.jp>... Mailbox Full' (delivery attempts: 0)",
      '550 5.2.2 <kijitora@example.jp>... Mailbox Full',
    ],
    // IronPort writes a reply holding an apostrophe in double quotes (as Python's repr does): it stays.
    [
      '5.1.0 - Unknown address error 550-"5.1.1 <a@example.jp>: recipient\'s mailbox unknown" (delivery attempts: 3)',
      "550 5.1.1 <a@example.jp>: recipient's mailbox unknown",
    ],
  ])('reads %s', async (text, reply) => {
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.reply.text)).toEqual([reply]);
  });

  it("leaves a reply that opens with a quote of the remote's own as it is", async () => {
    const { incidents } = await extract("550-'abc' is not a valid mailbox\n550 see the list", options);
    expect(incidents.map((i) => i.reply.text)).toEqual(["550 'abc' is not a valid mailbox see the list"]);
  });
});

describe("CommuniGate Pro's (AppRiver's) `message text rejected by HOST:`", () => {
  it.each([
    ['smartermail-appriver-aol-preview.txt', 1],
    ['derived-communigate-appriver-aol-line-broken.txt', 4],
  ])('reads the reply, the remote and the recipient of %s', async (name, line) => {
    const { incidents } = await extract(fixture(name), options);
    expect(
      incidents.map((i) => [i.reply, i.remoteHost, i.remoteIp, i.recipientDomain, i.sources.reply?.line]),
    ).toEqual([
      [
        { code: 552, enhanced: null, text: '552 1 Requested mail action aborted, mailbox not found' },
        'mx-aol.mail.gm0.yahoodns.net',
        null,
        'aol.com',
        line,
      ],
    ]);
  });

  it('takes an address written in place of the name as the remote address', async () => {
    const text =
      "Failed to deliver to 'a@example.lv'\nSMTP module(domain [203.0.113.9]) reports:\n message text rejected by 203.0.113.9:\n 554 5.7.1 Message rejected as spam\n";
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.reply.text, i.remoteHost, i.remoteIp])).toEqual([
      ['554 5.7.1 Message rejected as spam', null, '203.0.113.9'],
    ]);
  });
});

describe('a scissors line closing a pasted notice', () => {
  it('ends the reply of an IronPort notice quoted between scissors lines', async () => {
    const { incidents } = await extract(fixture('derived-ironport-quoted-in-kernel-patch.txt'), options);
    expect(incidents.map((i) => [i.reply, i.recipientDomain, i.sources.reply?.line])).toEqual([
      [
        {
          code: 550,
          enhanced: '5.1.1',
          text: "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. For more information, go to https://support.google.com/mail/?p=NoSuchUser d75a77b69052e-4b07f8ba752si46048731cf.823 - gsmtp",
        },
        'cogentembedded.com',
        12,
      ],
    ]);
  });

  it.each([
    '------8<------',
    '-- >8 --',
    '===========8<-----------',
    '--8<---------------cut here---------------end--------------->8---',
  ])('ends an Exim reply at %s', async (scissors) => {
    const text = `Mail delivery failed:\n${scissors}\nSMTP error from remote mail server after RCPT TO:<a@example.net>:\n550 5.1.1 <a@example.net>: Recipient address rejected: User unknown\n${scissors}\nAny idea?\n`;
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '550 5.1.1 <a@example.net>: Recipient address rejected: User unknown',
    ]);
  });

  it('keeps a line of dashes before a number in the reply', async () => {
    const text =
      'SMTP error from remote mail server after RCPT TO:<a@example.net>:\n550-5.7.1 Too many connections\n-->80 per hour\n';
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.reply.text)).toEqual(['550 5.7.1 Too many connections -->80 per hour']);
  });
});

describe("Microsoft 365's block of the sending account in French words", () => {
  it("says the French NDR's refusal is no case for Orange's abuse desk", async () => {
    const { incidents } = await extract(fixture('ms-docs-fr-ndr-bad-outbound-sender.txt'), options);
    expect(
      incidents.map((i) => [
        i.reply.text,
        advise(i, { incidents }).nextStep,
        advise(i, { incidents }).contactAbuseDesk,
      ]),
    ).toEqual([['550 5.1.8 accès refusé, expéditeur sortant incorrect', 'not-an-abuse-desk-case', false]]);
  });

  it.each([
    "Le serveur distant a renvoyé '550 5.1.8 Accès refusé, expéditeur sortant incorrect'",
    "Le serveur distant a renvoye '550 5.1.8 acces refuse, expediteur sortant incorrect'",
  ])('reads it capitalised or without accents: %s', async (text) => {
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => advise(i, { incidents }).nextStep)).toEqual(['not-an-abuse-desk-case']);
  });
});
