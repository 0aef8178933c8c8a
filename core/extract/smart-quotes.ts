/**
 * A word processor or a mail editor with typographic quotes turns the `"` of a pasted log or JSON into
 * curly ones (`stat=“550 …”`, `{“event”: “bounce”}`), and no log reader or JSON parser takes them. Logs
 * and JSON are ASCII: when the text holds curly double quotes and no straight one (an editor changed
 * them all), they are put back, one for one. A text that also holds straight ones keeps its curly
 * quotes: they are part of a value there (`"reason": "a “spam” score"`). Apostrophes (`n’a`) stay as
 * written: no reader needs them straight, and they are cited as pasted.
 */
const DOUBLE = /[\u201c\u201d\u201e\u201f\u2033]/g;

export function withPlainQuotes(text: string): string {
  DOUBLE.lastIndex = 0;
  if (!DOUBLE.test(text) || text.includes('"')) return text;
  return text.replace(DOUBLE, '"');
}
