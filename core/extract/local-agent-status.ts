/**
 * Sendmail's transcript when its local delivery program failed: the program's own words on a line (
 * `mail.local: unknown user: kijitora`, `maildrop: maildir over quota.`), then Sendmail's status for the
 * recipient (`554 <rcpt>... Service unavailable`, `550 5.0.0 <rcpt>... Insufficient permission`), the
 * code Sendmail maps the program's exit status to. No server replied: the writer of the notice holds the
 * mailbox and failed to deliver to it (Sisimai's rfc3464-06 gives no reply code, the diagnostic the
 * program's line; its lhost-sendmail-13 says `Diagnostic-Code: X-Unix; 77`, the exit status). The
 * program's words are what the notice says of the failure, without a code, and a note says why there
 * is no code to fill in.
 */
import type { Note } from '../types';
import { note } from './notes';

export const LOCAL_AGENT_NOTE = 'input.local-delivery-failed';

/** The note of an incident whose reply is a local delivery program's words. */
export const localAgentNote = (words: string): Note =>
  note(
    LOCAL_AGENT_NOTE,
    `Le serveur du destinataire n’a pas pu déposer le message dans la boîte aux lettres\u00a0: son programme de distribution locale a écrit «\u00a0${words}\u00a0». Aucun serveur n’a répondu en SMTP, et le code que Sendmail écrit à la suite est son propre statut pour cet échec, pas une réponse\u00a0: il n’y a pas de code de réponse à compléter.`,
    `The recipient's server could not put the message in the mailbox: its local delivery program wrote "${words}". No server replied over SMTP, and the code Sendmail writes after it is its own status for that failure, not a reply: there is no reply code to fill in.`,
  );

/**
 * The line of a local delivery program Sendmail runs (its `local` and `prog` mailers): mail.local,
 * procmail, maildrop, Cyrus's and Dovecot's delivery agents, the restricted shell smrsh.
 */
const LOCAL_AGENT_LINE =
  /^\s{0,4}(?:mail\.local|procmail|maildrop|deliver|dovecot-lda|smrsh)(?:\[\d{1,10}\])?:\s{1,4}\S[^\n]{0,500}$/;

/** Sendmail's own status for a recipient: its code, maybe an enhanced code, the address, then `...`. */
const SENDMAIL_RECIPIENT_STATUS = /^\s{0,4}[45]\d\d(?: [45]\.\d{1,3}\.\d{1,3})? <?[^\s<>]{1,320}>?\.\.\.\s/;

/** The local program's words when `statusLine` is Sendmail's status for its failure on `above`, else null. */
export function localAgentWords(above: string | undefined, statusLine: string): string | null {
  if (above === undefined || !SENDMAIL_RECIPIENT_STATUS.test(statusLine)) return null;
  return LOCAL_AGENT_LINE.test(above) ? above.trim() : null;
}
