/**
 * Microsoft's complaint report (Hotmail / Outlook.com's Junk Mail Reporting Program, JMRP): the reported
 * message whose headers Hotmail marked (`X-HmXmrOriginalRecipient:`), sent to the sender's feedback
 * address either attached to a message `complaint about message from IP`, or itself, the mark among its
 * own headers. It is no ARF report (no `Feedback-Type` field) and no refusal: a recipient marked the
 * message as junk after it was delivered.
 */
import { type Field, fieldValue } from './header-block';

const MARK = 'x-hmxmroriginalrecipient';

export function isHotmailComplaint(top: readonly Field[], returned: readonly Field[]): boolean {
  if (fieldValue(top, MARK) !== null) return true;
  if (!/^\s*complaint about message from\b/i.test(fieldValue(top, 'subject')?.value ?? '')) return false;
  return fieldValue(returned, MARK) !== null;
}
