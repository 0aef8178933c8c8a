/**
 * The body of a quoted-printable part pasted without the headers that said so: a notice copied from a
 * mail client's "view source" below its part headers, or from a forum post. Its soft line breaks (`=` at
 * the end of a line) cut words in two (`Unkn=` / `own user`), its accents are `=E9` and its `=` signs
 * `=3D`: readers found two replies in one and no French label. Such a paste is decoded by postal-mime as
 * the one part it is, when every `=` in it is an escape or a soft break and three lines at least end
 * in one (or it holds escapes of accented letters); a text with any other `=` (`status=sent`,
 * `d=example.com`), or with an escape of a digit or a letter (`?ip=51.15.22.33`), was never
 * quoted-printable.
 */
import { decodePart } from './decode-parts';

export interface QuotedPrintablePaste {
  text: string;
  /** For each line of `text` (0-based), its 1-based number in the paste. */
  pasteLine: number[];
}

const SOFT_BREAK = /=\r?$/;
/** An `=` that is neither an escape (`=E9`, upper-case hex) nor a soft break. */
const PLAIN_EQUALS = /=(?![0-9A-F]{2}|\r?$)/m;
const MIN_SOFT_BREAKS = 3;
/**
 * Or escapes of accented letters enough (`Un probl=C3=A8me`, `R=C3=A9ponse`: UTF-8's pairs, or Latin-1's
 * `entr=E9e` inside a word) in a short notice.
 */
const MIN_ACCENT_ESCAPES = 2;
const ACCENT_ESCAPES = /=[C-F][0-9A-F](?:=[89AB][0-9A-F]|(?=[a-z]))/g;
const ESCAPE = /=[0-9A-F]{2}/;
/**
 * An escape no encoder writes: a digit or a letter (`=46` aside, the `F` of a line's `From `). Replies
 * are full of them (Cloudmark's `?ip=51.15.22.33`, Microsoft's `?LinkID=526655`): such a text is no
 * quoted-printable.
 */
const NEEDLESS_ESCAPE = /=(?:3[0-9]|4[1-57-9A-F]|5[0-9A]|6[1-9A-F]|7[0-9A])/;
const DECLARED = /^Content-Transfer-Encoding:\s{0,4}quoted-printable/im;
const STARTS_WITH_FIELD = /^[A-Za-z][A-Za-z0-9-]{0,60}:[ \t]/;

/** The paste decoded as a quoted-printable text part in `charset` (decode-parts.ts). */
async function decoded(lines: string[], charset: string): Promise<string> {
  const part = {
    type: 'text/plain',
    contentType: `text/plain; charset=${charset}`,
    encoding: 'quoted-printable',
    lines,
  };
  return (await decodePart(part)).lines.join('\n');
}

/** The paste decoded, or null when it is not a quoted-printable body pasted alone. */
export async function quotedPrintablePaste(paste: string): Promise<QuotedPrintablePaste | null> {
  // Cheap tests first: every paste goes through here.
  if (!paste.includes('=\n') && !paste.includes('=\r\n') && !ESCAPE.test(paste)) return null;
  // A message (header fields first) or a part that says it is quoted-printable is its reader's to decode.
  // (The test of the first line first: a message, most pastes, is not scanned whole for the declaration.)
  if (STARTS_WITH_FIELD.test(paste.trimStart()) || DECLARED.test(paste) || PLAIN_EQUALS.test(paste))
    return null;
  if (NEEDLESS_ESCAPE.test(paste)) return null;
  const lines = paste.split('\n');
  // Each decoded line starts where the paste's line after a hard break does.
  const pasteLine: number[] = [1];
  let soft = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    if (SOFT_BREAK.test(lines[i] as string)) soft++;
    else pasteLine.push(i + 2);
  }
  if (soft < MIN_SOFT_BREAKS && (paste.match(ACCENT_ESCAPES) ?? []).length < MIN_ACCENT_ESCAPES) return null;
  // UTF-8 unless its bytes are not (a Latin-1 notice's `=E9`): then Windows-1252, as a mail client would.
  let text = await decoded(lines, 'utf-8');
  if (text.includes('\ufffd')) text = await decoded(lines, 'windows-1252');
  if (text.split('\n').length > pasteLine.length + 1) return null;
  return { text, pasteLine };
}
