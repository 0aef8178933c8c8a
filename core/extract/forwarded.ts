/**
 * A bounce forwarded as an attachment: a customer's message (`TR: Undelivered Mail...`) whose
 * `message/rfc822` part is the bounce itself. Read as the outer message, the bounce's own headers (its
 * `Received:` lines into the sender's mailbox) look like those of the returned message, and the
 * sender's inbound MX passes for a sending host. The attached bounce is read on its own instead, with
 * the line numbers of the whole paste.
 */
import { fieldValue, readFields } from './header-block';
import { boundaryOf } from './plain-mime';

export interface ForwardedBounce {
  /** The attached message, as written in the paste. */
  text: string;
  /** Its first and last lines in the paste (1-based). */
  from: number;
  to: number;
}

/** The outer message is itself a notice: its parts are the bounce's, not a forward. */
export const NOTICE_SENDER = /mailer-daemon|postmaster|mail delivery|mail administrator/i;
/** A report, or the words a bounce's own headers and first lines carry. */
const BOUNCE_SIGNS =
  /multipart\/report|message\/delivery-status|^From:.*(?:mailer-daemon|postmaster|mail delivery)|^Diagnostic-Code:|^X-Failed-Recipients:|This is the mail system at host|Delivery has failed|could not be delivered|couldn['’]t be delivered|Undeliver/im;

/**
 * The bounces attached to a forwarded message, in order (a customer may forward several at once, each
 * as its own attachment); none when the text is not a multipart message forwarding one (a bounce
 * itself, an unencoded `message/rfc822` part that does not look like a bounce, an encoded one whose
 * lines are not in the paste).
 */
export function forwardedBounces(lines: readonly string[]): ForwardedBounce[] {
  const found: ForwardedBounce[] = [];
  const top = readFields(lines, 0, true);
  const contentType = fieldValue(top.fields, 'content-type')?.value ?? '';
  if (!/^multipart\/(?:mixed|related|alternative)/i.test(contentType)) return found;
  if (NOTICE_SENDER.test(fieldValue(top.fields, 'from')?.value ?? '')) return found;
  const boundary = boundaryOf(top.fields);
  if (!boundary) return found;
  const delimiter = `--${boundary}`;
  for (let i = top.end; i < lines.length; i++) {
    if ((lines[i] as string).trimEnd() !== delimiter) continue;
    const part = readFields(lines, i + 1, true);
    const type = fieldValue(part.fields, 'content-type')?.value ?? '';
    const encoding = (fieldValue(part.fields, 'content-transfer-encoding')?.value ?? '7bit').toLowerCase();
    if (!/^message\/rfc822/i.test(type) || !/^(?:7bit|8bit|binary)$/.test(encoding)) continue;
    const first = part.end + 1;
    let last = first;
    while (last < lines.length && !(lines[last] as string).startsWith(delimiter)) last++;
    const inner = lines.slice(first, last);
    if (!BOUNCE_SIGNS.test(inner.join('\n').slice(0, 64 * 1024))) continue;
    found.push({ text: inner.join('\n'), from: first + 1, to: last });
    i = last - 1;
  }
  return found;
}
