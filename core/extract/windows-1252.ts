/**
 * Windows-1252 text, as a browser decodes it. Node's TextDecoder for `windows-1252` (and for the labels
 * the WHATWG Encoding Standard maps to it: `iso-8859-1`, `latin1`, `us-ascii`) gives bytes 0x80 to 0x9F
 * as the C1 controls U+0080 to U+009F, as ISO-8859-1 would, where Windows-1252 has ’ “ ” € – — …:
 * a French text typed in Word or Outlook lost its apostrophes to invisible characters. The characters
 * are those of the standard's index-windows-1252; its five unassigned bytes stay as they are.
 */

// 0x80 to 0x9F in order.
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
].map((code) => String.fromCharCode(code));

const C1 = /[\u0080-\u009f]/g;

/** `text` decoded as ISO-8859-1 with its C1 controls read as the Windows-1252 characters they are. */
export function withWindows1252Characters(text: string): string {
  C1.lastIndex = 0;
  return C1.test(text) ? text.replace(C1, (c) => HIGH[c.charCodeAt(0) - 0x80] as string) : text;
}

const DECODER = new TextDecoder('windows-1252');

/** The bytes as Windows-1252 text, whatever the platform's decoder does with 0x80 to 0x9F. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return withWindows1252Characters(DECODER.decode(bytes));
}

/** Charset labels that the WHATWG Encoding Standard reads as Windows-1252. */
export const WINDOWS_1252_LABEL =
  /^(?:windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|iso_8859-1|latin-?1|l1|us-ascii|ascii|ansi_x3\.4-1968|cp819|ibm819)$/i;

const BYTE_OF = new Map<number, number>(HIGH.map((c, i) => [c.charCodeAt(0), 0x80 + i]));

/**
 * The bytes `text` was decoded from as Windows-1252 (the inverse of decodeWindows1252), or null when a
 * character is not one of Windows-1252's: the text did not come from such a reading.
 */
export function windows1252Bytes(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const byte = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : BYTE_OF.get(c);
    if (byte === undefined) return null;
    bytes[i] = byte;
  }
  return bytes;
}
