/**
 * A word processor or a mail editor with typographic quotes turns the `"` of a pasted log or JSON into
 * curly ones (`stat=“550 …”`, `{“event”: “bounce”}`), and no log reader or JSON parser takes them. Logs
 * and JSON are ASCII: when the text holds curly double quotes and no straight one (an editor changed
 * them all), they are put back, one for one. A text that also holds straight ones keeps its curly
 * quotes: they are part of a value there (`"reason": "a “spam” score"`). Apostrophes (`n’a`) stay as
 * written: no reader needs them straight, and they are cited as pasted; only single quotes around a
 * reply are made straight.
 */
import { CURLY_DOUBLE_QUOTES, CURLY_SINGLE_QUOTES } from './plain-characters';

const DOUBLE = new RegExp(`[${CURLY_DOUBLE_QUOTES}]`, 'g');
/**
 * A reply between curly single quotes, either way round (a blog's Outlook error: `Risposta del server:
 * ’553 5.7.1 ... not logged in‘, Porta: 25`): the quotes made straight, as a client writes them.
 */
const SINGLE_AROUND_REPLY = new RegExp(
  `[${CURLY_SINGLE_QUOTES}]([245]\\d\\d[ -][^${CURLY_SINGLE_QUOTES}\\n]{1,2000})[${CURLY_SINGLE_QUOTES}](?=[\\s,;.]|$)`,
  'g',
);

export function withPlainQuotes(text: string): string {
  const singles =
    text.includes('\u2018') || text.includes('\u2019') ? text.replace(SINGLE_AROUND_REPLY, "'$1'") : text;
  DOUBLE.lastIndex = 0;
  if (!DOUBLE.test(singles) || singles.includes('"')) return singles;
  return singles.replace(DOUBLE, '"');
}
