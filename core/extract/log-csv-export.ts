/**
 * Log lines exported as CSV from a log search tool: Graylog's `"timestamp","source","message"` (its
 * message table's default columns; `source` the host that logged, `message` the line after the syslog
 * stamp and host), Splunk's `_time`, `host` and `_raw` (the raw line, its stamp included). Each row is
 * turned back into the log line it stands for, as a shipper's JSON event is (formats/json-log.ts,
 * datedLogLine), and the rows are read as a log, oldest first (a search lists the newest first).
 */
import { datedLogLine, type JsonLogText, newestFirst } from './formats/json-log';
import { parseCsvRow } from './logs/formats/csv';

const TIME_COLUMN = /^(?:timestamp|@timestamp|_time|time)$/i;
const MESSAGE_COLUMN = /^(?:message|_raw|msg)$/i;
const HOST_COLUMN = /^(?:source|host|hostname|host\.name)$/i;

/** A cheap first test on the paste's first line: a header naming a time and a message column. */
export const LOG_CSV_HINT = /^\uFEFF?"?(?:timestamp|@timestamp|_time|time)"?,[^\n]*\b(?:message|_raw|msg)\b/i;

/** The log the CSV rows stand for, or null when the text is no such export. */
export function logCsvText(text: string): JsonLogText | null {
  const lines = text.split(/\r?\n/);
  const header = parseCsvRow((lines[0] ?? '').replace(/^\uFEFF/, '')).map((c) => c.trim());
  const time = header.findIndex((c) => TIME_COLUMN.test(c));
  const message = header.findIndex((c) => MESSAGE_COLUMN.test(c));
  const host = header.findIndex((c) => HOST_COLUMN.test(c));
  if (time < 0 || message < 0) return null;
  const rebuilt: string[] = [];
  const pasteLine: number[] = [];
  let rows = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    rows++;
    const fields = parseCsvRow(line);
    const stamp = fields[time]?.trim() ?? '';
    const logged = datedLogLine(
      fields[message] ?? '',
      stamp,
      host < 0 ? null : fields[host]?.trim() || null,
      null,
      null,
    );
    if (logged === null) continue;
    rebuilt.push(logged);
    pasteLine.push(i + 1);
  }
  // Most rows must be log lines: another export with a `message` column is no log.
  if (rebuilt.length === 0 || rebuilt.length * 2 < rows) return null;
  if (newestFirst(rebuilt)) {
    rebuilt.reverse();
    pasteLine.reverse();
  }
  return { text: rebuilt.join('\n'), pasteLine };
}
