/**
 * `journalctl -o verbose` writes each entry as a header line, the local time with its zone's abbreviation
 * and the entry's cursor, then one indented `FIELD=value` line per field (systemd's journalctl(1),
 * "verbose"; the fields of systemd.journal-fields(7)):
 *
 *     Tue 2024-03-05 10:12:01.482311 CET [s=...;i=1f3a2;b=...;m=2d6f0e3a1;t=612e4c8a3b1c7;x=...]
 *         SYSLOG_IDENTIFIER=postfix/smtp
 *         SYSLOG_PID=21877
 *         _HOSTNAME=relais-sortant
 *         MESSAGE=4B7C52A0F1: to=<...>, relay=..., status=deferred (...)
 *         _SOURCE_REALTIME_TIMESTAMP=1709629921482311
 *
 * Each entry is turned back into the log line it stands for, as `journalctl -o json` entries are
 * (formats/json-log.ts): the time in UTC from `_SOURCE_REALTIME_TIMESTAMP`, else from the cursor's `t=`
 * (the entry's realtime, microseconds in hexadecimal), never from the abbreviation (`CET`, `IST`: not
 * one zone each).
 */
import { fromUnixSeconds } from './dates';
import type { JsonLogText } from './formats/json-log';

const HEADER =
  /^[A-Z][a-z]{2} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,9})? \S{1,40} \[s=[0-9a-f]{1,64};i=[0-9a-f]{1,16};b=[0-9a-f]{1,64};m=[0-9a-f]{1,16};t=([0-9a-f]{1,16});x=[0-9a-f]{1,64}\]\s*$/;
const FIELD = /^\s{2,12}([A-Z0-9_]{1,64})=(.*)$/;

/** A cheap first test on the paste's start: a verbose entry's header. */
export const JOURNAL_VERBOSE_HINT = /(?:^|\n)[A-Z][a-z]{2} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\S* \S{1,40} \[s=/;

interface Entry {
  /** The paste's line of its MESSAGE field (of its header until one is read). */
  line: number;
  realtime: number;
  fields: Map<string, string>;
}

/**
 * The log line a journal entry stands for (also `journalctl -o export`'s, journal-export.ts): `realtime` the
 * entry's own time in microseconds, used when the entry has no `_SOURCE_REALTIME_TIMESTAMP`.
 */
export function journalEntryLine(fields: ReadonlyMap<string, string>, realtime: number): string | null {
  const message = fields.get('MESSAGE');
  if (!message) return null;
  const source = Number(fields.get('_SOURCE_REALTIME_TIMESTAMP') ?? Number.NaN);
  const micros = Number.isFinite(source) && source > 0 ? source : realtime;
  const iso = fromUnixSeconds(micros / 1e6) ?? '-';
  const ident = fields.get('SYSLOG_IDENTIFIER') ?? fields.get('_COMM') ?? '-';
  const pid = fields.get('SYSLOG_PID') ?? fields.get('_PID');
  return `${iso} ${fields.get('_HOSTNAME') ?? '-'} ${ident}${pid ? `[${pid}]` : ''}: ${message}`;
}

/** The log the verbose entries stand for, or null when the text holds none. */
export function journalVerboseText(text: string): JsonLogText | null {
  const lines = text.split(/\r?\n/);
  const entries: Entry[] = [];
  let current: Entry | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const header = HEADER.exec(line);
    if (header) {
      current = { line: i + 1, realtime: Number.parseInt(header[1] ?? '', 16), fields: new Map() };
      entries.push(current);
      continue;
    }
    const field = current ? FIELD.exec(line) : null;
    if (field && current) {
      current.fields.set(field[1] ?? '', field[2] ?? '');
      if (field[1] === 'MESSAGE') current.line = i + 1;
    } else if (line.trim() === '' || !current) current = null;
  }
  const rebuilt: string[] = [];
  const pasteLine: number[] = [];
  for (const entry of entries) {
    const line = journalEntryLine(entry.fields, entry.realtime);
    if (line === null || line.includes('\n')) continue;
    rebuilt.push(line);
    pasteLine.push(entry.line);
  }
  return rebuilt.length === 0 ? null : { text: rebuilt.join('\n'), pasteLine };
}
