/**
 * Eighth round of real input: shapes met in other projects' fixtures that the engine misread.
 * Fixtures and their sources: test/fixtures/extract/audit8/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { withoutEmphasis } from '../../core/extract/emphasis';
import { jsonFromPythonRepr } from '../../core/extract/formats/python-repr';

const dir = fileURLToPath(new URL('../fixtures/extract/audit8/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe("a recipient's filtering service between the sender and the recipient's server", () => {
  it('takes the hop into the service for the sending host and IP, not the service handing over', async () => {
    const { incidents } = await extract(fixture('exchange-behind-hornetsecurity.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.23']);
    expect(incidents[0]?.sendingHosts).toEqual(['mail.sender-example.fr']);
    expect(incidents[0]?.sources.sendingIps?.text).toBe(
      'Received: from mail.sender-example.fr (198.51.100.23) by',
    );
    expect(incidents[0]?.sendingDomain).toBe('sender-example.fr');
  });

  it("leaves the sending IP empty when the copy stops at the service's hop", async () => {
    // The copy as a filter that keeps only its own hop would return it: the hops below are gone.
    const cut = fixture('exchange-behind-hornetsecurity.eml').replace(
      /Received: from mail\.sender-example\.fr \(198[\s\S]*?TLS=1\n/,
      '',
    );
    expect(cut).not.toContain('198.51.100.23');
    const { incidents } = await extract(cut);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual([]);
    expect(incidents[0]?.sendingHosts).not.toContain('hsmx05.antispameurope.com');
  });
});

describe("where a reply starts and ends in a developer's paste", () => {
  it("reads the code glued to a code comment's `//`", async () => {
    const { incidents, warnings } = await extract(fixture('arduino-comment-code.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(421);
    expect(incidents[0]?.reply.text).toBe(
      '421 mwinf5d30 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR204_106 [106]',
    );
    expect(warnings.map((w) => w.code)).not.toContain('missing.replyCode');
  });

  it('leaves out the closing quote of a notice quoted whole', async () => {
    const { incidents } = await extract(fixture('issue-notice-in-quotes.txt'));
    expect(incidents.map((i) => i.reply.text)).toEqual(['550 mail dropped, bare LF found']);
    expect(incidents[0]?.remoteHost).toBe('mx1.free.fr');
  });

  it('ends the reply before the next frame of a stack trace', async () => {
    const { incidents } = await extract(fixture('k9-stack-trace.txt'));
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '550 5.5.0 Emetteur invalide. Invalid Sender. LPN104_415',
    ]);
  });

  it('keeps a closing quote the reply opened itself', async () => {
    const { incidents } = await extract('The server said: 550 5.7.1 Message refused: "spam"');
    expect(incidents[0]?.reply.text).toBe('550 5.7.1 Message refused: "spam"');
  });
});

describe('lines pasted under a reply that no wrap cut', () => {
  it("ends a one-line reply at its line: the blocklist's explanation pasted below is no part of it", async () => {
    const { incidents } = await extract(fixture('reply-then-blocklist-lines.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(
      '554 5.7.1 Service unavailable; Client host [203.0.113.45] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.113.45',
    );
    expect(incidents[0]?.remoteIp).toBe('198.51.100.40');
  });

  it("still joins a notice's indented continuation lines", async () => {
    const notice = [
      '<jean.martin@orange.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam.',
      '    Client host blocked for spamming issues. OFR006_102 [102] (in reply to MAIL FROM command)',
    ].join('\n');
    const { incidents } = await extract(notice);
    expect(incidents[0]?.orange?.reason).toBe(102);
    expect(incidents[0]?.reply.text).toContain('Client host blocked for spamming issues.');
  });
});

describe('a redacted address in brackets', () => {
  it('keeps the host a notice names when its address was starred out', async () => {
    const notice = [
      '> This is the mail system at host mo12.mail-out.ovh.net.',
      '>',
      '> <contact@exemple-client.fr>: host redirect.ovh.net[*********] said: 500 Domain not in',
      '>     ovh system (in reply to RCPT TO command)',
    ].join('\n');
    const { incidents } = await extract(notice);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ remoteHost: 'redirect.ovh.net', remoteIp: null });
    expect(incidents[0]?.reply.text).toBe('500 Domain not in ovh system');
  });
});

describe("a provider's help link naming the client's address", () => {
  it("reads the sending IP from IONOS's `help/index.php?id=2425&ip=` link", async () => {
    const notice = [
      '<jean.martin@exemple-ionos.fr>: host mx00.ionos.fr[212.227.15.41] said: 554-Transaction failed',
      '    554-Reject due to policy restrictions.',
      '    554 For explanation visit https://www.ionos.com/help/index.php?id=2425&ip=203.0.113.45&c=hd (in reply to end of DATA command)',
    ].join('\n');
    const { incidents } = await extract(notice);
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.45']);
    expect(incidents[0]?.remoteIp).toBe('212.227.15.41');
  });
});

describe('an ESP event printed by a Python program', () => {
  it("reads the dict as the event it is, the reason's remote as the rejecting host, never as the sender", async () => {
    const { incidents } = await extract(fixture('webhook-event-python-print.txt'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      occurredAt: '2026-03-14T09:32:03+00:00',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.65',
      sendingIps: [],
    });
    expect(incidents[0]?.reply.text).toBe(
      '550 5.1.1 <jean.martin@orange.fr>: Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    );
  });

  it('turns the repr into JSON without touching quotes inside strings', () => {
    expect(jsonFromPythonRepr(`{'a': "l'adresse", 'b': True, 'c': None, 'd': 'x\\'y'}`)).toBe(
      `{"a": "l'adresse", "b": true, "c": null, "d": "x'y"}`,
    );
    expect(jsonFromPythonRepr('{"a": 1}')).toBeNull();
  });
});

describe('a line a Markdown editor set in italics or bold', () => {
  it('reads the reply without the closing mark', async () => {
    const { incidents } = await extract(
      '_Support: Error in email delivery: 550 5.7.1  Reject for policy reason RULE2_1. See http://postmaster.gandi.net_',
    );
    expect(incidents[0]?.reply.text).toBe(
      '550 5.7.1 Reject for policy reason RULE2_1. See http://postmaster.gandi.net',
    );
    const bold = await extract(
      '**421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]**',
    );
    expect(bold.incidents[0]?.orange?.reason).toBe(999);
    expect(bold.incidents[0]?.reply.text.endsWith('[999]')).toBe(true);
  });

  it('leaves marks that are no emphasis', () => {
    expect(withoutEmphasis('*** Error ***\n_ x _\n* item')).toBe('*** Error ***\n_ x _\n* item');
    expect(withoutEmphasis('  *550 5.7.1 refused*')).toBe('  550 5.7.1 refused');
    expect(withoutEmphasis('said: 550 5.7.1 **Messages missing a valid header**. id')).toBe(
      'said: 550 5.7.1 Messages missing a valid header. id',
    );
    // Exim's `**` records, a password's stars and single marks inside a line stay.
    for (const kept of [
      '2024-01-02 10:00:00 1rA-000 ** a@example.com R=dnslookup: 550 x ** b@example.org',
      'pass=**** user=**x**y',
      '550 5.7.1 Unauthenticated email from **domain**.com is not accepted',
      '554 5.7.1 Service unavailable; Client host [**.**.***.***] blocked using zen.spamhaus.org',
      '550 mwinf5c04 OFR_506 _x_ *y*',
    ])
      expect(withoutEmphasis(kept)).toBe(kept);
  });
});

describe('the year and zone of a syslog line from the Message-ID Postfix made', () => {
  const log = fixture('postfix-own-message-id.log');

  it("reads the host's year and offset from its cleanup line, instead of assuming them", async () => {
    const { incidents } = await extract(log, { now: new Date('2026-11-30T12:00:00Z') });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2025-08-28T10:52:40+02:00');
    const codes = incidents[0]?.assumptions.map((a) => a.code);
    expect(codes).toContain('year-and-zone-from-message-id');
    expect(codes).not.toContain('assumed-year-and-zone');
    expect(incidents[0]?.assumptions.find((a) => a.code === 'year-and-zone-from-message-id')?.text.fr).toBe(
      'La ligne de journal n’indique ni l’année ni le fuseau horaire\u00a0: tous deux ont été déduits de l’identifiant de message que Postfix a formé avec l’heure UTC (2025-08-28T08:52:39Z), soit un décalage de +02:00.',
    );
  });

  it('keeps the assumption for another host, and when the Message-ID is not one Postfix made', async () => {
    const other = log.replace(
      /Aug 28 10:52:40 poste-compta postfix\/smtp/,
      'Aug 28 10:52:40 relais postfix/smtp',
    );
    const fromOther = await extract(other, { now: new Date('2026-11-30T12:00:00Z') });
    expect(fromOther.incidents[0]?.occurredAt).toBe('2026-08-28T10:52:40+00:00');
    const appMade = log.replace('<20250828085239.51D486800CD@', '<20250828085239.A1B2C3@');
    const fromApp = await extract(appMade, { now: new Date('2026-11-30T12:00:00Z') });
    expect(fromApp.incidents[0]?.assumptions.map((a) => a.code)).toContain('assumed-year-and-zone');
  });
});

describe("an application's log record in JSON, the reply in its message", () => {
  it("reads the reply from Symfony Mailer's words in a Monolog record, and the record's time", async () => {
    const { incidents } = await extract(fixture('monolog-json-lines.log'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2026-03-14T10:07:34+01:00');
    expect(incidents[0]?.reply.text).toBe(
      '550 5.7.1 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_103 [103]',
    );
    expect(incidents[0]?.orange?.reason).toBe(103);
  });

  it('leaves out the backslash left of an escaped closing quote', async () => {
    const { incidents } = await extract(
      'Message: Expected response code "250" but got code "550", with message \\"550 5.7.1 Relaying denied\\".',
    );
    expect(incidents[0]?.reply.text).toBe('550 5.7.1 Relaying denied');
  });
});

describe('a stack trace repeating its causes', () => {
  it('reads each refused recipient once, not once per level of the exception chain', async () => {
    const { incidents } = await extract(fixture('javamail-exception-chain.txt'));
    expect(incidents.map((i) => i.reply.text)).toEqual([
      '550 5.1.1 <jean.martin@orange.fr>: Recipient address rejected: User unknown',
      '550 5.1.1 <paul.durand@wanadoo.fr>: Recipient address rejected: User unknown',
    ]);
    expect(incidents.map((i) => i.recipientDomain)).toEqual(['orange.fr', 'wanadoo.fr']);
  });

  it('keeps a reply repeated outside an exception chain: two attempts are two incidents', async () => {
    const twice = ['host mx.example.net[192.0.2.1] said: 421 4.7.0 Try again later', ''];
    const { incidents } = await extract([...twice, ...twice].join('\n'));
    expect(incidents).toHaveLength(2);
  });
});

describe('an address the reply names as the sender', () => {
  it('is never the recipient, with a few words between `sender` and the address', async () => {
    const { incidents } = await extract('550 "envelope sender not allowed xyz@shop.example.com"');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBeNull();
    const refused = await extract(
      'host mx.example.net[192.0.2.1] said: 550 5.1.1 <jean@orange.fr>: Recipient address rejected: User unknown (in reply to RCPT TO command)',
    );
    expect(refused.incidents[0]?.recipientDomain).toBe('orange.fr');
  });
});

describe('a reply cut after its colon', () => {
  it('goes on over the next line whatever its case (`Recipient address rejected:` / `User unknown ...`)', async () => {
    const trace = [
      'javax.mail.SendFailedException: Invalid Addresses;',
      '  nested exception is:',
      '\tcom.sun.mail.smtp.SMTPAddressFailedException: 550 5.1.1 <jean.martin@orange.fr>: Recipient address rejected: ',
      ' User unknown in virtual mailbox table',
      '',
      '\tat com.sun.mail.smtp.SMTPTransport.rcptTo(SMTPTransport.java:2079)',
    ].join('\n');
    const { incidents } = await extract(trace);
    expect(incidents[0]?.reply.text).toBe(
      '550 5.1.1 <jean.martin@orange.fr>: Recipient address rejected: User unknown in virtual mailbox table',
    );
  });
});

describe("the date of the application's log record above a stack trace", () => {
  const trace = (head: string) =>
    [
      head,
      'javax.mail.SendFailedException: Invalid Addresses;',
      '  nested exception is:',
      '\tcom.sun.mail.smtp.SMTPAddressFailedException: 550 5.1.1 <jean.martin@orange.fr>: Recipient address rejected: User unknown',
      '\tat com.sun.mail.smtp.SMTPTransport.rcptTo(SMTPTransport.java:2079)',
    ].join('\n');

  it("takes the stamp of the nearest line above the reply, a Java Date's zone included", async () => {
    const { incidents } = await extract(
      trace('[Sat Mar 14 10:07:35 CET 2026][ERROR][bg-task:][de.example.MailControl$4.run] '),
    );
    expect(incidents[0]?.occurredAt).toBe('2026-03-14T10:07:35+01:00');
    expect(incidents[0]?.sources.occurredAt?.line).toBe(1);
    const python = await extract(
      trace('2026-03-14 10:07:35,674 5156 ERROR prod odoo.addons.mail: sending failed'),
    );
    expect(python.incidents[0]?.occurredAt).toBe('2026-03-14T10:07:35+00:00');
  });

  it('takes no date from above a blank line', async () => {
    const { incidents } = await extract(trace('[Sat Mar 14 10:07:35 CET 2026][ERROR] earlier\n'));
    expect(incidents[0]?.occurredAt).toBeNull();
  });
});
