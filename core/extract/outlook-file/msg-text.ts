/**
 * An Outlook `.msg` file ([MS-OXMSG]: MAPI properties in a Compound File) turned into the MIME message the
 * engine reads: the transport headers Outlook kept (PidTagTransportMessageHeaders), the body (PidTagBody,
 * else PidTagHtml, else the compressed RTF body: compressed-rtf.ts, rtf-text.ts), for a non-delivery report
 * its recipient table as a `message/delivery-status` part (report-recipients.ts), and the attachments that
 * are messages (the returned original, an attached `.eml` or `.msg`) as `message/rfc822` parts. Pure: runs in
 * the renderer as in Node.
 */
import { fileText } from '../decode-bytes';
import { isCompoundFile, openCompoundFile } from './compound-file';
import { decompressedRtf } from './compressed-rtf';
import { decodeCodePage, MapiObject, type MapiStorage, PT_BINARY } from './mapi-properties';
import { recipientFields, reportKind } from './report-recipients';
import { rtfText } from './rtf-text';

/** [MS-OXPROPS] property ids read from a message and its attachments. */
const MESSAGE_CLASS = 0x001a; // PidTagMessageClass
const SUBJECT = 0x0037; // PidTagSubject
const CLIENT_SUBMIT_TIME = 0x0039; // PidTagClientSubmitTime
const TRANSPORT_HEADERS = 0x007d; // PidTagTransportMessageHeaders
const DELIVERY_TIME = 0x0e06; // PidTagMessageDeliveryTime
const SENDER_NAME = 0x0c1a; // PidTagSenderName
const SENDER_EMAIL = 0x0c1f; // PidTagSenderEmailAddress
const SENDER_SMTP = 0x5d01; // PidTagSenderSmtpAddress
const INTERNET_MESSAGE_ID = 0x1035; // PidTagInternetMessageId
const BODY = 0x1000; // PidTagBody
const HTML = 0x1013; // PidTagHtml (PtypBinary in the message's code page, or a string)
const RTF_COMPRESSED = 0x1009; // PidTagRtfCompressed
const ATTACH_DATA = 0x3701; // PidTagAttachDataBinary / PidTagAttachDataObject
const ATTACH_FILENAME = 0x3704; // PidTagAttachFilename
const ATTACH_LONG_FILENAME = 0x3707; // PidTagAttachLongFilename
const ATTACH_METHOD = 0x3705; // PidTagAttachMethod: 1 by value, 5 embedded message
const ATTACH_MIME_TAG = 0x370e; // PidTagAttachMimeTag

/** [MS-OXMSG] 2.2.1: the embedded message's storage inside an attachment's. */
const EMBEDDED_STORAGE = '__substg1.0_3701000D';

/** Limits against a hostile file: messages within messages, attachments and recipients per message. */
const MAX_DEPTH = 4;
const MAX_ATTACHMENTS = 100;
const MAX_RECIPIENTS = 500;

/** MIME fields of the original message: its parts are not there any more, they are rebuilt here. */
const MIME_FIELD = /^(?:content-[a-z-]+|mime-version):/i;

export { isCompoundFile };

/** Thrown for a Compound File that is not an Outlook message, one too damaged to open, or one too large. */
export class NotOutlookMessageError extends Error {}

/** The headers Outlook kept, without the MIME fields of parts it no longer has; CRLF made LF. */
function keptHeaders(headers: string): string[] {
  const out: string[] = [];
  let skipping = false;
  for (const line of headers.replace(/\r\n?/g, '\n').split('\n')) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) {
      if (!skipping) out.push(line);
      continue;
    }
    skipping = MIME_FIELD.test(line);
    if (!skipping) out.push(line);
  }
  return out;
}

/**
 * Headers from the message's own properties, when Outlook kept no transport headers (a draft, a local NDR).
 */
function madeHeaders(message: MapiObject): string[] {
  const out: string[] = [];
  const date = message.time(CLIENT_SUBMIT_TIME) ?? message.time(DELIVERY_TIME);
  if (date) out.push(`Date: ${date.toUTCString().replace('GMT', '+0000')}`);
  const email = message.string(SENDER_SMTP) ?? message.string(SENDER_EMAIL);
  const name = message.string(SENDER_NAME);
  if (email?.includes('@')) out.push(`From: ${name ? `"${name.replace(/"/g, "'")}" ` : ''}<${email}>`);
  const subject = message.string(SUBJECT);
  if (subject) out.push(`Subject: ${subject.replace(/[\r\n]+/g, ' ')}`);
  const id = message.string(INTERNET_MESSAGE_ID);
  if (id) out.push(`Message-ID: ${id}`);
  return out;
}

interface Part {
  type: string;
  content: string;
}

function htmlBody(message: MapiObject): string | null {
  const binary = message.bytes(HTML, PT_BINARY);
  if (binary) return decodeCodePage(binary, message.stringCodePage);
  return message.string(HTML);
}

/**
 * The header field that tells the reader (read-paste.ts) why a message has no body: Outlook kept it
 * only as compressed RTF, and that stream is damaged.
 */
export const RTF_DAMAGED_FIELD = 'X-Outlook-Rtf-Body-Damaged';

/** The body Outlook kept only as compressed RTF, as a part, or why it could not be read. */
function rtfBody(message: MapiObject): Part | { damaged: string } | null {
  const stream = message.bytes(RTF_COMPRESSED, PT_BINARY);
  if (!stream) return null;
  const rtf = decompressedRtf(stream);
  if ('damaged' in rtf) return rtf;
  const body = rtfText(rtf.rtf);
  return {
    type: body.kind === 'html' ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
    content: body.text,
  };
}

function attachmentPart(attachment: MapiObject, codePage: number | null, depth: number): Part | null {
  if (attachment.long(ATTACH_METHOD) === 5) {
    const storage = attachment.storage.storage(EMBEDDED_STORAGE);
    if (!storage) return null;
    const content = messageEntity(new MapiObject(storage, 24, codePage), depth + 1);
    return content === null ? null : { type: 'message/rfc822', content };
  }
  const data = attachment.bytes(ATTACH_DATA, PT_BINARY);
  if (!data) return null;
  const name = attachment.string(ATTACH_LONG_FILENAME) ?? attachment.string(ATTACH_FILENAME) ?? '';
  const mime = (attachment.string(ATTACH_MIME_TAG) ?? '').toLowerCase();
  if (isCompoundFile(data)) {
    // An attached `.doc` is a Compound File too: it is skipped, not an error of the whole message.
    try {
      const content = depth + 1 < MAX_DEPTH ? fileEntity(data, depth + 1) : null;
      return content === null ? null : { type: 'message/rfc822', content };
    } catch {
      return null;
    }
  }
  if (mime === 'text/rfc822-headers') return { type: mime, content: fileText(data) };
  if (mime === 'message/rfc822' || /\.eml$/i.test(name))
    return { type: 'message/rfc822', content: fileText(data) };
  return null;
}

function boundary(depth: number, parts: Part[]): string {
  let b = `=_outlook-msg-${depth}`;
  while (parts.some((p) => p.content.includes(b))) b += '_';
  return b;
}

/** One message as a MIME entity (headers, blank line, body), or null past the depth limit. */
function messageEntity(message: MapiObject, depth: number): string | null {
  if (depth >= MAX_DEPTH) return null;
  const transport = message.string(TRANSPORT_HEADERS);
  const headers = transport?.trim() ? keptHeaders(transport) : madeHeaders(message);
  const parts: Part[] = [];
  const body = message.string(BODY);
  const html = body === null ? htmlBody(message) : null;
  const rtf = body === null && html === null ? rtfBody(message) : null;
  if (body !== null) parts.push({ type: 'text/plain; charset=utf-8', content: body });
  else if (html !== null) parts.push({ type: 'text/html; charset=utf-8', content: html });
  else if (rtf && 'damaged' in rtf) headers.push(`${RTF_DAMAGED_FIELD}: ${rtf.damaged}`);
  else if (rtf) parts.push(rtf);
  const kind = reportKind(message.string(MESSAGE_CLASS));
  if (kind) {
    const recipients = message.storage.storages('__recip_version1.0_#').slice(0, MAX_RECIPIENTS);
    const fields = recipients
      .map((r) => recipientFields(new MapiObject(r, 8, message.stringCodePage), kind))
      .filter((f): f is string => f !== null);
    if (fields.length > 0)
      parts.push({ type: 'message/delivery-status', content: `\n${fields.join('\n\n')}\n` });
  }
  for (const attachment of message.storage.storages('__attach_version1.0_#').slice(0, MAX_ATTACHMENTS)) {
    const part = attachmentPart(
      new MapiObject(attachment, 8, message.stringCodePage),
      message.stringCodePage,
      depth,
    );
    if (part) parts.push(part);
  }
  const lines = [...headers, 'MIME-Version: 1.0'];
  if (parts.length <= 1) {
    const only = parts[0] ?? { type: 'text/plain; charset=utf-8', content: '' };
    lines.push(`Content-Type: ${only.type}`, 'Content-Transfer-Encoding: 8bit', '', only.content);
    return lines.join('\n');
  }
  const b = boundary(depth, parts);
  const report = parts.some((p) => p.type === 'message/delivery-status');
  lines.push(
    `Content-Type: ${report ? 'multipart/report; report-type=delivery-status' : 'multipart/mixed'}; boundary="${b}"`,
    '',
  );
  for (const part of parts) {
    lines.push(`--${b}`, `Content-Type: ${part.type}`, 'Content-Transfer-Encoding: 8bit', '', part.content);
  }
  lines.push(`--${b}--`, '');
  return lines.join('\n');
}

function fileEntity(bytes: Uint8Array, depth: number): string | null {
  let root: MapiStorage;
  try {
    root = openCompoundFile(bytes);
  } catch (error) {
    throw new NotOutlookMessageError(`a damaged Outlook message (.msg): ${(error as Error).message}`);
  }
  const message = new MapiObject(root, 32);
  if (!message.hasProperties || message.string(MESSAGE_CLASS) === null)
    throw new NotOutlookMessageError(
      'a Compound File that is not an Outlook message (.msg): a Word or Excel document (.doc, .xls) perhaps',
    );
  return messageEntity(message, depth);
}

/**
 * Largest `.msg` read. The container library copies each stream out, as arrays of numbers where there is
 * no Node Buffer (the page): measured, a 40 MB file took about 890 MB of memory there. A bounce, even
 * with the returned message attached, is far smaller.
 */
export const MAX_MSG_BYTES = 25_000_000;

/** The text the engine reads for an Outlook `.msg` file's bytes; throws NotOutlookMessageError. */
export function outlookMessageText(bytes: Uint8Array): string {
  if (bytes.length > MAX_MSG_BYTES)
    throw new NotOutlookMessageError(
      `an Outlook message (.msg) of ${Math.round(bytes.length / 1e6)} MB, over the ${MAX_MSG_BYTES / 1e6} MB read from such files: save the bounce from Outlook as a text file or paste its text`,
    );
  return fileEntity(bytes, 0) ?? '';
}
