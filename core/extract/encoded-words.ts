/**
 * RFC 2047 encoded words in a header's value (`=?utf-8?Q?Fwd=3A_...?=`), decoded. postal-mime's
 * decodeWords reads them with the platform's TextDecoder, which knows no DOS code page: a word in one
 * (`=?ibm850?B?...?=`, the name .NET gives code page 850, as a script on a French Windows console writes
 * it; `=?cp437?Q?...?=`) lost its accents. Such words are decoded here through dos-code-pages.ts; the
 * others, runs of them together (a character may be split across two words), go to postal-mime.
 */
import { decodeWords } from 'postal-mime';
import { decodeDosCodePage, dosCodePageOf } from './dos-code-pages';

/** An encoded word: its charset (maybe with an RFC 2231 language, `*fr`), encoding and text. */
const ENCODED_WORD = /=\?([^?*\s]{1,40})(?:\*[^?\s]{0,20})?\?([BbQq])\?([^?\s]{0,1000})\?=/g;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The bytes of a B word's base64 text (characters outside its alphabet skipped). */
function base64Bytes(text: string): Uint8Array {
  const bytes: number[] = [];
  let bits = 0;
  let count = 0;
  for (const c of text) {
    const value = BASE64.indexOf(c);
    if (value < 0) continue;
    bits = (bits << 6) | value;
    count += 6;
    if (count >= 8) {
      count -= 8;
      bytes.push((bits >> count) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

/** The bytes of a Q word's text: `_` a space, `=XX` a byte. */
function qBytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const hex = c === '=' ? /^[0-9A-Fa-f]{2}/.exec(text.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(Number.parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(c === '_' ? 0x20 : c.charCodeAt(0) & 0xff);
  }
  return Uint8Array.from(bytes);
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
    const text = m[3] as string;
    out += decodeDosCodePage(/^[Bb]$/.test(m[2] as string) ? base64Bytes(text) : qBytes(text), codePage);
  }
  return out + decodeWords(pending + value.slice(last));
}
