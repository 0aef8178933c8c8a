/**
 * A bounce forwarded as an attachment: a customer's message (`TR: Undelivered Mail...`) whose
 * `message/rfc822` part is the bounce itself. Read as the outer message, the bounce's own headers (its
 * `Received:` lines into the sender's mailbox) look like those of the returned message, and the
 * sender's inbound MX passes for a sending host. The attached bounce is read on its own instead, with
 * the line numbers of the whole paste. An attachment the mail client encoded (Gmail, Outlook and
 * Thunderbird send it base64 as `message/rfc822`, or as an `.eml` file in `application/octet-stream`;
 * a saved Outlook message as a `.msg` file, `application/vnd.ms-outlook`) is not in the paste as text:
 * it is handed back with its part's header, to be decoded (decode-parts.ts).
 */
import { isForwardSubject } from './forward-subject';
import { fieldValue, readFields } from './header-block';
import { boundaryOf } from './plain-mime';

export interface ForwardedBounce {
  /** The attached message, as written in the paste. */
  text: string;
  /** Its first and last lines in the paste (1-based). */
  from: number;
  to: number;
  /**
   * For an attachment to decode: its part's header lines as written, and the 1-based line where the
   * part starts (its first header line). `text` is then the encoded content, read only once decoded.
   */
  encoded?: { header: string; partLine: number };
}

/**
 * The outer message is itself a notice: its parts are the bounce's, not a forward. Unless its subject
 * is a forward's (forward-subject.ts): a postmaster passing a bounce on to the support desk.
 */
export const NOTICE_SENDER = /mailer-daemon|postmaster|mail delivery|mail administrator/i;
/** A report, or the words a bounce's own headers and first lines carry. */
const BOUNCE_SIGNS =
  /multipart\/report|message\/delivery-status|^From:.*(?:mailer-daemon|postmaster|mail delivery)|^Diagnostic-Code:|^X-Failed-Recipients:|This is the mail system at host|Delivery has failed|could not be delivered|couldn['’]t be delivered|Undeliver/im;

/**
 * Cheap test before forwardedBounces: the first Content-Type (the message's own) is multipart/mixed or
 * the like, the first From is not a mail system's, and some part is a message/rfc822 (or a file).
 */
export function mayForwardBounce(input: string): boolean {
  const head = input.slice(0, 16 * 1024);
  const type = /^content-type:[ \t]*([^\s;]{1,100})/im.exec(head)?.[1] ?? '';
  if (!/^multipart\/(?:mixed|related|alternative)$/i.test(type)) return false;
  const from = /^from:([^\r\n]{0,300})/im.exec(head)?.[1] ?? '';
  const subject = /^subject:([^\r\n]{0,300})/im.exec(head)?.[1] ?? '';
  if (NOTICE_SENDER.test(from) && !isForwardSubject(subject)) return false;
  // (Or an `.eml` file in `application/octet-stream`: Outlook's forward as an attachment; or a saved
  // Outlook message, `.msg`.)
  return /^content-type:[ \t]*(?:message\/rfc822|application\/octet-stream|application\/vnd\.ms-outlook)/im.test(
    input,
  );
}

/** True when a message's text shows it is a bounce (its own headers, or its first 64 kB). */
export function looksLikeBounceText(text: string): boolean {
  return BOUNCE_SIGNS.test(text.slice(0, 64 * 1024));
}

/** Encodings whose content is the message's text as written. */
const PLAIN_ENCODING = /^(?:7bit|8bit|binary)$/;

/**
 * An `.eml` file attached as `application/octet-stream` (Outlook's forward as attachment), or an
 * Outlook `.msg` file: its name, in the part's header, ends with `.eml` or `.msg`, unless encoded
 * (RFC 2047's `=?utf-8?B?...?=`), when only the decoded name tells. Another file (a PDF, a zip) is never
 * read as a message.
 */
const MAY_NAME_EML = /\.(?:eml|msg)\b|=\?[^?\s]{1,40}\?[BQbq]\?/;

/**
 * The bounces attached to a forwarded message, in order (a customer may forward several at once, each
 * as its own attachment); none when the text is not a multipart message forwarding one (a bounce
 * itself, an unencoded `message/rfc822` part that does not look like a bounce). Encoded attachments
 * (and `.eml` files) come back as candidates, told bounces or not once decoded.
 */
export function forwardedBounces(lines: readonly string[]): ForwardedBounce[] {
  const found: ForwardedBounce[] = [];
  const top = readFields(lines, 0, true);
  const contentType = fieldValue(top.fields, 'content-type')?.value ?? '';
  if (!/^multipart\/(?:mixed|related|alternative)/i.test(contentType)) return found;
  const from = fieldValue(top.fields, 'from')?.value ?? '';
  if (NOTICE_SENDER.test(from) && !isForwardSubject(fieldValue(top.fields, 'subject')?.value ?? ''))
    return found;
  const boundary = boundaryOf(top.fields);
  if (!boundary) return found;
  const delimiter = `--${boundary}`;
  for (let i = top.end; i < lines.length; i++) {
    if ((lines[i] as string).trimEnd() !== delimiter) continue;
    const part = readFields(lines, i + 1, true);
    const type = fieldValue(part.fields, 'content-type')?.value ?? '';
    const encoding = (fieldValue(part.fields, 'content-transfer-encoding')?.value ?? '7bit')
      .replace(/["']/g, '')
      .trim()
      .toLowerCase();
    const message = /^message\/rfc822/i.test(type);
    const header = lines.slice(i + 1, part.end);
    const file =
      !message &&
      (/^application\/vnd\.ms-outlook/i.test(type) ||
        (/^application\/octet-stream/i.test(type) && MAY_NAME_EML.test(header.join('\n'))));
    if (!message && !file) continue;
    const first = part.end + 1;
    let last = first;
    while (last < lines.length && !(lines[last] as string).startsWith(delimiter)) last++;
    const inner = lines.slice(first, last);
    if (message && PLAIN_ENCODING.test(encoding)) {
      if (!looksLikeBounceText(inner.join('\n'))) continue;
      found.push({ text: inner.join('\n'), from: first + 1, to: last });
    } else {
      const encoded = { header: header.join('\n'), partLine: i + 2 };
      found.push({ text: inner.join('\n'), from: first + 1, to: last, encoded });
    }
    i = last - 1;
  }
  return found;
}
