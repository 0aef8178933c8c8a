/**
 * An application's log lines that each end with a JSON object after the logger's own prefix: Go's log
 * package (`2025/09/02 01:52:10 {"level":"INFO","msg":{...}}`), an AWS Lambda's console
 * (`2026-05-01T07:00:36 [INFO] 2026-05-01T07:00:36.935Z <request id> RAW NOTIFICATION: {...}`). The
 * objects are ESP events or their wrappers: read as JSON lines, each from its own line of the paste, so
 * that their own times and fields count and not the logger's.
 */

import { parseSyslog } from './logs/syslog';

export interface StampedJson {
  /** The objects, one per line. */
  text: string;
  /** For each line of `text` (0-based), the 1-based line of the paste it comes from. */
  pasteLine: number[];
}

// A logger's prefix: from a stamp (a digit), a bracketed level, a syslog date or a syslog program's tag
// (maddy's `maddy[1547]: queue: delivery attempt failed {"msg_id":...}`, in a blog post of about 2021),
// no brace or quote, then the object. Also maddy's own lines on its standard error, without a stamp
// (`submission: incoming message {"msg_id":...}`, maddy issues #327 and #714), and any of these behind
// `docker compose logs`' service name (`maddy-1  | `).
const PREFIX = String.raw`^(?:[A-Za-z0-9][\w.-]{0,127} {1,40}\| )?(?:[\d[]|[A-Z][a-z]{2} {1,2}\d|[A-Za-z][\w./-]{0,40}\[\d{1,10}\]:|[a-z][\w./-]{0,40}: [A-Za-z][^{}"\n]{0,80}\t(?=\{"msg_id"))[^{}"\n]{0,200}?`;
const STAMPED = new RegExp(String.raw`${PREFIX}(?=\{")`);
/** A line of the same logger without an object: a bracketed level first (`[debug] target.queue: ...`). */
const LOGGED_LINE = /^(?:[A-Za-z0-9][\w.-]{0,127} {1,40}\| )?(?:\d{4}-\d\d-\d\dT\S{8,40} )?\[[a-z]{4,7}\] /;
/** Lines that may come before the first object (a shell command, a title). */
const MAX_LEAD = 3;

/** The objects of such lines, or null when the paste is not made of them. */
export function stampedJson(lines: readonly string[]): StampedJson | null {
  const text: string[] = [];
  const pasteLine: number[] = [];
  let lead = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trimEnd();
    if (line === '') continue;
    const prefix = STAMPED.exec(line);
    if (!prefix || !line.endsWith('}')) {
      // The same program's lines without an object between them (maddy's `[debug] target.queue:
      // starting delivery for 3b24958c`, maddy issue #842) are skipped, as the lead is.
      if (text.length > 0 && !line.includes('{"') && (parseSyslog(line) || LOGGED_LINE.test(line))) continue;
      if (text.length > 0 || ++lead > MAX_LEAD) return null;
      continue;
    }
    text.push(line.slice(prefix[0].length));
    pasteLine.push(i + 1);
  }
  return text.length > 0 ? { text: text.join('\n'), pasteLine } : null;
}

/** A cheap look at the paste's start before its lines are split: some line has a prefix then `{"`. */
export const MAY_HOLD_STAMPED_JSON = new RegExp(String.raw`${PREFIX}\{"`, 'm');
