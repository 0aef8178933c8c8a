/**
 * Log lines wrapped in JSON, one object per line: Docker's json-file driver (`{"log":"<the line>\n",
 * "stream":"stdout","time":...}`), `journalctl -o json` (`MESSAGE`, `__REALTIME_TIMESTAMP` in
 * microseconds, `_HOSTNAME`, `SYSLOG_IDENTIFIER`, `_PID`), and log viewers that keep the program and
 * the message apart (mailcow's: `{"time":"<Unix seconds>","program":"postfix/smtp","message":...}`), and
 * Elastic's shippers (`{"@timestamp":...,"message":"<the syslog line>","log":{"file":{"path":...}}}`, also
 * inside Kibana's document or Elasticsearch's hits), Splunk's export (`_raw`, `_time`), Loki's `logcli`
 * JSON lines (`line`, `timestamp`, `labels`).
 * Each object is turned back into the log line it stands for, as rsyslog writes one (`2024-11-29T09:07:27
 * +00:00 host program[pid]: message`, `-` where the host is not given), and the lines are read as a log;
 * `pasteLine` maps each rebuilt line to the line of the paste its object starts on.
 */
import { formatIso, fromUnixSeconds } from '../dates';
import { monthNumber } from '../logs/month-names';
import { joinedDockerPieces } from '../logs/partial-lines';
import { opensWithProgram } from '../logs/syslog';
import { topLevelSpans } from './json-spans';
import type { Json, Obj } from './json-value';
import { isObj, str } from './json-value';
import { parsedPostfixLine } from './parsed-postfix-record';
import { postfixGrokLine } from './postfix-grok-record';
import { fullerHost } from './shipper-host';

export interface JsonLogText {
  text: string;
  /** For each rebuilt line (0-based), the 1-based line of the paste it comes from. */
  pasteLine: number[];
}

/** The log line an object stands for, or null when it is not a wrapped log line. */
export function lineOf(o: Obj): string | null {
  // A search engine's document around it (Kibana's JSON view, Elasticsearch's `_doc`): its source.
  const source = o._source;
  if (isObj(source as Json) && o._index !== undefined) return lineOf(source as Obj);
  // Splunk's export (`{"preview":false,"offset":0,"result":{"_raw":...,"_time":...,"host":...}}` a line,
  // its REST API's JSON output): the event's raw line, dated by `_time`.
  if (o.preview !== undefined && isObj(o.result as Json)) return lineOf(o.result as Obj);
  const raw = str(o, '_raw');
  const time = str(o, '_time');
  if (raw && time) return datedLogLine(raw, time, str(o, 'host'), null, null);
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
  // Loki's `logcli query --output=jsonl` (grafana/loki pkg/logcli/output/jsonl.go: `{"labels":{…},"line":…,
  // "timestamp":…}`, the stream's labels, the line as shipped, its time in RFC 3339): the line, dated by it.
  const loki = str(o, 'line');
  const lokiTime = str(o, 'timestamp');
  if (loki && lokiTime && isObj(o.labels as Json)) {
    return datedLogLine(loki, lokiTime, str(o.labels as Obj, 'host', 'hostname'), null, null);
  }
  const message = str(o, 'message');
  // A Postfix line cut into fields by a log shipper, the line itself not kept (parsed-postfix-record.ts).
  const parsed = parsedPostfixLine(o) ?? (message ? null : postfixGrokLine(o));
  if (parsed) return parsed;
  const program = str(o, 'program');
  const seconds = str(o, 'time');
  if (message && program && seconds && /^\d{9,11}(?:\.\d{1,9})?$/.test(seconds)) {
    return `${isoOf(Number(seconds))} ${str(o, 'host', 'hostname') ?? '-'} ${program}: ${message}`;
  }
  return message ? shippedLine(o, message) : null;
}

/**
 * A log shipper's event (Filebeat, Logstash; Elastic Common Schema): `@timestamp` and the line as `message`,
 * whole (`Mar  5 10:12:01 mx1 postfix/smtp[21877]: ...`, the shape postfix-grok-patterns issue #79 says
 * Filebeat sends) or without its prefix, the program then in `process.name` (Filebeat 7.1's log fields:
 * `process.program`) and `process.pid`, the host in `host.hostname` or `host.name`. The syslog stamp takes
 * the year and offset of `@timestamp` as Docker's capture time gives them (withCaptureTime). Logstash's
 * syslog input, and its grok of SYSLOGLINE on a tcp or udp input, keep the prefix in their own fields
 * (syslogLine).
 */
function shippedLine(o: Obj, message: string): string | null {
  const stamp = str(o, '@timestamp');
  const process = isObj(o.process as Json) ? (o.process as Obj) : undefined;
  const host = isObj(o.host as Json) ? (o.host as Obj) : undefined;
  const syslog = syslogLine(o, message);
  if (syslog && !stamp) return syslog;
  return stamp
    ? datedLogLine(
        syslog ?? withShipperHost(message, o, str(host, 'name')),
        stamp,
        str(host, 'hostname', 'name') ?? str(o, 'logsource'),
        str(process, 'name', 'program') ?? str(o, 'program'),
        str(process, 'pid') ?? str(o, 'pid'),
      )
    : null;
}

/**
 * The syslog line of a file's event with the host named in full when the shipper names it so
 * (shipper-host.ts); the line as it is otherwise.
 */
function withShipperHost(message: string, o: Obj, hostName: string | null): string {
  const m = /^([A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) ([\w-]{1,63}) /.exec(message);
  const full = m ? fullerHost(m[2] ?? '', o, hostName) : null;
  return m && full ? `${m[1]} ${full}${message.slice(m[0].length - 1)}` : message;
}

/**
 * The syslog line of an event of Logstash's syslog input without ECS names (its grok `<%{POSINT:priority}
 * >%{SYSLOGLINE}` overwrites `message` with what follows the prefix; SYSLOGBASE puts the stamp in
 * `timestamp`, the host in `logsource`, SYSLOGPROG the program in `program` and its id in `pid`, as
 * logstash-patterns-core's legacy patterns name them), rebuilt as `timestamp logsource program[pid]:
 * message`; null when the event has no such fields or its `message` still holds its stamp. The
 * stamp keeps its wall-clock time without zone; `@timestamp` (UTC) dates it where the event has one.
 */
function syslogLine(o: Obj, message: string): string | null {
  const stamp = str(o, 'timestamp');
  const host = str(o, 'logsource');
  const program = str(o, 'program');
  if (!stamp || !host || !program || !BSD_STAMP.test(`${stamp} `) || BSD_STAMP.test(message)) return null;
  const pid = str(o, 'pid');
  return `${stamp} ${host} ${program}${pid ? `[${pid}]` : ''}: ${message}`;
}

/**
 * The log line a shipped event stands for, from its message and the time the shipper gives it (an
 * RFC 3339 stamp): the message as it is when it has its syslog stamp (given the stamp's year and offset),
 * else behind the time and host, its program before it when given apart. Null when the message is no
 * log line (neither a stamp nor a program before it).
 */
export function datedLogLine(
  message: string,
  stamp: string,
  host: string | null,
  program: string | null,
  pid: string | null,
): string | null {
  if (message.includes('\n')) return null;
  // A time without its zone (`2026-02-09T14:30:00`) names no instant: the line's own stamp alone.
  if (!ZONED.test(stamp.trim()) || Number.isNaN(Date.parse(stamp)))
    return BSD_STAMP.test(message) ? message : null;
  if (BSD_STAMP.test(message)) return withCaptureTime(message, stamp);
  const iso = isoOf(Date.parse(stamp) / 1000);
  if (program) return `${iso} ${host ?? '-'} ${program}${pid ? `[${pid}]` : ''}: ${message}`;
  return opensWithProgram(message) ? `${iso} ${host ?? '-'} ${message}` : null;
}

/** A stamp that names its zone: `Z`, an offset, or Splunk's ` GMT`. */
const ZONED = /(?:Z|[+-]\d\d:?\d\d|\s(?:GMT|UTC))$/i;
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
export const WRAPPED_LOG_HINT =
  /^\s*[[{][\s\S]*?"(?:log|MESSAGE|program|@timestamp|_source|_raw|queue_id|line)"\s*:/;

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

const LEADING_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d) /;

/** The instant a rebuilt line starts with, or NaN. */
function leadingTime(line: string): number {
  const m = LEADING_ISO.exec(line);
  return m ? Date.parse(m[0].trim()) : Number.NaN;
}

/** True when the rebuilt lines are dated and the first is later than the last (a viewer's newest first). */
export function newestFirst(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  const times = lines.map(leadingTime);
  return !times.some(Number.isNaN) && (times[0] ?? 0) > (times[times.length - 1] ?? 0);
}

/** Unix seconds as ISO in UTC (`+00:00`); `-` for a time out of range, as syslog writes a missing field. */
const isoOf = (seconds: number) => fromUnixSeconds(seconds) ?? '-';

/**
 * A search response's documents (`{"hits":{"hits":[{"_index":...,"_source":{...}}]}}`, as Elasticsearch
 * answers a query and Kibana's Inspect shows it) in its place, each at the response's index.
 */
function withSearchHits(values: { value: Json; index: number }[]): { value: Json; index: number }[] {
  return values.flatMap(({ value, index }) => {
    const hits = isObj(value) && isObj(value.hits as Json) ? (value.hits as Obj).hits : undefined;
    return Array.isArray(hits) ? hits.map((hit) => ({ value: hit as Json, index })) : [{ value, index }];
  });
}

/** The log the JSON values wrap, or null when most of them are not wrapped log lines. */
export function jsonLogText(values: readonly Json[], paste: string): JsonLogText | null {
  const rebuilt: string[] = [];
  const objects: number[] = [];
  let objectCount = 0;
  // Docker's pieces of one long line joined, at the index of the first (logs/partial-lines.ts).
  for (const { value: v, index: i } of withSearchHits(joinedDockerPieces(values))) {
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
  if (newestFirst(rebuilt)) {
    rebuilt.reverse();
    pasteLine.reverse();
  }
  return { text: rebuilt.join('\n'), pasteLine };
}
