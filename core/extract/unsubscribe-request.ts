/**
 * An unsubscribe request a mail client sent for the recipient, answering the list's `List-Unsubscribe:
 * <mailto:...>`: Apple Mail marks it `X-Apple-Unsubscribe: true` (with `Auto-Submitted: auto-replied`,
 * `Subject: unsubscribe` and the words `Apple Mail sent this email to unsubscribe from the message ...`,
 * Sisimai's arf-26.eml). The message was delivered and its reader asked to be taken off the list: no
 * refusal, but an address to remove. Ask only of a message read as no bounce.
 */
import { type Field, fieldValue } from './header-block';

export function isUnsubscribeRequest(top: readonly Field[]): boolean {
  return /^\s*true\b/i.test(fieldValue(top, 'x-apple-unsubscribe')?.value ?? '');
}
