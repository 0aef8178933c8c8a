/**
 * Thunderbird's send error in Italian, Spanish, Portuguese (Portugal and Brazil), Dutch, Polish, Turkish
 * and Arabic: its words before the server's reply and its sentence after it (Thunderbird's own strings,
 * test/fixtures/extract/thunderbird-l10n/SOURCES.md), around Orange's refusals on its submission server.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(
    fileURLToPath(new URL(`../fixtures/extract/thunderbird-l10n/${name}`, import.meta.url)),
    'utf8',
  );
const options = { now: new Date('2026-12-07T12:00:00Z') };

const SENDER = '5.1.0 Emetteur invalide. Invalid Sender. OFR_415 [415]';
const SIZE = '5.2.0 Taille limite du message atteinte. Maximum size of the message reached. OFR_514 [514]';
const RECIPIENT = '5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]';

describe("Thunderbird's send error in other languages", () => {
  it.each([
    ['it-415-sender.derived.txt', SENDER, 415],
    ['es-514-size.derived.txt', SIZE, 514],
    ['pt-pt-416-recipient.derived.txt', RECIPIENT, 416],
    ['pt-br-415-sender.derived.txt', SENDER, 415],
    ['nl-416-recipient.derived.txt', RECIPIENT, 416],
    ['pl-514-size.derived.txt', SIZE, 514],
    ['tr-415-sender.derived.txt', SENDER, 415],
    ['ar-514-size.derived.txt', SIZE, 514],
  ])("%s: Orange's reply without Thunderbird's words, its reason", async (name, text, reason) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toEqual({ code: null, enhanced: text.slice(0, 5), text });
    expect(incidents[0]?.orange?.reason).toBe(reason);
  });

  // A reply without Orange's `[NNN]` at its end (Postfix's relay refusal, as in hunt48's German test): only
  // Thunderbird's words tell where it starts and ends.
  it.each([
    [
      'it',
      'Si è verificato un errore durante l’invio della posta. Il server di posta ha risposto: ',
      'Controllare il messaggio e riprovare.',
    ],
    [
      'es',
      'Ocurrió un error al enviar el correo. El servidor de correo respondió: ',
      'Compruebe el mensaje y vuelva a intentarlo.',
    ],
    [
      'pt-PT',
      'Ocorreu um erro ao enviar o correio. O servidor respondeu:  ',
      'Por favor verifique a mensagem e tente novamente.',
    ],
    [
      'pt-BR',
      'Ocorreu um erro ao enviar mensagens. Resposta do servidor:  ',
      'Verifique a mensagem e tente novamente.',
    ],
    [
      'nl',
      'Er is een fout opgetreden bij het verzenden van e-mail. De mailserver antwoordde: ',
      'Controleer het bericht en probeer het opnieuw.',
    ],
    [
      'pl',
      'Wystąpił błąd podczas wysyłania wiadomości. Odpowiedź serwera: ',
      'Proszę sprawdzić wiadomość i spróbować ponownie.',
    ],
    [
      'tr',
      'Posta gönderilirken bir hata oluştu. Posta sunucusunun yanıtı:  ',
      'Lütfen iletiyi gözden geçirip yeniden deneyin.',
    ],
    ['ar', 'حدث عطل أثناء إرسال البريد. استجاب خادوم البريد:  ', 'من فضلك افحص الرسالة وحاول ثانيةً.'],
  ])(
    '%s: a reply without a code or an Orange token is found, cut before the closing sentence',
    async (_, before, after) => {
      const paste = `${before}5.7.1 <jean.dupont@example.org>: Relay access denied. ${after}\n`;
      const { incidents } = await extract(paste, options);
      expect(incidents.map((i) => i.reply)).toEqual([
        { code: null, enhanced: '5.7.1', text: '5.7.1 <jean.dupont@example.org>: Relay access denied' },
      ]);
    },
  );

  // Its sentence after a refused sender (smtp-error-sending-from-command), after Postfix's refusal.
  it.each([
    [
      'it',
      'Il server di posta ha risposto: ',
      'Verificare l’indirizzo email nelle impostazioni dell’account e riprovare.',
    ],
    [
      'es',
      'El servidor de correo respondió: ',
      'Verifique que su dirección de correo electrónico es correcta en las preferencias de su cuenta y vuelva a intentarlo.',
    ],
    [
      'pt-PT',
      'O servidor respondeu: ',
      'Por favor verifique se o seu endereço eletrónico está correto nas definições da conta e tente novamente.',
    ],
    [
      'pt-BR',
      'O servidor de email respondeu: ',
      'Verifique se seu endereço de email está correto nas configurações da conta e tente novamente.',
    ],
    [
      'nl',
      'De mailserver antwoordde: ',
      'Controleer of uw e-mailadres juist is ingesteld in uw accountinstellingen en probeer het opnieuw.',
    ],
    [
      'pl',
      'Odpowiedź serwera poczty: ',
      'Proszę zweryfikować poprawność adresu e-mail w konfiguracji kont i spróbować ponownie.',
    ],
    [
      'tr',
      'Posta sunucusunun yanıtı: ',
      'Lütfen posta ayarlarındaki e-posta adresinin doğruluğunu kontrol edip yeniden deneyin.',
    ],
    ['ar', 'استجاب خادوم البريد: ', 'من فضلك تأكد من أن عنوان بريدك صحيح في إعدادات الحساب و حاول ثانيةً.'],
  ])('%s: a refused sender, without the sentence about the account settings', async (_, before, after) => {
    const reply = '5.7.1 <jean.dupont@example.org>: Sender address rejected: not owned by user jean';
    const { incidents } = await extract(`${before}${reply}. ${after}\n`, options);
    expect(incidents.map((i) => i.reply?.text)).toEqual([reply]);
  });

  // Its sentence naming a refused recipient (smtp-error-sending-recipient-command), on the line below.
  it.each([
    [
      'it',
      'Il server di posta ha risposto:',
      'Controllare il destinatario del messaggio “jean.dupont@example.org” e riprovare.',
    ],
    [
      'es',
      'El servidor de correo respondió: ',
      'Verifique el destinatario "jean.dupont@example.org" y vuelva a intentarlo.',
    ],
    [
      'pt-PT',
      'O servidor de correio respondeu:',
      'Verifique o destinatário da mensagem "jean.dupont@example.org" e tente novamente.',
    ],
    [
      'nl',
      'De mailserver antwoordde:',
      'Controleer de berichtontvanger ‘jean.dupont@example.org’ en probeer het opnieuw.',
    ],
    [
      'pl',
      'Odpowiedź serwera:',
      'Sprawdź adresata wiadomości (jean.dupont@example.org), a następnie ponów próbę.',
    ],
    [
      'tr',
      'Posta sunucusunun yanıtı:  ',
      '"jean.dupont@example.org" alıcısını gözden geçirip yeniden deneyin.',
    ],
    ['ar', 'أجاب خادوم البريد:', 'رجاءً تحقق من مستلم الرسالة "jean.dupont@example.org" ثم حاول ثانيةً.'],
  ])('%s: a refused recipient, without the sentence naming it', async (_, before, after) => {
    const reply =
      '5.1.1 <jean.dupont@example.org>: Recipient address rejected: User unknown in virtual mailbox table';
    const { incidents } = await extract(`${before}\n${reply}.\n${after}\n`, options);
    expect(incidents.map((i) => [i.reply?.text, i.recipientDomain])).toEqual([[reply, 'example.org']]);
  });

  // web.de's reply without any code, as Thunderbird quoted it (test/fixtures/extract/audit11/
  // thunderbird-no-code-qp-break.txt), here in Thunderbird's Italian words: a refusal all the same.
  it('Italian, a reply without any code is still read as the refusal Thunderbird says it is', async () => {
    const paste = [
      'Si è verificato un errore durante l’invio della posta. Il server di posta ha risposto:',
      'Requested action not taken: mailbox unavailable',
      'invalid DNS MX or A/AAAA resource record.',
      'Controllare il destinatario del messaggio “jean.dupont@example.org” e riprovare.',
    ].join('\n');
    const { incidents } = await extract(paste, options);
    expect(incidents.map((i) => i.reply)).toEqual([
      {
        code: null,
        enhanced: null,
        text: 'Requested action not taken: mailbox unavailable invalid DNS MX or A/AAAA resource record',
      },
    ]);
  });

  it("Dutch, a reply with its basic code: Thunderbird's sentence naming the recipient is left out", async () => {
    const paste = [
      'Er is een fout opgetreden bij het verzenden van e-mail. De mailserver antwoordde:',
      '451 4.3.5 <jean.dupont@example.org>: Recipient address rejected: Server configuration problem.',
      'Controleer de berichtontvanger ‘jean.dupont@example.org’ en probeer het opnieuw.',
    ].join('\n');
    const { incidents } = await extract(paste, options);
    expect(incidents.map((i) => i.reply?.text)).toEqual([
      '451 4.3.5 <jean.dupont@example.org>: Recipient address rejected: Server configuration problem',
    ]);
  });

  it.each([
    [
      'fr',
      [
        'Une erreur est survenue lors de l’envoi du courrier. Le serveur de courrier a répondu :',
        `${RECIPIENT}.`,
        'Veuillez vérifier le destinataire du message « jean.dupont@orange.fr » et réessayer.',
      ].join('\n'),
    ],
    ['nl', fixture('nl-416-recipient.derived.txt')],
    [
      'it',
      [
        'Si è verificato un errore durante l’invio della posta. Il server di posta ha risposto:',
        `${RECIPIENT}.`,
        'Controllare il destinatario del messaggio “jean.dupont@orange.fr” e riprovare.',
      ].join('\n'),
    ],
  ])(
    '%s: the recipient Thunderbird names in quotes after Orange’s 416, cited from its own line',
    async (_, paste) => {
      const { incidents } = await extract(paste, options);
      expect(incidents.map((i) => [i.reply?.text, i.orange?.reason, i.recipientDomain])).toEqual([
        [RECIPIENT, 416, 'orange.fr'],
      ]);
      // Thunderbird's lines, not a wrap of its long first line: each value cites the line that gives it.
      const lines = paste.split('\n');
      const at = (words: string) => lines.findIndex((l) => l.includes(words)) + 1;
      expect(incidents[0]?.sources.reply?.line).toBe(at('OFR_416 [416]'));
      expect(incidents[0]?.sources.recipientDomain?.line).toBe(at('jean.dupont@orange.fr'));
      expect(incidents[0]?.sources.recipientDomain?.text).toMatch(/^(?:Contro|Veuillez)/);
    },
  );
});
