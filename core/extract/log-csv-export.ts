/**
 * Log lines exported as CSV from a log search tool: Graylog's `"timestamp","source","message"` (its
 * message table's default columns; `source` the host that logged, `message` the line after the syslog
 * stamp and host), Splunk's `_time`, `host` and `_raw` (the raw line, its stamp included). Each row is
 * turned back into the log line it stands for, as a shipper's JSON event is (formats/json-log.ts,
 * datedLogLine), and the rows are read as a log, oldest first (a search lists the newest first). The rows
 * are read one at a time (createLogCsvReader), also by the streaming summary (core/summary/log-summary.ts).
 */
import { datedLogLine, type JsonLogText, newestFirst } from './formats/json-log';
import type { EntryLineSink } from './journal-export';
import { parseCsvRow } from './logs/formats/csv';

const TIME_COLUMN = /^(?:timestamp|@timestamp|_time|time)$/i;
const MESSAGE_COLUMN = /^(?:message|_raw|msg)$/i;
const HOST_COLUMN = /^(?:source|host|hostname|host\.name)$/i;

/** A cheap first test on the paste's first line: a header naming a time and a message column. */
export const LOG_CSV_HINT = /^\uFEFF?"?(?:timestamp|@timestamp|_time|time)"?,[^\n]*\b(?:message|_raw|msg)\b/i;

export interface LogCsvReader {
  /** The export's next line (its number, 1-based; the first is the header). */
  line(text: string, lineNo: number): void;
  /** The header named a time and a message column. */
  readonly hasColumns: boolean;
  /** Rows read (empty lines aside), and those that were log lines. */
  readonly rows: number;
  readonly logLines: number;
}

/** Reads an export row by row, holding none: each row's log line out as it is read. */
export function createLogCsvReader(onLine: EntryLineSink): LogCsvReader {
  let columns: { time: number; message: number; host: number } | null = null;
  let header = true;
  let rows = 0;
  let logLines = 0;
  return {
    line(text, lineNo) {
      if (header) {
        header = false;
        const names = parseCsvRow(text.replace(/^\uFEFF/, '')).map((c) => c.trim());
        const time = names.findIndex((c) => TIME_COLUMN.test(c));
        const message = names.findIndex((c) => MESSAGE_COLUMN.test(c));
        const host = names.findIndex((c) => HOST_COLUMN.test(c));
        if (time >= 0 && message >= 0) columns = { time, message, host };
        return;
      }
      if (!columns || text.trim() === '') return;
      rows++;
      const fields = parseCsvRow(text);
      const logged = datedLogLine(
        fields[columns.message] ?? '',
        fields[columns.time]?.trim() ?? '',
        columns.host < 0 ? null : fields[columns.host]?.trim() || null,
        null,
        null,
      );
      if (logged === null) return;
      logLines++;
      onLine(logged, lineNo);
    },
    get hasColumns() {
      return columns !== null;
    },
    get rows() {
      return rows;
    },
    get logLines() {
      return logLines;
    },
  };
}

/** The log the CSV rows stand for, or null when the text is no such export. */
export function logCsvText(text: string): JsonLogText | null {
  const rebuilt: string[] = [];
  const pasteLine: number[] = [];
  const reader = createLogCsvReader((line, lineNo) => {
    rebuilt.push(line);
    pasteLine.push(lineNo);
  });
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) reader.line(lines[i] ?? '', i + 1);
  // Most rows must be log lines: another export with a `message` column is no log.
  if (!isLogExport(reader)) return null;
  if (newestFirst(rebuilt)) {
    rebuilt.reverse();
    pasteLine.reverse();
  }
  return { text: rebuilt.join('\n'), pasteLine };
}

/** True when most rows read were log lines (another export with a `message` column is no log). */
export const isLogExport = (reader: LogCsvReader): boolean =>
  reader.hasColumns && reader.logLines > 0 && reader.logLines * 2 >= reader.rows;
