/**
 * A word processor or a mail editor with typographic quotes turns the `"` of a pasted log or JSON into
 * curly ones (`stat=“550 …”`, `{“event”: “bounce”}`), and no log reader or JSON parser takes them. Logs
 * and JSON are ASCII: when the text holds curly double quotes and no straight one (an editor changed
 * them all), they are put back, one for one. A text that also holds straight ones keeps its curly
 * quotes: they are part of a value there (`"reason": "a “spam” score"`). Apostrophes (`n’a`) stay as
 * written: no reader needs them straight, and they are cited as pasted; only single quotes around a
 * reply are made straight.
 */
const DOUBLE = /[\u201c\u201d\u201e\u201f\u2033]/g;
/**
 * A reply between curly single quotes, either way round (a blog's Outlook error: `Risposta del server:
 * ’553 5.7.1 ... not logged in‘, Porta: 25`): the quotes made straight, as a client writes them.
 */
const SINGLE_AROUND_REPLY =
  /[\u2018\u2019]([245]\d\d[ -][^\u2018\u2019\n]{1,2000})[\u2018\u2019](?=[\s,;.]|$)/g;

export function withPlainQuotes(text: string): string {
  const singles =
    text.includes('\u2018') || text.includes('\u2019') ? text.replace(SINGLE_AROUND_REPLY, "'$1'") : text;
  DOUBLE.lastIndex = 0;
  if (!DOUBLE.test(singles) || singles.includes('"')) return singles;
  return singles.replace(DOUBLE, '"');
}
