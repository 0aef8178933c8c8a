/**
 * A delivery notice's header lines copied without the empty line that ends them: a web mail's or a chat's
 * copy (`From: MAILER-DAEMON@smtp.example.fr`, `Date: ...`, `To: ...`, `Subject: Undelivered Mail
 * Returned to Sender`, then `This is the mail system at host ...` on the next line). Read as they are,
 * the lines make no header block, so the notice lost its date and the address it went back to (the
 * sender's). The empty line goes back in after them, pointing at the last header line.
 */
import { startsWithHeaders } from './detect';

/** A notice's headers name a mail system or a delivery status (also a forward of one: embedded-block.ts). */
export const NOTICE_FORWARD =
  /mailer-daemon|postmaster|Mail Delivery|Delivery Status|Undeliver|Returned mail|failure notice|non remis|Remise (?:impossible|retard[ée]e)|Delivery delayed|Unzustellbar|Non recapitabile|No se puede entregar|Onbestelbaar/i;

const HEADER_LINE = /^[A-Za-z][A-Za-z0-9_-]{0,76}:[ \t]?\S/;
const KEY_HEADER = /^(?:From|To|Subject|Date):/i;
/** How many header lines a copied notice's head may have. */
const MAX_HEADER_LINES = 16;

export interface RunOnHeader {
  /** The lines with the empty line put back. */
  text: string;
  /** For each line of `text`, its 0-based index in the lines given. */
  lineIndex: number[];
}

/** The notice from line `first` on, when its header lines run on into its text; else null. */
export function runOnNoticeHeader(lines: readonly string[], first: number): RunOnHeader | null {
  let end = first;
  let known = 0;
  while (end < lines.length && end < first + MAX_HEADER_LINES) {
    const line = lines[end] as string;
    if (end > first && (line.startsWith(' ') || line.startsWith('\t')) && line.trim() !== '') {
      end++;
      continue;
    }
    if (!HEADER_LINE.test(line)) break;
    if (KEY_HEADER.test(line)) known++;
    end++;
  }
  // Three of From, To, Subject, Date, then a line of text (an empty one: the header block is whole).
  if (known < 3 || end >= lines.length || (lines[end] as string).trim() === '') return null;
  const header = lines.slice(first, end);
  if (!NOTICE_FORWARD.test(header.join('\n')) || !startsWithHeaders([...header, ''])) return null;
  const body = lines.slice(end);
  return {
    text: [...header, '', ...body].join('\n'),
    lineIndex: [...header.map((_, k) => first + k), end - 1, ...body.map((_, k) => end + k)],
  };
}
