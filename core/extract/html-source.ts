/**
 * A paste of HTML source rather than of what a page shows: a webmail's bounce saved as `.htm`, a
 * ticket exported from a help desk, a forum post's source, a log escaped for a web page
 * (`to=&lt;jean@orange.fr&gt;`), or a reply pasted as `<pre>421 ...<br>...</pre>` on one line. The
 * readers expect text: the tags that end a line (`<br>`, `</p>`, `</div>`, `</tr>`...) end it, the
 * other tags go, `<style>`/`<script>` contents and comments go, entities are decoded (with the
 * `entities` package, which knows them all: `&eacute;`, `&rsquo;`, `&#8217;`). Each line read keeps the
 * number of the paste's line it came from (a table row written over several lines is one, html-table-rows.ts).
 * Two paragraphs are parted by a blank line, as a browser shows
 * them (html-paragraphs.ts): a reply does not run on into the next paragraph's words.
 *
 * Only text that shows itself to be HTML is converted: a line-ending or layout tag, or escaped angle
 * brackets or quotes with no raw tag. An address in angle brackets (`<jean@orange.fr>`) is no tag.
 */
import { decodeHTML } from 'entities/decode';
import { MAX_INPUT_BYTES } from './decode-bytes';
import { splitLines } from './header-block';
import { hasMargins, type ParagraphMargins, paragraphMargins } from './html-paragraphs';
import { withRowsJoined } from './html-table-rows';

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
export const LAYOUT_TAG =
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
  const source = html.slice(0, MAX_LENGTH);
  const lines = splitLines(withoutComments(withoutCutTag(source)));
  const shown = new ShownLines();
  const paragraphs: OpenParagraph = { margins: paragraphMargins(source), shown: true };
  const hidden: Hidden = { name: null };
  /** The last line read ended with a line-ending tag. */
  let lineEnded = false;
  /** A `<pre>` is open at the line's start. */
  let inPre = false;
  for (const unit of withRowsJoined(lines)) {
    const i = unit.index;
    // Outside `<pre>`, a page shows no line's indentation: the source's nesting of its elements.
    const sourceLine = inPre ? unit.text : unit.text.trimStart();
    inPre = preOpenAfter(unit.text, inPre);
    const line = withoutHidden(sourceLine.replace(DOCTYPE, ''), hidden);
    if (line === null) continue;
    // Text and the line-ending tags between: pieces at even indexes, tags at odd ones.
    const cells = line.replace(CELL_END, ' ');
    const parts = (unit.row ? cells.replace(/[ \t\u00a0]{2,}/g, rowSpace) : cells).split(LINE_END_SPLIT);
    const pieces = parts.filter((_, k) => k % 2 === 0);
    const tags = parts.filter((_, k) => k % 2 === 1);
    const breaks = tags.map((tag) => isParagraphEdge(tag, paragraphs));
    // The line break a tag makes replaces the source's own: `text<br>` at a line's end, `<p>text` at
    // its start give no empty line. A line of tags alone (`<html>`, `<body>`) gives none either.
    // (Indices, not shift(): a line of 100,000 empty `<div>`s would cost as many array moves each.)
    let first = 0;
    let last = pieces.length - 1;
    while (first < last && isBlank(pieces[first] as string)) first++;
    while (last > first && isBlank(pieces[last] as string)) last--;
    if (first === last && sourceLine.trim() !== '' && isBlank(pieces[first] as string)) {
      if (breaks.includes(true)) shown.paragraphEdge(i + 1);
      // A `<br>` on a line of its own, after a line a tag ended (`text<br>`, a table's end), is an empty
      // line: Thunderbird's `<br>` lines between paragraphs and under its forward's header table.
      else if (lineEnded && tags.some((tag) => BR.test(tag))) shown.add('', i + 1);
      lineEnded = tags.length > 0;
      continue;
    }
    lineEnded = tags.length > 0 && last < pieces.length - 1;
    if (breaks.slice(0, first).includes(true)) shown.paragraphEdge(i + 1);
    for (let k = first; k <= last; k++) {
      // Nothing between two line-ending tags is an empty line only when a `<br>` ends it (`a<br><br>b`,
      // Gmail's `<div><br></div>`): a block's end or start after a line's end (`text<br></div><div>`, as
      // Apple Mail writes each forward line, `</p><p>`, whose margins say whether a blank line parts
      // them) starts no new line.
      const empty = k > first && isBlank(pieces[k] as string) && !BR.test(tags[k] as string);
      if (!empty) {
        const text = decodeHTML((pieces[k] as string).replace(ANY_TAG, ''));
        shown.add(unit.row ? text.replace(/[ \t]{2,}/g, ' ').trim() : text, i + 1);
      }
      if (k < last && breaks[k]) shown.paragraphEdge(i + 1);
    }
    if (breaks.slice(last).includes(true)) shown.paragraphEdge(i + 1);
  }
  return { text: shown.text.join('\n'), pasteLine: shown.pasteLine };
}

const BR = /^<br(?=[\s/>])/i;
/** A run of spaces in a row's text: one space (a no-break space in it kept, as a page shows it). */
const rowSpace = (run: string) => (run.includes('\u00a0') ? '\u00a0' : ' ');
const PRE_TAG = /<(\/?)pre(?=[\s>])/gi;

/** Whether a `<pre>` is open at the end of `line`, given whether one was at its start. */
function preOpenAfter(line: string, open: boolean): boolean {
  if (!line.includes('<')) return open;
  let inside = open;
  PRE_TAG.lastIndex = 0;
  for (let m = PRE_TAG.exec(line); m; m = PRE_TAG.exec(line)) inside = m[1] === '';
  return inside;
}
/** A paragraph's tag (`<p>`, `</p>`) among the line-ending tags. */
const PARAGRAPH_TAG = /^<(\/?)p(?=[\s/>])/i;
const LINE_END_SPLIT = new RegExp(`(${LINE_END_TAG.source})`, 'i');

/** Whether the last `<p>` opened is shown with its margins (html-paragraphs.ts). */
interface OpenParagraph {
  margins: ParagraphMargins;
  shown: boolean;
}

/**
 * True when the line-ending tag is a paragraph's start or end shown with a margin: a blank line between
 * the text before and after it. (`</p>` takes its margin from the `<p>` it closes.)
 */
function isParagraphEdge(tag: string, open: OpenParagraph): boolean {
  const paragraph = PARAGRAPH_TAG.exec(tag);
  if (!paragraph) return false;
  if (paragraph[1]) return open.shown;
  open.shown = hasMargins(tag, open.margins);
  return open.shown;
}

/**
 * The lines shown, a paragraph's margin giving one blank line between two lines of text: none at the
 * text's start or end, none beside an empty line already there (margins collapse into one).
 */
class ShownLines {
  readonly text: string[] = [];
  readonly pasteLine: number[] = [];
  private edgeLine: number | null = null;

  add(line: string, pasteLine: number): void {
    if (line.trim() === '') this.edgeLine = null;
    else if (this.edgeLine !== null) {
      this.text.push('');
      this.pasteLine.push(this.edgeLine);
      this.edgeLine = null;
    }
    this.text.push(line);
    this.pasteLine.push(pasteLine);
  }

  paragraphEdge(pasteLine: number): void {
    const previous = this.text[this.text.length - 1];
    if (previous !== undefined && previous.trim() !== '' && this.edgeLine === null) this.edgeLine = pasteLine;
  }
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
