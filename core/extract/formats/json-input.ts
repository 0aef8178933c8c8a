/**
 * Text read as JSON values, leniently, as users paste events: a JSON array, one object, one object per
 * line (NDJSON), JSON5, objects run together, members copied without their braces, a Python repr or Ruby
 * inspect of one. Extraction from those values: json-event.ts.
 */
import JSON5 from 'json5';
import { concatenatedValues } from './json-spans';
import type { Json } from './json-value';
import { jsonFromPythonRepr } from './python-repr';
import { jsonFromRubyInspect } from './ruby-inspect';

/**
 * Parses the text as JSON or NDJSON; null when it is neither. A piece of an object copied without its
 * braces (`"delivery-status": { ... },`, as users copy it from an ESP's event log) is read as the object
 * those members make. Text nested deeper than any event (MAX_DEPTH) is none.
 */
export function parseJsonInput(text: string): Json[] | null {
  const t = text.trim().replace(/,$/, '');
  if (nestedDeeperThan(t, MAX_DEPTH)) return null;
  // The event as a string's escaped text (SNS's `Message` value, a string literal in code):
  // `{\"notificationType\":\"Bounce\", ...}`, maybe with the string's own quotes around it.
  const inString = escapedJson(t);
  if (inString !== null) return parseJsonInput(inString);
  if (t.startsWith('"')) {
    // Members copied without their braces, or from the first member to the object's closing brace, or
    // cut before the closing braces of the objects they opened (a handbook quoting Mailgun's
    // `"delivery-status": {` up to its `"message"` line).
    const candidates = [`{${t}}`, `{${t}`, `{${t}${'}'.repeat(unclosedBraces(t) + 1)}`];
    // One member per line without the commas between them (a KumoMTA record's keys picked out of it,
    // as a user pasted them in KumoMTA issue 431).
    const lines = t.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
    if (lines.length > 1 && lines.every((line) => MEMBER_LINE.test(line)))
      candidates.push(`{${lines.map((line) => line.trim().replace(/,$/, '')).join(',')}}`);
    for (const candidate of candidates) {
      try {
        return [JSON.parse(candidate) as Json];
      } catch {
        // the next candidate
      }
    }
    // The same members with a comma after the last one, as JavaScript allows (a KumoMTA record in its
    // k6 load script, `const content = { ..., "nodeid": "...", }`): read as JSON5, as a whole object is.
    for (const candidate of candidates) {
      const relaxed = json5Value(candidate);
      if (relaxed !== undefined && !Array.isArray(relaxed)) return [relaxed];
    }
    // Members written in Python source (`"DumpAvailable": True,` in django-anymail's Postmark test).
    for (const candidate of candidates) {
      const fromPython = jsonFromPythonRepr(candidate);
      const values = fromPython ? valuesOf([fromPython]) : null;
      if (values) return values;
    }
    return null;
  }
  if (!(t.startsWith('{') || t.startsWith('['))) return null;
  try {
    const v = JSON.parse(t) as Json;
    return Array.isArray(v) ? v : [v];
  } catch {
    // JSON as documentation and people write it: a comma after the last member (SparkPost's own sample
    // events), comments, single quotes, names without quotes (a JavaScript object printed by its program).
    const relaxed = json5Value(t);
    if (relaxed !== undefined) return Array.isArray(relaxed) ? relaxed : [relaxed];
    // A Python program's print of the event (`{'event': 'bounce', ...}`).
    const fromPython = jsonFromPythonRepr(t);
    if (fromPython) return valuesOf([fromPython]);
    // A Ruby program's (`{"event"=>"hard_bounce", ..., "template"=>nil}`), or Logstash's rubydebug
    // events one after the other.
    const fromRuby = jsonFromRubyInspect(t);
    if (fromRuby) return valuesOf([fromRuby]) ?? valuesOf(concatenatedValues(fromRuby) ?? []);
    // One value per line (NDJSON), or pretty-printed values one after the other.
    const pieces = t.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
    return valuesOf(pieces) ?? valuesOf(concatenatedValues(t) ?? []);
  }
}

const MEMBER_LINE = /^\s{0,12}"[^"\n]{1,80}"\s{0,2}:/;

/** How many `{` the text opens and does not close, outside strings (0 when it closes them all). */
function unclosedBraces(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */) depth++;
    else if (c === 125 /* } */ && depth > 0) depth--;
  }
  return depth;
}

const ESCAPED_OBJECT = /^"?\[?\{\\"/;

/** The JSON a string's escaped text holds, unescaped, or null when the text is no such string. */
function escapedJson(text: string): string | null {
  if (!ESCAPED_OBJECT.test(text)) return null;
  try {
    const value: unknown = JSON.parse(text.startsWith('"') ? text : `"${text}"`);
    return typeof value === 'string' && /^\s*[[{]/.test(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Nesting no event comes near: providers nest theirs a few levels deep, and `collect` reads 20. Text
 * nested deeper is no event, and is refused before any parser reads it: the json5 package keeps a frame
 * for each level it opens (a line of a million `[`: 300 MB and three seconds; 4 MB: 1 GB, fifteen
 * seconds), and JSON.parse slows down past a million levels (1 MB: 150 ms, 2 MB: 530 ms).
 */
const MAX_DEPTH = 64;

/** True when the text opens more than `limit` arrays or objects inside one another, strings aside. */
function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let quote = 0; // the quote of the string the scan is in (JSON5 has both), or 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 92 /* \\ */) i++;
      else if (c === quote) quote = 0;
    } else if (c === 34 /* " */ || c === 39 /* ' */) quote = c;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth = Math.max(0, depth - 1);
  }
  return false;
}

/** The value of JSON5 text (json5 package), or undefined when it is none. */
function json5Value(text: string): Json | undefined {
  try {
    return JSON5.parse<Json>(text);
  } catch {
    return undefined;
  }
}

/** Each piece parsed, or null when one is not JSON (or there is none). */
function valuesOf(pieces: readonly string[]): Json[] | null {
  const out: Json[] = [];
  for (const piece of pieces) {
    try {
      out.push(JSON.parse(piece) as Json);
    } catch {
      return null;
    }
  }
  return out.length > 0 ? out : null;
}
