/**
 * Log lines wrapped in JSON, one object per line: Docker's json-file driver (`{"log":"<the line>\n",
 * "stream":"stdout","time":...}`), `journalctl -o json` (`MESSAGE`, `__REALTIME_TIMESTAMP` in
 * microseconds, `_HOSTNAME`, `SYSLOG_IDENTIFIER`, `_PID`), and log viewers that keep the program and
 * the message apart (mailcow's: `{"time":"<Unix seconds>","program":"postfix/smtp","message":...}`), and
 * Elastic's shippers (`{"@timestamp":...,"message":"<the syslog line>","log":{"file":{"path":...}}}`).
 * Each object is turned back into the log line it stands for, as rsyslog writes one (`2024-11-29T09:07:27
 * +00:00 host program[pid]: message`, `-` where the host is not given), and the lines are read as a log;
 * `pasteLine` maps each rebuilt line to the line of the paste its object starts on.
 */
import { formatIso, fromUnixSeconds } from '../dates';
import { joinedDockerPieces } from '../logs/partial-lines';
import { opensWithProgram, parseSyslog } from '../logs/syslog';
import { monthNumber } from '../logs/time';
import type { Json, Obj } from './esp-facts';
import { isObj, str } from './esp-facts';
import { topLevelSpans } from './json-spans';
import { parsedPostfixLine } from './parsed-postfix-record';

export interface JsonLogText {
  text: string;
  /** For each rebuilt line (0-based), the 1-based line of the paste it comes from. */
  pasteLine: number[];
}

/** The log line an object stands for, or null when it is not a wrapped log line. */
export function lineOf(o: Obj): string | null {
  const docker = str(o, 'log');
  if (docker && (o.stream !== undefined || o.time !== undefined)) {
    return withCaptureTime(docker.replace(/\r?\n$/, ''), str(o, 'time'));
  }
  const journal = str(o, 'MESSAGE');
  const micros = str(o, '__REALTIME_TIMESTAMP');
  if (journal && micros && /^\d{13,17}$/.test(micros)) {
    const ident = str(o, 'SYSLOG_IDENTIFIER') ?? str(o, '_COMM') ?? '-';
    const pid = str(o, 'SYSLOG_PID', '_PID');
    return `${isoOf(Number(micros) / 1e6)} ${str(o, '_HOSTNAME') ?? '-'} ${ident}${pid ? `[${pid}]` : ''}: ${journal}`;
  }
  const message = str(o, 'message');
  // Elastic's shippers (Filebeat, Logstash's file input) keep the log's own line in `message` and the
  // time they read it in `@timestamp`, which may be days later (an old file read): it only gives the
  // line its year and zone when the two agree (withCaptureTime), as Docker's capture time does.
  // (Kibana shows the stored document inside Elasticsearch's hit: `{"_index":...,"_source":{...}}`.)
  const doc = isObj(o._source as Json) ? (o._source as Obj) : o;
  const line = str(doc, 'message');
  const shipped = str(doc, '@timestamp');
  if (line && shipped && !line.includes('\n') && parseSyslog(line)?.stamp.kind === 'syslog') {
    return withCaptureTime(line, shipped);
  }
  // A Postfix line cut into fields by a log shipper, the line itself not kept (parsed-postfix-record.ts).
  const parsed = parsedPostfixLine(o);
  if (parsed) return parsed;
  const program = str(o, 'program');
  const seconds = str(o, 'time');
  if (message && program && seconds && /^\d{9,11}(?:\.\d{1,9})?$/.test(seconds)) {
    return `${isoOf(Number(seconds))} ${str(o, 'host', 'hostname') ?? '-'} ${program}: ${message}`;
  }
  return null;
}

const BSD_STAMP = /^([A-Z][a-z]{2}) ( \d|\d\d) (\d\d:\d\d:\d\d) /;
/** Docker's capture time as it writes it: RFC 3339 in UTC, nanoseconds. */
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z$/;

/** How far Docker's capture may lag the line's own stamp. */
const CAPTURE_LAG_MS = 120_000;

/**
 * A classic syslog stamp (no year, no zone) replaced by the same wall-clock time with the year and the
 * offset of the instant Docker captured the line (`"time"`, UTC), when the two differ by a zone's offset
 * (whole quarter-hours, at most 14 hours) give or take the capture's lag: a container logging in UTC
 * gives +00:00, one logging in Paris time +01:00 (`{"log":"Jan 23 13:43:49 Pixel-games postfix/smtp...",
 * "time":"2022-01-23T12:43:49.123456791Z"}`), as journald's __REALTIME_TIMESTAMP dates its lines. The
 * year is the one that brings the two closest (a line logged at 00:30 on 1 January in Paris was captured
 * on 31 December in UTC).
 */
function withCaptureTime(line: string, captured: string | null): string {
  const stamp = BSD_STAMP.exec(line);
  const time = captured ? Date.parse(captured) : Number.NaN;
  if (Number.isNaN(time)) return line;
  // No stamp of its own (an MTA writing to its standard output): Docker's capture time dates it, as
  // `docker logs -t` would show it.
  if (!stamp) return opensWithProgram(line) && ISO_UTC.test(captured ?? '') ? `${captured} ${line}` : line;
  const month = monthNumber(stamp[1] ?? '');
  if (month < 1) return line;
  const day = Number(stamp[2]);
  const [h, m, s] = (stamp[3] ?? '').split(':').map(Number) as [number, number, number];
  const utcYear = new Date(time).getUTCFullYear();
  let best: { year: number; gap: number } | null = null;
  for (const year of [utcYear - 1, utcYear, utcYear + 1]) {
    const gap = Date.UTC(year, month - 1, day, h, m, s) - time;
    if (best === null || Math.abs(gap) < Math.abs(best.gap)) best = { year, gap };
  }
  if (best === null) return line;
  const offset = Math.round(best.gap / 900_000) * 15;
  if (Math.abs(offset) > 14 * 60 || Math.abs(best.gap - offset * 60_000) > CAPTURE_LAG_MS) return line;
  const iso = formatIso(best.year, month, day, h, m, s, offset);
  return iso === null ? line : `${iso} ${line.slice(stamp[0].length)}`;
}

/** A wrapped log line's keys at the start of JSON, looked for before it is parsed (in its first 4 kB). */
export const WRAPPED_LOG_HINT = /^\s*[[{][\s\S]*?"(?:log|MESSAGE|program|@timestamp|_source|queue_id)"\s*:/;

/**
 * One line of a log file in JSON (Docker's json-file, `journalctl -o json`: one object per line), as the
 * log line or lines it stands for; null when the line is not such an object. For the streaming scanner,
 * which sees a file line by line.
 */
export function unwrappedLogLines(line: string): string[] | null {
  if (!WRAPPED_LOG_HINT.test(line.slice(0, 4096))) return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const rebuilt = isObj(value as Json) ? lineOf(value as Obj) : null;
  return rebuilt === null ? null : rebuilt.split(/\r?\n|\r/);
}

/** True when every line starts with a rebuilt ISO time (which then sort as text). */
function isoFirst(lines: readonly string[]): boolean {
  return lines.every((l) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00 /.test(l));
}

/** Unix seconds as ISO in UTC (`+00:00`); `-` for a time out of range, as syslog writes a missing field. */
const isoOf = (seconds: number) => fromUnixSeconds(seconds) ?? '-';

/** The log the JSON values wrap, or null when most of them are not wrapped log lines. */
export function jsonLogText(values: readonly Json[], paste: string): JsonLogText | null {
  const rebuilt: string[] = [];
  const objects: number[] = [];
  let objectCount = 0;
  // Docker's pieces of one long line joined, at the index of the first (logs/partial-lines.ts).
  for (const { value: v, index: i } of joinedDockerPieces(values)) {
    if (!isObj(v)) continue;
    objectCount++;
    const line = lineOf(v);
    if (line === null || line.includes('\n')) continue;
    rebuilt.push(line);
    objects.push(i);
  }
  if (rebuilt.length === 0 || rebuilt.length * 2 < objectCount) return null;
  const spans = topLevelSpans(paste);
  const pasteLine = objects.map((i) => (spans.length === values.length ? (spans[i]?.from ?? 1) : 1));
  // A log viewer lists the newest line first (mailcow's): read oldest first, as the log was written,
  // so that a message's sender (qmgr's `from=`) is known before its refusals.
  if (rebuilt.length > 1 && (rebuilt[0] ?? '') > (rebuilt[rebuilt.length - 1] ?? '') && isoFirst(rebuilt)) {
    rebuilt.reverse();
    pasteLine.reverse();
  }
  return { text: rebuilt.join('\n'), pasteLine };
}
