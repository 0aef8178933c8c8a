/**
 * findQuoteMarker skips a paragraph holding none of MARKER_HINT's words: each wording it knows must
 * still be found (one sample per wording of MARKER_WORDS, in the order written there).
 */
import { describe, expect, it } from 'vitest';
import { findQuoteMarker } from '../../../core/extract/client-quote';

const WORDINGS = [
  "Remote Server returned '550 5.1.1",
  'remote server said: 550 5.1.1',
  'The error that the other server returned was: 550 5.1.1',
  'The response from the remote server was:\n550 5.1.1',
  'The response was: 550 5.1.1',
  'server response was 550 5.1.1',
  'Réponse du serveur distant était : 550 5.1.1',
  'Le serveur de messagerie a répondu la valeur 550 5.1.1',
  'The mail server responded: 5.1.1',
  'Server responded with 550 5.1.1',
  "Server Response: '550 5.1.1",
  "Erreur du serveur : '550 5.1.1",
  "Risposta del server: '553 5.1.1",
  'Errore del server: 553 5.1.1',
  'Respuesta del servidor: 550 5.1.1',
  'Error del servidor: 550 5.1.1',
  'Serverantwort: 550 5.1.1',
  'Serverantwoord: 550 5.1.1',
  'Diagnostic code: 550 5.1.1',
  'SMTP error: 550 5.1.1',
  'SMTP protocol diagnostic: 550 5.1.1',
  'SMTP server message: 554 5.7.1',
  'with the following error message: 550 5.1.1',
  'but got code "550", with message 550 5.1.1',
  'responded as follows: 550 5.1.1',
  'Reported error:    550 5.1.10 RESOLVER.ADR.RecipientNotFound',
  'Erreur signalée :       550 5.7.1 mwinf5c40 ME Adresse IP source bloquee',
  'Reason: 554 delivery error',
  'Error Details\nError:  554 5.7.1 rejected',
  '服务器响应为: 550 5.1.1',
  // Thunderbird's other languages (thunderbird-l10n-words.ts).
  'Il server di posta ha risposto: 5.1.1',
  'El servidor de correo respondió: 5.1.1',
  'O servidor de correio respondeu: 5.1.1',
  'Resposta do servidor: 5.1.1',
  'De mailserver antwoordde: 5.1.1',
  'Odpowiedź serwera: 5.1.1',
  'Posta sunucusunun yanıtı: 5.1.1',
  'استجاب خادوم البريد: 5.1.1',
];

describe('findQuoteMarker', () => {
  it('finds each wording, in any case', () => {
    for (const wording of WORDINGS) {
      const text = `Delivery to <jean.dupont@example.org> failed. ${wording} <jean.dupont@example.org> refused`;
      expect(findQuoteMarker(text), wording).not.toBeNull();
      expect(findQuoteMarker(text.toUpperCase()), wording).not.toBeNull();
    }
  });

  it('finds none in a paragraph without its words', () => {
    expect(findQuoteMarker('Your message to <jean.dupont@example.org> could not be delivered.')).toBeNull();
  });
});
