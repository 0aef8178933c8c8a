/**
 * PHPMailer's `ErrorInfo` after a refusal, the message WordPress plugins and PHP sites show. Its SMTP
 * class keeps the reply's lines with their code and enhanced code cut off (`detail`), and `setError`
 * names them apart after the command that failed (PHPMailer 6, `smtp_error`, `smtp_detail`, `smtp_code`,
 * `smtp_code_ex`):
 *
 *     SMTP Error: data not accepted.SMTP server error: DATA END command failed Detail: Mail rejete. Mail rejected. OFR_506 [506]
 *      SMTP code: 550 Additional SMTP info: 5.2.0
 *
 * (the line break is the reply's own CRLF, kept in the detail; `\r\n` written out in a JSON log). A
 * French site writes PHPMailer's French words where its language file has them (`Erreur du serveur SMTP :`,
 * `Détails :`, `Code SMTP :`, `Informations supplémentaires SMTP :`) and the English ones elsewhere.
 * The reply is put back together: code, enhanced code, words.
 *
 * Refused recipients are listed each with its detail alone (`The following recipients failed:
 * rcpt@example.org: <words>`; `les destinataires suivants ont échoué :` in French, `sont en erreur :`
 * before), no code: the
 * words are the reply, the code is not guessed.
 */
import type { LibraryReply } from './library-errors';

export const PHPMAILER_SERVER_ERROR_HINT =
  /(?:SMTP server error|Erreur du serveur SMTP)\s?:|following recipients failed|destinataires suivants (?:sont en erreur|ont échoué)/;

const SERVER_ERROR =
  /(?:SMTP server error|Erreur du serveur SMTP)\s?:\s{0,4}[A-Z][A-Z ]{1,20} command failed\s{1,4}(?:Detail|Détails?)\s?:\s{0,4}([\s\S]{1,2000}?)(?:\s|\\r|\\n){1,8}(?:SMTP code|Code SMTP)\s?:\s{0,2}([245]\d\d)(?:\s{1,4}(?:Additional SMTP info|Informations supplémentaires SMTP)\s?:\s{0,2}([245]\.\d{1,3}\.\d{1,3}))?/g;
const RECIPIENTS_FAILED =
  /(?:following recipients failed|destinataires suivants (?:sont en erreur|ont échoué))\s?:\s{0,4}/g;
/** One refused recipient and its words, to the end of the line (each detail ends with the reply's CRLF). */
const RECIPIENT_DETAIL =
  /^\s{0,4}<?([^\s<>:@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])>?\s?:\s{1,4}([^\n]{1,2000})/;
const ENHANCED_FIRST = /^[245]\.\d{1,3}\.\d{1,3}\s/;

/** The words of a detail on one line, a JSON string's escaped line breaks undone. */
function words(detail: string): string {
  return detail
    .replace(/\\r\\n|\\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The replies of `SMTP server error: ... Detail: ... SMTP code: ...`, with the words they hold. */
function serverErrors(text: string): (LibraryReply & { said: string })[] {
  const found: (LibraryReply & { said: string })[] = [];
  SERVER_ERROR.lastIndex = 0;
  for (let m = SERVER_ERROR.exec(text); m && found.length < 1000; m = SERVER_ERROR.exec(text)) {
    const said = words(m[1] ?? '');
    // An older PHPMailer left the enhanced code in the words: it is not written twice.
    const enhanced = m[3] && !ENHANCED_FIRST.test(said) ? `${m[3]} ` : '';
    found.push({ text: `${m[2]} ${enhanced}${said}`, said, offset: m.index, recipient: null });
  }
  return found;
}

/** Each refused recipient of the list and its words. */
function refusedRecipients(text: string): LibraryReply[] {
  const found: LibraryReply[] = [];
  RECIPIENTS_FAILED.lastIndex = 0;
  const lead = RECIPIENTS_FAILED.exec(text);
  if (!lead) return found;
  let at = lead.index + lead[0].length;
  while (at < text.length && found.length < 1000) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end);
    const m = RECIPIENT_DETAIL.exec(line.replace(/\r$/, ''));
    if (!m) break;
    found.push({ text: words(m[2] ?? ''), offset: at + line.indexOf(m[2] ?? ''), recipient: m[1] ?? null });
    if (end < 0) break;
    at = end + 1;
  }
  return found;
}

/**
 * The replies PHPMailer's error message names, in order: each refused recipient's, with the code of the
 * last error when it names the same words (the connection kept open, PHPMailer did not clear it).
 */
export function phpmailerServerErrors(text: string): LibraryReply[] {
  const named = serverErrors(text);
  const refused = refusedRecipients(text);
  if (refused.length === 0) return named.map(({ said: _, ...reply }) => reply);
  const used = new Set<number>();
  const out = refused.map((r) => {
    const k = named.findIndex((n, i) => !used.has(i) && n.said === r.text);
    if (k < 0) return r;
    used.add(k);
    return { ...r, text: named[k]?.text ?? r.text };
  });
  return [...out, ...named.filter((_, i) => !used.has(i)).map(({ said: _, ...reply }) => reply)];
}
