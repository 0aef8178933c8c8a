/**
 * The recipient a mail client's sentence after the reply it quotes names as the refused one. Thunderbird
 * writes, after a reply to RCPT TO: `Please check the message recipient "x" and try again.`, `Veuillez
 * vérifier le destinataire du message « x » et réessayer.`, `Bitte überprüfen Sie die E-Mail-Adresse des
 * Empfängers "x" und wiederholen Sie den Vorgang.` (seen in a real German paste: a NixOS configuration's
 * comment, hunt55/SOURCES.md), and in its other languages (thunderbird-l10n-words.ts): `Controllare il
 * destinatario del messaggio “x”`, `Verifique el destinatario "x"`, `Verifique o destinatário da mensagem
 * "x"`, `Controleer de berichtontvanger ‘x’`, `Sprawdź adresata wiadomości (x)`, `"x" alıcısını gözden
 * geçirip`.
 *
 * The sentence says whose address it is, so it names the recipient wherever the paragraph's first lines
 * put another address or none (a dialog quoted below other text, as a comment in a configuration).
 */

/** The words naming the recipient before its address, and the quote or bracket the address opens with. */
const NAMED_BEFORE = String.raw`(?:message\s+recipient|destinataire\s+du\s+message|E-Mail-Adresse\s+des\s+Empf(?:ä|ae|a)ngers|destinatario\s+del\s+messaggio|Verifique\s+el\s+destinatario|destinat[áa]rio\s+da\s+mensagem|berichtontvanger|adresata\s+wiadomo[śs]ci)\s{1,4}[("'“”‘«\u201e]\s{0,2}`;

/** An address, without the quotes around it. */
const ADDRESS = String.raw`([^\s"'“”‘’«»()<>@]{1,64}@[A-Za-z0-9][A-Za-z0-9.-]{0,252}[A-Za-z0-9])`;

/** Turkish names the address first: `"x" alıcısını gözden geçirip ...`. */
const NAMED_AFTER = String.raw`["“]${ADDRESS}["”]\s{1,4}al[ıi]c[ıi]s[ıi]n[ıi]`;

const CLOSING_RECIPIENT = new RegExp(`${NAMED_BEFORE}${ADDRESS}|${NAMED_AFTER}`, 'i');

/** How far after the reply the client's sentence may start (the reply's own wrapped lines before it). */
const WINDOW = 1500;

/** The recipient the client's sentence after a quoted reply names, in `after` (the text from the reply on). */
export function clientClosingRecipient(after: string): string | null {
  const m = CLOSING_RECIPIENT.exec(after.length > WINDOW ? after.slice(0, WINDOW) : after);
  return m ? (m[1] ?? m[2] ?? null) : null;
}
