/**
 * Second hand audit of the sending IPs, hosts and domain on real bounces (60 files drawn with a fixed
 * seed from the corpus); each case here is modelled on a shape the audit found wrong or missing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { parseReceived } from '../../core/extract/received';

const dir = fileURLToPath(new URL('../fixtures/extract/audit2/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('a bounce the remote wrote after accepting the message', () => {
  it("gives the client of the hop into the recipient's domain, not the remote's own hosts", async () => {
    const { incidents } = await extract(fixture('recipient-side-local-failure.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.recipientDomain).toBe('example.edu');
    expect(i?.sendingDomain).toBe('example.com');
    // The relay of a hosting provider, outside the sending domain, is what the remote saw.
    expect(i?.sendingIps).toEqual(['203.0.113.7']);
    expect(i?.sendingHosts).toEqual(['out7.mailhost.example.net']);
    expect(i?.sources.sendingIps?.text).toBe(
      'Received: from out7.mailhost.example.net (out7.mailhost.example.net [203.0.113.7])',
    );
    // Neither the remote's Reporting-MTA and address nor the application server below the relay.
    expect(i?.sendingHosts).not.toContain('mail3.example.edu');
    expect(i?.sendingIps).not.toContain('198.51.100.40');
    expect(i?.sendingIps).not.toContain('192.0.2.44');
  });

  it("gives the client Google's own SPF verdict names when Google refuses a group post", async () => {
    const { incidents } = await extract(fixture('google-group-refusal-crlf.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.recipientDomain).toBe('example.org');
    expect(i?.sendingIps).toEqual(['198.51.100.25']);
    expect(i?.sendingHosts).toEqual(['mta1.mailhost.example.net']);
    // googlemail.com (Reporting-MTA) and mx.google.com (the copy's receiver) are Google's.
    expect(i?.sendingHosts).not.toContain('googlemail.com');
    expect(i?.sendingHosts).not.toContain('mx.google.com');
  });

  it('reads the copy an iMail server quotes, with its two-space continuation lines', async () => {
    const { incidents } = await extract(fixture('imail-recipient-quota.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.sendingDomain).toBe('example.com');
    expect(i?.sendingIps).toEqual(['203.0.113.9']);
    expect(i?.sendingHosts).toEqual(['out7.mailhost.example.net']);
  });

  it.each([
    // iMail: the address after the name, outside any comment.
    [
      'from out7.mailhost.example.net [203.0.113.9] by mx4.example.org\n  (SMTPD-8.22) id 00A1B2C3',
      '203.0.113.9',
    ],
    ['from unknown [192.0.2.8]\n    by smtp-gw7.example.co.jp with ESMTP id 00000000', '192.0.2.8'],
  ])('reads the client address of %s', (value, ip) => {
    expect(parseReceived(value).fromIp).toBe(ip);
  });

  it("takes nothing from a hop into another domain than the recipient's without an SPF verdict", async () => {
    // The same copy as returned by the sender's relay itself: its top hop is the application server
    // (outside the sending domain) handing the message to the relay, not the hop into the remote.
    const bounce = fixture('recipient-side-local-failure.eml')
      .replace('Reporting-MTA: dns; mail3.example.edu', 'Reporting-MTA: dns; out7.mailhost.example.net')
      .replace(/^Received: from out7\.mailhost[^\n]*\n(?:\t[^\n]*\n){2}/m, '')
      .replace(
        'from app2.example.com (app2.example.com [192.0.2.44])',
        'from srv12.webfarm.example.org (srv12.webfarm.example.org [192.0.2.44])',
      );
    const { incidents } = await extract(bounce);
    expect(incidents[0]?.sendingIps).toEqual([]);
    expect(incidents[0]?.sendingHosts).toEqual(['out7.mailhost.example.net']);
  });
});

describe('the address the remote names in its reply', () => {
  it("is the only sending IP: the bounce's own hop to the sender's mailbox may leave from another", async () => {
    const { incidents } = await extract(fixture('orange-cloudmark-two-addresses.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.orange?.reason).toBe(102);
    expect(i?.sendingHosts).toEqual(['mta1.example.net']);
    // Orange's Cloudmark link names 203.0.113.7; mta1's hop into mx.example.com shows 198.51.100.9.
    expect(i?.sendingIps).toEqual(['203.0.113.7']);
  });
});

describe("Amazon SES's X-SES-Outgoing header", () => {
  const bounce = fixture('ses-returned-copy.eml');

  it('gives, in the returned copy, the address SES sent the message from', async () => {
    const { incidents } = await extract(bounce);
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.orange?.reason).toBe(506);
    expect(i?.sendingHosts).toEqual(['a27-42.smtp-out.eu-west-1.amazonses.com']);
    // Not the bounce's own header (54.240.27.31): that one sent the notice.
    expect(i?.sendingIps).toEqual(['54.240.27.42']);
    expect(i?.sources.sendingIps?.text).toBe('X-SES-Outgoing: 2025.09.22-54.240.27.42');
  });

  it('is not read below a relay that received the copy after SES', async () => {
    const relayed = bounce.replace(
      'Date: Mon, 22 Sep 2025 14:05:09 +0000\nX-SES-Outgoing',
      'Received: from a27-42.smtp-out.eu-west-1.amazonses.com (a27-42.smtp-out.eu-west-1.amazonses.com [54.240.27.42])\n\tby relay.example.org (Postfix) with ESMTPS id 4T2mNt2Lk1z9\nDate: Mon, 22 Sep 2025 14:05:09 +0000\nX-SES-Outgoing',
    );
    expect(relayed).not.toBe(bounce);
    const { incidents } = await extract(relayed);
    expect(incidents[0]?.sendingIps).not.toContain('54.240.27.42');
  });

  it('gives way to the client address the remote names in its reply', async () => {
    const named = bounce.replace(
      '550 5.2.0 opmta1mti33nd1 smtp.orange.fr EnJyw4MoQfspR Mail rejete. Mail rejected. ofr_506 [506]',
      '550 opmta1mti07aub smtp.orange.fr EnJyw4MoQfspR Adresse IP source bloquee par Abusix. IP blocked by Abusix, OFR006_100 please visit https://lookup.abusix.com/search?q=54.240.27.50 [100]',
    );
    const { incidents } = await extract(named);
    expect(incidents[0]?.orange?.reason).toBe(100);
    expect(incidents[0]?.sendingIps).toEqual(['54.240.27.50']);
  });
});

describe("a reply Sendmail cut to its first line in '(reason: ...)' and Diagnostic-Code", () => {
  it('takes the client address from the same reply written whole in the transcript', async () => {
    const { incidents } = await extract(fixture('sendmail-gmail-spf-transcript.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.enhanced).toBe('5.7.26');
    expect(i?.sendingHosts).toEqual(['mta1.example.net']);
    // Gmail names 203.0.113.22 three lines down; mta1's hop to mx.example.com is 198.51.100.9.
    expect(i?.sendingIps).toEqual(['203.0.113.22']);
    expect(i?.sources.sendingIps?.text).toBe(
      '<<< 550-5.7.26 The MAIL FROM domain [example.com] has an SPF record with a hard fail',
    );
  });
});

describe('an Amazon SES bounce event mailed through SNS', () => {
  it('is read from the JSON body, folded line and all, instead of the notice around it', async () => {
    const { incidents } = await extract(fixture('ses-sns-notice.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    // The bounced recipient, not the notice's addressee nor the mail's source.
    expect(i?.recipientDomain).toBe('orange.fr');
    expect(i?.orange?.reason).toBe(100);
    expect(i?.sendingIps).toEqual(['54.240.27.77']);
    expect(i?.sendingHosts).toEqual(['a27-77.smtp-out.eu-west-1.amazonses.com']);
    expect(i?.sendingDomain).toBe('example.com');
    expect(i?.remoteIp).toBe('193.252.22.65');
    expect(i?.occurredAt).toBe('2025-10-06T08:14:02+00:00');
  });
});

describe("Oracle Messaging Server's connection tuple in Remote-MTA", () => {
  it('gives the local address of the connection as the sending IP and the far one as the remote', async () => {
    const { incidents } = await extract(fixture('messaging-server-tcp-tuple.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.orange?.reason).toBe(506);
    expect(i?.remoteHost).toBe('smtp-in.orange.fr');
    expect(i?.remoteIp).toBe('193.252.22.65');
    // Not 198.51.100.31, mta3's address on its hop to the sender's mailbox.
    expect(i?.sendingIps).toEqual(['203.0.113.30']);
    expect(i?.sendingHosts).toEqual(['mta3.example.net']);
    expect(i?.sources.sendingIps?.text).toBe(
      'Remote-MTA: dns;smtp-in.orange.fr (TCP|203.0.113.30|47323|193.252.22.65|25)',
    );
  });
});
