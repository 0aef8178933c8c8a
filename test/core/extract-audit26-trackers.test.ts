/**
 * Errors and transcripts pasted in the issue trackers of helpdesks, trackers and app frameworks (audit
 * `trackers`; test/fixtures/extract/audit26/SOURCES-trackers.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { parseReply } from '../../core/extract/reply';
import { advise } from '../../core/orange/advice';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit26/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe("smtplib's SMTPSenderRefused naming its sender with a display name", () => {
  it.each([
    ['erpnext-python-smtpsenderrefused-551.txt', "u'Administrator <admin@example.com>')"],
    ['derived-erpnext-py3-smtpsenderrefused-551.txt', ", 'Administrator <admin@example.com>')"],
  ])('reads the address of %s as the sending domain, not the recipient', async (name, cited) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply).toEqual({
      code: 551,
      enhanced: null,
      text: '551 Sender address is not valid for your login. Check your email program settings.',
    });
    expect(incident?.sendingDomain).toBe('example.com');
    expect(incident?.sources.sendingDomain?.line).toBe(7);
    expect(incident?.sources.sendingDomain?.text).toContain(cited);
    expect(incident?.recipientDomain).toBeNull();
    expect(incident?.sources.recipientDomain).toBeUndefined();
    // The login's own submission server refused the sender: nothing for Orange's abuse desk.
    const advice = incident && advise(incident);
    expect(advice?.nextStep).toBe('not-an-abuse-desk-case');
    expect(advice?.contactAbuseDesk).toBe(false);
  });

  it("keeps SMTPRecipientsRefused's addresses as recipients (Python 2's unicode keys too)", async () => {
    const text =
      "SMTPRecipientsRefused: {u'jean@orange.fr': (550, '5.7.1 Service refuse. OFR_506 [506]'), u'marie@wanadoo.fr': (550, '5.1.1 Adresse inconnue OFR_416 [416]')}";
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.reply.code, i.recipientDomain, i.sendingDomain])).toEqual([
      [550, 'orange.fr', null],
      [550, 'wanadoo.fr', null],
    ]);
  });
});

describe("PHP's smtp class transcript (`S ` and `C ` lines) under its summary", () => {
  it('gives one incident, with the remote the class connected to', async () => {
    const { incidents } = await extract(fixture('hesk-smtp-transcript-relay-denied.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply).toEqual({
      code: 554,
      enhanced: '5.7.1',
      text: '554 5.7.1 <you@me.com>: Relay access denied',
    });
    expect(incident?.sources.reply?.line).toBe(23);
    expect(incident?.remoteHost).toBe('mail.theorchardgolf.com');
    expect(incident?.sources.remoteHost?.line).toBe(9);
    expect(incident?.remoteIp).toBe('122.3.252.114');
    expect(incident?.sources.remoteIp?.text).toBe('Connecting to host address "122.3.252.114" port 25...');
    expect(incident?.recipientDomain).toBe('me.com');
    expect(incident?.sendingDomain).toBe('domain.com');
    expect(incident?.sources.sendingDomain?.line).toBe(19);
  });

  it("cites a telnet session's remote address on its own `Trying` line", async () => {
    const { incidents } = await extract(
      readFileSync(
        fileURLToPath(
          new URL('../fixtures/extract/audit13/telnet-outlook-greeting-date.txt', import.meta.url),
        ),
        'utf8',
      ),
      options,
    );
    expect(incidents[0]?.remoteIp).toBe('104.47.53.36');
    expect(incidents[0]?.sources.remoteIp).toEqual({ line: 2, text: 'Trying 104.47.53.36...' });
    expect(incidents[0]?.sources.remoteHost?.line).toBe(3);
  });
});

describe("a multi-line reply Go's net/smtp flattened, its lines' enhanced codes kept", () => {
  it("drops the continuation markers of gophish's one-line error", async () => {
    const { incidents } = await extract(fixture('gophish-error-5.1.1-continuations.txt'), options);
    expect(incidents.map((i) => i.reply)).toEqual([
      {
        code: 550,
        enhanced: '5.1.1',
        text: "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser b6-20020a056402350600b00425d8c9efd2si1462007edd.152 - gsmtp",
      },
    ]);
    expect(incidents[0]?.sources.reply?.line).toBe(2);
  });

  it.each([
    // Its own code named once in a sentence.
    '550 5.7.1 Message refused: see 5.7.1 in the postmaster page',
    // Another enhanced code.
    '550 5.7.1 Refused. Details 5.7.2 here and 5.7.3 there',
    // A quoted transcript's own reply codes before the enhanced code.
    '451 4.3.0 Error: queue file write error In: QUIT Out: 221 4.3.0 Bye Out: 250 4.3.0 Ok',
  ])('keeps the text of %s', (text) => {
    expect(parseReply(text).reply.text).toBe(text);
  });
});

describe("simplesmtp's `Mail from command failed - 501 ...` in Ghost's log", () => {
  it('gives one incident, the message and its stack being one error', async () => {
    const { incidents } = await extract(fixture('ghost-simplesmtp-501-mail-from.txt'), options);
    expect(incidents.map((i) => i.reply)).toEqual([
      { code: 501, enhanced: null, text: '501 Mail from address must be same as authorization user.' },
    ]);
    expect(incidents[0]?.sources.reply?.line).toBe(4);
    const advice = incidents[0] && advise(incidents[0]);
    expect(advice?.nextStep).toBe('not-an-abuse-desk-case');
  });

  it('reads its DATA refusal too', async () => {
    const data = await extract('Error: Data command failed - 554 5.7.1 Message rejected as spam', options);
    expect(data.incidents.map((i) => i.reply.text)).toEqual(['554 5.7.1 Message rejected as spam']);
  });
});

describe("Yahoo's notice naming the SMTP stage after the remote's reply", () => {
  it('leaves `[RCPT_TO]` on its own line out of the reply', async () => {
    const { incidents } = await extract(fixture('yahoo-remote-host-said-rcpt_to.txt'), options);
    expect(incidents.map((i) => i.reply)).toEqual([
      {
        code: 550,
        enhanced: '5.1.1',
        text: "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/answer/6596 v202si10078454qka.80 - gsmtp",
      },
    ]);
    expect(incidents[0]?.recipientDomain).toBe('gmail.com');
  });

  it("leaves `[MAIL_FROM]` on the reply's line out too", async () => {
    const text = [
      'Sorry, we were unable to deliver your message to the following address.',
      '',
      '<kijitora@example.jp>:',
      'Remote host said: 501 5.1.8 Sender address rejected  [MAIL_FROM]',
      '',
    ].join('\n');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.reply.text)).toEqual(['501 5.1.8 Sender address rejected']);
  });
});

describe("two notices pasted together, Gmail's below", () => {
  it("gives Gmail's rejecting server to its own refusal only", async () => {
    const { incidents } = await extract(fixture('hackerspace-exim-and-gmail-two-notices.md'), options);
    expect(incidents.map((i) => [i.reply.code, i.recipientDomain, i.remoteHost, i.remoteIp])).toEqual([
      [550, 'hackerspace.by', null, null],
      [550, 'hackerspace.by', 'aspmx.l.google.com', '2a00:1450:400c:c05::1a'],
    ]);
    expect(incidents.map((i) => i.sources.reply?.line)).toEqual([6, 16]);
    expect(incidents[0]?.sources.remoteHost).toBeUndefined();
    expect(incidents[1]?.sources.remoteHost?.line).toBe(13);
  });
});

describe("Postfix's notice for a domain with a null MX", () => {
  it('gives an incident without a reply and the note that no server replied', async () => {
    const { incidents, warnings } = await extract(fixture('erpnext-postfix-nullmx.txt'), options);
    expect(
      incidents.map((i) => [i.reply.code, i.reply.text, i.occurredAt, i.recipientDomain, i.sendingDomain]),
    ).toEqual([[null, '', '2020-04-18T15:52:46+02:00', 'example.com', 'ditable.co.za']]);
    expect(warnings.some((w) => w.text.en.includes('does not accept mail (nullMX)'))).toBe(true);
  });
});
