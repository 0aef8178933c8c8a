/**
 * The date a notice pasted without its headers still gives in its text.
 *
 * Exim's delay warning: `The date of the message is:    Fri, 12 Jul 2024 09:27:41 +0200`, with its zone;
 * Sendmail's DSN text: `The original message was received at Sun, 4 Nov 2012 10:32:05 +0400 (MSK)`.
 *
 * The creation date an Office 365 / Exchange notice gives under "Original Message Details" (in French
 * "Détails du message d’origine"), the only date left when the notice is pasted without its headers:
 * `Date de création : 07/06/2024 09:41:22`, `Created Date: 11/28/2026 2:03:17 PM`, in UTC
 * (office365-created-date.ts).
 */
import { attributionDate, wrappedAttributionDate } from './attribution-date';
import { clientDate } from './client-date';
import { office365CreatedDate } from './office365-created-date';
import { lastHopTime } from './office365-message-hops';

/**
 * Gmail's web view of a notice, copied from its top: the sender's line (`Mail Delivery Subsystem
 * <mailer-daemon@googlemail.com>`), then the date in the reader's local time (`Sep 29, 2025, 6:17 PM (7
 * days ago)`). That is CLDR's medium date and short time, so the French view writes `3 déc. 2025, 14:02
 * (il y a 2 jours)`, then `À moi`.
 */
const NOTICE_SENDER_LINE = /mailer-daemon@|postmaster@|Mail Delivery (?:Subsystem|System)/i;
const WEB_VIEW_DATE_LINE =
  /^\s{0,4}(?:[A-Z][a-z]{2}, )?[A-Z][a-z]{2,8} \d{1,2}, \d{4},? (?:at )?\d{1,2}:\d{2}\s?[AP]M(?: \(.{1,40} ago\))?\s*$/;
/**
 * The view's recipient line under the date (`to me`, `À moi`): with it, the view is read below a few
 * lines of a person's own words too (a forum post's `Voici ce que je reçois dans Gmail :`).
 */
const WEB_VIEW_TO_ME = /^\s{0,4}(?:to|à) (?:me|moi)\b/i;
const WEB_VIEW_MAX_LINE = 60;
/** The same line in French: CLDR's French abbreviations (`janv.`, `mai`, `déc.`), a 24-hour clock. */
const WEB_VIEW_DATE_LINE_FR =
  /^\s{0,4}(?:(?:lun|mar|mer|jeu|ven|sam|dim)\. )?\d{1,2} (?:janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4},? (?:à )?\d{1,2}:\d{2}(?: \(il y a .{1,40}\))?\s*$/i;

/**
 * The date of Gmail's web view at `lines[i]`, `YYYY-MM-DDTHH:MM:SS` (no zone), when that line is the
 * view's date line under a mail system's sender line, near the top or with the view's `to me` under it.
 */
function webViewDateAt(lines: readonly string[], i: number): string | null {
  const line = lines[i] as string;
  if (
    i > 0 &&
    (i < 4 || (i < WEB_VIEW_MAX_LINE && WEB_VIEW_TO_ME.test(lines[i + 1] ?? ''))) &&
    (WEB_VIEW_DATE_LINE.test(line) || WEB_VIEW_DATE_LINE_FR.test(line)) &&
    NOTICE_SENDER_LINE.test(lines[i - 1] as string)
  )
    return clientDate(line)?.iso ?? null;
  return null;
}

/**
 * Gmail's web view above a notice Gmail wrote itself, copied without its delivery status (`Address not
 * found`, `Message bloqué`, then `The response from the remote server was:` and the reply), which is
 * read as a reply, not as a notice: the view's date and its 0-based line, looked for above `before`.
 */
export function webViewDate(
  lines: readonly string[],
  before: number,
): { text: string; index: number } | null {
  const last = Math.min(before, WEB_VIEW_MAX_LINE);
  for (let i = 1; i < last; i++) {
    const text = webViewDateAt(lines, i);
    if (text) return { text, index: i };
  }
  return null;
}

export { isCreationDateLine } from './office365-created-date';

// Exim's `The date of the message is:` and Sendmail's `The original message was received at` (the time
// Sendmail took the message in, the only date of a DSN pasted without its Date field); Courier writes
// `received on`.
const MESSAGE_DATE_LINE =
  /^\s{0,12}(?:The date of the message is:|The original message was received (?:at|on))\s{1,12}(\S.{9,80})$/;

/**
 * The notice's date text and its line, or null: Exim's date as written, Office 365's creation date as
 * `YYYY-MM-DDTHH:MM:SSZ` (UTC), else the time of its last Message Hop (UTC, `lastHop`), Gmail's web
 * view's as `YYYY-MM-DDTHH:MM:SS` (no zone).
 */
export function noticeTextDate(
  bodyLines: readonly string[],
): { text: string; line: string; lastHop?: true } | null {
  const last = Math.min(bodyLines.length, 2000);
  for (let i = 0; i < last; i++) {
    const line = bodyLines[i] as string;
    if (line.length > 200) continue;
    const viewed = webViewDateAt(bodyLines, i);
    if (viewed) return { text: viewed, line };
    const exim = MESSAGE_DATE_LINE.exec(line)?.[1];
    if (exim) return { text: exim, line };
    const attributed = attributionDate(line) ?? wrappedAttributionDate(line, bodyLines[i + 1] ?? '');
    if (attributed) return { text: attributed, line };
    const created = line.includes(':') ? office365CreatedDate(line) : null;
    if (created) return { text: created, line };
  }
  // Office 365's notice without its Created Date: the last of its Message Hops, in UTC.
  const hop = lastHopTime(bodyLines.slice(0, last));
  return hop ? { ...hop, lastHop: true } : null;
}
