/**
 * Replies as mail clients show them (Outlook, Thunderbird, Apple Mail, in English and French).
 * The reply must come out exactly as the server wrote it: no client words around it, no quote or
 * bracket lost.
 */
import { describe, expect, it } from 'vitest';
import { extract, extractBytes } from '../../../core/extract';
import { fixtureBytes, fixtureText } from './fixtures';

describe('replies quoted by mail clients', () => {
  it('Outlook (French, one line of label pairs): the quoted reply, the server named, the recipient', async () => {
    const { incidents } = await extract(fixtureText('client-outlook-fr.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply).toEqual({
      code: 550,
      enhanced: '5.1.0',
      text: '550 5.1.0 Emetteur invalide. Invalid Sender. OFR_415 [415]',
    });
    expect(i?.orange).toEqual({ token: 'OFR_415', reason: 415, server: null });
    expect(i?.remoteHost).toBe('smtp.orange.fr');
    expect(i?.recipientDomain).toBe('orange.fr');
  });

  it.each([
    ['office365-ndr-pasted-en.txt', 24, 26],
    ['office365-ndr-pasted-fr.txt', 14, 16],
  ])(
    'Office 365 notice as Outlook shows it (%s): the reply ends at its line, the labelled fields',
    async (name, replyLine, serverLine) => {
      const { incidents } = await extract(fixtureText(name));
      expect(incidents).toHaveLength(1);
      const i = incidents[0];
      expect(i?.reply).toEqual({
        code: 550,
        enhanced: null,
        text: '550 mwinf5c21 ME Mail rejete. Mail rejected. ofr_506 [506]',
      });
      expect(i?.sources.reply?.line).toBe(replyLine);
      // The notice names the remote server on a line of its own, and the sender before the recipient.
      expect(i?.remoteHost).toBe('smtp-in.orange.fr');
      expect(i?.sources.remoteHost?.line).toBe(serverLine);
      expect(i?.recipientDomain).toBe('orange.fr');
      expect(i?.sources.recipientDomain?.text).not.toMatch(/Sender|exp[ée]diteur/i);
      // The notice's own labelled line names the original sender.
      expect(i?.format).toBe('exchange');
      expect(i?.sendingDomain).toBe('news.example.com');
      expect(i?.sources.sendingDomain?.text).toMatch(/^(?:Sender Address|Adresse de l’expéditeur)/);
    },
  );

  it('Outlook (English): stops at the closing quote, not at the end of the line', async () => {
    const i = (await extract(fixtureText('client-outlook-en.txt'))).incidents[0];
    expect(i?.reply.text).toBe('550 5.1.0 Emetteur invalide. Invalid Sender. OFR_415 [415]');
    expect(i?.remoteHost).toBe('smtp.orange.fr');
    expect(i?.recipientDomain).toBe('wanadoo.fr');
  });

  it('Outlook (French, one pair per line, Windows-1252 with CRLF): the next label ends the reply', async () => {
    const result = await extractBytes(fixtureBytes('client-outlook-fr-lines-cp1252.txt'));
    const i = result.incidents[0];
    expect(i?.reply.text).toBe('550 5.1.0 Emetteur invalide. Invalid Sender. OFR_415 [415]');
    expect(i?.remoteHost).toBe('smtp.orange.fr');
    expect(i?.sources.reply?.line).toBe(2);
    expect(i?.sources.reply?.text).toMatch(/^Réponse du serveur/);
    expect(i?.sources.remoteHost?.line).toBe(3);
  });

  it('Outlook task error quoting its whole message: the final quote is not part of the reply', async () => {
    const i = (await extract(fixtureText('client-outlook-task.txt'))).incidents[0];
    expect(i?.reply.text).toBe(
      '550 5.7.1 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_106 [106]',
    );
  });

  it('Thunderbird (English) drops the basic code: enhanced code and Orange token still read', async () => {
    const i = (await extract(fixtureText('client-thunderbird-en.txt'))).incidents[0];
    expect(i?.reply).toEqual({
      code: null,
      enhanced: '5.1.0',
      text: '5.1.0 Emetteur invalide. Invalid Sender. OFR_415 [415]',
    });
    expect(i?.orange?.reason).toBe(415);
  });

  it('Thunderbird (French): the period and the sentence the client adds are left out', async () => {
    const i = (await extract(fixtureText('client-thunderbird-fr.txt'))).incidents[0];
    expect(i?.reply.text).toBe(
      '5.2.0 Taille limite du message atteinte. Maximum size of the message reached. OFR_514 [514]',
    );
    expect(i?.orange?.token).toBe('OFR_514');
  });

  it('Apple Mail (English): "The server response was:" and the server named in the first line', async () => {
    const i = (await extract(fixtureText('client-apple-mail.txt'))).incidents[0];
    expect(i?.reply.code).toBe(550);
    expect(i?.reply.text.endsWith('OFR_106 [106]')).toBe(true);
    expect(i?.remoteHost).toBe('smtp.orange.fr');
    expect(i?.sources.remoteHost?.line).toBe(1);
  });

  it('Apple Mail (French): "La réponse du serveur était :" is not part of the reply', async () => {
    const i = (await extract(fixtureText('client-apple-mail-fr.txt'))).incidents[0];
    expect(i?.reply).toMatchObject({ code: 421, enhanced: '4.2.0' });
    expect(i?.reply.text.startsWith('421 4.2.0 Service refuse.')).toBe(true);
    expect(i?.orange?.reason).toBe(999);
  });

  it('keeps the closing bracket of a reply that ends the text: "[106]", not "[106"', async () => {
    const i = (await extract('Réponse du serveur : 550 5.7.1 Service refuse. OFR_106 [106]')).incidents[0];
    expect(i?.reply.text).toBe('550 5.7.1 Service refuse. OFR_106 [106]');
    const quoted = (await extract("Réponse du serveur : '550 5.7.1 Service refuse. OFR_106 [106]'"))
      .incidents[0];
    expect(quoted?.reply.text).toBe('550 5.7.1 Service refuse. OFR_106 [106]');
  });
});

describe('older Outlook wordings (from user reports quoted in Sisimai issue 240)', () => {
  it('"Erreur serveur : \'550 ...": the quote is the reply, even left unclosed', async () => {
    const i = (
      await extract(
        "Erreur serveur : '550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416] \n",
      )
    ).incidents[0];
    expect(i?.reply.text).toBe(
      '550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    );
    expect(i?.orange?.reason).toBe(416);
  });

  it('"Erreur de serveur : 550" above the reply is a label: the reply is read under "Réponse du serveur"', async () => {
    const i = (
      await extract(
        "Erreur de serveur : 550\nRéponse du serveur : 552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417 [417]\nServeur : 'smtp.orange.fr'\n",
      )
    ).incidents[0];
    expect(i?.reply.code).toBe(552);
    expect(i?.reply.text).toBe('552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417 [417]');
    expect(i?.sources.reply?.line).toBe(2);
  });
});

describe('a bounce quoted in a reply (`> ` on every line)', () => {
  it('reads it without the quote marks: whole reply, the bounced recipient, not the quoted sender', async () => {
    const i = (await extract(fixtureText('quoted-in-reply-fr.txt'))).incidents[0];
    expect(i?.reply.text).toBe(
      '550 5.7.1 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_106 [106]',
    );
    // `MAILER-DAEMON@mx1.shop.example` in the "a écrit :" line is the bounce's sender, not the recipient.
    expect(i?.recipientDomain).toBe('orange.fr');
    expect(i?.remoteIp).toBe('193.252.22.65');
    expect(i?.sources.reply?.text).toBe(
      '> <lea@orange.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550 5.7.1',
    );
  });
});
