/**
 * Third hand audit of the sending IPs, hosts and domain on real bounces (60 files drawn with a fixed
 * seed from the corpus); each case here is modelled on a shape the audit found wrong or missing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { findClientHosts } from '../../core/extract/client-ip';
import { messageDetails } from '../../core/extract/message-details';
import { noticeRecipient } from '../../core/extract/notice-recipient';
import { receivedByName } from '../../core/extract/received';

const dir = fileURLToPath(new URL('../fixtures/extract/audit3/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe("an Apache James notice's `Message details:` block", () => {
  it('gives the envelope sender and the failed recipient it lists', async () => {
    const { incidents } = await extract(fixture('james-message-details-crlf.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply.code).toBe(550);
    // `MAIL FROM:`, not the returned message's From (shop.example.org).
    expect(i?.sendingDomain).toBe('notify.example.com');
    expect(i?.sources.sendingDomain?.text).toBe('  MAIL FROM: alerts@notify.example.com');
    expect(i?.recipientDomain).toBe('vtext.com');
    expect(i?.sources.recipientDomain?.text).toBe('  RCPT TO: 2025550143@vtext.com');
  });

  it('reads the two lines only under the heading', () => {
    const lines = [
      'Message details:',
      '  Subject: Hello',
      '  MAIL FROM: a@example.com',
      '  RCPT TO: <b@example.net>',
    ];
    expect(messageDetails(lines)).toEqual({
      sender: { domain: 'example.com', line: '  MAIL FROM: a@example.com' },
      recipient: { domain: 'example.net', line: '  RCPT TO: <b@example.net>' },
    });
    expect(messageDetails(lines.slice(1))).toBeNull();
  });

  it("never takes the notice's MAIL FROM line for the failed recipient", () => {
    const lines = ['Message details:', '  MAIL FROM: a@example.com', '  RCPT TO: b@example.net'];
    expect(noticeRecipient(lines)?.domain).toBe('example.net');
  });
});

describe('a bounce whose host calls itself localhost (OpenSMTPD 5)', () => {
  it('names the host and address of the hop the bounce left it on', async () => {
    const { incidents } = await extract(fixture('opensmtpd-localhost-notice.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.recipientDomain).toBe('orange.fr');
    expect(i?.sendingDomain).toBe('example.org');
    // The name the host gave itself (HELO), not its reverse name nor the sender's mail server.
    expect(i?.sendingHosts).toEqual(['relay1.example.com']);
    expect(i?.sendingIps).toEqual(['203.0.113.45']);
    expect(i?.sources.sendingHosts?.text).toBe(
      'Received: from relay1.example.com (dsl-203-0-113-45.isp.example.net [203.0.113.45])',
    );
  });

  it('takes nothing when the lowest hop names a real receiving host', async () => {
    // The same notice written by a host that names itself: the hop above is then another relay's.
    const bounce = fixture('opensmtpd-localhost-notice.eml').replace(
      'from localhost (localhost [local]);\n\tby localhost (OpenSMTPD)',
      'from localhost (localhost [local]);\n\tby smtp.example.net (OpenSMTPD)',
    );
    const { incidents } = await extract(bounce);
    expect(incidents[0]?.sendingHosts).not.toContain('relay1.example.com');
    expect(incidents[0]?.sendingIps).toEqual([]);
  });

  it.each([
    ['from localhost (localhost [local]); by localhost (OpenSMTPD) with ESMTPA id 5c0e91d4;', 'localhost'],
    ['from mx.example.com (mx.example.com [192.0.2.1]) by MX2.Example.org. with ESMTP', 'mx2.example.org'],
    ['(qmail 4402 invoked from network); 3 Mar 2026 08:12:39 -0000', null],
  ])('reads the receiving name of %s', (value, name) => {
    expect(receivedByName(value)).toBe(name);
  });
});

describe('the client name a reply writes beside the client address', () => {
  it('gives the host of an Exim-style H= line an iMail notice quotes', async () => {
    const { incidents } = await extract(fixture('imail-filter-names-client.eml'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.sendingIps).toEqual(['203.0.113.61']);
    expect(i?.sendingHosts).toEqual(['mail.example.com']);
    expect(i?.sendingDomain).toBe('shop.example.com');
  });

  it.each([
    [
      '450 4.7.1 <dsl-45.isp.example.net[203.0.113.45]>: Client host rejected: may not be mail exchanger',
      ['dsl-45.isp.example.net'],
    ],
    ['550-H=MTA7.Example.com. [198.51.100.7] HELO=[mta7.example.com]', ['mta7.example.com']],
    // No name (Postfix writes `unknown`), or a private address: nothing.
    ['450 4.7.1 <unknown[203.0.113.45]>: Client host rejected: cannot find your hostname', []],
    ['550 <relay.example.com[10.1.2.3]>: Client host rejected: Access denied', []],
    // The remote's own name beside its address is not the client's.
    ['host mx.example.net[198.51.100.9] said: 550 5.7.1 Access denied', []],
  ])('reads the client name in %s', (text, hosts) => {
    expect(findClientHosts(text)).toEqual(hosts);
  });
});

describe('a pasted reply that names the client', () => {
  it('gives the client name beside its address', async () => {
    const pasted =
      'The server answered:\n\n554 5.7.1 <dsl-45.isp.example.net[203.0.113.45]>: Client host rejected: Access denied\n';
    const { incidents } = await extract(pasted);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.45']);
    expect(incidents[0]?.sendingHosts).toEqual(['dsl-45.isp.example.net']);
  });
});
