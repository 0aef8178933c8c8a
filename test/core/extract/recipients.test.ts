/**
 * The recipient domain of a bounce: the address that failed, never the sender's address quoted in the
 * remote's reply, never a DSN field without a local part, never an address cut short.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import { deliveryReport, fixtureText } from './fixtures';

describe('recipient domain', () => {
  it('Exim: X-Failed-Recipients, not the sender address the reply quotes', async () => {
    const i = (await extract(fixtureText('exim-sender-quoted-in-reply.eml'))).incidents[0];
    expect(i?.recipientDomain).toBe('wanadoo.fr');
    expect(i?.sources.recipientDomain?.line).toBe(7);
    expect(i?.sendingDomain).toBe('example.net');
  });

  it('a mistyped domain with an underscore is given whole, not cut at the underscore', async () => {
    // As in a Postfix DSN for `allborg@dgh_allborg.dk` (osandum/bounce-parser's bad-address sample).
    const bounce = deliveryReport('allborg@dgh_allborg.dk', '5.4.4', 'X-Postfix; Host not found');
    expect((await extract(bounce)).incidents[0]?.recipientDomain).toBe('dgh_allborg.dk');
  });

  it('a DSN recipient field without a local part (`rfc822; @mx.example.org`) names no recipient', async () => {
    const bounce = [
      'From: Mail Delivery Subsystem <MAILER-DAEMON@mx4.example.com>',
      'To: <claire@example.com>',
      'Subject: Returned mail: see transcript for details',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      '   ----- The following addresses had permanent fatal errors -----',
      '<paul@wanadoo.fr>',
      '    (reason: 550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416])',
      '',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx4.example.com',
      '',
      'Final-Recipient: RFC822; @smtp-in.orange.fr',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: SMTP; 550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
      '',
      '--b1--',
      '',
    ].join('\n');
    const i = (await extract(bounce)).incidents[0];
    expect(i?.orange?.reason).toBe(416);
    expect(i?.recipientDomain).toBe('wanadoo.fr');
  });

  it('an address that straddles the first 300 characters of a paragraph is read whole', async () => {
    const filler = 'Delivery to the following recipient has been delayed and will be retried later. '.repeat(
      3,
    );
    const text = `${filler}\n${' '.repeat(296 - filler.length - 1 - 'paul.girard'.length)}paul.girard@wanadoo.fr\nThe response was:\n421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]\n`;
    // The address starts before character 300 and ends after it.
    expect(text.indexOf('@')).toBeLessThan(300);
    expect(text.indexOf('wanadoo.fr') + 10).toBeGreaterThan(300);
    const i = (await extract(text)).incidents[0];
    expect(i?.recipientDomain).toBe('wanadoo.fr');
  });
});

describe('recipient domain, a filter quoting F= and T=', () => {
  it('takes T=[recipient], never the F=[sender] the reply names first (iMail notice)', async () => {
    const notice = [
      'From: "Postmaster" <postmaster@mail.example.com>',
      'To: <claire@example.com>',
      'Subject: Undeliverable Mail',
      'Date: Tue, 17 Nov 2026 09:42:19 +0100',
      '',
      'undeliverable to paul.girard@example.org',
      '',
      'Body of message generated response:',
      '550-REJECTED - Blacklisted URL in message. (example.net) in [black].',
      '550-H=mail.example.com [203.0.113.25] HELO=[mail.example.com]',
      '550-F=[claire@example.com] T=[paul.girard@example.org] S=[Compte rendu',
      '550 de la réunion]',
      '',
    ].join('\r\n');
    const i = (await extract(notice)).incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.recipientDomain).toBe('example.org');
  });
});
