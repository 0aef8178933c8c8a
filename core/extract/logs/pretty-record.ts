/**
 * A log line shipped by a log platform and printed over several lines, one object a record (gathered by
 * the record assembler, records.ts): `journalctl -o json-pretty`'s JSON, and Logstash's `rubydebug`
 * output (`"message" => "Mar 14 11:12:01 mta1 postfix/smtp[21873]: ..."`, Ruby's inspect of the event,
 * which formats/ruby-inspect.ts writes as JSON). Each is read as the log line it wraps, as a pasted one
 * is (formats/json-input.ts): a Logstash capture saved to a file is read by `summarize` too.
 */
import { unwrappedLogLines } from '../formats/json-log';
import { jsonFromRubyInspect } from '../formats/ruby-inspect';

/** The log lines the object wraps, or null when it wraps none. */
export function prettyLogLines(text: string): string[] | null {
  const lines = unwrappedLogLines(text);
  if (lines || !text.includes('=>')) return lines;
  const json = jsonFromRubyInspect(text);
  return json === null ? null : unwrappedLogLines(json);
}
