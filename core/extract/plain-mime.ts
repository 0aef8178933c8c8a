/**
 * Fast path for messages with no encoded content (no base64, no quoted-printable): splits the MIME
 * structure on its boundaries line by line. postal-mime (used for everything else) finalises every
 * part through a Blob, which costs about 1 ms per part in Node; most bounces are 7bit/8bit text and
 * need no decoding at all.
 */
import { type Field, fieldValue, readFields, splitLines } from './header-block';

export interface PlainPart {
  type: string;
  /** Lower-case Content-Transfer-Encoding ('7bit' when absent). */
  encoding: string;
  /** The Content-Type header value as written (with its charset), when the part has one. */
  contentType?: string;
  lines: string[];
  /** Which multipart/alternative of the message the part is in (its nearest one), when in one. */
  alternative?: number;
}

export interface PlainMessage {
  top: Field[];
  parts: PlainPart[];
}

/** A message as split by `splitPlainMessage`: also its lines and where its body starts. */
export interface SplitMessage extends PlainMessage {
  lines: string[];
  /** Index in `lines` of the first body line (after the header block's blank line). */
  bodyStart: number;
}

const BOUNDARY = /boundary\s{0,4}=\s{0,4}(?:"([^"]{1,200})"|([^\s;"]{1,200}))/i;
const MAX_DEPTH = 8;

function contentType(fields: Field[]): string {
  return (
    (fieldValue(fields, 'content-type')?.value ?? 'text/plain').split(';')[0]?.trim().toLowerCase() ??
    'text/plain'
  );
}

function encodingOf(fields: Field[]): string {
  return (fieldValue(fields, 'content-transfer-encoding')?.value ?? '7bit')
    .replace(/["']/g, '')
    .trim()
    .toLowerCase();
}

function rawContentType(fields: Field[]): { contentType?: string } {
  const value = fieldValue(fields, 'content-type')?.value;
  return value ? { contentType: value } : {};
}

/** The boundary parameter of a Content-Type field, or null. */
export function boundaryOf(fields: readonly Field[]): string | null {
  const m = BOUNDARY.exec(fieldValue(fields, 'content-type')?.value ?? '');
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/** Where the parts go, and the multipart/alternative they are in (-1 when none). */
interface Into {
  out: PlainPart[];
  alternative: number;
  /** Multipart/alternative containers met so far in the message (their ids). */
  alternatives: { count: number };
}

function groupOf(into: Into): { alternative?: number } {
  return into.alternative >= 0 ? { alternative: into.alternative } : {};
}

/** The context for the parts of a multipart of `type`: a new id for each multipart/alternative. */
function inside(type: string, into: Into): Into {
  if (type !== 'multipart/alternative') return into;
  return { ...into, alternative: into.alternatives.count++ };
}

function splitParts(
  lines: readonly string[],
  from: number,
  boundary: string,
  depth: number,
  into: Into,
): void {
  const delimiter = `--${boundary}`;
  // Each chunk is the range of lines after a delimiter line, up to the next delimiter line.
  let chunkStart = -1;
  const chunks: string[][] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.charCodeAt(0) !== 45 || !line.startsWith(delimiter)) continue;
    const rest = line.slice(delimiter.length).trim();
    if (rest !== '--' && rest !== '') continue;
    if (chunkStart >= 0) chunks.push(lines.slice(chunkStart, i));
    chunkStart = rest === '' ? i + 1 : -1;
  }
  if (chunkStart >= 0) chunks.push(lines.slice(chunkStart));
  // Nothing split (a redacted or wrong boundary): keep the whole text as one plain part.
  if (chunks.length === 0) {
    const rest = from === 0 ? (lines as string[]) : lines.slice(from);
    into.out.push({ type: 'text/plain', encoding: '7bit', lines: rest, ...groupOf(into) });
    return;
  }
  for (const chunk of chunks) addPart(chunk, depth, into);
}

/** True when some field is a `Content-*` one (a part without any is read as plain text). */
function hasContentField(fields: readonly Field[]): boolean {
  for (const f of fields) if (f.name.startsWith('content-')) return true;
  return false;
}

/** Parts holding a returned message or its header block. */
const RETURNED_COPY = /^(?:message\/(?:rfc822|global)|(?:text|message)\/rfc822-headers)$/;

/** Fields only the returned message has, never a MIME part's own header. */
const COPY_FIELDS = new Set(['received', 'return-path', 'from', 'message-id', 'dkim-signature']);

/** A part's own header: MIME's `Content-*` fields (and a stray MIME-Version). */
function isPartHeaderLine(line: string): boolean {
  return (
    /^(?:content-[a-z-]{1,40}|mime-version)\s{0,4}:/i.test(line) ||
    line.startsWith(' ') ||
    line.startsWith('\t')
  );
}

/**
 * Where the returned copy starts in a part whose header block runs on into the copy's own header:
 * CommuniGate Pro writes no blank line after a `message/rfc822` part's Content-Type, so the copy's
 * Received, From and Date lines read as the part's (shape: ronbeltran/bounce_email,
 * tests/bounces/tt_bounce_03.txt). The first line of the block that is not a part header starts the
 * copy; the line after `end` (the blank line closing the block) otherwise.
 */
function copyStart(lines: readonly string[], fields: readonly Field[], end: number): number {
  // Only a block holding a message's own fields runs on into the copy: Exchange puts its X- fields
  // in the part's header, the copy after the blank line.
  if (!fields.some((f) => COPY_FIELDS.has(f.name))) return end + 1;
  for (let i = 0; i < end; i++) if (!isPartHeaderLine(lines[i] as string)) return i;
  return end + 1;
}

function addPart(lines: string[], depth: number, into: Into): void {
  const { fields, end } = readFields(lines, 0, true);
  const headerless = !hasContentField(fields);
  const type = headerless ? 'text/plain' : contentType(fields);
  const boundary = type.startsWith('multipart/') ? boundaryOf(fields) : null;
  if (boundary && depth < MAX_DEPTH)
    splitParts(lines, headerless ? 0 : end + 1, boundary, depth + 1, inside(type, into));
  else if (headerless) into.out.push({ type, encoding: '7bit', lines, ...groupOf(into) });
  else {
    const start = RETURNED_COPY.test(type) ? copyStart(lines, fields, end) : end + 1;
    // A copy that starts inside the block brings its own Content-* fields: only those above it are the
    // part's.
    const own = start > end ? fields : readFields(lines.slice(0, start), 0, true).fields;
    into.out.push({
      type,
      encoding: encodingOf(own),
      lines: lines.slice(start),
      ...rawContentType(own),
      ...groupOf(into),
    });
  }
}

/** The message split into parts, none decoded (see `needsDecoding`); `lines` are the whole message's. */
export function splitPlainMessage(raw: string): SplitMessage {
  const lines = splitLines(raw);
  const { fields: top, end } = readFields(lines, 0, true);
  const type = contentType(top);
  const boundary = type.startsWith('multipart/') ? boundaryOf(top) : null;
  const parts: PlainPart[] = [];
  const into = inside(type, { out: parts, alternative: -1, alternatives: { count: 0 } });
  if (boundary) splitParts(lines, end + 1, boundary, 0, into);
  else parts.push({ type, encoding: encodingOf(top), lines: lines.slice(end + 1), ...rawContentType(top) });
  return { top, parts, lines, bodyStart: end + 1 };
}

/**
 * True when a part the extraction reads (text, delivery status, returned headers) is base64 or
 * quoted-printable encoded. The body of a returned message/rfc822 is never read, so its encoding
 * does not matter.
 */
export function needsDecoding(message: PlainMessage, isRead: (type: string) => boolean): boolean {
  for (const p of message.parts) {
    if ((p.encoding === 'base64' || p.encoding === 'quoted-printable') && isRead(p.type)) return true;
  }
  return false;
}
