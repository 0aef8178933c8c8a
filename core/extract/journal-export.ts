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

interface Entry {
  /** The paste's line of its MESSAGE field (of its first field until one is read). */
  line: number;
  fields: Map<string, string>;
}

/** The log the exported entries stand for, or null when the text holds none with a time and a message. */
export function journalExportText(text: string): JsonLogText | null {
  const lines = text.split(/\r?\n/);
  const entries: Entry[] = [];
  let current: Entry | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const field = FIELD.exec(line);
    if (!field) {
      // An empty line ends the entry; a binary field's name and bytes are skipped.
      if (line.trim() === '') current = null;
      continue;
    }
    const [name, value] = [field[1] ?? '', field[2] ?? ''];
    if (!current || (name === '__CURSOR' && current.fields.size > 0)) {
      current = { line: i + 1, fields: new Map() };
      entries.push(current);
    }
    current.fields.set(name, value);
    if (name === 'MESSAGE') current.line = i + 1;
  }
  const rebuilt: string[] = [];
  const pasteLine: number[] = [];
  for (const entry of entries) {
    const realtime = Number(entry.fields.get('__REALTIME_TIMESTAMP') ?? Number.NaN);
    if (!Number.isFinite(realtime) || realtime <= 0) continue;
    const line = journalEntryLine(entry.fields, realtime);
    if (line === null) continue;
    rebuilt.push(line);
    pasteLine.push(entry.line);
  }
  return rebuilt.length === 0 ? null : { text: rebuilt.join('\n'), pasteLine };
}
