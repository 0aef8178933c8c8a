/**
 * A paste of HTML source rather than of what a page shows: a webmail's bounce saved as `.htm`, a
 * ticket exported from a help desk, a forum post's source, a log escaped for a web page
 * (`to=&lt;jean@orange.fr&gt;`), or a reply pasted as `<pre>421 ...<br>...</pre>` on one line. The
 * readers expect text: the tags that end a line (`<br>`, `</p>`, `</div>`, `</tr>`...) end it, the
 * other tags go, `<style>`/`<script>` contents and comments go, entities are decoded (with the
 * `entities` package, which knows them all: `&eacute;`, `&rsquo;`, `&#8217;`). Each line read keeps the
 * number of the paste's line it came from.
 *
 * Only text that shows itself to be HTML is converted: a line-ending or layout tag, or escaped angle
 * brackets or quotes with no raw tag. An address in angle brackets (`<jean@orange.fr>`) is no tag.
 */
import { decodeHTML } from 'entities/decode';
import { MAX_INPUT_BYTES } from './decode-bytes';
import { splitLines } from './header-block';

/** The converted text, lines joined by `\n`, and for each of its lines the paste's line (1-based). */
export interface HtmlSourceText {
  text: string;
  pasteLine: number[];
}

/**
 * Source beyond the engine's limit on input is read as it is. (Below it the conversion is linear: 60 MB
 * in 3 s. At 4 MB, the limit it had, a larger paste of a bounce's HTML was read with its tags, each
 * reply holding `</div><div>&nbsp;`, and a message's larger HTML part was cut inside a tag.)
 */
const MAX_LENGTH = MAX_INPUT_BYTES;

/** A tag that only HTML writes: what shows that a paste is HTML source. */
const LAYOUT_TAG =
  /<\/?(?:br|p|div|pre|table|tbody|tr|td|th|html|body|head|span|font|blockquote|ul|ol|li|hr|h[1-6]|tt|code|center)(?=[\s/>])[^<>]{0,2000}>/i;
/**
 * Angle brackets or quotes escaped for HTML, a log or a reply written into a page's source; or a blog's
 * typographic characters as its source writes them (`I&#8217;m sorry`, `you&rsquo;re`, `&nbsp;`).
 */
const ESCAPED = /&(?:lt|gt|quot|#\d{2,6}|#x[0-9A-Fa-f]{2,5}|[lr][sd]quo|nbsp|hellip|[mn]dash);/;
/** A raw tag of any name (not an address: a tag's name holds no `@` or `.`). */
const ANY_TAG = /<\/?[A-Za-z][A-Za-z0-9:-]{0,30}(?:\s[^<>]{0,2000})?\/?>/g;
/** A tag that ends a line, or starts a block on a line of its own. */
const LINE_END_TAG =
  /<(?:br|\/p|p|\/div|div|\/tr|\/li|li|\/h[1-6]|\/blockquote|hr|\/pre|\/table|\/ul|\/ol)(?=[\s/>])[^<>]{0,2000}>/gi;
/** The end of a table cell: the next cell's text follows after a space. */
const CELL_END = /<\/t[dh]\s*>/gi;
const DOCTYPE = /<!doctype[^<>]{0,1000}>/gi;
const HIDDEN_OPEN = /<(style|script|title)(?=[\s>])[^<>]{0,2000}>/i;

/**
 * Each comment replaced by an empty tag on each of its lines, which then give no line (as a line of
 * tags does). A scan with indexOf: an unclosed `<!--` is left as it is, in linear time.
 */
function withoutComments(text: string): string {
  let at = text.indexOf('<!--');
  if (at < 0) return text;
  const parts: string[] = [];
  let kept = 0;
  while (at >= 0) {
    const end = text.indexOf('-->', at + 4);
    if (end < 0) break;
    parts.push(
      text.slice(kept, at),
      splitLines(text.slice(at, end + 3))
        .fill('<c>')
        .join('\n'),
    );
    kept = end + 3;
    at = text.indexOf('<!--', kept);
  }
  parts.push(text.slice(kept));
  return parts.join('');
}

/** Nothing but spaces and tags. */
const isBlank = (piece: string) => piece.replace(ANY_TAG, '').trim() === '';

/** True when the text shows it is HTML source (see the module's note). */
export function looksLikeHtmlSource(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  if (LAYOUT_TAG.test(head)) return true;
  return ESCAPED.test(head) && !/<[A-Za-z/!]/.test(head);
}

/** The text HTML source shows, or null when the paste is not HTML source. */
export function htmlSource(text: string): HtmlSourceText | null {
  if (text.length > MAX_LENGTH || !looksLikeHtmlSource(text)) return null;
  return htmlText(text);
}

/** The text `html` shows, each of its lines with the line of `html` it came from (see the module's note). */
export function htmlText(html: string): HtmlSourceText {
  const lines = splitLines(withoutComments(withoutCutTag(html.slice(0, MAX_LENGTH))));
  const kept: string[] = [];
  const pasteLine: number[] = [];
  const hidden: Hidden = { name: null };
  for (let i = 0; i < lines.length; i++) {
    const source = lines[i] as string;
    const line = withoutHidden(source.replace(DOCTYPE, ''), hidden);
    if (line === null) continue;
    const pieces = line.replace(CELL_END, ' ').replace(LINE_END_TAG, '\n').split('\n');
    // The line break a tag makes replaces the source's own: `text<br>` at a line's end, `<p>text` at
    // its start give no empty line. A line of tags alone (`<html>`, `<body>`) gives none either.
    // (Indices, not shift(): a line of 100,000 empty `<div>`s would cost as many array moves each.)
    let first = 0;
    let last = pieces.length - 1;
    while (first < last && isBlank(pieces[first] as string)) first++;
    while (last > first && isBlank(pieces[last] as string)) last--;
    if (first === last && source.trim() !== '' && isBlank(pieces[first] as string)) continue;
    for (const piece of pieces.slice(first, last + 1)) {
      kept.push(decodeHTML(piece.replace(ANY_TAG, '')));
      pasteLine.push(i + 1);
    }
  }
  return { text: kept.join('\n'), pasteLine };
}

/**
 * A tag cut by the end of the text (`refused</di`: input cut at the engine's limit), which no tag pattern
 * takes.
 */
const CUT_TAG = /<\/?[A-Za-z][A-Za-z0-9:-]{0,30}(?:\s[^<>]{0,2000})?$/;

/** The text without the start of a tag its end cut, which would otherwise end the last reply. */
function withoutCutTag(text: string): string {
  const at = text.lastIndexOf('<');
  return at >= 0 && text.indexOf('>', at) < 0 && CUT_TAG.test(text.slice(at)) ? text.slice(0, at) : text;
}

/** The element whose contents a page does not show, open at the end of the line before. */
interface Hidden {
  name: string | null;
}

/**
 * The line without the contents of `<style>`, `<script>` and `<title>` (up to their end tag, maybe some
 * lines further), or null when the whole line is inside one.
 */
function withoutHidden(text: string, hidden: Hidden): string | null {
  let line = text;
  if (hidden.name) {
    const end = line.search(new RegExp(`</${hidden.name}\\s*>`, 'i'));
    if (end < 0) return null;
    line = line.slice(end).replace(/^<\/[a-z]+\s*>/i, '');
    hidden.name = null;
  }
  for (let open = HIDDEN_OPEN.exec(line); open; open = HIDDEN_OPEN.exec(line)) {
    const name = (open[1] as string).toLowerCase();
    const rest = line.slice(open.index + open[0].length);
    const end = rest.search(new RegExp(`</${name}\\s*>`, 'i'));
    if (end < 0) {
      hidden.name = name;
      return line.slice(0, open.index);
    }
    line = line.slice(0, open.index) + rest.slice(end).replace(/^<\/[a-z]+\s*>/i, '');
  }
  return line;
}
