/**
 * Microsoft's complaint report (Hotmail / Outlook.com's Junk Mail Reporting Program, JMRP): a message
 * `complaint about message from IP` holding the reported message whose headers Hotmail marked
 * (`X-HmXmrOriginalRecipient:`), sent to the sender's feedback address. It is no ARF report (no
 * `Feedback-Type` field) and no refusal: a recipient marked the message as junk after it was delivered.
 */
import { type Field, fieldValue } from './header-block';

export function isHotmailComplaint(top: readonly Field[], returned: readonly Field[]): boolean {
  if (!/^\s*complaint about message from\b/i.test(fieldValue(top, 'subject')?.value ?? '')) return false;
  return fieldValue(returned, 'x-hmxmroriginalrecipient') !== null;
}
