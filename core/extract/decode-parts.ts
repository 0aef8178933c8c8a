/**
 * Decodes only the parts of a bounce that the extraction reads and that are base64 or quoted-printable,
 * each handed to postal-mime alone as a one-part message (its own Content-Type, so its charset, and its
 * transfer encoding). Parsing the whole message instead would finalise every part (attachments, the
 * returned message) through a Blob, about 1 ms each; unencoded parts are already text.
 */
import PostalMime from 'postal-mime';
import type { Note } from '../types';
import { decodeBytes } from './decode-bytes';
import { dosCodePageOf, fromWindows1252Reading } from './dos-code-pages';
import { splitLines } from './header-block';
import { NOTES } from './notes';
import { isCompoundFile, outlookMessageText } from './outlook-file/msg-text';
import type { PlainMessage, PlainPart } from './plain-mime';
import { WINDOWS_1252_LABEL, withWindows1252Characters } from './windows-1252';

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]{1,40})/i;
const CHARSET_PARAMETER = /;\s*charset\s*=\s*"?[^";\s]{1,40}"?/i;

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (content instanceof ArrayBuffer || content instanceof Uint8Array)
    return new TextDecoder().decode(content);
  return '';
}

/** One part decoded by postal-mime alone (its transfer encoding, then its charset). */
export async function decodePart(part: PlainPart): Promise<PlainPart> {
  const charset = CHARSET.exec(part.contentType ?? '')?.[1];
  const dos = charset ? dosCodePageOf(charset) : null;
  // A DOS code page, which no TextDecoder knows, is decoded as Windows-1252 (one character per byte), then
  // its bytes again in the code page.
  const contentType = part.contentType ?? part.type;
  const header = [
    `Content-Type: ${dos ? contentType.replace(CHARSET_PARAMETER, '; charset=windows-1252') : contentType}`,
    `Content-Transfer-Encoding: ${part.encoding}`,
  ].join('\n');
  const email = await PostalMime.parse(`${header}\n\n${part.lines.join('\n')}\n`, {
    forceRfc822Attachments: true,
    attachmentEncoding: 'utf8',
  });
  let text: string;
  if (part.type === 'text/html') text = email.html ?? '';
  else if (part.type.startsWith('text/') && email.text !== undefined) text = email.text;
  else text = contentText(email.attachments[0]?.content);
  // postal-mime decodes with the platform's TextDecoder, which in Node reads Windows-1252 as Latin-1.
  if (dos) text = fromWindows1252Reading(text, dos) ?? withWindows1252Characters(text);
  else if (charset && WINDOWS_1252_LABEL.test(charset)) text = withWindows1252Characters(text);
  return { type: part.type, encoding: 'binary', lines: splitLines(text) };
}

/** A line of base64 (RFC 2045 6.8: its alphabet, `=` padding at the end), blanks around it allowed. */
const BASE64_LINE = /^[ \t]*[A-Za-z0-9+/]*={0,2}[ \t]*$/;

/** What no decoding of text gives: the decoder's replacement character, control characters. */
const NOT_TEXT = /[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/**
 * A base64 part and whether some of its lines were no base64. postal-mime drops every character outside
 * base64's alphabet, so a part whose text was sent as it is under a `base64` label (a broken gateway) or
 * whose lines were damaged in transit decoded to noise, and the reply in it was lost without a word.
 * Such a part is read run by run: each run of base64 lines decoded (lines of 76 characters keep the
 * 4-character groups aligned), kept as written when it decodes to no text, and the other lines as
 * they are.
 */
async function decodeBase64Part(part: PlainPart): Promise<{ part: PlainPart; damaged: boolean }> {
  if (part.lines.every((l) => BASE64_LINE.test(l))) return { part: await decodePart(part), damaged: false };
  const lines: string[] = [];
  let run: string[] = [];
  const endRun = async () => {
    if (run.length === 0) return;
    const decoded = await decodePart({ ...part, lines: run });
    const text = decoded.lines.join('\n');
    if (run.some((l) => l.trim() !== '') && !NOT_TEXT.test(text)) lines.push(...decoded.lines);
    else lines.push(...run);
    run = [];
  };
  for (const line of part.lines) {
    if (BASE64_LINE.test(line)) run.push(line);
    else {
      await endRun();
      lines.push(line);
    }
  }
  await endRun();
  return { part: { type: part.type, encoding: 'binary', lines }, damaged: true };
}

/**
 * The message with every read, encoded part replaced by its decoded text (parts decoded together), and
 * a note when a base64 part held lines that are no base64 (read as written, decodeBase64Part).
 */
export async function decodeReadParts(
  message: PlainMessage,
  isRead: (type: string) => boolean,
): Promise<PlainMessage & { notes: Note[] }> {
  let damaged = false;
  const parts = await Promise.all(
    message.parts.map(async (p) => {
      if (!isRead(p.type)) return p;
      if (p.encoding === 'quoted-printable') return decodePart(p);
      if (p.encoding !== 'base64') return p;
      const read = await decodeBase64Part(p);
      damaged ||= read.damaged;
      return read.part;
    }),
  );
  return { top: message.top, parts, notes: damaged ? [NOTES.damagedBase64()] : [] };
}

/**
 * The message a forward attaches, encoded (base64, quoted-printable) or as an `.eml` file, decoded by
 * postal-mime from its part's `header` and encoded `content`: its bytes read as a file dropped alone
 * would be (UTF-8, else Windows-1252: decode-bytes.ts, with its notes), an Outlook `.msg` file as the
 * message it holds (outlook-file/msg-text.ts), or null when the part holds no message (a file not named
 * `.eml` or `.msg`, binary content) or cannot be decoded.
 */
export async function attachedMessageText(
  header: string,
  content: string,
): Promise<{ text: string; warnings: Note[] } | null> {
  try {
    const email = await PostalMime.parse(`${header}\n\n${content}\n`, { forceRfc822Attachments: true });
    const file = email.attachments[0];
    if (!file || !(file.content instanceof ArrayBuffer)) return null;
    const bytes = new Uint8Array(file.content);
    // A saved Outlook message (application/vnd.ms-outlook, `.msg`): known by its signature. A .msg that is
    // no message, or damaged, throws: null, and the mail is read as before (outlook-msg.ts's note).
    if (isCompoundFile(bytes)) return { text: outlookMessageText(bytes), warnings: [] };
    const named = /\.eml$/i.test(file.filename?.trim() ?? '');
    if (file.mimeType.toLowerCase() !== 'message/rfc822' && !named) return null;
    const decoded = decodeBytes(bytes);
    return decoded.text === null ? null : { text: decoded.text, warnings: decoded.warnings };
  } catch {
    return null;
  }
}
