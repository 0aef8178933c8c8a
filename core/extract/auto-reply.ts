/**
 * An automatic reply (an absence or vacation message, an autoresponder's acknowledgement) sent back
 * to the sender: RFC 3834's `Auto-Submitted: auto-replied` (Sieve's vacation, Dovecot, Notes), or the
 * older marks of autoresponders, `X-Autoreply:`, `X-Autorespond:`, `Precedence: auto_reply`. The
 * message was delivered; the reply is a person's (or their mailbox's), no refusal by any server.
 * Bounces also carry `Auto-Submitted: auto-replied` (Exim's do): ask only of a message read as no bounce.
 */
import { type Field, fieldValue } from './header-block';

export function isAutoReply(top: readonly Field[]): boolean {
  const submitted = fieldValue(top, 'auto-submitted')?.value ?? '';
  if (/^\s*auto-replied\b/i.test(submitted)) return true;
  if (fieldValue(top, 'x-autoreply') !== null || fieldValue(top, 'x-autorespond') !== null) return true;
  return /^\s*auto_reply\b/i.test(fieldValue(top, 'precedence')?.value ?? '');
}
