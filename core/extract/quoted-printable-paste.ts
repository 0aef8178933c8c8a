/**
 * The body of a quoted-printable part pasted without the headers that said so: a notice copied from a
 * mail client's "view source" below its part headers, or from a forum post. Its soft line breaks (`=` at
 * the end of a line) cut words in two (`Unkn=` / `own user`), its accents are `=E9` and its `=` signs
 * `=3D`: readers found two replies in one and no French label. Such a paste is decoded by postal-mime as
 * the one part it is, when every `=` in it is an escape or a soft break and three lines at least end
 * in one (or it holds four escapes); a text with any other `=` (`status=sent`, `d=example.com`) was never quoted-printable.
 */
import PostalMime from 'postal-mime';
import { withWindows1252Characters } from './windows-1252';

export interface QuotedPrintablePaste {
  text: string;
  /** For each line of `text` (0-based), its 1-based number in the paste. */
  pasteLine: number[];
}

const SOFT_BREAK = /=\r?$/;
/** An `=` that is neither an escape (`=E9`, upper-case hex) nor a soft break. */
const PLAIN_EQUALS = /=(?![0-9A-F]{2}|\r?$)/m;
const MIN_SOFT_BREAKS = 3;
/** Or escapes enough (`Un probl=C3=A8me`, `R=C3=A9ponse`: four bytes of two accents) in a short notice. */
const MIN_ESCAPES = 4;
const ESCAPE = /=[0-9A-F]{2}/;
const ESCAPES = /=[0-9A-F]{2}/g;
const DECLARED = /^Content-Transfer-Encoding:\s{0,4}quoted-printable/im;
const STARTS_WITH_FIELD = /^[A-Za-z][A-Za-z0-9-]{0,60}:[ \t]/;

async function decoded(paste: string, charset: string): Promise<string> {
  const part = `Content-Type: text/plain; charset=${charset}\nContent-Transfer-Encoding: quoted-printable\n\n`;
  const email = await PostalMime.parse(`${part}${paste}\n`);
  return email.text ?? '';
}

/** The paste decoded, or null when it is not a quoted-printable body pasted alone. */
export async function quotedPrintablePaste(paste: string): Promise<QuotedPrintablePaste | null> {
  // Cheap tests first: every paste goes through here.
  if (!paste.includes('=\n') && !paste.includes('=\r\n') && !ESCAPE.test(paste)) return null;
  // A message (header fields first) or a part that says it is quoted-printable is its reader's to decode.
  if (DECLARED.test(paste) || STARTS_WITH_FIELD.test(paste.trimStart()) || PLAIN_EQUALS.test(paste))
    return null;
  const lines = paste.split('\n');
  // Each decoded line starts where the paste's line after a hard break does.
  const pasteLine: number[] = [1];
  let soft = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    if (SOFT_BREAK.test(lines[i] as string)) soft++;
    else pasteLine.push(i + 2);
  }
  if (soft < MIN_SOFT_BREAKS && (paste.match(ESCAPES) ?? []).length < MIN_ESCAPES) return null;
  // UTF-8 unless its bytes are not (a Latin-1 notice's `=E9`): then Windows-1252, as a mail client would.
  let text = await decoded(paste, 'utf-8');
  if (text.includes('\ufffd')) text = withWindows1252Characters(await decoded(paste, 'windows-1252'));
  text = text.replace(/\r\n/g, '\n');
  if (text.split('\n').length > pasteLine.length + 1) return null;
  return { text, pasteLine };
}
