/**
 * A mail client's send error kept in a program's comments, the reply without its basic code
 * (Thunderbird's German `Der Mail-Server antwortete:` / `4.7.1 <...>: Helo command rejected ...` in a
 * NixOS configuration, test/fixtures/extract/hunt55/SOURCES.md): the comment marks come off as for a reply
 * with its code, and the recipient Thunderbird's sentence after the reply names is the recipient, wherever
 * the paragraph's first lines stop.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { clientClosingRecipient } from '../../core/extract/client-closing-recipient';
import { withoutCommentMarks } from '../../core/extract/comment-marks';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt55/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe("a client's error in a comment block", () => {
  it('reads the reply without the comment marks, and the recipient the sentence after it names', async () => {
    const { incidents } = await extract(fixture('nix-comment-thunderbird-de-helo-471.txt'), options);
    expect(incidents.map((i) => [i.reply?.enhanced, i.reply?.text, i.recipientDomain])).toEqual([
      ['4.7.1', '4.7.1 <RoswithsMini572.fritz.box>: Helo command rejected: Host not found', 'dune2.de'],
    ]);
  });

  it("keeps the marks of a changelog's comment whose lines start with version numbers", () => {
    const changelog = '# Changes:\n# 4.2.0 Fixed a crash when the server is down\n# 4.1.3 Added an option\n';
    expect(withoutCommentMarks(changelog)).toBe(changelog);
  });
});

describe("the recipient a client's sentence after the reply names", () => {
  it('in the languages of Thunderbird', () => {
    expect(
      [
        'Please check the message recipient "jean@orange.fr" and try again.',
        'Veuillez vérifier le destinataire du message « jean@orange.fr » et réessayer.',
        'Bitte überprüfen Sie die E-Mail-Adresse des Empfängers "jean@orange.fr" und wiederholen Sie den Vorgang.',
        'Controllare il destinatario del messaggio “jean@orange.fr” e riprovare.',
        'Verifique el destinatario "jean@orange.fr" y vuelva a intentarlo.',
        'Verifique o destinatário da mensagem "jean@orange.fr" e tente novamente.',
        'Controleer de berichtontvanger ‘jean@orange.fr’ en probeer het opnieuw.',
        'Sprawdź adresata wiadomości (jean@orange.fr), a następnie ponów próbę.',
        '"jean@orange.fr" alıcısını gözden geçirip yeniden deneyin.',
      ].map(clientClosingRecipient),
    ).toEqual(Array(9).fill('jean@orange.fr'));
  });

  it('not in a sentence naming the sender', () => {
    expect(
      clientClosingRecipient('Please verify that your email address jean@example.net is correct'),
    ).toBeNull();
  });

  it('over an address the paragraph names first, in prose above the error', async () => {
    const text = [
      'I wrote to support@example.org about this yesterday, they could not help.',
      'Sending of the message failed.',
      'An error occurred while sending mail. The mail server responded:',
      '5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416].',
      'Please check the message recipient "jean.dupont@orange.fr" and try again.',
    ].join('\n');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.reply?.enhanced, i.recipientDomain, i.orange?.reason])).toEqual([
      ['5.1.1', 'orange.fr', 416],
    ]);
  });
});
