/** Bytes to text: UTF-8 when valid, else Windows-1252; binary refused; absurd sizes capped. */
import type { Note } from '../types';
import { NOTES } from './notes';

/** Inputs beyond this are cut (a bounce is kilobytes; logs go through the streaming scanner instead). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface DecodedText {
  text: string | null;
  warnings: Note[];
}

// Made once: building a TextDecoder costs more than decoding a typical bounce. Non-streaming decode()
// calls keep no state between inputs.
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const WINDOWS_1252 = new TextDecoder('windows-1252');

/** True when the sample holds NUL bytes or many control characters: not a text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] as number;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

export function decodeBytes(input: Uint8Array): DecodedText {
  const warnings: Note[] = [];
  let bytes = input;
  if (bytes.length > MAX_INPUT_BYTES) {
    bytes = bytes.subarray(0, MAX_INPUT_BYTES);
    warnings.push(NOTES.truncated(MAX_INPUT_BYTES / 1024 / 1024));
  }
  if (looksBinary(bytes)) return { text: null, warnings: [...warnings, NOTES.binary()] };
  try {
    // A cut may split a UTF-8 sequence: ignore an incomplete one at the very end.
    const text = UTF8_STRICT.decode(bytes);
    return { text, warnings };
  } catch {
    if (input.length > MAX_INPUT_BYTES) {
      try {
        const text = UTF8_STRICT.decode(bytes.subarray(0, bytes.length - 3));
        return { text, warnings };
      } catch {
        // fall through to Windows-1252
      }
    }
    const text = WINDOWS_1252.decode(bytes);
    return { text, warnings: [...warnings, NOTES.latin1()] };
  }
}
