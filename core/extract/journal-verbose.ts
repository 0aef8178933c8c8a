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
import type { EntryLineSink, JournalExportReader } from './journal-export';

const HEADER =
  /^[A-Z][a-z]{2} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,9})? \S{1,40} \[s=[0-9a-f]{1,64};i=[0-9a-f]{1,16};b=[0-9a-f]{1,64};m=[0-9a-f]{1,16};t=([0-9a-f]{1,16});x=[0-9a-f]{1,64}\]\s*$/;
const FIELD = /^\s{2,12}([A-Z0-9_]{1,64})=(.*)$/;

/** A cheap first test on the paste's start: a verbose entry's header. */
export const JOURNAL_VERBOSE_HINT = /(?:^|\n)[A-Z][a-z]{2} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\S* \S{1,40} \[s=/;

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

/** The verbose entries' log lines, or null when the text holds none. */
export function journalVerboseText(text: string): JsonLogText | null {
  const rebuilt: string[] = [];
  const pasteLine: number[] = [];
  const reader = createJournalVerboseReader((line, lineNo) => {
    rebuilt.push(line);
    pasteLine.push(lineNo);
  });
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) reader.line(lines[i] ?? '', i + 1);
  reader.end();
  return rebuilt.length === 0 ? null : { text: rebuilt.join('\n'), pasteLine };
}

/**
 * Reads the entries line by line, holding one at a time (a streamed `journalctl -o verbose` of any size:
 * core/summary/log-summary.ts): each entry's log line out when the next header, an empty line or the end
 * closes it. Lines outside an entry (a preamble, a field after an empty line) are skipped.
 */
export function createJournalVerboseReader(onLine: EntryLineSink): JournalExportReader {
  /** The entry being read: its fields, its time, and the line of its MESSAGE (of its header until one). */
  let entry: { line: number; realtime: number; fields: Map<string, string> } | null = null;
  const end = () => {
    const line = entry ? journalEntryLine(entry.fields, entry.realtime) : null;
    if (entry && line !== null) onLine(line, entry.line);
    entry = null;
  };
  return {
    line(text, lineNo) {
      const header = HEADER.exec(text);
      if (header) {
        end();
        entry = { line: lineNo, realtime: Number.parseInt(header[1] ?? '', 16), fields: new Map() };
        return;
      }
      const field = entry ? FIELD.exec(text) : null;
      if (field && entry) {
        entry.fields.set(field[1] ?? '', field[2] ?? '');
        if (field[1] === 'MESSAGE') entry.line = lineNo;
      } else if (text.trim() === '') end();
    },
    end,
  };
}
