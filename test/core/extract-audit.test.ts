/**
 * Fields no reference checks for us (sending IPs and hosts, sending and recipient domains, the date's
 * zone), audited by hand on real bounces; each case here is modelled on one the audit found wrong.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { parseReceived } from '../../core/extract/received';
import { parseReply } from '../../core/extract/reply';

const dir = fileURLToPath(new URL('../fixtures/extract/audit/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('a sending IP the remote names in its reply', () => {
  it('is read from Postfix "Client host [IP] blocked" and "<name[IP]>: Client host rejected"', async () => {
    const { incidents } = await extract(fixture('postfix-client-ip-in-reply.eml'));
    expect(incidents[0]?.recipientDomain).toBe('example.org');
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.7']);
    expect(incidents[1]?.recipientDomain).toBe('example.com');
    expect(incidents[1]?.sendingIps).toEqual(['203.0.113.7']);
    // The remote's own address is never the sending IP.
    expect(incidents[0]?.sendingIps).not.toContain('198.51.100.20');
  });

  it("is read from Microsoft's 'banned sending IP [IP]' in a Sendmail bounce", async () => {
    const { incidents } = await extract(fixture('sendmail-banned-sending-ip.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.9']);
    expect(incidents[0]?.sendingHosts).toEqual(['relay.example.net']);
  });

  it.each([
    [
      '421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to user complaints - 4.16.55.1',
      '192.0.2.25',
    ],
    [
      '451 4.7.650 The mail server [198.51.100.3] has been temporarily rate limited due to IP reputation.',
      '198.51.100.3',
    ],
    [
      '550 5.7.1 [203.0.113.22 18] Our system has detected that this message is likely suspicious',
      '203.0.113.22',
    ],
    [
      '554 mta1.example.net comcast 203.0.113.2 Comcast requires that all mail servers must have a PTR record',
      '203.0.113.2',
    ],
    ['554 Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi?ip=192.0.2.225', '192.0.2.225'],
    // Cisco's link as a Mailu issue (#1458) quotes a refusal: the address is the searched value.
    [
      '554 5.7.1 Service unavailable; Client host blocked. More information on your sending IP address can be found here: http://www.senderbase.org/search?searchBy=ipaddress&searchString=192.0.2.226',
      '192.0.2.226',
    ],
    [
      '550 5.7.1 Connections not accepted from servers without a valid sender domain. Fix reverse DNS for 203.0.113.9',
      '203.0.113.9',
    ],
    ['550 domain [example.com] mismatches client ip 192.0.2.8.', '192.0.2.8'],
    [
      '550 Ip frequency limited [V2VkIEFw Blocked IP 192.0.2.22]. http://service.example.com/help',
      '192.0.2.22',
    ],
  ])('reads the client in %s', (text, ip) => {
    expect(parseReply(text).linkIps).toEqual([ip]);
  });

  it.each([
    'connect to mx.example.edu[198.51.100.40]:25: Connection timed out',
    '550 Unknown user (Other MXes tried: 192.0.2.32 said 550 for RCPT TO response; 192.0.2.40 said 550)',
    '552 Error: disk quota exceeded Giving up on 192.0.2.20.',
    '421 4.7.0 [TSS04] Messages from 10.1.2.3 temporarily deferred',
  ])('takes no sending IP from %s', (text) => {
    expect(parseReply(text).linkIps).toEqual([]);
  });
});

describe('a recipient of a DSN without a reply of its own', () => {
  it('does not take the reply, remote and sending IP written for another recipient', async () => {
    const { incidents, warnings } = await extract(fixture('postfix-client-ip-in-reply.eml'));
    expect(incidents).toHaveLength(3);
    const timedOut = incidents[2];
    expect(timedOut?.recipientDomain).toBe('example.edu');
    expect(timedOut?.reply.code).toBeNull();
    // No server replied: the MTA's words are in a note, not in the reply; the server it tried is named.
    expect(timedOut?.reply.text).toBe('');
    const note = warnings.find((w) => w.code === 'input.no-server-reply');
    expect(note?.text.en).toContain('connect to mx.example.edu[198.51.100.40]:25');
    expect(timedOut?.remoteIp).toBe('198.51.100.40');
    expect(timedOut?.sendingIps).toEqual([]);
    expect(timedOut?.sendingHosts).toEqual(['mta1.example.net']);
  });
});

describe('a returned copy that shows where the message left the sender', () => {
  it('gives the sending host and IP the remote saw when the remote bounced after accepting', async () => {
    const { incidents } = await extract(fixture('recipient-side-quota-bounce.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.sendingDomain).toBe('example.net');
    expect(i?.sendingHosts).toEqual(['mta1.example.net']);
    expect(i?.sendingIps).toEqual(['203.0.113.7']);
    expect(i?.sources.sendingIps?.text).toBe(
      'Received: from mta1.example.net (mta1.example.net [203.0.113.7])',
    );
    // The remote's own hosts and addresses (its Reporting-MTA, its hop to the sender) are not the sender's.
    expect(i?.sendingHosts).not.toContain('mx2.example.org');
    expect(i?.sendingIps).not.toContain('198.51.100.12');
  });

  it('gives, in an abuse report, the client of the hop from Source-IP, not the provider receiving it', async () => {
    const { incidents, warnings } = await extract(fixture('arf-source-ip.eml'));
    expect(incidents).toHaveLength(1);
    // Said first: a complaint report is no refusal, there is no reply to send Orange's abuse desk.
    expect(warnings[0]?.code).toBe('input.abuse-report');
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.7']);
    expect(incidents[0]?.sendingHosts).toEqual(['mta1.example.net']);
  });

  it('keeps the relay as the sending host when the bounce names a remote elsewhere', async () => {
    const { incidents } = await extract(fixture('smarthost-relay-bounce.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingHosts).toEqual(['out2.relay.example.com']);
    // The application server's address is the hop INTO the relay, never the one Orange saw.
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.90']);
  });
});

describe('Received lines written by qmail, Exim and Exchange', () => {
  it.each([
    // qmail (and Yahoo): the address is the last comment; the first word may look like an address.
    [
      'from 127.0.0.1  (EHLO mta1.example.net) (203.0.113.7)\n  by mta12.mail.example.com with SMTPS',
      '203.0.113.7',
      'mta1.example.net',
    ],
    [
      'from relay3.example.net (HELO out.example.net) (192.0.2.4)\n  by mx.example.com with SMTP',
      '192.0.2.4',
      'out.example.net',
    ],
    // Exim: the name the client gave is `helo=`.
    [
      'from [203.0.113.225] (port=58540 helo=mta1.example.net)\n\tby mx113.example.com with esmtp',
      '203.0.113.225',
      'mta1.example.net',
    ],
    // Exchange: the address alone in the comment.
    [
      'from mta1.example.net (198.51.100.22) by EX01.example.com (198.51.100.2) with Microsoft SMTP Server',
      '198.51.100.22',
      null,
    ],
  ])('reads the client of %s', (value, ip, helo) => {
    const hop = parseReceived(value);
    expect(hop.fromIp).toBe(ip);
    expect(hop.fromHelo).toBe(helo);
  });

  it('gives the sending host and IP of an abuse report whose copy has a qmail-style hop', async () => {
    const { incidents } = await extract(fixture('arf-qmail-received.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingHosts).toEqual(['mta1.example.net']);
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.7']);
  });
});

describe('the zone of a date written without one', () => {
  it("takes the zone of another header giving the same time with one (the bounce's own Date)", async () => {
    const { incidents } = await extract(fixture('zoneless-returned-date.eml'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2025-01-14T09:12:30+01:00');
    expect(incidents[0]?.assumptions).toEqual([]);
  });

  const bounce = (date: string) =>
    `From: MAILER-DAEMON@mta1.example.net\nTo: news@example.net\nDate: ${date}\nSubject: Undelivered Mail Returned to Sender\nContent-Type: text/plain\n\n<luc@orange.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]\n`;

  it.each([
    ['Tue, 14 Jan 2025 09:12:30', 'Europe/Paris', '2025-01-14T09:12:30+01:00'],
    ['Wed, 16 Jul 2025 09:12:30', 'Europe/Paris', '2025-07-16T09:12:30+02:00'],
    ['Wed, 16 Jul 2025 09:12:30', '+05:30', '2025-07-16T09:12:30+05:30'],
    ['Wed, 16 Jul 2025 09:12:30', undefined, '2025-07-16T09:12:30+00:00'],
  ])('reads %s in the zone assumed (%s), as the note says', async (date, zone, iso) => {
    const { incidents } = await extract(bounce(date), zone ? { assumeZone: zone } : {});
    expect(incidents[0]?.occurredAt).toBe(iso);
    expect(incidents[0]?.assumptions[0]?.text.en).toContain(`${zone ?? 'UTC'} was assumed`);
  });
});
