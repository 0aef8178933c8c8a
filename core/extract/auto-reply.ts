/**
 * An automatic reply (an absence or vacation message, an autoresponder's acknowledgement) sent back
 * to the sender: RFC 3834's `Auto-Submitted: auto-replied` (Sieve's vacation, Dovecot, Notes), or the
 * older marks of autoresponders, `X-Autoreply:`, `X-Autorespond:`, `Precedence: auto_reply`. The
 * message was delivered; the reply is a person's (or their mailbox's), no refusal by any server.
 * Bounces also carry `Auto-Submitted: auto-replied` (Exim's do): ask only of a message read as no bounce.
 * Outlook's and Exchange's absence message carries none of these, but `X-Auto-Response-Suppress: All`
 * and a subject Outlook starts with its own words, `Automatic reply: …` (French `Réponse automatique :`,
 * German `Automatische Antwort:`): Sisimai's set-of-emails, rfc3834-02 and -04, found by audit61.
 * iCloud's vacation message carries none either, but its own `X-Apple-Action: VACATION` (beside
 * `X-Apple-Criteria: {kind=VACATION,...}`): Sisimai's rfc3834-03, found by audit66.
 */
import { decodedFieldValue } from './decoded-field';
import { type Field, fieldValue } from './header-block';

/** Outlook's subject of an absence message, in English, French and German. */
const OUTLOOK_AUTO_REPLY_SUBJECT =
  /^\s{0,4}(?:Automatic reply|Réponse automatique|Automatische Antwort)\s?:/i;

/** What marks a message as an automatic reply: a field of its own, or Outlook's subject. */
export type AutoReplyMark = 'field' | 'outlook-subject' | 'icloud-vacation';

/** How `top` (a message's header) marks it as an automatic reply, or null when it does not. */
export function autoReplyMark(top: readonly Field[]): AutoReplyMark | null {
  const submitted = fieldValue(top, 'auto-submitted')?.value ?? '';
  if (/^\s*auto-replied\b/i.test(submitted)) return 'field';
  if (fieldValue(top, 'x-autoreply') !== null || fieldValue(top, 'x-autorespond') !== null) return 'field';
  if (/^\s*auto_reply\b/i.test(fieldValue(top, 'precedence')?.value ?? '')) return 'field';
  if (/^\s*VACATION\s*$/i.test(fieldValue(top, 'x-apple-action')?.value ?? '')) return 'icloud-vacation';
  const outlook =
    fieldValue(top, 'x-auto-response-suppress') !== null &&
    OUTLOOK_AUTO_REPLY_SUBJECT.test(decodedFieldValue(top, 'subject', 200) ?? '');
  return outlook ? 'outlook-subject' : null;
}
