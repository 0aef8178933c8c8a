/**
 * The date a tool's log line starts with, when a reply is pasted with the line that reported it:
 * PHPMailer's debug output (`2024-11-29 09:07:25 SMTP ERROR: ...`), a framework's log (`[2024-11-29
 * 09:07:25] production.ERROR: ...`), Python's logging (`2024-11-29 09:07:25,123 ERROR ...`), an ISO
 * stamp with its zone, or ctime's form (`Fri Nov 29 09:07:25 2024`, as msmtp's log writes it). Without
 * a zone, the zone assumed (UTC unless told) is said in a note.
 */
import type { Note } from '../types';
import { parseDateIn } from './dates';
import { monthNumber } from './logs/time';
import { NOTES } from './notes';

const ISO_START =
  /^[ \t]{0,4}\[?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2})(?:[.,]\d{1,9})?(Z|[ ]?[+-]\d{2}:?\d{2})?\]?[ \t]/;
const CTIME_START =
  /^[ \t]{0,4}(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(\d{1,2}) (\d{2}:\d{2}:\d{2}) (\d{4})[ \t]/;

export function lineStamp(
  line: string,
  assumeZone?: string,
): { iso: string; assumption: Note | null } | null {
  let text: string | null = null;
  const iso = ISO_START.exec(line);
  if (iso) text = `${iso[1]?.replace(' ', 'T')}${iso[2]?.trim() ?? ''}`;
  const ctime = iso ? null : CTIME_START.exec(line);
  if (ctime) {
    const month = String(monthNumber(ctime[1] ?? '')).padStart(2, '0');
    text = `${ctime[4]}-${month}-${(ctime[2] ?? '').padStart(2, '0')}T${ctime[3]}`;
  }
  const parsed = text ? parseDateIn(text, assumeZone) : null;
  if (!parsed) return null;
  return { iso: parsed.iso, assumption: parsed.hadZone ? null : NOTES.noZone(assumeZone?.trim() || 'UTC') };
}
