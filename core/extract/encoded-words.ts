/**
 * RFC 2047 encoded words in a header's value (`=?utf-8?Q?Fwd=3A_...?=`), decoded. postal-mime's
 * decodeWords reads them with the platform's TextDecoder, which knows no DOS code page: a word in one
 * (`=?ibm850?B?...?=`, the name .NET gives code page 850, as a script on a French Windows console writes
 * it; `=?cp437?Q?...?=`) lost its accents. Such words are read by postal-mime as Windows-1252, then their
 * bytes again in their page (dos-code-pages.ts, as a part in one is); the others, runs of them together
 * (a character may be split across two words), go to postal-mime.
 */
import { decodeWords } from 'postal-mime';
import { dosCodePageOf, fromWindows1252Reading } from './dos-code-pages';

/** An encoded word: its charset (maybe with an RFC 2231 language, `*fr`), encoding and text. */
const ENCODED_WORD = /=\?([^?*\s]{1,40})(?:\*[^?\s]{0,20})?\?([BbQq])\?([^?\s]{0,1000})\?=/g;

/** A DOS word's text as postal-mime reads it under Windows-1252 (one character per byte), then in its page. */
function dosWordText(encoding: string, text: string, codePage: 437 | 850): string {
  const read = decodeWords(`=?windows-1252?${encoding}?${text}?=`);
  return fromWindows1252Reading(read, codePage) ?? read;
}

/** `value` with its encoded words decoded; the white space between two of them dropped (RFC 2047 §6.2). */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  let out = '';
  /** postal-mime's words since the last DOS word, and the text between them, not yet decoded. */
  let pending = '';
  let last = 0;
  let afterWord = false;
  for (const m of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, m.index);
    const joined = afterWord && /^\s*$/.test(between);
    last = m.index + m[0].length;
    afterWord = true;
    const codePage = dosCodePageOf(m[1] as string);
    if (!codePage) {
      // (postal-mime drops the space between two words of its own; the one after a DOS word goes here.)
      pending += (joined && pending === '' ? '' : between) + m[0];
      continue;
    }
    out += decodeWords(pending) + (joined ? '' : between);
    pending = '';
    out += dosWordText(m[2] as string, m[3] as string, codePage);
  }
  return out + decodeWords(pending + value.slice(last));
}
