/**
 * A bounce notice that quotes no SMTP reply still lists the address that failed: that address, not the
 * returned message's To (whom the sender wrote to, before aliases and forwarding), is the recipient.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import { fixtureText } from './fixtures';

/** A notice with `body` as its text and a returned message addressed to `to`. */
function notice(body: string[], to = '"Paul Girard" <paul@example.org>'): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx1.example.com>',
    'To: claire@example.com',
    'Subject: Undeliverable: Compte rendu',
    'Date: Tue, 17 Nov 2026 09:42:19 +0100',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    ...body,
    '',
    'Received: from app1.example.com (app1.example.com [192.0.2.51])',
    '\tby mx1.example.com with ESMTPSA; Tue, 17 Nov 2026 09:42:17 +0100',
    'From: "Claire Martin" <claire@example.com>',
    `To: ${to}`,
    'Subject: Compte rendu',
    'Date: Tue, 17 Nov 2026 09:42:15 +0100',
    '',
    'Bonjour Paul,',
    '',
  ].join('\n');
}

describe('recipient listed by a notice without a reply', () => {
  it('OpenSMTPD (CRLF): the address opening the error line, not the To of the copy below', async () => {
    const i = (await extract(fixtureText('notice-recipient/opensmtpd-list.eml'))).incidents[0];
    expect(i?.reply.code).toBeNull();
    expect(i?.recipientDomain).toBe('wanadoo.fr');
    expect(i?.sources.recipientDomain?.text).toBe('paul.girard@wanadoo.fr: Domain does not exist');
    expect(i?.sendingDomain).toBe('example.com');
  });

  it('Lotus Notes and others: the address alone on its line, angle brackets or not', async () => {
    for (const line of ['  paul.girard@orange.fr', '<paul.girard@orange.fr>']) {
      const text = notice([
        'Your message',
        '',
        '  Subject: Compte rendu',
        '',
        'was not delivered to:',
        '',
        line,
      ]);
      const i = (await extract(text)).incidents[0];
      expect(i?.recipientDomain).toBe('orange.fr');
    }
  });

  it('IMail and others: a label, then the address alone', async () => {
    const text = notice(['Invalid final delivery userid: paul.girard@orange.fr', '']);
    expect((await extract(text)).incidents[0]?.recipientDomain).toBe('orange.fr');
  });

  it("never a line labelled as the sender's, nor an address inside a sentence", async () => {
    const text = notice([
      'Sender: claire@example.com',
      'Expéditeur : claire@example.com',
      'Delivery to paul.girard@orange.fr failed after 20 attempts.',
    ]);
    const i = (await extract(text)).incidents[0];
    // Nothing in the notice names the recipient in a list: the returned message's To is all there is.
    expect(i?.recipientDomain).toBe('example.org');
    expect(i?.sources.recipientDomain?.text).toBe('To: "Paul Girard" <paul@example.org>');
  });

  it('stops where the copy of the returned message starts', async () => {
    const text = notice(['The message could not be delivered.']).replace(
      'Bonjour Paul,',
      'paul.girard@orange.fr: see you tomorrow',
    );
    expect((await extract(text)).incidents[0]?.recipientDomain).toBe('example.org');
  });
});
