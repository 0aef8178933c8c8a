/**
 * Thunderbird's send error in the languages, besides English, French and German (client-quote.ts), most
 * likely to reach a French provider's abuse desk: the words that introduce the server's reply and the
 * sentence Thunderbird writes after it. Source: Thunderbird's own strings, repository
 * thunderbird/thunderbird-l10n, `<locale>/mail/messenger/messageSend.ftl` (smtp-error-sending-message,
 * -recipient-command, -from-command, -data-command) and, for Thunderbird up to 102,
 * `<locale>/mail/chrome/messenger/messengercompose/composeMsgs.properties` (errorSendingMessage,
 * errorSendingRcptCommand, errorSendingFromCommand); test/fixtures/extract/thunderbird-l10n/SOURCES.md.
 *
 * - it: `Il server di posta ha risposto: … Controllare il messaggio e riprovare.` (recipient: `Controllare
 *   il destinatario del messaggio “x” e riprovare.`; sender: `Verificare l’indirizzo email …`).
 * - es-ES: `El servidor de correo respondió: … Compruebe el mensaje y vuelva a intentarlo.` (`Verifique el
 *   destinatario "x" …`, `Verifique que su dirección de correo electrónico …`).
 * - pt-PT: `O servidor respondeu: … Por favor verifique a mensagem e tente novamente.` (`O servidor de
 *   correio respondeu: … Verifique o destinatário da mensagem "x" …`, `Por favor verifique se o seu
 *   endereço eletrónico …`); pt-BR: `Resposta do servidor: … Verifique a mensagem e tente novamente.`
 *   (`O servidor de email respondeu: … Verifique se seu endereço de email …`).
 * - nl: `De mailserver antwoordde: … Controleer het bericht en probeer het opnieuw.` (`Controleer de
 *   berichtontvanger ‘x’ …`, `Controleer of uw e-mailadres …`).
 * - pl: `Odpowiedź serwera: … Proszę sprawdzić wiadomość i spróbować ponownie.` (`Sprawdź adresata
 *   wiadomości (x), a następnie ponów próbę.`; `Odpowiedź serwera poczty: … Proszę zweryfikować
 *   poprawność adresu e-mail …`).
 * - tr: `Posta sunucusunun yanıtı: … Lütfen iletiyi gözden geçirip yeniden deneyin.` (`"x" alıcısını
 *   gözden geçirip …`, `Lütfen posta ayarlarındaki e-posta adresinin …`; `Sunucunun yanıtı:` for DATA).
 * - ar: `استجاب خادوم البريد: … من فضلك افحص الرسالة وحاول ثانيةً.` (`أجاب خادوم البريد: … رجاءً تحقق من
 *   مستلم الرسالة "x" …`, `من فضلك تأكد من أن عنوان بريدك …`).
 *
 * Each word before the reply holds one of client-quote's MARKER_HINT words (`serv`, `serw`, `sunucu`,
 * `خادوم`). Turkish dotless ı is written `[ıi]`: a case-insensitive search without the u flag does not
 * fold `I` to `ı`.
 */

/** The words before the reply, in the languages with word characters (searched after `\b`). */
export const THUNDERBIRD_RESPONDED_WORDS = [
  String.raw`Il\s+server\s+(?:di\s+posta\s+)?ha\s+risposto`,
  String.raw`El\s+servidor\s+(?:de\s+correo\s+)?(?:respondi[óo]|ha\s+respondido)`,
  String.raw`O\s+servidor\s+(?:de\s+(?:correio|email)\s+)?respondeu`,
  String.raw`Resposta\s+do\s+servidor`,
  String.raw`De\s+(?:mail)?server\s+antwoordde`,
  String.raw`Odpowied[źz]\s+serwera(?:\s+poczty)?`,
  String.raw`(?:Posta\s+sunucusunun|Sunucunun)\s+yan[ıi]t[ıi]`,
].join('|');

/**
 * The Arabic words before the reply. No `\b` before them: Arabic letters are no word characters to
 * JavaScript.
 */
export const THUNDERBIRD_RESPONDED_ARABIC = String.raw`(?:استجاب|أجاب)\s{1,4}(?:خادوم\s{1,4}البريد|الخادوم)(?=\s{0,4}:)`;

/** The sentence after the reply, its first words (followed by the recipient or the rest of it). */
export const THUNDERBIRD_CLOSING_WORDS = [
  String.raw`Controllare\s+il\s+(?:messaggio|destinatario)|Verificare\s+l.indirizzo\s+email`,
  String.raw`Compruebe\s+el\s+mensaje|Verifique\s+(?:el\s+destinatario|que\s+su\s+direcci[óo]n)`,
  String.raw`(?:Por\s+favor\s+)?verifique\s+(?:a\s+mensagem|o\s+destinat[áa]rio|se\s+(?:o\s+)?seu\s+endere[çc]o)`,
  String.raw`Controleer\s+(?:het\s+bericht|de\s+berichtontvanger|of\s+uw\s+e-mailadres)`,
  String.raw`Prosz[ęe]\s+(?:sprawdzi[ćc]\s+wiadomo[śs][ćc]|zweryfikowa[ćc]\s+poprawno[śs][ćc])|Sprawd[źz]\s+adresata`,
  String.raw`L[üu]tfen\s+(?:iletiyi\s+g[öo]zden|posta\s+ayarlar)|["“][^"”\n]{1,254}["”]\s+al[ıi]c[ıi]s[ıi]n[ıi]\s+g[öo]zden`,
  String.raw`من\s{1,4}فضلك\s{1,4}(?:افحص\s{1,4}الرسالة|تأكد\s{1,4}من\s{1,4}أن\s{1,4}عنوان)|رجاء\u064b?\s{1,4}تحقق\s{1,4}من\s{1,4}مستلم`,
].join('|');

/**
 * The words before a reply Thunderbird quotes without its basic code, in every language it is read in:
 * English, French and German (`The mail server responded:`, `Le serveur de courrier a répondu :`, `Der
 * Mail-Server antwortete:`, client-quote.ts) and those above.
 */
export const THUNDERBIRD_CODELESS_WORDS = String.raw`server\s+responded|\ba\s+r[ée]pondu|Mail-Server\s+antwortete|${THUNDERBIRD_RESPONDED_WORDS}|${THUNDERBIRD_RESPONDED_ARABIC}`;
