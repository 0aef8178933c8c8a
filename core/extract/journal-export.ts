/**
 * `journalctl -o export` (systemd's Journal Export Format, systemd.io/JOURNAL_EXPORT_FORMATS, the stream
 * systemd-journal-remote reads): each entry's fields one per line, `FIELD=value` from the line's start, the
 * entry's own `__CURSOR`, `__REALTIME_TIMESTAMP` (microseconds since the epoch, in decimal) and
 * `__MONOTONIC_TIMESTAMP` among them, and an empty line after each entry:
 *
 *     __CURSOR=s=...;i=1a2f3;b=...;m=3b2a1c0d;t=6419d1f0a2b3c;x=...
 *     __REALTIME_TIMESTAMP=1763979668120334
 *     SYSLOG_IDENTIFIER=postfix/smtp
 *     SYSLOG_PID=2240
 *     MESSAGE=4C7D2A1E05: to=<...>, relay=..., status=deferred (...)
 *     _HOSTNAME=mx2
 *
 * A field holding a line break or other control characters is written in binary (its name alone on a
 * line, then its length as eight bytes): such a MESSAGE, no log line's, is skipped. Each entry is turned
 * back into the log line it stands for, as `-o verbose` entries are (journal-verbose.ts), dated in UTC.
 */
import type { JsonLogText } from './formats/json-log';
import { journalEntryLine } from './journal-verbose';

/** A cheap first test on the paste's start: an entry's cursor or realtime field at a line's start. */
export const JOURNAL_EXPORT_HINT = /(?:^|\n)(?:__CURSOR=s=[0-9a-f]|__REALTIME_TIMESTAMP=\d{13,17}\r?\n)/;

const FIELD = /^([A-Z0-9_]{1,64})=(.*)$/;

/** Hears of each entry's log line as its entry ends: the line and the export's line of its MESSAGE. */
export type EntryLineSink = (line: string, lineNo: number) => void;

export interface JournalExportReader {
  /** The export's next line (its number, 1-based). */
  line(text: string, lineNo: number): void;
  /** The export ended: its last entry out. */
  end(): void;
}

/**
 * Reads an export line by line, holding one entry at a time (a streamed `journalctl -o export` of any size:
 * core/summary/log-summary.ts), each entry's log line out when the entry ends.
 */
export function createJournalExportReader(onLine: EntryLineSink): JournalExportReader {
  /** The entry being read: its fields, and the export's line of its MESSAGE (of its first field until one). */
  let fields: Map<string, string> | null = null;
  let entryLine = 0;
  const end = () => {
    if (!fields) return;
    const realtime = Number(fields.get('__REALTIME_TIMESTAMP') ?? Number.NaN);
    const line = Number.isFinite(realtime) && realtime > 0 ? journalEntryLine(fields, realtime) : null;
    if (line !== null) onLine(line, entryLine);
    fields = null;
  };
  return {
    line(text, lineNo) {
      const field = FIELD.exec(text);
      if (!field) {
        // An empty line ends the entry; a binary field's name and bytes are skipped.
        if (text.trim() === '') end();
        return;
      }
      const [name, value] = [field[1] ?? '', field[2] ?? ''];
      if (!fields || (name === '__CURSOR' && fields.size > 0)) {
        end();
        fields = new Map();
        entryLine = lineNo;
      }
      fields.set(name, value);
      if (name === 'MESSAGE') entryLine = lineNo;
    },
    end,
  };
}

/** The log the exported entries stand for, or null when the text holds none with a time and a message. */
export function journalExportText(text: string): JsonLogText | null {
  const rebuilt: string[] = [];
  const pasteLine: number[] = [];
  const reader = createJournalExportReader((line, lineNo) => {
    rebuilt.push(line);
    pasteLine.push(lineNo);
  });
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) reader.line(lines[i] ?? '', i + 1);
  reader.end();
  return rebuilt.length === 0 ? null : { text: rebuilt.join('\n'), pasteLine };
}
