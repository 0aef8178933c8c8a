/**
 * An event printed by a Ruby program (`p params`, `puts event.inspect` on a Mandrill or Postmark
 * webhook's payload, pasted in an issue) comes out as Ruby's inspect of a Hash, not JSON: `"key"=>value`
 * (`"key" => value` since Ruby 3.4) and `nil`. Logstash's `rubydebug` output prints its events so too,
 * pretty: one key a line, right-aligned (`    "@timestamp" => 2024-03-14T10:12:01.123Z,`), its
 * Timestamp bare, and an array's items numbered (`[0] "beats_input_codec_plain_applied"`). It is turned
 * into the JSON it stands for, character by character, so that the JSON readers read it (Logstash's
 * `message` and `@timestamp` as a shipped log line, formats/json-log.ts); lines stay where they were.
 */

/** A Hash's inspect starts with a string key and its arrow (rubydebug's keys padded to the longest). */
const HASH_START = /^\[?\s{0,4}\{\s{0,40}"[^"\n]{1,100}"\s{0,2}=>/;
/** Logstash's Timestamp, printed bare after its key's arrow: RFC 3339 in UTC, to the nanosecond. */
const BARE_TIMESTAMP = /^\s{0,2}(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z)(?=\s{0,2}[,}\n])/;
/** The index rubydebug puts before an array's item, at its line's start (`        [0] "tag"`). */
const ITEM_INDEX = /^\[\d{1,6}\] /;

/** JSON for a Ruby Hash or Array inspect, or null when the text is not one. */
export function jsonFromRubyInspect(text: string): string | null {
  const t = text.trim();
  if (!HASH_START.test(t)) return null;
  const out: string[] = [];
  let i = 0;
  while (i < t.length) {
    const c = t[i] as string;
    if (c === '"') {
      const end = stringEnd(t, i);
      if (end < 0) return null;
      out.push(JSON.stringify(rubyString(t.slice(i + 1, end))));
      i = end + 1;
      continue;
    }
    if (c === '=' && t[i + 1] === '>') {
      out.push(':');
      i += 2;
      const stamp = BARE_TIMESTAMP.exec(t.slice(i, i + 48));
      if (stamp) {
        out.push(JSON.stringify(stamp[1]));
        i += stamp[0].length;
      }
      continue;
    }
    if (c === '[' && /\n[ \t]*$/.test(t.slice(Math.max(0, i - 40), i))) {
      const index = ITEM_INDEX.exec(t.slice(i, i + 10));
      if (index) {
        i += index[0].length;
        continue;
      }
    }
    if (c === 'n' && t.startsWith('nil', i) && !/\w/.test(t[i - 1] ?? '') && !/\w/.test(t[i + 3] ?? '')) {
      out.push('null');
      i += 3;
      continue;
    }
    out.push(c);
    i++;
  }
  return out.join('');
}

/** Index of the double quote closing the string opened at `start`, or -1 (a string stays on its line). */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i;
    else if (c === '\n') return -1;
  }
  return -1;
}

/** A Ruby string literal's contents as the string it stands for (the escapes inspect writes). */
function rubyString(body: string): string {
  return body.replace(/\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(Number.parseInt(e.slice(2, -1), 16));
    if (e.length > 1) return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t', e: '\u001b' } as Record<string, string>)[e] ?? e;
  });
}
