/**
 * An unencoded part (8bit) written in a charset other than Windows-1252 and UTF-8 (a Polish server's
 * ISO-8859-2, a Russian one's KOI8-R, a Korean one's EUC-KR): a file holding it is no valid UTF-8, so
 * it was read as Windows-1252 (decode-bytes.ts), and the part's text is its bytes in that reading
 * (`b³êdów` for `błędów`). Its bytes again, decoded in the charset the part declares; also a 7bit
 * part in ISO-2022-JP (Japanese in escape sequences). Text pasted as Unicode (characters Windows-1252
 * does not have) is left as it is.
 */
import { decodeDosCodePage, dosCodePageOf } from './dos-code-pages';
import type { PlainPart } from './plain-mime';
import { WINDOWS_1252_LABEL, windows1252Bytes } from './windows-1252';

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]{1,40})/i;
const UTF8_LABEL = /^(?:utf-?8|unicode-1-1-utf-8)$/i;
/** A byte to decode: beyond ASCII, or the escape that switches ISO-2022-JP's 7-bit text to JIS X 0208. */
const NON_ASCII = /[^\x00-\x1a\x1c-\x7f]/;
const UNENCODED = new Set(['7bit', '8bit', 'binary']);

/** What is used of a TextDecoder, which DOS code pages have too (dos-code-pages.ts). */
interface Decoder {
  encoding: string;
  decode(bytes: Uint8Array): string;
}

const decoders = new Map<string, Decoder | null>();

function decoderFor(charset: string): Decoder | null {
  const label = charset.toLowerCase();
  let decoder = decoders.get(label);
  if (decoder === undefined) {
    const dos = dosCodePageOf(label);
    try {
      decoder = dos
        ? { encoding: `ibm${dos}`, decode: (bytes) => decodeDosCodePage(bytes, dos) }
        : new TextDecoder(label);
    } catch {
      decoder = null;
    }
    decoders.set(label, decoder);
  }
  return decoder;
}

/**
 * `part` with its lines decoded in the charset it declares, when they are that charset's bytes read as
 * Windows-1252.
 */
export function recoded8bitPart(part: PlainPart): PlainPart {
  if (!UNENCODED.has(part.encoding)) return part;
  const charset = CHARSET.exec(part.contentType ?? '')?.[1];
  if (!charset || UTF8_LABEL.test(charset) || WINDOWS_1252_LABEL.test(charset)) return part;
  if (!part.lines.some((line) => NON_ASCII.test(line))) return part;
  const decoder = decoderFor(charset);
  if (!decoder || decoder.encoding === 'windows-1252' || decoder.encoding === 'utf-8') return part;
  const lines: string[] = [];
  for (const line of part.lines) {
    if (!NON_ASCII.test(line)) {
      lines.push(line);
      continue;
    }
    const bytes = windows1252Bytes(line);
    if (!bytes) return part;
    lines.push(decoder.decode(bytes));
  }
  return { ...part, lines };
}
