/**
 * The date of a message whose header lines a paste shows above its text: a colleague's mail with a log
 * excerpt, forwarded or copied from the mail client (`De : Jean Martin <...>`, `Envoyé : mercredi 3
 * décembre 2025 14:02`, `À : ...`, `Objet : ...`; in English `From:`, `Sent:` or `Date:`, `Subject:`).
 * A log line without its year in that text was logged before the message was written (quoted-log-year.ts).
 */
import { blockDate, FROM_LINE, SUBJECT_LINE, unquoted } from './forward-block';

/** How many lines under the From line its date and subject lines are looked for in. */
const HEADER_LINES = 4;

/** A cheap test: the paste has a header block's date line. */
export const HEADER_DATE_HINT = /^\s{0,4}(?:>\s?){0,3}(?:Sent|Envoy[ée](?: le)?|Date)\s{0,4}:/im;

/** A line that may open a message's header lines (a From line): a cheap test before reading them. */
export function isFromLine(line: string): boolean {
  return FROM_LINE.test(unquoted(line));
}

/** The message's date, `YYYY-MM-DDTHH:MM:SS` as written (no zone), when `lines[0]` opens its header lines. */
export function messageHeaderDate(lines: readonly string[]): string | null {
  if (!FROM_LINE.test(unquoted(lines[0] ?? ''))) return null;
  const next = lines.slice(1, 1 + HEADER_LINES);
  if (!next.some((line) => SUBJECT_LINE.test(unquoted(line)))) return null;
  // With its From line, which tells French `Date :` (forward-date-order.ts).
  const { date } = blockDate(lines.slice(0, 1 + HEADER_LINES));
  return date ? date.text.slice(0, 19) : null;
}
