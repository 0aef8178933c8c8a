/**
 * The text of an RTF message body. Outlook's RTF is one of three kinds ([MS-OXRTFEX]): HTML wrapped in
 * RTF (`\fromhtml1`: the HTML is the `\*\htmltag` groups and the text outside `\htmlrtf` runs), plain
 * text wrapped in RTF (`\fromtext`), or RTF written in Outlook's own editor. The first gives HTML, the
 * others text: `\par` and `\line` as line breaks, `\tab`, `\'hh` bytes in the code page of the font they
 * are written in (rtf-font-charsets.ts: Word and WordPad write a French paragraph in a `\fcharset0` font
 * and a Russian one in a `\fcharset204` font of the same document), else in the document's `\ansicpg`
 * (1252 unless said), `\uN` characters (with the `\ucN` fallback characters skipped), and the
 * destinations that hold no text (font and colour tables, style sheet, pictures, fields' instructions,
 * `\*` groups) left out.
 */
import { decodeCodePage } from './mapi-properties';
import { FontCodePages } from './rtf-font-charsets';

/** Destinations whose content is no text of the message. */
const SKIPPED = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'fldinst',
  'header',
  'headerl',
  'headerr',
  'headerf',
  'footer',
  'footerl',
  'footerr',
  'footerf',
  'listtable',
  'listoverridetable',
  'revtbl',
  'rsidtbl',
  'themedata',
  'colorschememapping',
  'latentstyles',
  'datastore',
  'xmlnstbl',
  'generator',
  'mmathPr',
  'pntext',
  'pntxta',
  'pntxtb',
]);

/**
 * Groups nested deeper than this are read as part of the group at this depth (their text kept, their
 * formatting and destinations not told apart): a bounce's RTF nests a few levels, and a file of 60 MB of
 * `{` kept a record per level (4.6 GB, 34 s) before this.
 */
const MAX_DEPTH = 256;

/** Text bytes decoded at a time: a 60 MB run of text was held as an array of numbers (1.7 GB). */
const BYTES_AT_ONCE = 64 * 1024;

/** Control words that stand for a character. */
const CHARACTERS: Record<string, string> = {
  par: '\n',
  line: '\n',
  sect: '\n',
  row: '\n',
  cell: '\t',
  tab: '\t',
  emdash: '\u2014',
  endash: '\u2013',
  lquote: '\u2018',
  rquote: '\u2019',
  ldblquote: '\u201c',
  rdblquote: '\u201d',
  bullet: '\u2022',
  emspace: ' ',
  enspace: ' ',
};

interface Group {
  skip: boolean;
  htmlrtf: boolean;
  uc: number;
  /** The font of the text (`\fN`), null for the document's default (`\deffN`). */
  font: number | null;
  /** Inside the font table, where `\fN` starts a font's definition. */
  fontTable: boolean;
}

export interface RtfText {
  kind: 'html' | 'text';
  text: string;
}

/** The text (or the HTML, for `\fromhtml1`) an RTF document holds. Never throws. */
export function rtfText(rtf: Uint8Array): RtfText {
  let fromHtml = false;
  /** `\fromhtml1` or `\fromtext`: `\htmlrtf` runs are the wrapper's own formatting, not the body. */
  let encapsulated = false;
  let codePage: number | null = 1252;
  const fonts = new FontCodePages();
  const out: string[] = [];
  const bytes = new Uint8Array(BYTES_AT_ONCE);
  let held = 0;
  /** The code page of the bytes held. */
  let heldCodePage: number | null = codePage;
  const flush = () => {
    if (held > 0) out.push(decodeCodePage(bytes.slice(0, held), heldCodePage));
    held = 0;
  };
  let group: Group = { skip: false, htmlrtf: false, uc: 1, font: null, fontTable: false };
  const stack: Group[] = [];
  /** Fallback characters still to skip after a `\uN`. */
  let fallback = 0;
  /** True right after `{\*`: the group is skipped unless its first control word is one read here. */
  let starred = false;
  let first = false;
  /** Groups opened beyond MAX_DEPTH and not closed yet, read as the group at MAX_DEPTH. */
  let tooDeep = 0;
  const visible = () => !group.skip && !(group.htmlrtf && encapsulated);
  const byte = (b: number) => {
    if (fallback > 0) {
      fallback--;
      return;
    }
    if (!visible()) return;
    const page = fonts.codePage(group.font) ?? codePage;
    if (page !== heldCodePage) {
      flush();
      heldCodePage = page;
    }
    // Decoded in pieces, cut after a single-byte character (a double-byte code page's pair stays whole).
    if (held >= BYTES_AT_ONCE - 1 || (held >= BYTES_AT_ONCE / 2 && (bytes[held - 1] as number) < 0x80))
      flush();
    bytes[held++] = b;
  };
  const char = (c: string) => {
    if (!visible()) return;
    flush();
    out.push(c);
  };
  const n = rtf.length;
  let i = 0;
  while (i < n) {
    const c = rtf[i] as number;
    if (c === 0x7b && (tooDeep > 0 || stack.length >= MAX_DEPTH)) {
      tooDeep++;
      first = false;
      i++;
      continue;
    }
    if (c === 0x7d && tooDeep > 0) {
      tooDeep--;
      starred = false;
      i++;
      continue;
    }
    if (c === 0x7b) {
      stack.push(group);
      group = { ...group };
      first = true;
      fallback = 0;
      i++;
      continue;
    }
    if (c === 0x7d) {
      if (starred) group.skip = true;
      starred = false;
      group = stack.pop() ?? group;
      fallback = 0;
      i++;
      continue;
    }
    if (c === 0x0d || c === 0x0a) {
      i++;
      continue;
    }
    if (c !== 0x5c) {
      if (starred) {
        group.skip = true;
        starred = false;
      }
      first = false;
      byte(c);
      i++;
      continue;
    }
    // A control symbol or word.
    const next = rtf[i + 1];
    if (next === undefined) break;
    if (next === 0x27) {
      const hex = String.fromCharCode(rtf[i + 2] ?? 0, rtf[i + 3] ?? 0);
      if (/^[0-9a-f]{2}$/i.test(hex)) byte(Number.parseInt(hex, 16));
      i += 4;
      continue;
    }
    if (!isLetter(next)) {
      i += 2;
      if (next === 0x2a) {
        starred = first;
        continue;
      }
      first = false;
      if (next === 0x7e) char('\u00a0');
      else if (next === 0x5f) char('\u2011');
      else if (next === 0x5c || next === 0x7b || next === 0x7d) byte(next);
      else if (next === 0x0a || next === 0x0d) char('\n');
      continue;
    }
    let j = i + 1;
    // A control word has at most 32 letters (RTF 1.9.1): longer runs are text, and no huge word is built.
    while (j < n && j - i <= 32 && isLetter(rtf[j] as number)) j++;
    const word = String.fromCharCode(...rtf.subarray(i + 1, j));
    let k = j;
    if (rtf[k] === 0x2d) k++;
    while (k < n && k - j < 11 && isDigit(rtf[k] as number)) k++;
    const digits = String.fromCharCode(...rtf.subarray(j, k));
    const param = /\d/.test(digits) ? Number.parseInt(digits, 10) : null;
    if (rtf[k] === 0x20) k++;
    i = k;
    if (word === 'bin' && param !== null && param > 0) {
      i += param;
      continue;
    }
    const wasStarred = starred;
    const wasFirst = first;
    starred = false;
    first = false;
    if (wasStarred) {
      // `{\*\htmltag…}` holds the HTML of an HTML body; any other `\*` group is skipped.
      if (!(fromHtml && /^htmltag\d*$/.test(word))) group.skip = true;
      else group.htmlrtf = false;
      continue;
    }
    if (wasFirst && SKIPPED.has(word)) {
      group.skip = true;
      group.fontTable = word === 'fonttbl';
      continue;
    }
    if (group.fontTable) {
      fonts.define(word, param);
      continue;
    }
    if (word === 'fromhtml' && param === 1) fromHtml = encapsulated = true;
    else if (word === 'fromtext') encapsulated = true;
    else if (word === 'ansicpg' && param !== null) codePage = param;
    else if (word === 'deff' && param !== null) fonts.defaultFont = param;
    else if (word === 'f' && param !== null) group.font = param;
    else if (word === 'plain') group.font = null;
    else if (word === 'htmlrtf') group.htmlrtf = param !== 0;
    else if (word === 'uc' && param !== null) group.uc = Math.max(0, Math.min(param, 10));
    else if (word === 'u' && param !== null) {
      char(String.fromCharCode(param < 0 ? param + 65536 : param));
      fallback = group.uc;
    } else if (CHARACTERS[word] !== undefined) char(CHARACTERS[word] as string);
  }
  flush();
  return { kind: fromHtml ? 'html' : 'text', text: out.join('') };
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
