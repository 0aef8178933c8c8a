/**
 * A notice viewed in a webmail and copied from the browser with the table of its header fields: Roundcube
 * writes them as a two-column table (a `header-title` cell, then the value's cell: rcmail_action_mail_show's
 * message_headers), which a copy gives as one line per row, the two cells joined by a tab (`De\tMail
 * Delivery System <MAILER-DAEMON@...>`, `À\tclaire@example.com`, `Date\t2026-12-05 14:03`), in the
 * labels of the user's language (Roundcube's fr_FR labels: `De`, `Expéditeur`, `À`, `Cc`, `Répondre à`,
 * `Date`, `Objet`). Read as they are, the rows make no header block: the notice lost its date and the
 * address it went back to (the sender's). The rows are read as the header fields they show, in English,
 * an empty line after them; each value still points at its row.
 */
import { startsWithHeaders } from './detect';
import type { RunOnHeader } from './run-on-header';
import { NOTICE_FORWARD } from './run-on-header';

/** Each label of the table and the header it shows; `true` for a label only French writes. */
const LABELS: Record<string, [string, boolean]> = {
  de: ['From', true],
  expéditeur: ['From', true],
  from: ['From', false],
  à: ['To', true],
  to: ['To', false],
  cc: ['Cc', false],
  'répondre à': ['Reply-To', true],
  'reply-to': ['Reply-To', false],
  date: ['Date', false],
  objet: ['Subject', true],
  subject: ['Subject', false],
};

/** A row: its title cell, a tab (or several), its value. */
export const HEADER_TABLE_ROW =
  /^[ \t]{0,4}([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ -]{0,14}?)[ \t]{0,2}:?\t+[ \t]*(\S.{0,998})$/;
/** A date in slashed numbers at a value's start (`05/12/2026 14:03`). */
const SLASHED_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;
/** How many rows the table may have (Roundcube shows up to 10 headers). */
const MAX_ROWS = 12;

/** The row's header and value, or null when the line is no row of the table. */
function rowOf(line: string): { name: string; french: boolean; value: string } | null {
  const m = HEADER_TABLE_ROW.exec(line);
  const label = m?.[1] ? LABELS[m[1].trim().toLowerCase()] : undefined;
  return m && label ? { name: label[0], french: label[1], value: m[2] as string } : null;
}

/**
 * The notice from line `first` on, its table's rows read as header fields, when a table of a notice
 * (its sender or subject a mail system's) with a From and a Date row starts there; else null.
 */
export function webmailHeaderTable(lines: readonly string[], first: number): RunOnHeader | null {
  const rows: NonNullable<ReturnType<typeof rowOf>>[] = [];
  let end = first;
  while (end < lines.length && end < first + MAX_ROWS) {
    const row = rowOf(lines[end] as string);
    if (!row) break;
    rows.push(row);
    end++;
  }
  const names = new Set(rows.map((r) => r.name));
  if (rows.length < 3 || !names.has('From') || !names.has('Date')) return null;
  if (!NOTICE_FORWARD.test(rows.map((r) => r.value).join('\n'))) return null;
  // A slashed date under French labels is day first (written with dots, as client-date.ts reads it).
  const dayFirst = rows.some((r) => r.french);
  const header = rows.map(({ name, value }) =>
    name === 'Date' && dayFirst ? `${name}: ${value.replace(SLASHED_DATE, '$1.$2.$3')}` : `${name}: ${value}`,
  );
  if (!startsWithHeaders([...header, ''])) return null;
  const body = lines.slice(end);
  const gap = (body[0] ?? '').trim() === '' ? [] : [''];
  return {
    text: [...header, ...gap, ...body].join('\n'),
    lineIndex: [
      ...header.map((_, k) => first + k),
      ...gap.map(() => end - 1),
      ...body.map((_, k) => end + k),
    ],
  };
}
