/**
 * Mimecast's delivery failure notice (`[Postmaster] Email Delivery Failure`): each item it reports sits
 * under a label ending in ` :`, on a line of its own led by `-- `:
 *
 *     An email that you attempted to send to the following address could not be delivered:
 *     -- kijitora@example.net
 *
 *     The problem appears to be :
 *     -- Recipient email address is possibly incorrect
 *
 *     Additional information follows :
 *     -- 5.4.1 Recipient address rejected: Access denied. [AB1PR01MB0001.prod.outlook.com ...]
 *
 * The remote's words are the item under `Additional information follows :` (to the paragraph's end: a
 * long reply goes on over the next lines), a reply with its codes or its enhanced code alone; `The
 * problem appears to be :` is Mimecast's own reading of it, no reply. The recipient is the address of the
 * paragraph above (reply-paragraphs.ts reads it, the `-- ` lead aside). (Shape seen in Sisimai's
 * set-of-emails lhost-mimecast-01 and -02, /work/shared/corpus.)
 */
import { type FoundReply, reply } from './found-reply';
import type { Paragraph } from './reply-paragraphs';

/** The label, alone on its line, as every notice of Mimecast's writes it (a space before the colon). */
export const MIMECAST_HINT = /^Additional information follows\s?:\s*$/m;
const LABEL = /^Additional information follows\s?:\s*$/;
/** The item's lead, then a reply: its basic code, or its enhanced code alone (`5.4.1 Recipient ...`). */
const ITEM = /^-- (?=(?:smtp;\s{0,2})?(?:[245]\d\d[\s-]|[245]\.\d{1,3}\.\d{1,3}\s))/i;

/** The reply under the label in paragraph `p`; false when the paragraph is no such item. */
export function readMimecastNotice(p: Paragraph, lastRecipient: string | null, found: FoundReply[]): boolean {
  if (!LABEL.test(p.lines[0] ?? '')) return false;
  const first = p.lines[1] ?? '';
  const item = ITEM.exec(first);
  if (!item) return false;
  const text = [first.slice(item[0].length), ...p.lines.slice(2).map((l) => l.trim())].join('\n').trim();
  found.push(reply(text, p.start + 1, null, null, null, lastRecipient, 1));
  return true;
}
