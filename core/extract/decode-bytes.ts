/**
 * Bytes to text: UTF-16 when it starts with its byte-order mark or shows its zero bytes (Windows
 * Notepad's "Unicode"), else UTF-8 when valid, else Windows-1252; binary refused; a stray NUL or two
 * (a text saved by a careless program) dropped; absurd sizes capped.
 */
import type { Note } from '../types';
import { NOTES } from './notes';
import { decodeWindows1252 } from './windows-1252';

/** Inputs beyond this are cut (a bounce is kilobytes; logs go through the streaming scanner instead). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface DecodedText {
  text: string | null;
  warnings: Note[];
}

// Made once: building a TextDecoder costs more than decoding a typical bounce. Non-streaming decode()
// calls keep no state between inputs.
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** 1 for the control bytes that count against a text (below 32, but tab, LF, FF, CR and ESC). */
const CONTROL = new Uint8Array(256);
for (let b = 0; b < 32; b++) CONTROL[b] = b === 9 || b === 10 || b === 13 || b === 12 || b === 27 ? 0 : 1;

const NO_WORDS = new Uint32Array(0);

function controlBytes(bytes: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) count += CONTROL[bytes[i] as number] as number;
  return count;
}

/**
 * NUL bytes a text may carry by accident (one at its end); more, or a few among control bytes, are binary.
 */
const STRAY_NULS = 3;

function nulCount(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(0); at >= 0 && count <= STRAY_NULS; at = bytes.indexOf(0, at + 1)) count++;
  return count;
}

/** The UTF-16 byte order of `bytes`, from its byte-order mark or, without one, from its zero bytes. */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // Text in a Latin script as UTF-16: every other byte is zero, on the same side.
  const sample = bytes.subarray(0, 4096 & ~1);
  // Without a zero byte (nearly every input) neither side has any: a native search says so at once.
  if (sample.length < 16 || sample.indexOf(0) < 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = sample.length / 2;
  if (odd > pairs * 0.6 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.6 && odd < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * True when the sample holds NUL bytes (beyond a stray one or two) or many control characters: not a text.
 * Read four bytes at a time: a word with no byte under 0x20 (the usual case in text) is skipped whole.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  const nuls = nulCount(sample);
  if (nuls > STRAY_NULS) return true;
  const length = sample.length;
  // Bytes before the first 4-byte-aligned offset, then whole words, then the tail.
  const head = Math.min(length, (4 - (sample.byteOffset & 3)) & 3);
  let control = controlBytes(sample, 0, head);
  const words = length > head ? (length - head) >> 2 : 0;
  // Always a Uint32Array (one kind of object for the loop below), empty when there is no whole word.
  const view = words > 0 ? new Uint32Array(sample.buffer, sample.byteOffset + head, words) : NO_WORDS;
  for (let w = 0; w < words; w++) {
    const x = view[w] as number;
    // Some byte of x is below 0x20 (exact for the word as a whole; see "hasless" bit tricks).
    if (((x - 0x20202020) & ~x & 0x80808080) === 0) continue;
    const at = head + w * 4;
    control += controlBytes(sample, at, at + 4);
  }
  control += controlBytes(sample, head + words * 4, length);
  // A stray NUL in a text is alone; among other control bytes it marks a binary format.
  return length > 0 && (control / length > 0.1 || (nuls > 0 && control > nuls + 8));
}

/** The text without the stray NUL characters a text file may carry (a line's end is kept where it was). */
function withoutNuls(text: string): string {
  return text.includes('\0') ? text.replaceAll('\0', '') : text;
}

function hasLineEnd(bytes: Uint8Array): boolean {
  return bytes.indexOf(10) >= 0 || bytes.indexOf(13) >= 0;
}

/** The notes of one decoding: the cut (when the input was cut), then `also`. */
function notesOf(truncated: boolean, also: Note | null): Note[] {
  const notes: Note[] = [];
  if (truncated) notes.push(NOTES.truncated(MAX_INPUT_BYTES / 1024 / 1024));
  if (also) notes.push(also);
  return notes;
}

export function decodeBytes(input: Uint8Array): DecodedText {
  // The rare outcomes (cut, binary, Latin-1) are written by notesOf, out of this function's hot path.
  const truncated = input.length > MAX_INPUT_BYTES;
  const cut = truncated ? input.subarray(0, MAX_INPUT_BYTES) : input;
  // UTF-16 first: its zero bytes are its characters' halves (the last one's too).
  const utf16 = utf16Order(cut);
  if (utf16)
    return { text: withoutNuls(new TextDecoder(utf16).decode(cut)), warnings: notesOf(truncated, null) };
  // NUL bytes padding the end of lines of text (a file pre-allocated, a log after a crash) are no part
  // of the text. (After a few bytes without a line end, as in an image's header, they are its data.)
  let end = cut.length;
  while (end > 0 && cut[end - 1] === 0) end--;
  const padded = end < cut.length && end > 0 && hasLineEnd(cut.subarray(0, end));
  const bytes = padded ? cut.subarray(0, end) : cut;
  if (looksBinary(bytes)) return { text: null, warnings: notesOf(truncated, NOTES.binary()) };
  try {
    // A cut may split a UTF-8 sequence: ignore an incomplete one at the very end.
    const text = withoutNuls(UTF8_STRICT.decode(bytes));
    return { text, warnings: notesOf(truncated, null) };
  } catch {
    if (truncated) {
      try {
        const text = withoutNuls(UTF8_STRICT.decode(bytes.subarray(0, bytes.length - 3)));
        return { text, warnings: notesOf(truncated, null) };
      } catch {
        // fall through to Windows-1252
      }
    }
    // The character set an HTML page declares (`<meta charset=gb2312>`, a bounce saved from a webmail),
    // when TextDecoder knows it; else Windows-1252, the usual non-UTF-8 text here. (A MIME message's parts
    // declare their own, which the message reader applies part by part.)
    const declared = declaredDecoder(bytes);
    if (declared)
      return {
        text: withoutNuls(declared.decoder.decode(bytes)),
        warnings: notesOf(truncated, NOTES.declaredCharset(declared.label)),
      };
    const text = withoutNuls(decodeWindows1252(bytes));
    return { text, warnings: notesOf(truncated, NOTES.latin1()) };
  }
}

/** An HTML `<meta>`'s `charset=` in the text's first 4 KB: an ASCII label. */
const DECLARED_CHARSET = /<meta\b[^>]{0,300}?\bcharset\s{0,2}=\s{0,2}["']?([A-Za-z][A-Za-z0-9_.:-]{1,39})/i;
/** Labels the Windows-1252 fallback already reads as they are meant (WHATWG maps Latin-1 to it). */
const READ_ANYWAY = /^(?:utf-?8|us-ascii|ascii|iso-8859-1|latin-?1|windows-1252|cp1252)$/i;

function declaredDecoder(bytes: Uint8Array): { decoder: TextDecoder; label: string } | null {
  const head = decodeWindows1252(bytes.subarray(0, 4096));
  const label = DECLARED_CHARSET.exec(head)?.[1];
  if (!label || READ_ANYWAY.test(label)) return null;
  try {
    return { decoder: new TextDecoder(label), label: label.toLowerCase() };
  } catch {
    return null;
  }
}

/**
 * A file's text for the app (a file dropped on the window, one opened from the menu): as decodeBytes
 * reads it, and binary bytes as Windows-1252 too, for the engine to say what they are.
 */
export function fileText(bytes: Uint8Array): string {
  return decodeBytes(bytes).text ?? decodeWindows1252(bytes);
}
