/**
 * pino's records as pino-pretty prints them (`node app.js | pino-pretty`, or its `transport` in the
 * application): a head line per record, then the record's other fields one per line, four spaces in.
 *
 *     [2026-11-24 09:22:01.371 +0000] DEBUG (4127 on app-7f9c): 550 5.1.1 ... OFR_416 [416]
 *         component: "smtp-connection"
 *         sid: "q3T0v9bXyZk"
 *         tnx: "server"
 *
 * The time between brackets is the record's epoch milliseconds as they are (`[1795512121371]`, before
 * pino-pretty 9), the date with its offset (`-t`, `SYS:standard`: `[2026-11-24 10:22:01.371 +0100]`, or an
 * ISO form), or the time of day alone (pino-pretty 9's default, `[09:22:01.371]`: no date, so none is
 * read). `(pid on host)` follows the level, or `(name/pid on host)`, or `(pid)` (the host hidden by
 * default since 9); `--levelFirst` puts the level before the time. A message of several lines (a
 * server's multi-line reply) is printed as it is, its next lines not indented. Each field is written as
 * JSON (`"text"`, a number), an object over several lines (an application's `envelope`, nodemailer's `err`
 * with its stack unquoted).
 *
 * The records are given back as the objects pino wrote, so that nodemailer's debug output logged through
 * pino (nodemailer-json-log.ts) is read as the session it is, pretty-printed or not: the sender of its
 * `MAIL FROM`, the recipient, the EHLO name, the remote and the client's address.
 */
import type { Json, Obj } from './json-value';

/** A record's head: time, level, `(pid on host)`, then the message. */
const HEAD =
  /^\[([^\]\n]{1,40})\] (TRACE|DEBUG|INFO|WARN|ERROR|FATAL|USERLVL)(?: \([^)\n]{0,200}\))?: ?(.*)$/;
/** The same with `--levelFirst`. */
const HEAD_LEVEL_FIRST =
  /^(TRACE|DEBUG|INFO|WARN|ERROR|FATAL|USERLVL) \[([^\]\n]{1,40})\](?: \([^)\n]{0,200}\))?: ?(.*)$/;

/** Seen near the start of a paste printed by pino-pretty: a head, then a field line. */
export const PINO_PRETTY_HINT =
  /^(?:\[[^\]\n]{1,40}\] (?:TRACE|DEBUG|INFO|WARN|ERROR|FATAL)|(?:TRACE|DEBUG|INFO|WARN|ERROR|FATAL) \[[^\]\n]{1,40}\])(?: \([^)\n]{0,200}\))?: [^\n]*\n {4}[A-Za-z_$][\w$-]{0,60}: /m;

/** A field of the record: four spaces, its key, its JSON value. */
const FIELD = /^ {4}([A-Za-z_$][\w$-]{0,60}): (.*)$/;

/** pino-pretty's `-t` form (`2026-11-24 09:22:01.371 +0000`) and ISO with a zone. */
const ZONED_TIME = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d(?:\.\d{1,9})?)(?: ?(Z|[+-]\d\d:?\d\d))$/;

export interface PinoPrettyRecords {
  values: Json[];
  /** The 1-based paste line of each record's head. */
  lines: number[];
  /** A record's time was printed as the time of day alone (pino-pretty 9's default): no date to read. */
  timeOfDayOnly: boolean;
}

/** pino-pretty 9's default time, `09:22:01.371`: the time of day alone. */
const TIME_OF_DAY = /^\d\d:\d\d:\d\d(?:\.\d{1,9})?$/;

/** The record's `time` as pino wrote it, or undefined when the printed time has no date or no zone. */
function timeOf(printed: string): Json | undefined {
  const text = printed.trim();
  if (/^\d{12,14}$/.test(text)) return Number(text);
  const m = ZONED_TIME.exec(text);
  if (!m) return undefined;
  const zone = m[3] === 'Z' ? 'Z' : `${m[3]?.slice(0, 3)}:${m[3]?.slice(-2)}`;
  return `${m[1]}T${m[2]}${zone}`;
}

/** A field's value as JSON; undefined for what does not parse. */
function fieldValue(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

/** A line that ends a JSON value, and one that starts a member or an element: a comma goes between them. */
const ENDS_VALUE = /(?:["\d\]}]|true|false|null)\s*$/;
const STARTS_MEMBER = /^\s*["{[\d-]/;

/**
 * An object or array field as pino-pretty prints it (JSON.stringify's two-space layout, four spaces in),
 * from its opening line to its closing one: an error's `"stack":` is followed by the stack itself, unquoted
 * and indented further, which is left out (and the comma it leaves missing put back).
 */
function objectValue(lines: readonly string[]): Json | undefined {
  const kept: string[] = [];
  let stackIndent = -1;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (stackIndent >= 0 && indent > stackIndent) continue;
    stackIndent = -1;
    if (/^\s*"stack":\s*$/.test(line)) {
      stackIndent = indent;
      continue;
    }
    const last = kept.length - 1;
    const before = kept[last];
    if (
      before !== undefined &&
      ENDS_VALUE.test(before) &&
      STARTS_MEMBER.test(line) &&
      !before.trimEnd().endsWith(',')
    )
      kept[last] = `${before},`;
    kept.push(line);
  }
  return fieldValue(kept.join('\n').replace(/,(\s*[}\]])/g, '$1'));
}

/** The records of a paste pino-pretty printed; null when it holds no such record with a field. */
export function pinoPrettyRecords(lines: readonly string[]): PinoPrettyRecords | null {
  const values: Json[] = [];
  const heads: number[] = [];
  let record: Obj | null = null;
  let msg: string[] = [];
  let inFields = false;
  let fields = 0;
  // An object field being gathered: its key and lines, up to its closing line four spaces in.
  let open: { key: string; lines: string[] } | null = null;
  let timeOfDayOnly = false;
  const close = () => {
    if (record) record.msg = msg.join('\n');
    record = null;
  };
  lines.forEach((line, i) => {
    const head = HEAD.exec(line);
    const first = head ? null : HEAD_LEVEL_FIRST.exec(line);
    if (head || first) {
      close();
      open = null;
      const [printedTime, level, text] = head
        ? [head[1], head[2], head[3]]
        : [first?.[2], first?.[1], first?.[3]];
      record = { level: (level ?? 'INFO').toLowerCase() };
      const time = timeOf(printedTime ?? '');
      if (time !== undefined) record.time = time;
      else if (TIME_OF_DAY.test((printedTime ?? '').trim())) timeOfDayOnly = true;
      msg = [text ?? ''];
      inFields = false;
      values.push(record);
      heads.push(i + 1);
      return;
    }
    if (!record) return;
    const target: Obj = record;
    if (open) {
      open.lines.push(line);
      if (/^ {4}[}\]]\s*$/.test(line)) {
        const value = objectValue(open.lines);
        if (value !== undefined) target[open.key] = value;
        open = null;
      }
      return;
    }
    const field = FIELD.exec(line);
    if (field?.[1]) {
      inFields = true;
      fields++;
      const [key, text] = [field[1], field[2] ?? ''];
      if (key === 'msg' || key === 'level' || key === 'time') return;
      if (text === '{' || text === '[') open = { key, lines: [text] };
      else {
        const value = fieldValue(text);
        if (value !== undefined) target[key] = value;
      }
      return;
    }
    // A message's next line (printed as it is) until the fields start; an object's lines after.
    if (!inFields && !line.startsWith('    ')) msg.push(line);
  });
  close();
  return fields > 0 && values.length > 0 ? { values, lines: heads, timeOfDayOnly } : null;
}
