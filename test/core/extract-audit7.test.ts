/**
 * Seventh audit of real input (MTA logs from self-hosting stacks' issues and forums, other projects'
 * bounce fixtures, Orange's refusals wherever they were pasted): each case is modelled on a shape the
 * audit found wrong. Fixtures and their sources: test/fixtures/extract/audit7/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/audit7/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe("a reply ends at Postfix's `(in reply to ... command)` note, and the next `host X said:` starts another", () => {
  it('reads each row of a table of refusals as its own incident, the note cut off before its `)`', async () => {
    const { incidents } = await extract(fixture('wiki-table-fr-providers.txt'));
    expect(incidents.map((i) => i.remoteHost)).toEqual([
      'smtp-in.orange.fr',
      'mx1.free.fr',
      'smtpz4.laposte.net',
      'smtp-in.sfr.fr',
    ]);
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]',
      '550 spam detected',
      '550 5.5.0 Service refuse. Veuillez essayer plus tard. service refused, please try later. LPN007_510',
      '550 5.7.1 Message content rejected',
    ]);
    expect(incidents[0]?.orange).toMatchObject({ token: 'OFR_506', reason: 506 });
    expect(incidents[0]?.remoteIp).toBe('80.12.242.9');
    expect(incidents[1]?.sources.reply?.line).toBe(8);
  });

  it('splits two bare `host X said:` lines, each closed by its note', async () => {
    const { incidents } = await extract(
      [
        'host smtp-in.orange.fr[80.12.242.9] said: 550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506] (in reply to end of DATA command)',
        'host mx1.free.fr[212.27.48.6] said: 550 spam detected (in reply to end of DATA command)',
      ].join('\n'),
    );
    expect(incidents.map((i) => [i.remoteHost, i.reply.text])).toEqual([
      ['smtp-in.orange.fr', '550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]'],
      ['mx1.free.fr', '550 spam detected'],
    ]);
  });

  it('ends a fragment its author cut short at the next status fragment', async () => {
    const { incidents } = await extract(fixture('postfix-fragments-double-spaced.txt'));
    expect(incidents.map((i) => [i.remoteHost, i.reply.code, i.reply.enhanced])).toEqual([
      ['hotmail-com.olc.protection.outlook.com', 550, '5.7.1'],
      ['smtp-in.orange.fr', 550, null],
      ['mx00.emig.gmx.net', 554, null],
    ]);
    expect(incidents[0]?.reply.text).toBe('550 5.7.1');
    expect(incidents[1]?.orange).toMatchObject({ token: 'OFR006_102', reason: 102, server: 'mwinf5c04' });
    expect(incidents[1]?.sendingIps).toEqual(['203.0.113.45']);
    expect(incidents[1]?.sources.reply?.line).toBe(5);
  });
});

describe('a reply ends where the returned copy begins, even without a blank line', () => {
  it("stops at 1&1's `--- The header of the original message is following. ---` line", async () => {
    const { incidents } = await extract(fixture('oneandone-notice-header-line.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    );
    expect(incidents[0]?.orange).toMatchObject({ token: 'OFR_416', reason: 416 });
    expect(incidents[0]?.remoteHost).toBe('smtp-in.orange.fr');
  });

  it("stops at the copy's first header when no line announces it", async () => {
    const text = fixture('oneandone-notice-header-line.txt').replace(
      '--- The header of the original message is following. ---\n',
      '',
    );
    const { incidents } = await extract(text);
    expect(incidents[0]?.reply.text).toMatch(/Invalid recipient\. OFR_416 \[416\]$/);
  });
});

describe("a delivery notice forwarded by a mail client is read from the forward's header lines", () => {
  it("gives the date and the sender's domain of Thunderbird's forward, quoted in a reply", async () => {
    const { incidents } = await extract(fixture('thunderbird-forward-quoted-exim.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2021-06-10T11:38:51-04:00');
    expect(incidents[0]?.sources.occurredAt?.line).toBe(6);
    expect(incidents[0]?.sendingDomain).toBe('example.com');
    expect(incidents[0]?.orange).toMatchObject({ token: 'OFR_506', reason: 506 });
    expect(incidents[0]?.remoteIp).toBe('193.252.22.65');
  });

  it("reads Gmail's French date, without a zone, in the zone assumed and says so", async () => {
    const { incidents } = await extract(fixture('gmail-forward-fr.txt'), { assumeZone: 'Europe/Paris' });
    expect(incidents[0]?.occurredAt).toBe('2026-03-02T10:14:00+01:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
    expect(incidents[0]?.sendingDomain).toBe('example.com');
    expect(incidents[0]?.orange?.reason).toBe(102);
  });

  it("reads Outlook's `Sent:` line, an AM/PM time, as the date", async () => {
    const { incidents } = await extract(fixture('outlook-forward-en.txt'), { assumeZone: '+02:00' });
    expect(incidents[0]?.occurredAt).toBe('2026-03-02T10:14:00+02:00');
    expect(incidents[0]?.sources.occurredAt?.text).toBe('Sent: Monday, March 2, 2026 10:14 AM');
    expect(incidents[0]?.orange?.reason).toBe(104);
  });
});

describe('MTA outputs the audit found unread', () => {
  it("reads Postal's technical details: the remote from its first line, the reply without Postal's own lines", async () => {
    const { incidents } = await extract(fixture('postal-technical-details.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incidents[0]?.remoteIp).toBe('193.252.22.65');
    expect(incidents[0]?.reply.text).toMatch(/^550 mwinf5c22 ME .* \[102\]$/);
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.61']);
  });

  it("reads a Postfix line without a host behind Docker's stamp and the compose bar", async () => {
    const { incidents } = await extract(fixture('mailu-docker-hostless.log'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.format).toBe('postfix');
    expect(i?.occurredAt).toBe('2026-03-02T07:30:18+00:00');
    expect(i?.sendingDomain).toBe('example.com');
    expect(i?.reply.code).toBe(421);
    expect(i?.orange).toMatchObject({ token: 'OFR004_104', reason: 104, server: 'mwinf5c40' });
    expect(i?.remoteIp).toBe('80.12.242.10');
  });
});

describe("Zoho's labelled line", () => {
  it('takes the indented lines that carry the reply on (Gmail relayed by Zoho, two lines)', async () => {
    const { incidents } = await extract(
      [
        'This message was created automatically by mail delivery software.',
        '',
        'claire.petit@example.net, ERROR CODE :550 - 5.2.1 The email account that you tried to reach is disabled. Learn more at',
        '\t\t\t5.2.1  https://support.google.com/mail/?p=DisabledUser j8-20020a170903024800b001946612570csi19333477plh.316 - gsmtp',
        '',
      ].join('\n'),
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '550 5.2.1 The email account that you tried to reach is disabled. Learn more at https://support.google.com/mail/?p=DisabledUser j8-20020a170903024800b001946612570csi19333477plh.316 - gsmtp',
    );
  });
});

describe('a multi-line reply whose continuation prefixes a redaction changed', () => {
  it('drops `421-x.x.xx` as it drops `421-4.7.28`', async () => {
    const { parseReply } = await import('../../core/extract');
    const parsed = parseReply(
      '421-4.7.28 [xxx.59.88.xxx       4] Our system has detected an unusual rate of 421-4.7.28 unsolicited mail originating from your IP address. To protect our 421-x.x.xx users from spam, mail sent from your IP address has been temporarily 421-x.x.xx rate limited. Please visit 421-x.x.xx  https://support.google.com/mail/?p=UnsolicitedRateLimitError to 421 x.x.xx review our Bulk Email Senders Guidelines. z1si9679476pln.401 - gsmtp',
    );
    expect(parsed.reply.text).toBe(
      '421 4.7.28 [xxx.59.88.xxx 4] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. Please visit https://support.google.com/mail/?p=UnsolicitedRateLimitError to review our Bulk Email Senders Guidelines. z1si9679476pln.401 - gsmtp',
    );
    expect(parsed.reply.enhanced).toBe('4.7.28');
  });
});

describe("Exchange's diagnostic block naming the remote by its address alone", () => {
  it('takes the address on the line above `Remote Server returned` as the remote IP, never as the sender', async () => {
    const { incidents } = await extract(
      [
        'Diagnostic information for administrators:',
        '',
        'Generating server: EXCH01.corp.example.com',
        '',
        'jean.dupont@orange.fr',
        '193.252.22.65',
        "Remote Server returned '550 5.7.1 mwinf5c31 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 [102]'",
      ].join('\n'),
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteIp).toBe('193.252.22.65');
    expect(incidents[0]?.sources.remoteIp?.line).toBe(6);
    expect(incidents[0]?.sendingIps).toEqual([]);
    expect(incidents[0]?.orange?.reason).toBe(102);
  });
});

describe("Haraka's envelope sender", () => {
  it("is read from the core's lines of the transaction whose uuid the delivery's extends", async () => {
    const { incidents } = await extract(fixture('haraka-core-sender.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.format).toBe('haraka');
    expect(incidents[0]?.sendingDomain).toBe('example.com');
    expect(incidents[0]?.sources.sendingDomain?.line).toBe(2);
    expect(incidents[0]?.remoteIp).toBe('193.252.22.65');
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.88']);
  });

  it('is not taken from another transaction', async () => {
    const other = fixture('haraka-core-sender.log').replace(/A03\.1\] \[core\]/g, 'A03.2] [core]');
    const { incidents } = await extract(other);
    expect(incidents[0]?.sendingDomain).toBeNull();
  });
});

describe('log lines quoted inline in a sentence', () => {
  it('reads the span between backticks as the log line it is, pointing at its line', async () => {
    const paste = [
      'Since yesterday our logs are full of lines like',
      'this one, `Mar  2 08:45:23 mta1 postfix/smtp[1326]: BD825AA04F8: to=<jean.dupont@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=0.5, delays=0.1/0/0.3/0.1, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c40 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104])` which is odd, we send little.',
    ].join('\n');
    const { incidents } = await extract(paste, { now: new Date('2026-11-30T12:00:00Z') });
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.format).toBe('postfix');
    expect(i?.occurredAt).toBe('2026-03-02T08:45:23+00:00');
    expect(i?.sendingHosts).toEqual(['mta1']);
    expect(i?.reply.text).toMatch(/OFR004_104 \[104\]$/);
    expect(i?.sources.reply?.line).toBe(2);
  });

  it('ends the status at the parenthesis that closes it when a sentence follows on the line', async () => {
    const line =
      '`Mar  2 08:45:23 mta1 postfix/smtp[1326]: BD825AA04F8: to=<jean.dupont@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=0.5, delays=0.1/0/0.3/0.1, dsn=5.0.0, status=bounced (host smtp-in.orange.fr[193.252.22.65] said: 550 5.7.1 Service refuse (S3150) (in reply to MAIL FROM command))` which is odd.';
    const { incidents } = await extract(line, { now: new Date('2026-11-30T12:00:00Z') });
    expect(incidents[0]?.format).toBe('postfix');
    expect(incidents[0]?.reply.text).toBe('550 5.7.1 Service refuse (S3150)');
  });
});

describe('a forwarded delivery notice whose reply the message readers do not find', () => {
  it('is read as a pasted notice, whose readers find the reply in its sentence', async () => {
    const { incidents } = await extract(
      [
        '---------- Forwarded message ---------',
        'From: Mail Delivery Subsystem <mailer-daemon@example.net>',
        'Date: Mon, Mar 2, 2026 at 10:14 AM',
        'Subject: Delivery Status Notification (Failure)',
        'To: <alice@example.com>',
        '',
        'The server said: 421 mwinf5c42 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]',
      ].join('\n'),
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(421);
    expect(incidents[0]?.orange?.reason).toBe(104);
    expect(incidents[0]?.sources.reply?.line).toBe(7);
  });
});

describe('pastes the metamorphic audit found read differently once words were added', () => {
  it("keeps Haraka's lines apart when each starts with a space and words come before them", async () => {
    const { incidents } = await extract(
      [
        'Hi, we got this today, any idea?',
        '',
        ' [NOTICE] [46095497-C02F-40F5-81DF-8BAB88780C2F.1.1] [outbound] recipient <jean.dupont@orange.fr> rejected: 421 mwinf5c40 ME Trop de connexions, veuillez verifier votre configuration. OFR004_104 [104]',
        ' [CRIT] [46095497-C02F-40F5-81DF-8BAB88780C2F.1.1] [outbound] Socket write failed unexpectedly: Error: write ECONNRESET',
      ].join('\n'),
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.format).toBe('haraka');
    expect(incidents[0]?.reply.text).toMatch(/OFR004_104 \[104\]$/);
  });

  it('reads two client errors pasted one under the other as two replies', async () => {
    const { incidents } = await extract(
      [
        'La réponse du serveur était : 421 4.2.0 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_999 [999]',
        'La réponse du serveur était : 550 5.7.1 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_103 [103]',
      ].join('\n'),
    );
    expect(incidents.map((i) => [i.reply.code, i.orange?.reason, i.sources.reply?.line])).toEqual([
      [421, 999, 1],
      [550, 103, 2],
    ]);
  });
});

describe('a quoted paste under several lines of words', () => {
  it('is read without its quote marks when up to eight lines of words come first', async () => {
    const { incidents } = await extract(
      [
        'Hi,',
        '',
        'thanks.',
        '',
        'Are these the logs?',
        'They are from today.',
        '',
        '> postfix-mailcow_1    | Mar  2 19:44:46 mail postfix/smtp[819]: 7DCA065C0A75: host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c40 ME Trop de connexions, veuillez verifier votre configuration. OFR004_104 [104]',
        '> postfix-mailcow_1    | Mar  2 19:44:47 mail postfix/smtp[819]: 7DCA065C0A75: to=<jean.dupont@orange.fr>, relay=none, delay=0.4, delays=0.1/0/0.3/0, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c40 ME Trop de connexions, veuillez verifier votre configuration. OFR004_104 [104])',
      ].join('\n'),
      { now: new Date('2026-11-30T12:00:00Z') },
    );
    expect(incidents).toHaveLength(1);
    expect(incidents.every((i) => i.format === 'postfix')).toBe(true);
    expect(incidents[0]?.occurredAt).toBe('2026-03-02T19:44:47+00:00');
    expect(incidents[0]?.sendingHosts).toEqual(['mail']);
  });
});

describe("the log reader's notes agree with their count", () => {
  const line = (n: number) =>
    `Mar  2 08:45:2${n} mta1 postfix/smtp[1326]: BD825AA04F${n}: to=<jean.dupont@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=0.5, delays=0.1/0/0.3/0.1, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c40 ME Trop de connexions, veuillez verifier votre configuration. OFR004_104 [104])`;
  const note = async (text: string) =>
    (await extract(text, { now: new Date('2026-11-30T12:00:00Z') })).warnings.find(
      (w) => w.code === 'log-no-sending-ip',
    )?.text;

  it('one rejection without a sending IP: singular', async () => {
    expect((await note(line(1)))?.en).toBe(
      '1 rejection without a sending IP: the log does not record it. Please fill it in.',
    );
    expect((await note(line(1)))?.fr).toMatch(/Complétez-la à la main\.$/);
  });

  it('two: plural', async () => {
    const text = await note(`${line(1)}\n${line(2)}`);
    expect(text?.en).toBe(
      '2 rejections without a sending IP: the log does not record them. Please fill them in.',
    );
    expect(text?.fr).toMatch(/^2 refus sans adresse IP d’envoi.*Complétez-les à la main\.$/);
  });
});

describe('a reply found without its three-digit code', () => {
  it('says that only the code is missing, not the whole reply', async () => {
    const { incidents, warnings } = await extract(
      'The mail server responded: 5.1.1 <claire.petit@orange.fr>: Recipient address rejected: User unknown. Please check the message recipient "claire.petit@orange.fr" and try again.',
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBeNull();
    const codes = warnings.map((w) => w.code);
    expect(codes).toContain('missing.replyCode');
    expect(codes).not.toContain('missing.reply');
  });
});

describe('French month names in a log and in a forward', () => {
  it('tells juin from juillet, as journalctl writes them in a French locale', async () => {
    const line = (month: string) =>
      `${month} 08 10:00:01 mta1 postfix/smtp[1326]: BD825AA04F8: to=<jean.dupont@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=0.5, delays=0.1/0/0.3/0.1, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c40 ME Trop de connexions. OFR004_104 [104])`;
    const options = { now: new Date('2026-11-30T12:00:00Z') };
    expect((await extract(line('juin'), options)).incidents[0]?.occurredAt).toBe('2026-06-08T10:00:01+00:00');
    expect((await extract(line('juil.'), options)).incidents[0]?.occurredAt).toBe(
      '2026-07-08T10:00:01+00:00',
    );
  });
});

describe('pastes from a ticket tracker or a chat', () => {
  const notice = [
    'This is the mail system at host mta1.example.com.',
    '',
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients.',
    '',
    '<jean.dupont@orange.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550',
    '    mwinf5c04 ME Adresse IP source bloquee pour incident de spam. OFR006_102 [102]',
    '    (in reply to MAIL FROM command)',
  ];

  it("reads a Jira ticket's {code} or {noformat} block as its content", async () => {
    for (const mark of ['{code}', '{code:none}', '{noformat}']) {
      const { incidents } = await extract([mark, ...notice, mark.replace(/:.*\}$/, '}')].join('\n'));
      expect(incidents).toHaveLength(1);
      expect(incidents[0]?.reply.text).toMatch(/OFR006_102 \[102\]$/);
      expect(incidents[0]?.sendingHosts).toEqual(['mta1.example.com']);
    }
  });

  it("reads a notice under a chat's `[10:14] Jean Dupont` line as a notice, not as broken JSON", async () => {
    const { incidents } = await extract(['[10:14] Jean Dupont', ...notice].join('\n'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingHosts).toEqual(['mta1.example.com']);
    expect(incidents[0]?.orange?.reason).toBe(102);
  });

  it("finds an ESP's JSON under such a line", async () => {
    const event = JSON.stringify({
      event: 'failed',
      timestamp: 1707642765,
      recipient: 'jean.dupont@orange.fr',
      'delivery-status': {
        code: 550,
        message: '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. OFR006_102 [102]',
        'mx-host': 'smtp-in.orange.fr',
      },
    });
    const { incidents } = await extract(`[10:14] Jean Dupont\n${event}\n`);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.format).toBe('json-event');
    expect(incidents[0]?.occurredAt).toBe('2024-02-11T09:12:45+00:00');
  });
});

describe('a paste numbered by `cat -n`', () => {
  it('is read without its numbers, a notice as well as a log', async () => {
    const numbered = (lines: string[]) =>
      lines.map((l, i) => `${String(i + 1).padStart(6)}\t${l}`).join('\n');
    const notice = await extract(
      numbered([
        'This is the mail system at host mta1.example.com.',
        '<jean.dupont@orange.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550',
        '    mwinf5c04 ME Adresse IP source bloquee pour incident de spam. OFR006_102 [102]',
        '    (in reply to MAIL FROM command)',
      ]),
    );
    expect(notice.incidents[0]?.reply.text).toMatch(/^550 mwinf5c04 .* OFR006_102 \[102\]$/);
    expect(notice.incidents[0]?.sources.reply?.line).toBe(2);
    const exim = await extract(
      numbered([
        '2025-02-17 17:59:47 1tk5XA-0004tY-0U ** jean@orange.fr R=dnslookup T=remote_smtp H=smtp-in.orange.fr [193.252.22.65]: SMTP error from remote mail server after RCPT TO:<jean@orange.fr>: 550 5.7.1 Service refuse. OFR006_103 [103]',
        '2025-02-17 17:59:48 1tk5XA-0004tY-0U Completed',
      ]),
    );
    expect(exim.incidents[0]?.format).toBe('exim');
    expect(exim.incidents[0]?.occurredAt).toBe('2025-02-17T17:59:47+00:00');
  });

  it('keeps numbers that do not count up by one: they belong to the text', async () => {
    const { withoutLineNumbers } = await import('../../core/extract/line-numbers');
    const codes = '550  Service refuse\n421  Trop de connexions\n';
    expect(withoutLineNumbers(codes)).toBe(codes);
    expect(withoutLineNumbers('     7\tfirst\n\n     8\tsecond\r\n')).toBe('first\n\nsecond\r\n');
    expect(withoutLineNumbers('     1\tonly one\n')).toBe('     1\tonly one\n');
  });
});

describe("a Diagnostic-Code a mail client's wrapping broke at the line's start", () => {
  it('keeps the piece left between the field and its folded lines, and a piece going on in lower case', async () => {
    const { parseDeliveryStatus } = await import('../../core/extract/delivery-status');
    const dsn = (lines: string[]) =>
      parseDeliveryStatus(
        ['Final-Recipient: rfc822; jean.dupont@orange.fr', 'Action: failed', ...lines].join('\n'),
      ).recipients[0]?.find((f) => f.name === 'diagnostic-code')?.value;
    expect(
      dsn([
        'Diagnostic-Code: smtp; 550 mwinf5c20 ME Adresse IP source bloquee pour',
        'incident',
        '    de spam. Client host blocked for spamming issues. OFR006_102 [102]',
      ]),
    ).toBe(
      'smtp; 550 mwinf5c20 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 [102]',
    );
    expect(
      dsn(['Diagnostic-Code: smtp; 550 mwinf5c41 ME Adresse IP source bloquee pour', 'incident de spam.']),
    ).toBe('smtp; 550 mwinf5c41 ME Adresse IP source bloquee pour incident de spam.');
    // A reply that ended is not carried on by the words below it.
    expect(dsn(['Diagnostic-Code: smtp; 550 5.1.1 User unknown.', 'see the help page'])).toBe(
      'smtp; 550 5.1.1 User unknown.',
    );
  });
});

describe('a reply written among words that a mail client wrapped', () => {
  it('goes on over the next line when that line carries on in lower case', async () => {
    const { incidents } = await extract(
      [
        'Our relay logged this for every message:',
        '> refused to talk to me: 421 mwinf5c79 ME Trop de connexions, veuillez',
        'verifier votre configuration.',
      ].join('\n'),
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '421 mwinf5c79 ME Trop de connexions, veuillez verifier votre configuration',
    );
  });
});

describe('a quote a mail client wrapped after quoting it', () => {
  it('counts the unmarked pieces right under quoted lines as part of the quote', async () => {
    const { isMostlyQuoted } = await import('../../core/extract/mail-quote');
    const lines = [
      '> Mar  2 08:45:23 mta1 postfix/smtp[1326]: BD825AA04F8: to=<jean.dupont@orange.fr>,',
      'relay=smtp-in.orange.fr[193.252.22.65]:25, delay=0.5, status=deferred',
      '> (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c40 ME',
      'Trop de connexions. OFR004_104 [104])',
    ];
    expect(isMostlyQuoted(lines)).toBe(true);
    // Words of one's own under a blank line still count against the quote.
    expect(isMostlyQuoted(['> a quoted line', '', 'my answer', 'more of my answer', 'and more'])).toBe(false);
  });
});
